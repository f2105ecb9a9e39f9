#include "core/object/union_type.h"

#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/generic_alias.h"
#include "core/object/runtime.h"
#include "core/object/set.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// unionobject in 3.12: the members and the parameters (made on first use).
struct UnionObject : Object {
  Ref<Object> args;
  Ref<Object> parameters;
};

UnionObject* as_union(Object* o) { return static_cast<UnionObject*>(o); }

// What may stand on either side of `|` in a union (_PyUnion_Check_Type).
bool unionable(Object* o) {
  return o == none() || type_of(o) == g_rt->types.type || is_generic_alias(o) || is_union(o);
}

// The members `o` brings: a union's own, None as NoneType, else itself.
void add_members(Object* o, std::vector<Object*>& out) {
  if (is_union(o)) {
    auto* args = static_cast<TupleObject*>(as_union(o)->args.get());
    for (int64_t i = 0; i < args->size; ++i) out.push_back(tuple_item(args, i));
  } else {
    out.push_back(o == none() ? static_cast<Object*>(g_rt->types.none) : o);
  }
}

void union_dealloc(Object* o) {
  UnionObject* u = as_union(o);
  gc_untrack(o);
  xdecref(u->args.get());
  xdecref(u->parameters.get());
  free_object(o);
}

void union_traverse(Object* o, VisitFn visit, void* arg) {
  UnionObject* u = as_union(o);
  if (u->args) visit(u->args.get(), arg);
  if (u->parameters) visit(u->parameters.get(), arg);
}

Object* union_repr(Object* o) {
  auto* args = static_cast<TupleObject*>(as_union(o)->args.get());
  std::string out;
  for (int64_t i = 0; i < args->size; ++i) {
    Object* item = tuple_item(args, i);
    std::string text = "None";
    if (item != static_cast<Object*>(g_rt->types.none) && !type_argument_repr(item, &text)) return nullptr;
    out += (i ? " | " : "") + text;
  }
  return str_from_utf8(out);
}

// Unions are equal when they have the same members, in any order.
Object* union_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_union(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return newref(g_rt->not_implemented);
  Object* x = frozenset_new(as_union(a)->args.get());
  Object* y = x ? frozenset_new(as_union(b)->args.get()) : nullptr;
  Object* r = y ? object_rich_compare(x, y, op) : nullptr;
  xdecref(x);
  xdecref(y);
  return r;
}

int64_t union_hash(Object* o) {
  Object* members = frozenset_new(as_union(o)->args.get());
  if (!members) return -1;
  int64_t h = object_hash(members);
  decref(members);
  return h;
}

Object* union_getattr(Object* o, Object* name) {
  UnionObject* u = as_union(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__args__") return newref(u->args.get());
  if (n == "__parameters__") {
    if (!u->parameters) u->parameters.set(newref(static_cast<Object*>(g_rt->empty_tuple)));
    return newref(u->parameters.get());
  }
  return generic_getattr(o, name);
}

TypeSlots union_slots;

}  // namespace

bool is_union(const Object* o) { return type_of(o) == g_rt->types.union_type; }

Object* union_args(Object* o) { return as_union(o)->args.get(); }

Object* type_or(Object* a, Object* b) {
  if (!unionable(a) || !unionable(b)) return newref(g_rt->not_implemented);
  std::vector<Object*> all, members;
  add_members(a, all);
  add_members(b, all);
  // Each member once, the first time it comes.
  for (Object* m : all) {
    bool seen = false;
    for (Object* kept : members) {
      int eq = kept == m ? 1 : (type_of(m) == g_rt->types.type ? 0 : object_rich_compare_bool(kept, m, CompareOp::Eq));
      if (eq < 0) return nullptr;
      seen |= eq > 0;
    }
    if (!seen) members.push_back(m);
  }
  if (members.size() == 1) return newref(members[0]);
  Object* args = tuple_from_array(members.data(), members.size());
  if (!args) return nullptr;
  auto* u = static_cast<UnionObject*>(new_object(g_rt->types.union_type, sizeof(UnionObject)));
  if (!u) {
    decref(args);
    return nullptr;
  }
  u->args.set(args);
  gc_track(u);
  return u;
}

void init_union_type() {
  TypeSlots& s = union_slots;
  s.name = "types.UnionType";
  s.dealloc = union_dealloc;
  s.traverse = union_traverse;
  s.repr = union_repr;
  s.richcompare = union_richcompare;
  s.hash = union_hash;
  s.getattr = union_getattr;
  s.number[size_t(BinaryOp::Or)] = type_or;
  register_type_slots(g_rt->types.union_type, &union_slots);
  // `int | None` and `list[int] | None`: type's and GenericAlias's __or__.
  for (TypeObject* t : {g_rt->types.type, g_rt->types.generic_alias})
    g_type_slots[t->slots_index]->number[size_t(BinaryOp::Or)] = type_or;
}

}  // namespace heaplab
