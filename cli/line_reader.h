// Reads the REPL's input lines straight from a file descriptor, so that a
// Ctrl-C at the prompt interrupts the read (EINTR) instead of being lost in
// a stdio buffer or leaving std::cin in a failed state.
#pragma once

#include <string>

#include "cli/program_driver.h"

namespace heaplab::cli {

class LineReader {
 public:
  enum class Status { Line, EndOfInput, Interrupted };

  explicit LineReader(int fd) : fd_(fd) {}

  // Reads one line into `line`, without its newline. A last line that has no
  // newline is still returned as a Line; EndOfInput comes on the next call.
  Status read_line(std::string& line);

  // Drops what was typed but not yet returned (after a Ctrl-C).
  void discard_pending() { pending_.clear(); }

  // The program's input() reading from this reader.
  InputSource input_source();

 private:
  int fd_;
  std::string pending_;
  bool at_end_ = false;
};

}  // namespace heaplab::cli
