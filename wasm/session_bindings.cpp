// JavaScript bindings of heaplab::Session, for the page's worker and the node
// tests. In JavaScript (after `const heaplab = await createHeaplab()`):
//
//   const session = new heaplab.Session(memoryLimitBytes);
//   const session = new heaplab.Session(memoryLimitBytes, debugAllocator);  (PYTHONMALLOC=debug)
//   session.classify(source)                 -> 'complete' | 'incomplete'
//   session.start(source, mode, filename)    -> state; mode is 'interactive' or 'file'
//   session.run(budget)                      -> state, after at most `budget` instructions
//   session.interrupt()                      (also ends a wait for input with KeyboardInterrupt)
//   session.provideInput(line)               -> state; answers the input() the program waits in
//   session.provideEndOfInput()              -> state; input() raises EOFError
//   session.state()                          -> state
//   session.takeOutput()                     -> [{stream: 'out' | 'err', text}, ...]
//   session.step(budget)                     -> state, once the program reaches another line
//                                               (at most `budget` instructions: 'paused' mid-line)
//   session.currentLine()                    -> {filename, line} of the user's innermost frame, or null
//   session.snapshotJson()                   -> the heap snapshot as a JSON string
//   session.graphJson(maxNodes)              -> the object graph as a JSON string
//   session.poolJson(poolAddress)            -> one pool's used blocks and their objects (JSON)
//   session.statsJson()                      -> the memory chart's numbers (JSON)
//   session.setGcThresholds(t0, t1, t2)      (gc.set_threshold from the page's settings)
//   session.delete()                         -> frees the C++ object (embind does not GC)
//
// The JSON formats are core/inspect/FORMAT.md's.
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

heaplab::SessionConfig config(double memory_limit, bool debug_allocator) {
  heaplab::SessionConfig c;
  c.memory_limit = to_memory_limit(memory_limit);
  c.debug_allocator = debug_allocator;
  c.focus_gc_recording_on_graph = true;  // the page's step-through animates the graph it showed
  return c;
}

class SessionBinding {
 public:
  explicit SessionBinding(double memory_limit) : SessionBinding(memory_limit, false) {}

  SessionBinding(double memory_limit, bool debug_allocator) : session_(config(memory_limit, debug_allocator)) {}

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

  std::string step(double budget) { return state_name(session_.step(to_budget(budget))); }

  val current_line() const {
    std::optional<heaplab::SourceLocation> at = session_.current_line();
    if (!at) return val::null();
    val out = val::object();
    out.set("filename", at->filename);
    out.set("line", at->line);
    return out;
  }

  std::string snapshot_json() { return session_.snapshot_json(); }

  std::string graph_json(double max_nodes) const { return session_.graph_json(size_t(to_budget(max_nodes))); }

  // Region offsets stay below 2^53: a double holds them exactly.
  std::string pool_json(double pool_address) const {
    return session_.pool_json(pool_address >= 0 ? uint64_t(pool_address) : 0);
  }

  std::string stats_json() const { return session_.stats_json(); }

  void set_gc_thresholds(double t0, double t1, double t2) {
    session_.set_gc_thresholds(int64_t(t0), int64_t(t1), int64_t(t2));
  }

 private:
  heaplab::Session session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(heaplab_session) {
  emscripten::class_<SessionBinding>("Session")
      .constructor<double>()
      .constructor<double, bool>()
      .function("classify", &SessionBinding::classify)
      .function("start", &SessionBinding::start)
      .function("run", &SessionBinding::run)
      .function("interrupt", &SessionBinding::interrupt)
      .function("provideInput", &SessionBinding::provide_input)
      .function("provideEndOfInput", &SessionBinding::provide_end_of_input)
      .function("state", &SessionBinding::state)
      .function("sleepRemainingMs", &SessionBinding::sleep_remaining_ms)
      .function("takeOutput", &SessionBinding::take_output)
      .function("step", &SessionBinding::step)
      .function("currentLine", &SessionBinding::current_line)
      .function("snapshotJson", &SessionBinding::snapshot_json)
      .function("graphJson", &SessionBinding::graph_json)
      .function("poolJson", &SessionBinding::pool_json)
      .function("statsJson", &SessionBinding::stats_json)
      .function("setGcThresholds", &SessionBinding::set_gc_thresholds);
}
