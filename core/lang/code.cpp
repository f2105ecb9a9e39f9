#include "core/lang/code.h"

#include <cstdio>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

Object* const* code_refs(CodeObject* c, Object** out) {
  out[0] = c->consts.get();
  out[1] = c->names.get();
  out[2] = c->localsplusnames.get();
  out[3] = c->name.get();
  out[4] = c->qualname.get();
  out[5] = c->filename.get();
  return out;
}
constexpr int kCodeRefs = 6;

void code_dealloc(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  Object* refs[kCodeRefs];
  for (Object* r : std::span(code_refs(c, refs), kCodeRefs)) xdecref(r);
  for (Addr a : {c->instrs, c->positions, c->local_kinds, c->handlers}) mem_free(a);
  free_object(o);
}

void code_traverse(Object* o, VisitFn visit, void* arg) {
  Object* refs[kCodeRefs];
  for (Object* r : std::span(code_refs(static_cast<CodeObject*>(o), refs), kCodeRefs))
    if (r) visit(r, arg);
}

Object* code_repr(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  std::string s = "<code object " + str_to_utf8(static_cast<StrObject*>(c->name.get())) + " at 0x" + buf +
                  ", file \"" + str_to_utf8(static_cast<StrObject*>(c->filename.get())) + "\", line " +
                  std::to_string(c->firstlineno) + ">";
  return str_from_utf8(s);
}

// The names of the fast-locals slots of the given kind, as a new tuple
// (co_varnames, co_cellvars, co_freevars).
Object* names_of_kind(CodeObject* c, uint8_t kind) {
  auto* names = static_cast<TupleObject*>(c->localsplusnames.get());
  const uint8_t* kinds = code_local_kinds(c);
  std::vector<Object*> out;
  for (uint32_t i = 0; i < c->nlocalsplus; ++i)
    if (kinds[i] & kind) out.push_back(tuple_item(names, i));
  return tuple_from_array(out.data(), out.size());
}

Object* code_getattr(Object* o, Object* name) {
  auto* c = static_cast<CodeObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "co_name") return newref(c->name.get());
  if (n == "co_qualname") return newref(c->qualname.get());
  if (n == "co_filename") return newref(c->filename.get());
  if (n == "co_consts") return newref(c->consts.get());
  if (n == "co_names") return newref(c->names.get());
  if (n == "co_varnames") return names_of_kind(c, kLocalPlain);
  if (n == "co_cellvars") return names_of_kind(c, kLocalCell);
  if (n == "co_freevars") return names_of_kind(c, kLocalFree);
  if (n == "co_nlocals") {
    int64_t count = 0;
    for (uint32_t i = 0; i < c->nlocalsplus; ++i) count += (code_local_kinds(c)[i] & kLocalPlain) != 0;
    return int_from_i64(count);
  }
  if (n == "co_argcount") return int_from_i64(c->argcount);
  if (n == "co_posonlyargcount") return int_from_i64(c->posonlyargcount);
  if (n == "co_kwonlyargcount") return int_from_i64(c->kwonlyargcount);
  if (n == "co_stacksize") return int_from_i64(c->stacksize);
  if (n == "co_firstlineno") return int_from_i64(int64_t(c->firstlineno));
  if (n == "co_flags") return int_from_i64(int64_t(c->flags & ~uint64_t(kCodeInteractive)));
  return generic_getattr(o, name);
}

template <class T>
Addr copy_to_region(const std::vector<T>& v, bool* ok) {
  if (v.empty()) return 0;
  Addr a = mem_alloc(v.size() * sizeof(T));
  if (!a) {
    *ok = false;
    return 0;
  }
  std::memcpy(at<T>(a), v.data(), v.size() * sizeof(T));
  return a;
}

// The inline cache entries 3.12 keeps after an instruction in co_code
// (_PyOpcode_Caches), in code units.
int cache_units(Op op) {
  switch (op) {
    case Op::LOAD_ATTR: return 9;
    case Op::LOAD_GLOBAL: case Op::STORE_ATTR: return 4;
    case Op::CALL: return 3;
    case Op::BINARY_OP: case Op::BINARY_SUBSCR: case Op::STORE_SUBSCR: case Op::UNPACK_SEQUENCE:
    case Op::FOR_ITER: case Op::COMPARE_OP: case Op::SEND: return 1;
    default: return 0;
  }
}

