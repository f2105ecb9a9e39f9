// The interpreter: one runtime, its modules, and the resumable VM. Python
// calls never recurse on the C++ stack: frames live in `frames_`, their
// locals and value stacks in one fixed array, and run() executes a bounded
// number of instructions, then returns so the caller can redraw, interrupt
// or step. C++ code that calls Python (a __repr__, a sort key, a finalizer)
// runs a nested loop over the frames it pushed, to completion.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/lang/code.h"
#include "core/object/abstract.h"
#include "core/object/host_stack.h"
#include "core/object/runtime.h"
#include "core/session/session.h"

namespace heaplab {


enum class FrameKind : uint8_t {
  Normal,    // a Python call from Python code: its result goes on the caller's stack
  Boundary,  // entered from C++: its result is returned to the C++ caller
  Module,    // the program's top frame
  Init,      // a class's __init__ called by Class(...): it must return None; the new instance is the result
  // A generator resumed by the VM itself, as 3.12's FOR_ITER_GEN and SEND
  // do: its yields and its end go straight to the FOR_ITER / SEND that
  // resumed it, without a C++ call.
  GenFor,
  GenSend,
};

struct Frame {
  CodeObject* code;       // strong
  Object* func;           // strong, or nullptr (module code)
  Object* globals;        // strong
  Object* locals;         // strong namespace dict for module and class bodies, else nullptr
  Object* generator;      // the generator whose frame this is (borrowed), or nullptr
  size_t base;            // index of localsplus[0] in the value stack
  size_t stack_base;      // index of the first value-stack slot
  uint32_t pc;
  FrameKind kind;
  Object* frame_object = nullptr;  // strong, made for a traceback; takes the locals at exit
  Object* init_self = nullptr;     // strong: an Init frame's new instance
};

class Interpreter {
 public:
  explicit Interpreter(const SessionConfig& config);
  ~Interpreter();

  // Makes this interpreter (and its runtime) the active one.
  void activate();

  Runtime rt;

  // Compiles and pushes the module frame; errors are printed and leave Error.
  RunState start(std::string_view source, SourceMode mode, std::string_view filename);
  RunState run(uint64_t budget);
  RunState state() const { return state_; }

  // input(): the program pauses in WaitingForInput (when its call comes from
  // the VM's own loop) until the host gives the line, or end of input
  // (EOFError), or interrupts (KeyboardInterrupt raised by the call).
  RunState provide_input(std::optional<std::string_view> line);
  void interrupt_input();
  // Where the VM cannot pause, input() reads through this blocking reader
  // (see Session::set_blocking_input).
  std::function<std::optional<std::string>()> blocking_input;
  Object* read_input_blocking();
  // A built-in exception type by name (EOFError lives in the builtins module only).
  TypeObject* builtin_exception_type(const char* name);

  void write(Stream stream, std::string_view text);
  // An exception as an uncaught one prints: its chain (except the exceptions
  // in `seen`), tracebacks, then "Type: message".
  std::string format_exception_chain(Object* exc, std::unordered_set<Object*>& seen);
  std::vector<OutputChunk> take_output();

  // Every strong reference the interpreter holds outside the heap objects
  // (modules, frames, the value stack, the handled exception): the audit's roots.
  void visit_roots(VisitFn visit, void* arg) const;
  // Drops the program's state (globals, frames) so only the runtime remains.
  void reset_main();
  // Interpreter exit as CPython does it for __main__ (see Session::finalize).
  void finalize_main();

  Object* builtins_module() const { return builtins_; }
  Object* sys_module() const { return sys_; }
  // __main__, or nullptr before the first program starts.
  Object* main_module() const { return main_; }
  // time.sleep: the program sleeps `seconds`. From the top level of the
  // program the VM yields (run() returns Paused and keeps returning it until
  // the time is up, so the page never blocks); inside a call from C++ it
  // cannot yield and sleeps in place.
  void sleep(double seconds);
  // Seconds left of a yielded sleep (0 when none): how long a front end may
  // wait before calling run() again.
  double sleep_remaining() const;
  // The exception an except block is handling (borrowed), or nullptr.
  // The exception being handled (sys.exception()): the innermost frame's, or,
  // inside a generator handling none, that of the code that resumed it.
  Object* handled_exception() const;
  // Imports a built-in module by name (borrowed), or nullptr with
  // ModuleNotFoundError set.
  Object* import_module(Object* name);
  Object* import_embedded(Object* name, const std::string& n, const char* source);

  // Calls a Python function from C++ (the runtime's call_python hook).
  Object* call_function(Object* func, Object* const* args, size_t nargs, Object* kwnames, Object* locals);
  // Runs source code to completion with `globals` (and `locals`, default the
  // globals) as its namespaces: exec() and embedded modules (a statement
  // block, result None) or eval() (`expression`: its value). nullptr with an
  // exception set on failure.
  Object* run_source(std::string_view source, bool expression, std::string_view filename, Object* globals,
                     Object* locals);
  // Runs a generator until its next yield (see Runtime::resume_generator).
  // With `steal_sent`, the reference to `sent` moves into the generator's
  // frame (SEND hands its value over so).
  Object* resume_generator(Object* gen, Object* sent, bool throwing, Object** returned, bool steal_sent = false);
  // The innermost frame's function (for super()), or nullptr.
  const Frame* current_frame() const { return frames_.empty() ? nullptr : &frames_.back(); }
  // The frame `depth` calls out from the innermost one (0: the innermost), or nullptr.
  const Frame* frame_at_depth(size_t depth) const {
    return depth < frames_.size() ? &frames_[frames_.size() - 1 - depth] : nullptr;
  }
  // Every running frame, outermost first (tracemalloc's tracebacks).
  const std::deque<Frame>& frames() const { return frames_; }
  // The source of a file the interpreter ran, or nullptr (linecache).
  const std::string* source(const std::string& filename) const {
    auto it = sources_.find(filename);
    return it == sources_.end() ? nullptr : &it->second;
  }
  Object* const* frame_locals(const Frame& f) const { return stack_.get() + f.base; }

