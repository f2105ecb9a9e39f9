// JavaScript bindings of heaplab::Session, for the page's worker and the node
// tests. In JavaScript (after `const heaplab = await createHeaplab()`):
//
//   const session = new heaplab.Session(memoryLimitBytes);
//   session.classify(source)                 -> 'complete' | 'incomplete'
//   session.start(source, mode, filename)    -> state; mode is 'interactive' or 'file'
//   session.run(budget)                      -> state, after at most `budget` instructions
//   session.interrupt()                      (also ends a wait for input with KeyboardInterrupt)
//   session.provideInput(line)               -> state; answers the input() the program waits in
//   session.provideEndOfInput()              -> state; input() raises EOFError
//   session.state()                          -> state
//   session.takeOutput()                     -> [{stream: 'out' | 'err', text}, ...]
//   session.snapshotJson()                   -> the heap snapshot as a JSON string
//   session.delete()                         -> frees the C++ object (embind does not GC)
//
// A state is 'idle' | 'paused' | 'done' | 'error' | 'input' (the program
// called input(): its prompt is in the output; answer with provideInput or
// provideEndOfInput, then run again). Enums cross as lowercase strings:
// readable in JavaScript, and unaffected if the C++ enums are reordered.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/session/session.h"

namespace {

using emscripten::val;

const char* state_name(heaplab::RunState state) {
  switch (state) {
    case heaplab::RunState::Idle: return "idle";
    case heaplab::RunState::Paused: return "paused";
    case heaplab::RunState::Done: return "done";
    case heaplab::RunState::Error: return "error";
    case heaplab::RunState::WaitingForInput: return "input";
  }
  return "error";
}

// JavaScript numbers are doubles; anything outside [1, 2^53] is clamped.
uint64_t to_budget(double budget) {
  constexpr double max_exact = 9007199254740992.0;
  if (!(budget >= 1)) return 1;
  return budget >= max_exact ? uint64_t(max_exact) : uint64_t(budget);
}

size_t to_memory_limit(double bytes) {
  constexpr double max_limit = double(SIZE_MAX);
  if (!(bytes >= 0)) return 0;
  return bytes >= max_limit ? SIZE_MAX : size_t(bytes);
}

class SessionBinding {
 public:
  explicit SessionBinding(double memory_limit)
      : session_(heaplab::SessionConfig{to_memory_limit(memory_limit)}) {}

  std::string classify(const std::string& source) const {
    return session_.classify(source) == heaplab::InputStatus::Incomplete ? "incomplete" : "complete";
  }

  std::string start(const std::string& source, const std::string& mode, const std::string& filename) {
    const auto source_mode = mode == "file" ? heaplab::SourceMode::File : heaplab::SourceMode::Interactive;
    return state_name(session_.start(source, source_mode, filename));
  }

  std::string run(double budget) { return state_name(session_.run(to_budget(budget))); }

  void interrupt() { session_.interrupt(); }

  std::string provide_input(const std::string& line) {
    return state_name(session_.provide_input(std::optional<std::string_view>(line)));
  }

  std::string provide_end_of_input() { return state_name(session_.provide_input(std::nullopt)); }

  std::string state() const { return state_name(session_.state()); }

  // Milliseconds a time.sleep still waits before run() continues the program.
  double sleep_remaining_ms() const { return session_.sleep_remaining() * 1000.0; }

  val take_output() {
    val chunks = val::array();
    for (const auto& chunk : session_.take_output()) {
      val entry = val::object();
      entry.set("stream", chunk.stream == heaplab::Stream::Err ? "err" : "out");
      entry.set("text", chunk.text);
      chunks.call<void>("push", entry);
    }
    return chunks;
  }

  std::string snapshot_json() const { return session_.snapshot_json(); }

 private:
  heaplab::Session session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(heaplab_session) {
  emscripten::class_<SessionBinding>("Session")
      .constructor<double>()
      .function("classify", &SessionBinding::classify)
      .function("start", &SessionBinding::start)
      .function("run", &SessionBinding::run)
      .function("interrupt", &SessionBinding::interrupt)
      .function("provideInput", &SessionBinding::provide_input)
      .function("provideEndOfInput", &SessionBinding::provide_end_of_input)
      .function("state", &SessionBinding::state)
      .function("sleepRemainingMs", &SessionBinding::sleep_remaining_ms)
      .function("takeOutput", &SessionBinding::take_output)
      .function("snapshotJson", &SessionBinding::snapshot_json);
}
