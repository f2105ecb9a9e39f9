// Python 3.12 source -> tokens, with the tokenizer's own SyntaxErrors
// (indentation, unterminated strings, bad numbers, invalid characters,
// unbalanced brackets).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/lang/syntax_error.h"
#include "core/lang/token.h"

namespace heaplab {

// An opening bracket still open when the source ended.
struct OpenBracket {
  char ch = 0;
  int lineno = 0;
  int col = 0;  // 0-based, bytes
};

struct TokenizeResult {
  // Ends with EndMarker, or with an Error token when `error` is set or the
  // source ended inside brackets (`unclosed` is then set).
  std::vector<Token> tokens;
  std::optional<SyntaxErrorInfo> error;
  std::optional<OpenBracket> unclosed;  // innermost bracket open at end of input
  bool eof_in_triple_quote = false;     // for REPL completeness
  bool eof_after_backslash = false;     // for REPL completeness
};

TokenizeResult tokenize(std::string_view source);

// Tools shared with the parser to build SyntaxErrors.
std::string_view source_line(std::string_view source, int lineno);  // with its newline
int byte_col_to_offset(std::string_view line, int byte_col);        // 1-based character offset

// "(" for Op::LPar ... as written in source.
std::string_view op_text(Op op);

}  // namespace heaplab
