// The code object under construction: instructions with their positions,
// jump labels, constants merged as CPython merges them per code object,
// names, fast-local slots, exception-table ranges and the stack depth.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/lang/code.h"
#include "core/lang/symtable.h"
#include "core/object/object.h"

namespace heaplab {

// 3.12's compile-wide constant cache: equal constants (by constant_key) are
// one object across every code object of a compilation, and so are equal
// co_consts tuples, which is why two functions returning the same literal
// add only one reference to it between them.
class ConstCache {
 public:
  ConstCache() = default;
  ConstCache(const ConstCache&) = delete;
  ConstCache& operator=(const ConstCache&) = delete;
  ~ConstCache();
  // Steals `value`; returns a new reference to the canonical equal constant.
  Object* canonical(Object* value);

 private:
  std::map<std::string, Object*> objects_;  // owned
};

class CodeBuilder {
 public:
  explicit CodeBuilder(const Scope* scope) : scope_(scope) {}
  ~CodeBuilder();
  CodeBuilder(const CodeBuilder&) = delete;
  CodeBuilder& operator=(const CodeBuilder&) = delete;

  const Scope* scope() const { return scope_; }

  // ---- instructions
  void set_position(const SourcePos& p) { pos_ = p; }
  const SourcePos& position() const { return pos_; }
  size_t emit(Op op, uint32_t arg = 0);
  size_t here() const { return body_.instrs.size(); }
  // A forward jump's target is patched once known.
  void patch(size_t instr, size_t target);
  // The stack depth the compiler tracks; adjusted where control flow joins.
  int depth() const { return depth_; }
  void set_depth(int d);

  // ---- exception table. As CPython's SETUP_* / POP_BLOCK: while a handler is
  // pushed, every instruction emitted is covered by it (the innermost one);
  // finish() turns the runs of instructions into the table.
  // Returns the handler's id; an exception jumps to its target with the
  // value stack cut to `depth`, pushing the raising instruction's index
  // first when `lasti`.
  size_t push_handler(int depth, bool lasti);
  void pop_handler() { handler_stack_.pop_back(); }
  void set_handler_target(size_t id, size_t target) { handlers_[id].target = uint32_t(target); }
  // Unwinding code for return/break/continue pops handlers, then restores them.
  const std::vector<size_t>& handler_stack() const { return handler_stack_; }
  void set_handler_stack(std::vector<size_t> s) { handler_stack_ = std::move(s); }

  // ---- operand tables
  uint32_t add_const(Object* value);  // steals the reference
  uint32_t add_name(const std::string& name);
  // The fast-locals slot of a local, cell or free variable (created on first use for locals).
  uint32_t local_slot(const std::string& name);
  uint32_t cell_slot(const std::string& name);  // for cells and free variables
  // A cell of an inlined comprehension: as CPython's LOAD_FAST_AND_CLEAR
  // names it, it is a local slot that is also a cell.
  uint32_t comprehension_cell_slot(const std::string& name);

  // Declares the parameters and the cell/free layout (before compiling the body).
  void declare_layout(const std::vector<std::string>& params, const std::vector<std::string>& cellvars,
                      const std::vector<std::string>& freevars);

  // Builds the code object, its co_consts merged through `cache` (nullptr
  // with an exception set on failure).
  CodeObject* finish(CodeSpec spec, ConstCache& cache);

 private:
  const Scope* scope_;
  CodeBody body_;
  SourcePos pos_{};
  int depth_ = 0;
  int max_depth_ = 0;
  std::vector<Object*> consts_;  // owned
  std::map<std::string, uint32_t> const_index_;
  std::vector<std::string> names_;
  std::map<std::string, uint32_t> name_index_;
  std::vector<std::string> locals_;  // fast-locals slot names
  std::map<std::string, uint32_t> local_index_;
  std::map<std::string, uint32_t> cell_index_;
  std::vector<uint8_t> kinds_;
  std::vector<std::string> cells_and_frees_;
  std::map<std::string, uint32_t> cell_in_local_;  // comprehension cells living in local slots
  std::vector<ExceptionHandler> handlers_;  // start/end unused: see covering_
  std::vector<size_t> handler_stack_;       // innermost last
  std::vector<int32_t> covering_;           // per instruction: its handler, or -1
};

// The key CPython's constant merging compares constants by.
std::string constant_key(Object* v);

}  // namespace heaplab
