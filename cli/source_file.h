// Reading a Python source file given on the command line.
#pragma once

#include <optional>
#include <string>

namespace heaplab::cli {

struct SourceFile {
  std::optional<std::string> text;
  std::string error;  // "[Errno 2] No such file or directory" when text is empty
};

SourceFile read_source_file(const std::string& path);

// The file name tracebacks show for a script given on the command line:
// CPython 3.9+ makes it absolute (cwd joined with the path, not normalized).
std::string traceback_filename(const std::string& path);

// Prints CPython's message for a file it cannot open, e.g.
// `heaplab: can't open file 'x.py': [Errno 2] No such file or directory`.
void report_unreadable_file(const std::string& path, const std::string& error);

}  // namespace heaplab::cli
