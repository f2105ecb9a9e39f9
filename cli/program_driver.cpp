#include "cli/program_driver.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "cli/interrupt_signal.h"

namespace heaplab::cli {

namespace {

// Small enough that Ctrl-C and the wall-clock limit are noticed within
// milliseconds, large enough that the slicing itself costs nothing measurable.
constexpr uint64_t kSliceInstructions = 1'000'000;

}  // namespace

void forward_output(Session& session, const OutputSink& sink) {
  for (const OutputChunk& chunk : session.take_output()) sink(chunk.stream, chunk.text);
}

DriveResult drive_program(Session& session, std::string_view source, SourceMode mode,
                          std::string_view filename, const OutputSink& sink,
                          const DriveLimits& limits, const InputSource& input) {
  DriveResult result;
  const auto started_at = std::chrono::steady_clock::now();
  uint64_t executed = 0;
  auto read = [&]() {
    forward_output(session, sink);
    return input ? input() : InputLine{};
  };

  result.state = session.start(source, mode, filename);
  forward_output(session, sink);
  if (result.state == RunState::Error || result.state == RunState::Done) return result;

  // input() where the program cannot pause blocks in the read instead.
  session.set_blocking_input([&]() -> std::optional<std::string> {
    InputLine line = read();
    if (line.kind == InputLine::Kind::Interrupted) {
      session.interrupt();
      result.interrupted = true;
    }
    if (line.kind != InputLine::Kind::Line) return std::nullopt;
    return std::move(line.text);
  });

  do {
    if (take_interrupt_request()) {
      session.interrupt();
      result.interrupted = true;
    }
    uint64_t slice = kSliceInstructions;
    if (limits.max_instructions) {
      if (executed >= *limits.max_instructions) {
        result.limit_reached = LimitReached::Instructions;
        break;
      }
      slice = std::min(slice, *limits.max_instructions - executed);
    }
    if (limits.timeout && std::chrono::steady_clock::now() - started_at > *limits.timeout) {
      result.limit_reached = LimitReached::Time;
      break;
    }
    if (double left = session.sleep_remaining(); left > 0) {
      // time.sleep yielded: wait here, a little at a time so Ctrl-C is noticed.
      std::this_thread::sleep_for(std::chrono::duration<double>(std::min(left, 0.05)));
      continue;
    }
    result.state = session.run(slice);
    executed += slice;
    forward_output(session, sink);
    if (result.state == RunState::WaitingForInput) {
      InputLine line = read();
      if (line.kind == InputLine::Kind::Interrupted) {
        session.interrupt();
        result.interrupted = true;
        result.state = session.state();
      } else {
        result.state = session.provide_input(line.kind == InputLine::Kind::Line
                                                 ? std::optional<std::string_view>(line.text)
                                                 : std::nullopt);
      }
    }
  } while (result.state == RunState::Paused);
  session.set_blocking_input(nullptr);
  return result;
}

}  // namespace heaplab::cli
