// Code objects, in the region like every object: the instruction stream, its
// source positions and its exception table are buffers the code object owns,
// as CPython's code objects own their bytecode and location table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/lang/opcodes.h"
#include "core/object/object.h"

namespace heaplab {

// A source range per instruction, as co_positions(): 1-based lines, 0-based
// UTF-8 byte columns.
struct SourcePos {
  int32_t lineno, end_lineno, col, end_col;
};

// An exception table entry (3.11+ "zero-cost" exceptions): an exception raised
// by an instruction in [start, end) jumps to `target` with the value stack cut
// to `depth`, pushing the offending instruction's index first when `lasti`.
struct ExceptionHandler {
  uint32_t start, end, target, depth, lasti;
};

// The kind of each fast-locals slot, with CPython's CO_FAST_* values.
enum LocalKind : uint8_t {
  kLocalArg = 0x08,  // not in CPython: marks parameters here
  kLocalPlain = 0x20,
  kLocalCell = 0x40,
  kLocalFree = 0x80,
};

// Code flags with CPython's CO_* values, plus heaplab's interactive flag.
enum CodeFlags : uint64_t {
  kCodeOptimized = 0x1,
  kCodeNewLocals = 0x2,
  kCodeVarargs = 0x4,
  kCodeVarkeywords = 0x8,
  kCodeNested = 0x10,
  kCodeGenerator = 0x20,
  kCodeInteractive = 1ull << 40,  // the REPL's code: expression statements print their values
};

// What the compiler produces for one code object.
struct CodeBody {
  std::vector<Instr> instrs;
  std::vector<SourcePos> positions;  // one per instruction
  std::vector<ExceptionHandler> handlers;
  std::vector<uint8_t> local_kinds;  // one per fast-locals slot
};

struct CodeObject : Object {
  Ref<Object> consts;          // tuple
  Ref<Object> names;           // tuple of str: globals, attributes, imports
  Ref<Object> localsplusnames; // tuple of str: locals, then cells, then free variables
  Ref<Object> name;            // str
  Ref<Object> qualname;        // str
  Ref<Object> filename;        // str
  uint64_t flags;
  uint32_t argcount;
  uint32_t posonlyargcount;
  uint32_t kwonlyargcount;
  uint32_t nlocalsplus;
  uint32_t nfrees;
  uint32_t stacksize;
  uint64_t firstlineno;
  uint64_t ninstrs;
  Addr instrs;       // ninstrs Instr
  Addr positions;    // ninstrs SourcePos
  Addr local_kinds;  // nlocalsplus bytes
  uint64_t nhandlers;
  Addr handlers;     // nhandlers ExceptionHandler
};

inline const Instr* code_instrs(const CodeObject* c) { return at<Instr>(c->instrs); }
inline const SourcePos& code_position(const CodeObject* c, size_t i) { return at<SourcePos>(c->positions)[i]; }
inline const uint8_t* code_local_kinds(const CodeObject* c) { return at<uint8_t>(c->local_kinds); }
// The handler covering instruction `pc`, or nullptr.
const ExceptionHandler* code_find_handler(const CodeObject* c, uint32_t pc);

struct CodeSpec {
  Object* consts;
  Object* names;
  Object* localsplusnames;
  Object* name;
  Object* qualname;
  Object* filename;
  uint64_t flags;
  uint32_t argcount, posonlyargcount, kwonlyargcount, nfrees, stacksize;
  uint64_t firstlineno;
};

// Takes ownership of the object references in `spec` (also on failure).
CodeObject* new_code(const CodeSpec& spec, const CodeBody& body);

bool is_code(const Object* o);
void init_code_type();

}  // namespace heaplab
