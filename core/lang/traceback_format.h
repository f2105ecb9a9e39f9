// Formats tracebacks and syntax errors exactly as CPython 3.12 prints them.
#pragma once

#include <string>

namespace heaplab {

// One `File "...", line N, in NAME` entry with its source line and the
// position carets 3.12 draws (with ~ and ^ anchors for binary operators and
// subscripts). `line` is empty when the source is not available.
std::string format_traceback_entry(const std::string& filename, int lineno, const std::string& scope,
                                   const std::string& line, int end_lineno, int col, int end_col);

// Collapses recursion in a printed traceback as CPython does: of a run of
// entries with the same file, line and function, the first three print and
// the rest become "  [Previous line repeated N more times]".
class TracebackRepeats {
 public:
  // Whether the entry is printed; appends a pending repeat note to `out`.
  bool next(const std::string& filename, int lineno, const std::string& scope, std::string* out);
  // Appends the note for a run that ends the traceback.
  void finish(std::string* out);

 private:
  std::string filename_, scope_;
  int lineno_ = -1;
  long count_ = 0;
};

// The text printed for an uncaught SyntaxError (no "Traceback" header).
std::string format_syntax_error(const std::string& type, const std::string& msg, const std::string& filename,
                                int lineno, int offset, int end_lineno, int end_offset, const std::string& text);

}  // namespace heaplab
