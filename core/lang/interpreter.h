// The interpreter: one runtime, its modules, and the resumable VM. Python
// calls never recurse on the C++ stack: frames live in `frames_`, and run()
// executes a bounded number of instructions, then returns so the caller can
// redraw, interrupt or step.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/lang/code.h"
#include "core/object/runtime.h"
#include "core/session/session.h"

namespace heaplab {

struct Frame {
  CodeObject* code;  // strong
  Object* globals;   // strong (a dict)
  Object* locals;    // strong (a dict; the globals at module level)
  size_t stack_base;  // index of this frame's first stack slot in the value stack
  uint32_t pc;
};

// Where an exception passed: the innermost entry is last.
struct TracebackEntry {
  CodeObject* code;  // strong
  uint32_t pc;
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

  void write(Stream stream, std::string_view text);
  std::vector<OutputChunk> take_output();

  // Every strong reference the interpreter holds outside the heap objects
  // (module table, frames, value stack, traceback): the audit's roots.
  void visit_roots(VisitFn visit, void* arg) const;
  // Drops the program's state (globals, frames) so only the runtime remains.
  void reset_main();

  Object* builtins_module() const { return builtins_; }
  Object* sys_module() const { return sys_; }
  // Imports a built-in module by name (borrowed), or nullptr with
  // ModuleNotFoundError set.
  Object* import_module(Object* name);

  int64_t recursion_limit = 1000;
  // The objects alive once the interpreter has started (with the registry
  // on): after a reset, nothing else may remain.
  std::unordered_set<Object*> startup_objects;

 private:
  RunState fail_with_uncaught();
  void print_exception(Object* exc);
  std::string name_suggestion(Object* exc) const;
  void clear_frames();
  void record_traceback();
  std::string source_line(const std::string& filename, int lineno) const;
  RunState report_compile_error(const std::string& type, const std::string& msg, const std::string& filename,
                                int lineno, int offset, int end_lineno, int end_offset, const std::string& text);

  Object* builtins_ = nullptr;
  Object* sys_ = nullptr;
  Object* modules_ = nullptr;  // dict name -> module (sys.modules)
  Object* main_ = nullptr;     // __main__

  std::vector<Object*> stack_;  // the value stack of every frame
  std::vector<Frame> frames_;
  std::vector<TracebackEntry> traceback_;
  Object* kwnames_ = nullptr;   // set by KW_NAMES for the next CALL (borrowed constant)
  RunState state_ = RunState::Idle;

  std::map<std::string, std::string> sources_;  // filename -> source, for tracebacks
  std::vector<OutputChunk> output_;
};

// The active interpreter (see Interpreter::activate), for built-in functions
// that write output or read interpreter settings.
extern Interpreter* g_interpreter;

}  // namespace heaplab
