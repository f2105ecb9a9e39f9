#include "core/object/singletons.h"

#include <cstdio>
#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/instance.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// object.__repr__: a class's instance shows its module and qualified name.
Object* object_default_repr(Object* o) {
  TypeObject* t = type_of(o);
  std::string name = type_name(t);
  if (t->flags & kTypeHeapType) {
    Object* module = t->dict ? dict_getitem_str(t->dict.get(), intern_str("__module__")) : nullptr;
    name = str_to_utf8(static_cast<StrObject*>(t->qualname.get()));
    if (module && is_str(module)) {
      std::string m = str_to_utf8(static_cast<StrObject*>(module));
      if (m != "builtins") name = m + "." + name;
    }
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at 0x%llx>", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return str_from_utf8("<" + name + buf);
}

// object.__str__: the repr the type gives.
Object* object_default_str(Object* o) { return object_repr(o); }

// object_richcompare: == is identity, != inverts the type's ==, the
// orderings are not implemented.
Object* object_richcompare(Object* a, Object* b, CompareOp op) {
  if (op == CompareOp::Eq) return newref(a == b ? g_rt->true_obj : g_rt->not_implemented);
  if (op != CompareOp::Ne) return newref(g_rt->not_implemented);
  auto eq = slots_of(a).richcompare;
  if (!eq) return newref(g_rt->not_implemented);
  Object* r = eq(a, b, CompareOp::Eq);
  if (!r || r == g_rt->not_implemented) return r;
  int t = object_is_true(r);
  decref(r);
  return t < 0 ? nullptr : bool_obj(!t);
}

int64_t object_default_hash(Object* o) { return int64_t((kIdBase + addr_of(o)) >> 4); }

Object* object_construct(TypeObject* type, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs || kwnames) return set_error(g_rt->types.TypeError, "object() takes no arguments");
  return new_object(type, 16);
}

void object_dealloc(Object* o) { free_object(o); }

Object* none_repr(Object*) { return str_from_utf8("None"); }
int none_truth(Object*) { return 0; }
Object* not_implemented_repr(Object*) { return str_from_utf8("NotImplemented"); }
Object* ellipsis_repr(Object*) { return str_from_utf8("Ellipsis"); }

// The static "True" and "False" strings (_Py_ID), shared by every call.
Object* bool_repr(Object* o) { return intern_str(o == g_rt->true_obj ? "True" : "False"); }

// bool's &, | and ^ stay bool when both sides are bool.
Object* bool_logic(Object* a, Object* b, BinaryOp op) {
  if (type_of(a) == g_rt->types.bool_ && type_of(b) == g_rt->types.bool_) {
    bool x = a == g_rt->true_obj, y = b == g_rt->true_obj;
    return bool_obj(op == BinaryOp::And ? (x && y) : op == BinaryOp::Or ? (x || y) : (x != y));
  }
  return slots_of(g_rt->types.int_).number[size_t(op)](a, b);
}
Object* bool_and(Object* a, Object* b) { return bool_logic(a, b, BinaryOp::And); }
Object* bool_or(Object* a, Object* b) { return bool_logic(a, b, BinaryOp::Or); }
Object* bool_xor(Object* a, Object* b) { return bool_logic(a, b, BinaryOp::Xor); }

Object* bool_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) return set_error(g_rt->types.TypeError, "bool() takes no keyword arguments");
  if (nargs > 1) return set_error(g_rt->types.TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return bool_obj(false);
  int r = object_is_true(args[0]);
  if (r < 0) return nullptr;
  return bool_obj(r);
}

void no_dealloc(Object*) {}  // immortal singletons are never freed

TypeSlots object_slots, none_slots, not_implemented_slots, ellipsis_slots, bool_slots;

