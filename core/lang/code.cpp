#include "core/lang/code.h"

#include <cstring>

#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

void code_dealloc(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  for (Object* r : {c->consts.get(), c->names.get(), c->varnames.get(), c->name.get(), c->filename.get()}) xdecref(r);
  mem_free(c->instrs);
  mem_free(c->positions);
  free_object(o);
}

void code_traverse(Object* o, VisitFn visit, void* arg) {
  auto* c = static_cast<CodeObject*>(o);
  for (Object* r : {c->consts.get(), c->names.get(), c->varnames.get(), c->name.get(), c->filename.get()})
    if (r) visit(r, arg);
}

Object* code_repr(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  std::string s = "<code object " + str_to_utf8(static_cast<StrObject*>(c->name.get())) + " at 0x";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  s += buf;
  s += ", file \"" + str_to_utf8(static_cast<StrObject*>(c->filename.get())) + "\", line " +
       std::to_string(c->firstlineno) + ">";
  return str_from_utf8(s);
}

TypeSlots code_slots;

}  // namespace

CodeObject* new_code(Object* consts, Object* names, Object* varnames, Object* name, Object* filename,
                     uint64_t flags, uint64_t argcount, uint64_t stacksize, uint64_t firstlineno,
                     const CodeBody& body) {
  auto* c = static_cast<CodeObject*>(new_object(g_rt->types.code, sizeof(CodeObject)));
  size_t n = body.instrs.size();
  Addr instrs = c ? mem_alloc(n * sizeof(Instr)) : 0;
  Addr positions = instrs ? mem_alloc(n * sizeof(SourcePos)) : 0;
  if (!positions) {
    for (Object* r : {consts, names, varnames, name, filename}) xdecref(r);
    if (c) {
      mem_free(instrs);
      free_object(c);
      set_memory_error();
    }
    return nullptr;
  }
  std::memcpy(at<Instr>(instrs), body.instrs.data(), n * sizeof(Instr));
  std::memcpy(at<SourcePos>(positions), body.positions.data(), n * sizeof(SourcePos));
  c->consts.set(consts);
  c->names.set(names);
  c->varnames.set(varnames);
  c->name.set(name);
  c->filename.set(filename);
  c->flags = flags;
  c->argcount = argcount;
  c->stacksize = stacksize;
  c->firstlineno = firstlineno;
  c->ninstrs = n;
  c->instrs = instrs;
  c->positions = positions;
  return c;
}

void init_code_type() {
  TypeSlots& s = code_slots;
  s.name = "code";
  s.dealloc = code_dealloc;
  s.traverse = code_traverse;
  s.repr = code_repr;
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
