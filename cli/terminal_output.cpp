#include "cli/terminal_output.h"

#include <cstdio>

namespace heaplab::cli {

namespace {

void write_flushed(std::FILE* file, std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), file);
  std::fflush(file);
}

}  // namespace

void write_to_terminal(Stream stream, std::string_view text) {
  write_flushed(stream == Stream::Out ? stdout : stderr, text);
}

void write_to_stderr(Stream, std::string_view text) { write_flushed(stderr, text); }

}  // namespace heaplab::cli
