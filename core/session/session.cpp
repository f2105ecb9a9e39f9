#include "core/session/session.h"

#include <chrono>
#include <thread>

#include "core/inspect/arena_snapshot.h"
#include "core/inspect/gc_snapshot.h"
#include "core/inspect/heap_audit.h"
#include "core/inspect/json_text.h"
#include "core/inspect/object_graph.h"
#include "core/inspect/pool_snapshot.h"
#include "core/inspect/trace_snapshot.h"
#include "core/lang/interpreter.h"
#include "core/lang/parser.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// The innermost frame of the user's program and where in it the VM is.
struct UserPosition {
  size_t depth = SIZE_MAX;  // index in the frame stack; SIZE_MAX: no frame
  const CodeObject* code = nullptr;
  uint32_t pc = 0;
  int line = 0;  // 0: the next instruction has no line
};

std::string frame_filename(const Frame& f) { return str_to_utf8(static_cast<StrObject*>(f.code->filename.get())); }

// Frames of embedded modules (`<frozen NAME>`) are the runtime's, not the user's.
bool is_user_frame(const Frame& f) { return !frame_filename(f).starts_with("<frozen "); }

// The line of the instruction the frame runs next; 0 when it has none.
int frame_line(const Frame& f) {
  int line = f.pc < f.code->ninstrs ? code_position(f.code, f.pc).lineno : 0;
  return line > 0 ? line : 0;
}

UserPosition user_position(const Interpreter& interp) {
  const auto& frames = interp.frames();
  for (size_t i = frames.size(); i-- > 0;)
    if (is_user_frame(frames[i])) return {i, frames[i].code, frames[i].pc, frame_line(frames[i])};
  return {};
}

}  // namespace

Session::Session(SessionConfig config)
    : interp_(std::make_unique<Interpreter>(config)), focus_gc_recording_on_graph_(config.focus_gc_recording_on_graph) {
  // Before any graph was made (a program run at full speed), only the garbage.
  if (focus_gc_recording_on_graph_) interp_->rt.gc.recording_focus.emplace();
}

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

RunState Session::step(uint64_t budget) {
  interp_->activate();
  UserPosition from = user_position(*interp_);
  RunState s = state();
  for (uint64_t i = 0; i < budget; ++i) {
    if (s != RunState::Paused || sleep_remaining() > 0) return s;
    s = run(1);
    UserPosition now = user_position(*interp_);
    // A jump only goes on to the next line: stopping on it would show the
    // loop's header twice per iteration.
    if (now.line == 0 || instr_op(code_instrs(now.code)[now.pc]) == Op::JUMP) continue;
    // A new line event, as sys.settrace reports them: another frame, another
    // line, or a jump back within the line.
    if (now.depth != from.depth || now.code != from.code || now.line != from.line || now.pc <= from.pc) return s;
    from.pc = now.pc;
  }
  return s;
}

std::optional<SourceLocation> Session::current_line() const {
  interp_->activate();
  UserPosition at = user_position(*interp_);
  if (at.depth == SIZE_MAX) return std::nullopt;
  return SourceLocation{frame_filename(interp_->frames()[at.depth]), at.line};
}

std::string Session::snapshot_json() {
  interp_->activate();
  std::vector<uint64_t> used = used_blocks(interp_->rt.heap);
  std::string out = "{\"version\":2,\"snapshot\":" + std::to_string(snapshots_++) + ",\"line\":";
  if (auto at = current_line()) {
    out += "{\"filename\":";
    append_json_string(out, at->filename);
    out += ",\"line\":" + std::to_string(at->line) + "}";
  } else {
    out += "null";
  }
  // The call stack of the user's program, innermost first.
  out += ",\"stack\":[";
  bool first_frame = true;
  const auto& frames = interp_->frames();
  for (size_t i = frames.size(); i-- > 0;) {
    const Frame& f = frames[i];
    if (!is_user_frame(f)) continue;
    if (!first_frame) out += ',';
    first_frame = false;
    out += "{\"function\":";
    append_json_string(out, str_to_utf8(static_cast<StrObject*>(f.code->qualname.get())));
    out += ",\"filename\":";
    append_json_string(out, frame_filename(f));
    out += ",\"line\":" + std::to_string(frame_line(f)) + "}";
  }
  out += "],\"freed_blocks\":[";
  // Both lists ascend: the blocks of the previous list missing from this one.
  bool first = true;
  size_t j = 0;
  for (uint64_t b : used_blocks_) {
    while (j < used.size() && used[j] < b) ++j;
    if (j < used.size() && used[j] == b) continue;
    if (!first) out += ',';
    first = false;
    out += std::to_string(b);
  }
  out += "],\"memory\":" + arena_snapshot_json(interp_->rt.heap) + ",\"gc\":" + gc_events_json() +
         ",\"tracemalloc\":" + trace_snapshot_json(interp_->rt.heap.tracer()) + "}";
  used_blocks_ = std::move(used);
  return out;
}

std::string Session::graph_json(size_t max_nodes) const {
  interp_->activate();
  GraphOptions options;
  options.max_nodes = max_nodes;
  if (!focus_gc_recording_on_graph_) return object_graph_json(*interp_, options);
  std::vector<Addr> shown;
  options.shown = &shown;
  std::string out = object_graph_json(*interp_, options);
  interp_->rt.gc.recording_focus.emplace(shown.begin(), shown.end());
  return out;
}

std::string Session::pool_json(uint64_t pool_address) const {
  interp_->activate();
  return heaplab::pool_json(*interp_, pool_address);
}

std::string Session::stats_json() const {
  interp_->activate();
  const memory::Heap& heap = interp_->rt.heap;
  const memory::Tracer& tracer = heap.tracer();
  const GCState& gc = interp_->rt.gc;
  std::string out = "{\"allocated_blocks\":" + std::to_string(heap.allocated_blocks()) +
                    ",\"arenas\":" + std::to_string(heap.arenas().size()) +
                    ",\"mapped\":" + std::to_string(heap.region().mapped_bytes()) +
                    ",\"limit\":" + std::to_string(heap.region().limit()) + ",\"tracing\":" +
                    (tracer.tracing() ? "true" : "false") + ",\"traced\":" + std::to_string(tracer.traced_memory()) +
                    ",\"traced_peak\":" + std::to_string(tracer.peak_traced_memory()) + ",\"gc_counts\":[";
  int64_t collections = 0;
  for (int i = 0; i < kNumGenerations; ++i) {
    if (i) out += ',';
    out += std::to_string(gc.generations[i].count);
    collections += gc.stats[i].collections;
  }
  out += "],\"gc_collections\":" + std::to_string(collections) + "}";
  return out;
}

void Session::set_gc_thresholds(int64_t threshold0, int64_t threshold1, int64_t threshold2) {
  GCState& gc = interp_->rt.gc;
  gc.generations[0].threshold = threshold0;
  gc.generations[1].threshold = threshold1;
  gc.generations[2].threshold = threshold2;
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
