// Code objects, in the region like every object: the instruction stream and
// its source positions are buffers the code object owns, as CPython's code
// objects own their bytecode and location table.
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

// What the compiler produces for one code object.
struct CodeBody {
  std::vector<Instr> instrs;
  std::vector<SourcePos> positions;  // one per instruction
};

struct CodeObject : Object {
  Ref<Object> consts;    // tuple
  Ref<Object> names;     // tuple of str: globals, attributes, imports
  Ref<Object> varnames;  // tuple of str: locals
  Ref<Object> name;      // str
  Ref<Object> filename;  // str
  uint64_t flags;
  uint64_t argcount;
  uint64_t stacksize;
  uint64_t firstlineno;
  uint64_t ninstrs;
  Addr instrs;     // ninstrs Instr
  Addr positions;  // ninstrs SourcePos
};

inline const Instr* code_instrs(const CodeObject* c) { return at<Instr>(c->instrs); }
inline const SourcePos& code_position(const CodeObject* c, size_t i) { return at<SourcePos>(c->positions)[i]; }

constexpr uint64_t kCodeFlagInteractive = 1u << 0;  // the REPL's code: print expression values

// Takes ownership of consts/names/varnames/name/filename references.
CodeObject* new_code(Object* consts, Object* names, Object* varnames, Object* name, Object* filename,
                     uint64_t flags, uint64_t argcount, uint64_t stacksize, uint64_t firstlineno,
                     const CodeBody& body);

void init_code_type();

}  // namespace heaplab