  int64_t recursion_limit = 1000;
  // The objects alive once the interpreter has started (with the registry
  // on): after a reset, nothing else may remain.
  std::unordered_set<Object*> startup_objects;

 private:
  // Binds arguments and pushes a frame for `func` (stolen reference); for a
  // generator function, makes the generator instead (stored in *generator).
  bool push_frame(Object* func, Object* const* args, size_t nargs, Object* kwnames, FrameKind kind, Object* locals,
                  Object** generator);
  // Moves a paused generator's frame back onto the stack as a frame of
  // `kind` (Running from now on), with `sent` (owned; nullptr for None) as
  // the value of its paused yield. False with RecursionError set.
  bool enter_generator(Object* gen, Object* sent, FrameKind kind);
  // Saves a generator's frame into the generator and removes it from the stack.
  void suspend_generator_frame();
  void pop_frame();
  // Runs the innermost frame and those it calls until a Boundary frame
  // returns (its result goes to `*result`), the module frame ends, or the
  // budget is spent.
  RunState execute(uint64_t budget, Object** result);
  void add_traceback(Object* exc, Frame& f, uint32_t lasti);
  RunState fail_with_uncaught();
  void print_exception(Object* exc);
  std::string name_suggestion(Object* exc) const;
  void clear_frames();
  // Raises `exc_type(msg)` (or with no arguments) where the program waits in input().
  void fail_input(TypeObject* exc_type, const char* msg);
  std::string source_line(const std::string& filename, int lineno) const;
  RunState report_compile_error(const std::string& type, const std::string& msg, const std::string& filename,
                                int lineno, int offset, int end_lineno, int end_offset, const std::string& text);

  Object* builtins_ = nullptr;
  Object* sys_ = nullptr;
  Object* modules_ = nullptr;  // dict name -> module (sys.modules)
  Object* main_ = nullptr;     // __main__
  Object* literals_ = nullptr; // the running program's literals (see CompileResult)

  static constexpr size_t kStackSlots = size_t(1) << 20;
  // Runs of the VM nested inside calls from C++ recurse on the host stack.
  // A Python function called from C++ (a __call__, an lru_cache-wrapped
  // function, a __str__) costs what it costs CPython's C recursion limit:
  // three of its 1500 units (g_native_depth counts the rest), the main run
  // one, so such recursion stops near
  // depth 500 whatever sys.setrecursionlimit says. What CPython 3.12 inlines
  // in its eval loop (generators, __getitem__, property getters) costs
  // nothing there; all nested runs together stay under kMaxNestedRuns, and
  // stop earlier where the host stack runs low (an ASan build's VM frames
  // are large), so it never overflows.
  static constexpr int kMaxNestedRuns = 4000;
  int nested_calls_ = 0;
  int nested_inlined_ = 0;
  bool nested_inlined_allowed() const {
    return nested_calls_ + nested_inlined_ < kMaxNestedRuns && !host_stack_low();
  }
  bool nested_call_allowed() const {
    return 1 + g_native_depth + 3 * (nested_calls_ + 1) <= kNativeRecursionLimit && nested_inlined_allowed();
  }
  std::unique_ptr<Object*[]> stack_;  // locals and value stacks of every frame
  size_t sp_ = 0;
  std::deque<Frame> frames_;          // a deque: frames keep their address while others are pushed
  Object* handled_ = nullptr;         // the exception being handled here (the current generator's own), strong
  // Per running generator, the handled exception of the code that resumed it
  // (CPython's exc_info chain through gi_exc_state), strong or null.
  std::vector<Object*> outer_handled_;
  Object* kwnames_ = nullptr;         // set by KW_NAMES for the next CALL (borrowed constant)
  bool resume_with_error_ = false;    // execute() starts by raising the current exception (generator.throw)
  Object* generator_return_ = nullptr; // a returning generator's value, for resume_generator (strong)
  RunState state_ = RunState::Idle;
  bool sleep_requested_ = false;      // time.sleep (or a full output buffer) asks the VM to yield at its next instruction
  double sleep_until_ = 0;            // steady-clock seconds when a yielded sleep ends

  std::map<std::string, std::string> sources_;  // filename -> source, for tracebacks
  std::vector<OutputChunk> output_;
  size_t output_bytes_ = 0;     // the text in output_
  bool output_dropped_ = false; // output beyond kMaxPendingOutputBytes was dropped since the last take
};

// The active interpreter (see Interpreter::activate), for built-in functions
// that write output or read interpreter settings.
extern Interpreter* g_interpreter;

}  // namespace heaplab