IntObject* make_static_int(TypeObject* type, int64_t v) {
  auto* o = static_cast<IntObject*>(new_static_object(type, kIntHeaderSize + sizeof(uint32_t)));
  uint64_t m = uint64_t(v < 0 ? -v : v);
  o->lv_tag = (m ? (1u << 3) : 0) | uint64_t(v > 0 ? 0 : v == 0 ? 1 : 2);
  o->digit[0] = uint32_t(m);
  return o;
}

Object* object_method_sizeof(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__sizeof__", kwnames) || !check_nargs("__sizeof__", nargs, 0, 0)) return nullptr;
  return object_sizeof(self);
}

// object.__init_subclass__(): called on a new class's base; does nothing.
Object* object_init_subclass(Object* cls, Object* const*, size_t nargs, Object* kwnames) {
  if (kwnames && static_cast<TupleObject*>(kwnames)->size) {
    return set_error(g_rt->types.TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     type_name(static_cast<TypeObject*>(cls)));
  }
  if (nargs) {
    return set_error(g_rt->types.TypeError, "%s.__init_subclass__() takes no arguments (%zu given)",
                     type_name(static_cast<TypeObject*>(cls)), nargs);
  }
  return none();
}

const NativeFunctionDef kObjectMethods[] = {{"__sizeof__", object_method_sizeof},
                                            {"__init_subclass__", object_init_subclass, true}};

}  // namespace

void init_object_methods() { add_methods(g_rt->types.object, kObjectMethods, std::size(kObjectMethods)); }

void init_object_type() {
  TypeSlots& s = object_slots;
  s.name = "object";
  s.dealloc = object_dealloc;
  s.repr = object_default_repr;
  s.hash = object_default_hash;
  s.str = object_default_str;
  s.richcompare = object_richcompare;
  s.construct = object_construct;
  s.new_instance = object_new_instance;
  s.init = object_init;
  register_type_slots(g_rt->types.object, &object_slots);
}

void init_singleton_types() {
  none_slots.name = "NoneType";
  none_slots.dealloc = no_dealloc;
  none_slots.repr = none_repr;
  none_slots.truth = none_truth;
  none_slots.hash = object_default_hash;
  register_type_slots(g_rt->types.none, &none_slots);

  not_implemented_slots.name = "NotImplementedType";
  not_implemented_slots.dealloc = no_dealloc;
  not_implemented_slots.repr = not_implemented_repr;
  register_type_slots(g_rt->types.not_implemented, &not_implemented_slots);

  ellipsis_slots.name = "ellipsis";
  ellipsis_slots.dealloc = no_dealloc;
  ellipsis_slots.repr = ellipsis_repr;
  register_type_slots(g_rt->types.ellipsis, &ellipsis_slots);

  // bool inherits int's behaviour; only repr, construction and &|^ differ.
  bool_slots = slots_of(g_rt->types.int_);
  bool_slots.name = "bool";
  bool_slots.dealloc = no_dealloc;
  bool_slots.repr = bool_repr;
  bool_slots.construct = bool_construct;
  bool_slots.number[size_t(BinaryOp::And)] = bool_and;
  bool_slots.number[size_t(BinaryOp::Or)] = bool_or;
  bool_slots.number[size_t(BinaryOp::Xor)] = bool_xor;
  register_type_slots(g_rt->types.bool_, &bool_slots);
}

void init_singletons() {
  Runtime& rt = *g_rt;
  rt.none = new_static_object(rt.types.none, 16);
  rt.not_implemented = new_static_object(rt.types.not_implemented, 16);
  rt.ellipsis = new_static_object(rt.types.ellipsis, 16);
  rt.false_obj = make_static_int(rt.types.bool_, 0);
  rt.true_obj = make_static_int(rt.types.bool_, 1);
  for (int v = kSmallIntMin; v <= kSmallIntMax; ++v) {
    IntObject* o = make_static_int(rt.types.int_, v);
    if (v == kSmallIntMin) rt.small_ints = o;
  }
}

}  // namespace heaplab