// code.__sizeof__: 3.12's code object is its header (192 bytes) followed by
// co_code, two bytes per code unit: each instruction, its EXTENDED_ARGs and
// inline caches, plus the RESUMEs (at entry and after each yield), the
// generator prologue and epilogue and COPY_FREE_VARS that heaplab's bytecode
// leaves out. Exact where heaplab's instructions are CPython's; code with
// try or with blocks can differ, as their handler code is laid out apart.
size_t code_size_of(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  const Instr* instrs = code_instrs(c);
  size_t units = 1;  // RESUME
  // RETURN_GENERATOR, POP_TOP; CALL_INTRINSIC_1 (StopIteration), RERAISE
  if (c->flags & kCodeGenerator) units += 4;
  if (c->nfrees) units += 1;                  // COPY_FREE_VARS
  for (uint64_t i = 0; i < c->ninstrs; ++i) {
    Op op = instr_op(instrs[i]);
    uint32_t arg = instrs[i] >> 8;
    units += 1 + size_t(cache_units(op));
    for (uint32_t a = arg >> 8; a; a >>= 8) ++units;  // EXTENDED_ARG
    if (op == Op::YIELD_VALUE) ++units;  // the RESUME after it
  }
  return (192 + 2 * units + 7) & ~size_t(7);
}

TypeSlots code_slots;

}  // namespace

const ExceptionHandler* code_find_handler(const CodeObject* c, uint32_t pc) {
  const ExceptionHandler* table = at<ExceptionHandler>(c->handlers);
  // Entries cover disjoint ranges in address order.
  for (uint64_t i = 0; i < c->nhandlers; ++i)
    if (pc >= table[i].start && pc < table[i].end) return &table[i];
  return nullptr;
}

CodeObject* new_code(const CodeSpec& spec, const CodeBody& body) {
  Object* refs[] = {spec.consts, spec.names, spec.localsplusnames, spec.name, spec.qualname, spec.filename};
  auto* c = static_cast<CodeObject*>(new_object(g_rt->types.code, sizeof(CodeObject)));
  bool ok = c != nullptr;
  Addr instrs = ok ? copy_to_region(body.instrs, &ok) : 0;
  Addr positions = ok ? copy_to_region(body.positions, &ok) : 0;
  Addr kinds = ok ? copy_to_region(body.local_kinds, &ok) : 0;
  Addr handlers = ok ? copy_to_region(body.handlers, &ok) : 0;
  if (!ok) {
    for (Object* r : refs) xdecref(r);
    for (Addr a : {instrs, positions, kinds, handlers}) mem_free(a);
    if (c) {
      free_object(c);
      set_memory_error();
    }
    return nullptr;
  }
  c->consts.set(spec.consts);
  c->names.set(spec.names);
  c->localsplusnames.set(spec.localsplusnames);
  c->name.set(spec.name);
  c->qualname.set(spec.qualname);
  c->filename.set(spec.filename);
  c->flags = spec.flags;
  c->argcount = spec.argcount;
  c->posonlyargcount = spec.posonlyargcount;
  c->kwonlyargcount = spec.kwonlyargcount;
  c->nlocalsplus = uint32_t(body.local_kinds.size());
  c->nfrees = spec.nfrees;
  c->stacksize = spec.stacksize;
  c->firstlineno = spec.firstlineno;
  c->ninstrs = body.instrs.size();
  c->instrs = instrs;
  c->positions = positions;
  c->local_kinds = kinds;
  c->nhandlers = body.handlers.size();
  c->handlers = handlers;
  return c;
}

bool is_code(const Object* o) { return type_of(o) == g_rt->types.code; }

void init_code_type() {
  TypeSlots& s = code_slots;
  s.name = "code";
  s.dealloc = code_dealloc;
  s.traverse = code_traverse;
  s.repr = code_repr;
  s.getattr = code_getattr;
  s.size_of = code_size_of;
  register_type_slots(g_rt->types.code, &code_slots);
}

const char* opcode_name(Op op) {
  static const char* const names[] = {
#define HEAPLAB_OPCODE_NAME(name) #name,
      HEAPLAB_OPCODES(HEAPLAB_OPCODE_NAME)
#undef HEAPLAB_OPCODE_NAME
  };
  return names[size_t(op)];
}

}  // namespace heaplab
