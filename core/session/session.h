// A Session is one Python interpreter with its own heap: the unit every front
// end (CLI, WebAssembly, tests) drives. It never blocks: code is started, then
// run in budgeted slices, so a caller can interrupt, step or redraw in between.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heaplab {

class Interpreter;

// The limits every session applies besides its memory limit and recursion
// limits (README, "Limits").
// A program or REPL input given to start(), and source run by exec()/eval().
constexpr size_t kMaxSourceBytes = size_t(1) << 20;
// One line given to input().
constexpr size_t kMaxInputLineBytes = size_t(1) << 20;
// Once this much output waits to be taken, run() returns Paused at the next
// instruction, so a program printing without end never buffers more.
constexpr size_t kOutputPauseBytes = size_t(1) << 20;
// Where the VM cannot pause (inside a call from C++, such as a __repr__),
// output beyond this much waiting is dropped, with a notice.
constexpr size_t kMaxPendingOutputBytes = size_t(16) << 20;

struct SessionConfig {
  size_t memory_limit = size_t(256) << 20;  // bytes; the region never grows past it
  // Keep a registry of live objects so audit() can check every refcount
  // (CPython's Py_TRACE_REFS). Costs time; tests turn it on.
  bool track_objects = false;
  // Wrap every allocation in the debug hooks' pads and checks, as
  // PYTHONMALLOC=debug: misuse is reported, sizes and addresses change.
  bool debug_allocator = false;
  // Collections record the per-object events of their first phases only for
  // the objects the last graph_json showed (and the garbage they find): what
  // the playground's GC step-through animates, in a record that stays small.
  bool focus_gc_recording_on_graph = false;
};

enum class RunState : uint8_t {
  Idle,     // nothing started, or the last program finished
  Paused,   // the budget ran out; call run() again to continue
  Done,     // the program finished normally
  Error,    // the program ended with an uncaught exception (traceback was printed)
  WaitingForInput,  // input() was called: provide_input() gives it a line, then run() again
};

// How a source text is compiled, as CPython's compile() modes.
enum class SourceMode : uint8_t {
  File,         // a whole module: `heaplab run FILE`
  Interactive,  // one REPL input: expression statements print their repr
};

// What the REPL should do with the lines typed so far.
enum class InputStatus : uint8_t {
  Complete,    // run it (it may still be a syntax error, which run() reports)
  Incomplete,  // show the `... ` prompt and read another line
};

enum class Stream : uint8_t { Out, Err };

// Where the program is: a line of one of its files.
struct SourceLocation {
  std::string filename;
  int line = 0;
};

struct OutputChunk {
  Stream stream;
  std::string text;
};

class Session {
 public:
  explicit Session(SessionConfig config = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Decides whether a REPL buffer is ready to run, as CPython's interactive
  // loop does: open brackets, a trailing backslash or an unfinished block
  // (a compound statement not yet followed by an empty line) need more input.
  InputStatus classify(std::string_view source) const;

  // Compiles `source` and prepares it to run. A syntax error is reported
  // (as a traceback on the Err stream) and leaves the state at Error.
  RunState start(std::string_view source, SourceMode mode, std::string_view filename);

  // Executes at most `budget` bytecode instructions of the started program.
  RunState run(uint64_t budget);

  // Makes the running program raise KeyboardInterrupt at its next instruction
  // (or in the input() it waits in). Safe to call between run() slices; has
  // no effect when nothing runs.
  void interrupt();

  // Answers the input() a WaitingForInput program waits in: the line typed
  // (without its newline) becomes input()'s value, or, for std::nullopt (end
  // of input), input() raises EOFError. The state becomes Paused: run() goes
  // on. Does nothing in another state.
  RunState provide_input(std::optional<std::string_view> line);

  // A reader that blocks until a line is typed (std::nullopt at end of
  // input), for the input() calls the program cannot pause in: those made
  // under a C++ call (a special method, a sort key, a generator that list()
  // runs). Without one (the browser), those calls raise NotImplementedError.
  void set_blocking_input(std::function<std::optional<std::string>()> reader);

  RunState state() const;
  // Seconds the paused program still sleeps (time.sleep yielded); run()
  // returns Paused without running until then. 0 when it is not asleep.
  double sleep_remaining() const;

  // Output produced since the last call, in the order it was written. At
  // most about kOutputPauseBytes wait between calls while run() runs.
  std::vector<OutputChunk> take_output();

  // Runs until the program reaches another line (or the same line again by a
  // jump back, as a loop does), entering calls: the debugger's Step. At most
  // `budget` instructions run; a line longer than that returns Paused in it.
  RunState step(uint64_t budget);

  // The line the innermost frame of the user's program runs next (frames of
  // embedded modules are skipped), or nullopt when no frame runs.
  std::optional<SourceLocation> current_line() const;

  // The versioned JSON snapshot of the heap (core/inspect/FORMAT.md) every
  // view reads. Its "freed_blocks" are the pymalloc blocks in use at the
  // previous call and free now.
  std::string snapshot_json();

  // The object graph: roots, reachable objects, cycles, unreachable objects.
  std::string graph_json(size_t max_nodes = 500) const;

  // The blocks of one pool (by address) with the objects in them.
  std::string pool_json(uint64_t pool_address) const;

  // Cheap numbers for the memory-over-time chart.
  std::string stats_json() const;

  // gc.set_threshold(threshold0, threshold1, threshold2) from the host.
  void set_gc_thresholds(int64_t threshold0, int64_t threshold1, int64_t threshold2);

  // Runs a whole file to completion; convenience for the CLI and tests
  // (input() meets end of input, as with stdin from /dev/null).
  RunState run_to_end(std::string_view source, std::string_view filename);

  // What CPython does when a program exits: the main module's globals are
  // released (names starting with one underscore first, then the rest, in
  // order), which runs the __del__ methods they lead to, then the collector
  // runs. Its output is read with take_output().
  void finalize();

  // The heap audit every test runs after a program: allocator invariants
  // hold, each object's refcount equals the references a traversal finds,
  // and (with `after_reset`) nothing but static objects is left once the
  // session's globals are cleared. Returns the problems found; empty = healthy.
  // With `after_reset` the session is reset and stays usable, empty.
  std::vector<std::string> audit(bool after_reset);

  // The text sys._debugmallocstats() prints (obmalloc section), for the CLI.
  std::string malloc_stats() const;

  Interpreter& interpreter();

 private:
  std::unique_ptr<Interpreter> interp_;
  bool focus_gc_recording_on_graph_;
  std::vector<uint64_t> used_blocks_;  // at the last snapshot_json()
  uint64_t snapshots_ = 0;
};

}  // namespace heaplab
