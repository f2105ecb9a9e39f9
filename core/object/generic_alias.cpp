#include "core/object/generic_alias.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// gaobject in 3.12: origin, args, the parameters (made on first use), the
// weak reference list, whether it is starred, the vectorcall.
struct GenericAliasObject : Object {
  Ref<Object> origin;
  Ref<Object> args;
  Ref<Object> parameters;
  Ref<Object> weakreflist;
  uint64_t starred;
  uint64_t vectorcall;
};

GenericAliasObject* as_alias(Object* o) { return static_cast<GenericAliasObject*>(o); }

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

void alias_dealloc(Object* o) {
  GenericAliasObject* a = as_alias(o);
  gc_untrack(o);
  if (a->weakreflist) clear_weakrefs(o);
  for (Ref<Object>* r : {&a->origin, &a->args, &a->parameters}) xdecref(r->get());
  free_object(o);
}

void alias_traverse(Object* o, VisitFn visit, void* arg) {
  GenericAliasObject* a = as_alias(o);
  for (Ref<Object>* r : {&a->origin, &a->args, &a->parameters})
    if (*r) visit(r->get(), arg);
}

Object* alias_repr(Object* o) {
  GenericAliasObject* a = as_alias(o);
  std::string out;
  if (!type_argument_repr(a->origin.get(), &out)) return nullptr;
  auto* args = static_cast<TupleObject*>(a->args.get());
  out += "[";
  if (args->size == 0) out += "()";
  for (int64_t i = 0; i < args->size; ++i) {
    std::string item;
    if (!type_argument_repr(tuple_item(args, i), &item)) return nullptr;
    out += (i ? ", " : "") + item;
  }
  out += "]";
  return str_from_utf8((a->starred ? "*" : "") + out);
}

Object* alias_richcompare(Object* x, Object* y, CompareOp op) {
  if (!is_generic_alias(y) || (op != CompareOp::Eq && op != CompareOp::Ne)) return newref(g_rt->not_implemented);
  GenericAliasObject* a = as_alias(x);
  GenericAliasObject* b = as_alias(y);
  int eq = a->starred == b->starred;
  if (eq) eq = object_rich_compare_bool(a->origin.get(), b->origin.get(), CompareOp::Eq);
  if (eq > 0) eq = object_rich_compare_bool(a->args.get(), b->args.get(), CompareOp::Eq);
  if (eq < 0) return nullptr;
  return bool_obj(op == CompareOp::Eq ? eq : !eq);
}

int64_t alias_hash(Object* o) {
  GenericAliasObject* a = as_alias(o);
  int64_t h0 = object_hash(a->origin.get());
  if (h0 == -1) return -1;
  int64_t h1 = object_hash(a->args.get());
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

// list[int](...) makes a list, and tells it its __orig_class__ where it can.
Object* alias_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  Object* obj = object_call(as_alias(o)->origin.get(), args, nargs, kwnames);
  if (!obj) return nullptr;
  if (object_setattr(obj, intern_str("__orig_class__"), o) < 0) {
    if (!error_matches(g_rt->types.AttributeError) && !error_matches(g_rt->types.TypeError)) {
      decref(obj);
      return nullptr;
    }
    clear_error();
  }
  return obj;
}

// The alias's own attributes; the others are its origin's (list[int].append).
Object* alias_getattr(Object* o, Object* name) {
  GenericAliasObject* a = as_alias(o);
  std::string n = str_of(name);
  if (n == "__origin__") return newref(a->origin.get());
  if (n == "__args__") return newref(a->args.get());
  if (n == "__parameters__") {
    if (!a->parameters) a->parameters.set(newref(static_cast<Object*>(g_rt->empty_tuple)));
    return newref(a->parameters.get());
  }
  if (n == "__unpacked__") return bool_obj(a->starred);
  if (n == "__class__") return newref(static_cast<Object*>(type_of(o)));
  return object_getattr(a->origin.get(), name);
}

// No type variables to substitute: the alias cannot be subscripted again.
Object* alias_getitem(Object* o, Object*) {
  std::string shown;
  if (!repr_utf8(o, &shown)) return nullptr;
  return set_error(g_rt->types.TypeError, "%s is not a generic class", shown.c_str());
}

// T.__class_getitem__(item): the class method of list, dict, tuple, ...
Object* class_getitem(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) || !check_nargs("__class_getitem__", nargs, 1, 1)) return nullptr;
  return new_generic_alias(cls, args[0]);
}

const NativeFunctionDef kClassGetItem[] = {{"__class_getitem__", class_getitem, true}};

TypeSlots alias_slots;

}  // namespace

Object* new_generic_alias(Object* origin, Object* args) {
  Object* tuple = is_tuple(args) ? newref(args) : tuple_from_array(&args, 1);
  if (!tuple) return nullptr;
  auto* a = static_cast<GenericAliasObject*>(new_object(g_rt->types.generic_alias, sizeof(GenericAliasObject)));
  if (!a) {
    decref(tuple);
    return nullptr;
  }
  a->origin.set(newref(origin));
  a->args.set(tuple);
  gc_track(a);
  return a;
}

bool is_generic_alias(const Object* o) { return type_of(o) == g_rt->types.generic_alias; }

bool type_argument_repr(Object* o, std::string* out) {
  if (o == g_rt->ellipsis) {
    *out = "...";
    return true;
  }
  if (type_of(o) == g_rt->types.type) {
    Object* module = object_getattr(o, intern_str("__module__"));
    if (!module) return false;
    Object* qualname = object_getattr(o, intern_str("__qualname__"));
    if (!qualname) {
      decref(module);
      return false;
    }
    std::string m = is_str(module) ? str_of(module) : "";
    *out = (m == "builtins" || m.empty() ? "" : m + ".") + (is_str(qualname) ? str_of(qualname) : "");
    decref(module);
    decref(qualname);
    return true;
  }
  return repr_utf8(o, out);
}

void init_generic_alias_type() {
  TypeSlots& s = alias_slots;
  s.name = "types.GenericAlias";
  s.dealloc = alias_dealloc;
  s.traverse = alias_traverse;
  s.repr = alias_repr;
  s.richcompare = alias_richcompare;
  s.hash = alias_hash;
  s.call = alias_call;
  s.getattr = alias_getattr;
  s.getitem = alias_getitem;
  g_rt->types.generic_alias->weaklistoffset = weaklist_field_offset(&GenericAliasObject::weakreflist);
  register_type_slots(g_rt->types.generic_alias, &alias_slots);
  const BuiltinTypes& t = g_rt->types;
  for (TypeObject* type : {t.list, t.dict, t.tuple, t.set, t.frozenset, t.type, t.deque, t.defaultdict, t.ordered_dict, t.array, t.it_chain})
    if (type) add_methods(type, kClassGetItem, 1);
}

}  // namespace heaplab
