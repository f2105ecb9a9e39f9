// Where program output goes on a terminal: stdout and stderr, flushed after
// every chunk so that the two streams interleave in the order written.
#pragma once

#include <string_view>

#include "core/session/session.h"

namespace heaplab::cli {

// Out to stdout, Err to stderr, as `python FILE` does.
void write_to_terminal(Stream stream, std::string_view text);

// Both streams to stderr, for commands whose stdout carries something else.
void write_to_stderr(Stream stream, std::string_view text);

}  // namespace heaplab::cli
