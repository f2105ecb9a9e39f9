// Runs a started Session program in budgeted slices, handing its output to a
// sink after every slice (so output streams) and turning Ctrl-C into
// Session::interrupt(). Every command that runs Python goes through here.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/session/session.h"

namespace heaplab::cli {

using OutputSink = std::function<void(Stream, std::string_view)>;

// A line for the program's input(): typed text (without its newline), the end
// of the input, or Ctrl-C pressed while waiting.
struct InputLine {
  enum class Kind : uint8_t { Line, End, Interrupted } kind = Kind::End;
  std::string text;
};
// Where input() reads from; an empty InputSource means no input at all.
using InputSource = std::function<InputLine()>;

struct DriveLimits {
  std::optional<uint64_t> max_instructions;                    // unlimited when empty
  std::optional<std::chrono::steady_clock::duration> timeout;  // checked between slices
};

// Which of the DriveLimits stopped a program before it ended.
enum class LimitReached : uint8_t { None, Instructions, Time };

struct DriveResult {
  RunState state = RunState::Idle;  // Done or Error when the program ended, else Paused
  bool interrupted = false;         // Ctrl-C was passed to the program
  LimitReached limit_reached = LimitReached::None;
};

// Starts `source` and runs it until it ends or a limit is reached. The
// program's input() calls read lines from `input` (the output written so far
// is handed to `sink` first, so a prompt shows before the read).
DriveResult drive_program(Session& session, std::string_view source, SourceMode mode,
                          std::string_view filename, const OutputSink& sink,
                          const DriveLimits& limits = {}, const InputSource& input = {});

// Hands everything the session wrote since the last call to `sink`.
void forward_output(Session& session, const OutputSink& sink);

}  // namespace heaplab::cli
