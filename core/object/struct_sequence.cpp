#include "core/object/struct_sequence.h"

#include <deque>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct StructSequenceType {
  TypeObject* type;
  std::string name;
  std::vector<std::string> fields;
  TypeSlots slots;
};

// Every struct sequence type made, at fixed addresses (the slot table points
// at their slots). A later runtime may reuse a type's address, so the newest
// entry for an address is the one that counts.
std::deque<StructSequenceType>& types_made() {
  static std::deque<StructSequenceType> types;
  return types;
}

const StructSequenceType& info_of(const Object* o) {
  auto& types = types_made();
  for (auto it = types.rbegin(); it != types.rend(); ++it)
    if (it->type == type_of(o)) return *it;
  return types.back();  // unreachable: every instance has one of the types
}

// structseq_repr: "sys.version_info(major=3, minor=12, ...)".
Object* struct_sequence_repr(Object* o) {
  const StructSequenceType& info = info_of(o);
  auto* t = static_cast<TupleObject*>(o);
  std::string out = info.name + "(";
  for (int64_t i = 0; i < t->size; ++i) {
    Object* r = object_repr(tuple_item(t, i));
    if (!r) return nullptr;
    if (i) out += ", ";
    out += info.fields[size_t(i)] + "=" + str_to_utf8(static_cast<StrObject*>(r));
    decref(r);
  }
  return str_from_utf8(out + ")");
}

Object* struct_sequence_getattr(Object* o, Object* name) {
  const StructSequenceType& info = info_of(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  for (size_t i = 0; i < info.fields.size(); ++i)
    if (info.fields[i] == n) return newref(tuple_item(static_cast<TupleObject*>(o), int64_t(i)));
  return generic_getattr(o, name);
}

Object* struct_sequence_construct(TypeObject* type, Object* const*, size_t, Object*) {
  return set_error(g_rt->types.TypeError, "cannot create '%s' instances", slots_of(type).name);
}

}  // namespace

TypeObject* new_struct_sequence_type(const char* qualified_name, std::initializer_list<const char*> fields) {
  StructSequenceType& info = types_made().emplace_back();
  info.name = qualified_name;
  for (const char* f : fields) info.fields.emplace_back(f);
  info.slots = slots_of(g_rt->types.tuple);
  info.slots.name = info.name.c_str();
  info.slots.repr = struct_sequence_repr;
  info.slots.getattr = struct_sequence_getattr;
  info.slots.construct = struct_sequence_construct;
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.tuple);
  t->basicsize = g_rt->types.tuple->basicsize;
  t->itemsize = g_rt->types.tuple->itemsize;
  t->flags = kTypeHaveGC | kTypeTupleSubclass;
  register_type_slots(t, &info.slots);
  info.type = t;
  return t;
}

Object* new_struct_sequence(TypeObject* type, std::initializer_list<Object*> values) {
  bool complete = true;
  for (Object* v : values) complete &= v != nullptr;
  auto* t = complete ? static_cast<TupleObject*>(new_object(type, kTupleHeaderSize + sizeof(Addr) * values.size())) : nullptr;
  if (!t) {
    for (Object* v : values) xdecref(v);
    return error_occurred() ? nullptr : set_memory_error();
  }
  t->size = int64_t(values.size());
  int64_t i = 0;
  for (Object* v : values) tuple_set_item(t, i++, v);
  // Left untracked, as PyStructSequence_New leaves it.
  return t;
}

}  // namespace heaplab
