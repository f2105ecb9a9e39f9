#include "core/object/type.h"

#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

constexpr size_t kMaxTypeSlots = 256;
TypeSlots* slot_table[kMaxTypeSlots];
size_t slot_count = 0;

void type_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  if (t->dict) visit(t->dict.get(), arg);
  if (t->mro) visit(t->mro.get(), arg);
  if (t->name) visit(t->name.get(), arg);
  if (t->base && !is_immortal(t->base.get())) visit(t->base.get(), arg);
}

Object* type_repr(Object* o) {
  std::string s = "<class '";
  s += type_name(static_cast<TypeObject*>(o));
  s += "'>";
  return str_from_utf8(s);
}

Object* type_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* t = static_cast<TypeObject*>(callable);
  if (t == g_rt->types.type && nargs == 1 && !kwnames) return newref(type_of(args[0]));
  const TypeSlots& s = slots_of(t);
  if (!s.construct) return set_error(g_rt->types.TypeError, "cannot create '%s' instances", type_name(t));
  return s.construct(t, args, nargs, kwnames);
}

Object* type_getattr(Object* o, Object* name) {
  auto* t = static_cast<TypeObject*>(o);
  if (Object* v = type_lookup(t, name)) return newref(v);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__name__") return str_from_utf8(type_name(t));
  return set_error(g_rt->types.AttributeError, "type object '%s' has no attribute '%s'", type_name(t), n.c_str());
}

// A static type is immortal and never freed; heap types come later.
void type_dealloc(Object* o) { free_object(o); }

TypeSlots type_slots;

}  // namespace

TypeSlots* g_type_slots[kMaxTypeSlots];

void register_type_slots(TypeObject* type, TypeSlots* slots) {
  size_t index = 0;
  while (index < slot_count && slot_table[index] != slots) ++index;
  if (index == slot_count) {
    slot_table[slot_count++] = slots;
    g_type_slots[index] = slots;
  }
  type->slots_index = index;
}

void dealloc(Object* o) {
  slots_of(o).dealloc(o);
}

bool is_subtype(const TypeObject* t, const TypeObject* base) {
  for (; t; t = t->base.get()) {
    if (t == base) return true;
  }
  return false;
}

const char* type_name(const TypeObject* t) {
  return slots_of(t).name;
}

Object* type_lookup(const TypeObject* t, Object* name) {
  for (; t; t = t->base.get()) {
    if (!t->dict) continue;
    if (Object* v = dict_getitem_str(t->dict.get(), name)) return v;
  }
  return nullptr;
}

void init_type_type() {
  TypeSlots& s = type_slots;
  s.name = "type";
  s.dealloc = type_dealloc;
  s.traverse = type_traverse;
  s.repr = type_repr;
  s.call = type_call;
  s.getattr = type_getattr;
  register_type_slots(g_rt->types.type, &type_slots);
}

}  // namespace heaplab
