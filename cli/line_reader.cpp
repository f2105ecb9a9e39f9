#include "cli/line_reader.h"

#include <unistd.h>

#include <cerrno>

#include "cli/interrupt_signal.h"

namespace heaplab::cli {

LineReader::Status LineReader::read_line(std::string& line) {
  for (;;) {
    if (size_t newline = pending_.find('\n'); newline != std::string::npos) {
      line.assign(pending_, 0, newline);
      pending_.erase(0, newline + 1);
      return Status::Line;
    }
    if (at_end_) {
      if (pending_.empty()) return Status::EndOfInput;
      line = std::move(pending_);
      pending_.clear();
      return Status::Line;
    }
    char buffer[4096];
    ssize_t count = ::read(fd_, buffer, sizeof buffer);
    if (count > 0) {
      pending_.append(buffer, size_t(count));
    } else if (count == 0) {
      at_end_ = true;
    } else if (errno == EINTR) {
      if (take_interrupt_request()) return Status::Interrupted;
    } else {
      at_end_ = true;
    }
  }
}

InputSource LineReader::input_source() {
  return [this]() {
    InputLine line;
    switch (read_line(line.text)) {
      case Status::Line: line.kind = InputLine::Kind::Line; break;
      case Status::EndOfInput: line.kind = InputLine::Kind::End; break;
      case Status::Interrupted:
        discard_pending();
        line.kind = InputLine::Kind::Interrupted;
        break;
    }
    return line;
  };
}

}  // namespace heaplab::cli
