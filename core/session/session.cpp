#include "core/session/session.h"

#include <chrono>
#include <thread>

#include "core/inspect/arena_snapshot.h"
#include "core/inspect/gc_snapshot.h"
#include "core/inspect/trace_snapshot.h"
#include "core/inspect/heap_audit.h"
#include "core/lang/interpreter.h"
#include "core/lang/parser.h"
#include "core/object/tuple.h"

namespace heaplab {

Session::Session(SessionConfig config) : interp_(std::make_unique<Interpreter>(config)) {}

Session::~Session() = default;

InputStatus Session::classify(std::string_view source) const {
  return is_incomplete_input(source) ? InputStatus::Incomplete : InputStatus::Complete;
}

RunState Session::start(std::string_view source, SourceMode mode, std::string_view filename) {
  return interp_->start(source, mode, filename);
}

RunState Session::run(uint64_t budget) { return interp_->run(budget); }

void Session::interrupt() {
  if (interp_->state() == RunState::Paused) interp_->rt.interrupt_requested = true;
  if (interp_->state() == RunState::WaitingForInput) interp_->interrupt_input();
}

RunState Session::provide_input(std::optional<std::string_view> line) { return interp_->provide_input(line); }

void Session::set_blocking_input(std::function<std::optional<std::string>()> reader) {
  interp_->blocking_input = std::move(reader);
}

RunState Session::state() const { return interp_->state(); }

double Session::sleep_remaining() const { return interp_->sleep_remaining(); }

std::vector<OutputChunk> Session::take_output() { return interp_->take_output(); }

std::string Session::snapshot_json() const {
  interp_->activate();
  return "{\"version\":1,\"memory\":" + arena_snapshot_json(interp_->rt.heap) + ",\"gc\":" + gc_events_json() +
         ",\"tracemalloc\":" + trace_snapshot_json(interp_->rt.heap.tracer()) + "}";
}

RunState Session::run_to_end(std::string_view source, std::string_view filename) {
  RunState s = start(source, SourceMode::File, filename);
  for (;;) {
    if (s == RunState::WaitingForInput) s = provide_input(std::nullopt);  // no stdin: input() meets its end
    if (s != RunState::Paused) return s;
    // A yielded time.sleep: wait it out rather than spin.
    if (double left = sleep_remaining(); left > 0) std::this_thread::sleep_for(std::chrono::duration<double>(left));
    s = run(uint64_t(1) << 20);
  }
}

void Session::finalize() { interp_->finalize_main(); }

std::vector<std::string> Session::audit(bool after_reset) {
  interp_->activate();
  std::vector<std::string> problems = audit_heap(*interp_, nullptr);
  if (after_reset) {
    interp_->reset_main();
    tuple_clear_free_lists();
    std::vector<std::string> more = audit_heap(*interp_, &interp_->startup_objects);
    problems.insert(problems.end(), more.begin(), more.end());
  }
  return problems;
}

std::string Session::malloc_stats() const { return interp_->rt.heap.debug_malloc_stats(); }

Interpreter& Session::interpreter() { return *interp_; }

}  // namespace heaplab
