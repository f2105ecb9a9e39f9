// A SyntaxError (or IndentationError / TabError) exactly as CPython 3.12
// reports it, so the session can raise the matching Python exception.
#pragma once

#include <string>

namespace heaplab {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError" or "TabError"
  std::string msg;
  int lineno = 0;       // 1-based
  int offset = 0;       // 1-based, in characters (code points) of `text`
  int end_lineno = 0;   // 0 when CPython leaves it unset
  int end_offset = 0;   // 0 when CPython leaves it unset
  std::string text;     // the offending source line, with its newline
  // The error only says the input stopped early (open bracket, unterminated
  // triple-quoted string, block without body...): a REPL should read more.
  bool incomplete = false;
};

}  // namespace heaplab
