#include "core/object/slot_wrapper.h"

#include <cstdio>
#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/instance.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// The behaviours a wrapper can stand for (CPython's slotdefs, less those
// heaplab's types have no slot for).
enum class Slot : uint8_t {
  Repr, Str, Hash, Call, GetAttribute, SetAttr, DelAttr, Compare, Iter, Next, Get, Init,
  Length, GetItem, SetItem, DelItem, Contains, NumberLeft, NumberRight, Concat, Repeat, RRepeat,
  InplaceConcat, InplaceRepeat, InplaceNumber, Negative, Positive, Invert, Index, Bool,
};

struct SlotDef {
  const char* name;
  Slot slot;
  uint8_t op;  // the BinaryOp or CompareOp
};

constexpr uint8_t op(BinaryOp o) { return uint8_t(o); }
constexpr uint8_t op(CompareOp o) { return uint8_t(o); }

// In slotdefs order: a name the number protocol gives (__add__) hides the
// sequence protocol's (list's concatenation).
const SlotDef kSlotDefs[] = {
    {"__getattribute__", Slot::GetAttribute, 0},
    {"__setattr__", Slot::SetAttr, 0},
    {"__delattr__", Slot::DelAttr, 0},
    {"__repr__", Slot::Repr, 0},
    {"__hash__", Slot::Hash, 0},
    {"__call__", Slot::Call, 0},
    {"__str__", Slot::Str, 0},
    {"__lt__", Slot::Compare, op(CompareOp::Lt)},
    {"__le__", Slot::Compare, op(CompareOp::Le)},
    {"__eq__", Slot::Compare, op(CompareOp::Eq)},
    {"__ne__", Slot::Compare, op(CompareOp::Ne)},
    {"__gt__", Slot::Compare, op(CompareOp::Gt)},
    {"__ge__", Slot::Compare, op(CompareOp::Ge)},
    {"__iter__", Slot::Iter, 0},
    {"__next__", Slot::Next, 0},
    {"__get__", Slot::Get, 0},
    {"__init__", Slot::Init, 0},
    {"__add__", Slot::NumberLeft, op(BinaryOp::Add)},
    {"__radd__", Slot::NumberRight, op(BinaryOp::Add)},
    {"__sub__", Slot::NumberLeft, op(BinaryOp::Subtract)},
    {"__rsub__", Slot::NumberRight, op(BinaryOp::Subtract)},
    {"__mul__", Slot::NumberLeft, op(BinaryOp::Multiply)},
    {"__rmul__", Slot::NumberRight, op(BinaryOp::Multiply)},
    {"__mod__", Slot::NumberLeft, op(BinaryOp::Remainder)},
    {"__rmod__", Slot::NumberRight, op(BinaryOp::Remainder)},
    {"__pow__", Slot::NumberLeft, op(BinaryOp::Power)},
    {"__rpow__", Slot::NumberRight, op(BinaryOp::Power)},
    {"__neg__", Slot::Negative, 0},
    {"__pos__", Slot::Positive, 0},
    {"__bool__", Slot::Bool, 0},
    {"__invert__", Slot::Invert, 0},
    {"__lshift__", Slot::NumberLeft, op(BinaryOp::Lshift)},
    {"__rlshift__", Slot::NumberRight, op(BinaryOp::Lshift)},
    {"__rshift__", Slot::NumberLeft, op(BinaryOp::Rshift)},
    {"__rrshift__", Slot::NumberRight, op(BinaryOp::Rshift)},
    {"__and__", Slot::NumberLeft, op(BinaryOp::And)},
    {"__rand__", Slot::NumberRight, op(BinaryOp::And)},
    {"__xor__", Slot::NumberLeft, op(BinaryOp::Xor)},
    {"__rxor__", Slot::NumberRight, op(BinaryOp::Xor)},
    {"__or__", Slot::NumberLeft, op(BinaryOp::Or)},
    {"__ror__", Slot::NumberRight, op(BinaryOp::Or)},
    {"__floordiv__", Slot::NumberLeft, op(BinaryOp::FloorDivide)},
    {"__rfloordiv__", Slot::NumberRight, op(BinaryOp::FloorDivide)},
    {"__truediv__", Slot::NumberLeft, op(BinaryOp::TrueDivide)},
    {"__rtruediv__", Slot::NumberRight, op(BinaryOp::TrueDivide)},
    {"__iadd__", Slot::InplaceNumber, op(BinaryOp::Add)},
    {"__isub__", Slot::InplaceNumber, op(BinaryOp::Subtract)},
    {"__imul__", Slot::InplaceNumber, op(BinaryOp::Multiply)},
    {"__imod__", Slot::InplaceNumber, op(BinaryOp::Remainder)},
    {"__ipow__", Slot::InplaceNumber, op(BinaryOp::Power)},
    {"__ilshift__", Slot::InplaceNumber, op(BinaryOp::Lshift)},
    {"__irshift__", Slot::InplaceNumber, op(BinaryOp::Rshift)},
    {"__iand__", Slot::InplaceNumber, op(BinaryOp::And)},
    {"__ixor__", Slot::InplaceNumber, op(BinaryOp::Xor)},
    {"__ior__", Slot::InplaceNumber, op(BinaryOp::Or)},
    {"__ifloordiv__", Slot::InplaceNumber, op(BinaryOp::FloorDivide)},
    {"__itruediv__", Slot::InplaceNumber, op(BinaryOp::TrueDivide)},
    {"__index__", Slot::Index, 0},
    {"__matmul__", Slot::NumberLeft, op(BinaryOp::MatrixMultiply)},
    {"__rmatmul__", Slot::NumberRight, op(BinaryOp::MatrixMultiply)},
    {"__len__", Slot::Length, 0},
    {"__getitem__", Slot::GetItem, 0},
    {"__setitem__", Slot::SetItem, 0},
    {"__delitem__", Slot::DelItem, 0},
    {"__add__", Slot::Concat, 0},
    {"__mul__", Slot::Repeat, 0},
    {"__rmul__", Slot::RRepeat, 0},
    {"__contains__", Slot::Contains, 0},
    {"__iadd__", Slot::InplaceConcat, 0},
    {"__imul__", Slot::InplaceRepeat, 0},
};

// The host function behind a slot of a behaviour table, as an opaque
// pointer: a type defines a slot when it has one its base does not share.
const void* slot_function(const TypeSlots& s, const SlotDef& d) {
  switch (d.slot) {
    case Slot::Repr: return reinterpret_cast<const void*>(s.repr);
    case Slot::Str: return reinterpret_cast<const void*>(s.str);
    case Slot::Hash: return reinterpret_cast<const void*>(s.hash);
    case Slot::Call: return reinterpret_cast<const void*>(s.call);
    case Slot::GetAttribute:
    case Slot::SetAttr:
    case Slot::DelAttr: return nullptr;  // object's alone (added by add_slot_wrappers)
    case Slot::Compare: return reinterpret_cast<const void*>(s.richcompare);
    case Slot::Iter: return reinterpret_cast<const void*>(s.iter);
    case Slot::Next: return reinterpret_cast<const void*>(s.iternext);
    case Slot::Get: return reinterpret_cast<const void*>(s.descr_get);
    case Slot::Init: return reinterpret_cast<const void*>(s.init);
    case Slot::Length: return reinterpret_cast<const void*>(s.length);
    case Slot::GetItem: return reinterpret_cast<const void*>(s.getitem);
    case Slot::SetItem:
    case Slot::DelItem: return reinterpret_cast<const void*>(s.setitem);
    case Slot::Contains: return reinterpret_cast<const void*>(s.contains);
    case Slot::NumberLeft:
    case Slot::NumberRight: return reinterpret_cast<const void*>(s.number[d.op]);
    case Slot::Concat: return reinterpret_cast<const void*>(s.concat);
    case Slot::Repeat:
    case Slot::RRepeat: return reinterpret_cast<const void*>(s.repeat);
    case Slot::InplaceConcat: return reinterpret_cast<const void*>(s.inplace_concat);
    case Slot::InplaceRepeat: return reinterpret_cast<const void*>(s.inplace_repeat);
    case Slot::InplaceNumber: return reinterpret_cast<const void*>(s.inplace_number[d.op]);
    case Slot::Negative: return reinterpret_cast<const void*>(s.negative);
    case Slot::Positive: return reinterpret_cast<const void*>(s.positive);
    case Slot::Invert: return reinterpret_cast<const void*>(s.invert);
    case Slot::Index: return reinterpret_cast<const void*>(s.index);
    case Slot::Bool: return reinterpret_cast<const void*>(s.truth);
  }
  return nullptr;
}

// ---- calling a slot on behalf of a wrapper (CPython's wrap_* functions)

bool expect_args(size_t nargs, size_t n) {
  if (nargs == n) return true;
  set_error(g_rt->types.TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
  return false;
}

// PyArg_UnpackTuple(args, "", min, max): its message has an empty name.
bool unpack_args(size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = nargs < min ? min : max;
  set_error(g_rt->types.TypeError, " expected %s%zu argument%s, got %zu",
            min == max ? "" : nargs < min ? "at least " : "at most ", n, n == 1 ? "" : "s", nargs);
  return false;
}

Object* none_or_error(int r) { return r < 0 ? nullptr : new_none(); }

bool check_attribute_name(Object* name) {
  if (is_str(name)) return true;
  set_error(g_rt->types.TypeError, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

Object* call_slot(TypeObject* owner, const SlotDef& d, Object* self, Object* const* args, size_t nargs,
                  Object* kwnames) {
  const TypeSlots& s = slots_of(owner);
  switch (d.slot) {
    case Slot::Call: return s.call(self, args, nargs, kwnames);
    case Slot::Init: return none_or_error(s.init(self, args, nargs, kwnames));
    default: break;
  }
  if (kwnames && static_cast<TupleObject*>(kwnames)->size)
    return set_error(g_rt->types.TypeError, "wrapper %s() takes no keyword arguments", d.name);
  switch (d.slot) {
    case Slot::Repr:
    case Slot::Str:
    case Slot::Iter:
    case Slot::Negative:
    case Slot::Positive:
    case Slot::Invert:
    case Slot::Index: {
      if (!expect_args(nargs, 0)) return nullptr;
      auto f = d.slot == Slot::Repr ? s.repr : d.slot == Slot::Str ? s.str : d.slot == Slot::Iter ? s.iter
             : d.slot == Slot::Negative ? s.negative : d.slot == Slot::Positive ? s.positive
             : d.slot == Slot::Invert ? s.invert : s.index;
      return f(self);
    }
    case Slot::Next: {
      if (!expect_args(nargs, 0)) return nullptr;
      Object* r = s.iternext(self);
      if (!r && !error_occurred()) {
        set_error_none(g_rt->types.StopIteration);
      }
      return r;
    }
    case Slot::Hash: {
      if (!expect_args(nargs, 0)) return nullptr;
      int64_t h = s.hash(self);
      return h == -1 ? nullptr : int_from_i64(h);
    }
    case Slot::Length: {
      if (!expect_args(nargs, 0)) return nullptr;
      int64_t n = s.length(self);
      return n < 0 ? nullptr : int_from_i64(n);
    }
    case Slot::Bool: {
      if (!expect_args(nargs, 0)) return nullptr;
      int t = s.truth(self);
      return t < 0 ? nullptr : bool_obj(t);
    }
    case Slot::GetAttribute:
      if (!expect_args(nargs, 1) || !check_attribute_name(args[0])) return nullptr;
      return object_generic_getattr(self, args[0]);
    case Slot::SetAttr:
      if (!unpack_args(nargs, 2, 2) || !check_attribute_name(args[0])) return nullptr;
      return none_or_error(object_generic_setattr(self, args[0], args[1]));
    case Slot::DelAttr:
      if (!expect_args(nargs, 1) || !check_attribute_name(args[0])) return nullptr;
      return none_or_error(object_generic_setattr(self, args[0], nullptr));
    case Slot::Compare:
      if (!expect_args(nargs, 1)) return nullptr;
      return s.richcompare(self, args[0], CompareOp(d.op));
    case Slot::Get: {
      if (!unpack_args(nargs, 1, 2)) return nullptr;
      Object* obj = args[0] == none() ? nullptr : args[0];
      Object* type = nargs > 1 && args[1] != none() ? args[1] : nullptr;
      if (!obj && !type) return set_error(g_rt->types.TypeError, "__get__(None, None) is invalid");
      return s.descr_get(self, obj, type);
    }
    case Slot::GetItem:
      if (!expect_args(nargs, 1)) return nullptr;
      return s.getitem(self, args[0]);
    case Slot::SetItem:
      if (!unpack_args(nargs, 2, 2)) return nullptr;
      return none_or_error(s.setitem(self, args[0], args[1]));
    case Slot::DelItem:
      if (!expect_args(nargs, 1)) return nullptr;
      return none_or_error(s.setitem(self, args[0], nullptr));
    case Slot::Contains: {
      if (!expect_args(nargs, 1)) return nullptr;
      int r = s.contains(self, args[0]);
      return r < 0 ? nullptr : bool_obj(r);
    }
    case Slot::NumberLeft:
      if (!expect_args(nargs, 1)) return nullptr;
      return s.number[d.op](self, args[0]);
    case Slot::NumberRight:
      if (!expect_args(nargs, 1)) return nullptr;
      return s.number[d.op](args[0], self);
    case Slot::InplaceNumber:
      if (!expect_args(nargs, 1)) return nullptr;
      return s.inplace_number[d.op](self, args[0]);
    case Slot::Concat:
    case Slot::InplaceConcat:
      if (!expect_args(nargs, 1)) return nullptr;
      return (d.slot == Slot::Concat ? s.concat : s.inplace_concat)(self, args[0]);
    case Slot::Repeat:
    case Slot::RRepeat:
    case Slot::InplaceRepeat: {
      if (!expect_args(nargs, 1)) return nullptr;
      int64_t n;
      if (!int_is_int(args[0]) && !slots_of(args[0]).index) {
        return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
      }
      if (!object_as_index(args[0], &n)) return nullptr;
      return (d.slot == Slot::InplaceRepeat ? s.inplace_repeat : s.repeat)(self, n);
    }
    default: break;
  }
  return nullptr;
}

// ---- wrapper_descriptor (PyWrapperDescrObject, 56 bytes + GC header)

struct SlotWrapperObject : Object {
  Ref<TypeObject> owner;
  Ref<Object> name;
  Ref<Object> qualname;
  uint64_t def_index;  // into kSlotDefs
  uint64_t wrapped;    // d_wrapped: the behaviour is the owner's slot
};

// method-wrapper (wrapperobject, 32 bytes + GC header): a slot wrapper
// bound to an instance, holding both.
struct MethodWrapperObject : Object {
  Ref<Object> descr;
  Ref<Object> self;
};

const SlotDef& def_of(const SlotWrapperObject* w) { return kSlotDefs[w->def_index]; }

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

bool applies_to(SlotWrapperObject* w, Object* obj, bool binding) {
  if (is_instance(obj, w->owner.get())) return true;
  if (binding) {
    set_error(g_rt->types.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", def_of(w).name,
              type_name(w->owner.get()), type_name(obj));
  } else {
    set_error(g_rt->types.TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", def_of(w).name,
              type_name(w->owner.get()), type_name(obj));
  }
  return false;
}

Object* new_method_wrapper(Object* descr, Object* self) {
  auto* m = static_cast<MethodWrapperObject*>(new_object(g_rt->types.method_wrapper, sizeof(MethodWrapperObject)));
  if (!m) return nullptr;
  m->descr.set(newref(descr));
  m->self.set(newref(self));
  gc_track(m);
  return m;
}

Object* slot_wrapper_get(Object* descr, Object* obj, Object*) {
  if (!obj) return newref(descr);
  if (!applies_to(static_cast<SlotWrapperObject*>(descr), obj, true)) return nullptr;
  return new_method_wrapper(descr, obj);
}

Object* slot_wrapper_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* w = static_cast<SlotWrapperObject*>(callable);
  if (nargs == 0) {
    return set_error(g_rt->types.TypeError, "descriptor '%s' of '%s' object needs an argument", def_of(w).name,
                     type_name(w->owner.get()));
  }
  if (!applies_to(w, args[0], false)) return nullptr;
  return call_slot(w->owner.get(), def_of(w), args[0], args + 1, nargs - 1, kwnames);
}

Object* slot_wrapper_repr(Object* o) {
  auto* w = static_cast<SlotWrapperObject*>(o);
  return str_from_utf8(std::string("<slot wrapper '") + def_of(w).name + "' of '" + type_name(w->owner.get()) +
                       "' objects>");
}

Object* slot_wrapper_getattr(Object* o, Object* name) {
  auto* w = static_cast<SlotWrapperObject*>(o);
  std::string n = str_of(name);
  if (n == "__name__") return newref(w->name.get());
  if (n == "__qualname__") return str_from_utf8(std::string(type_name(w->owner.get())) + "." + def_of(w).name);
  if (n == "__objclass__") return newref(static_cast<Object*>(w->owner.get()));
  return generic_getattr(o, name);
}

void slot_wrapper_dealloc(Object* o) {
  auto* w = static_cast<SlotWrapperObject*>(o);
  gc_untrack(o);
  xdecref(w->name.get());
  xdecref(w->qualname.get());
  free_object(o);
}

void slot_wrapper_traverse(Object* o, VisitFn visit, void* arg) {
  auto* w = static_cast<SlotWrapperObject*>(o);
  if (w->name) visit(w->name.get(), arg);
  if (w->qualname) visit(w->qualname.get(), arg);
}

Object* method_wrapper_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* m = static_cast<MethodWrapperObject*>(callable);
  auto* w = static_cast<SlotWrapperObject*>(m->descr.get());
  return call_slot(w->owner.get(), def_of(w), m->self.get(), args, nargs, kwnames);
}

Object* method_wrapper_repr(Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at 0x%llx>", static_cast<unsigned long long>(kIdBase + addr_of(m->self.get())));
  return str_from_utf8(std::string("<method-wrapper '") + def_of(static_cast<SlotWrapperObject*>(m->descr.get())).name +
                       "' of " + type_name(m->self.get()) + buf);
}

Object* method_wrapper_getattr(Object* o, Object* name) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  auto* w = static_cast<SlotWrapperObject*>(m->descr.get());
  std::string n = str_of(name);
  if (n == "__self__") return newref(m->self.get());
  if (n == "__name__") return newref(w->name.get());
  if (n == "__qualname__") return str_from_utf8(std::string(type_name(w->owner.get())) + "." + def_of(w).name);
  if (n == "__objclass__") return newref(static_cast<Object*>(w->owner.get()));
  return generic_getattr(o, name);
}

// Two method-wrappers are equal when they wrap the same slot of the same object.
Object* method_wrapper_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != g_rt->types.method_wrapper)
    return newref(g_rt->not_implemented);
  auto* x = static_cast<MethodWrapperObject*>(a);
  auto* y = static_cast<MethodWrapperObject*>(b);
  bool eq = x->descr.get() == y->descr.get() && x->self.get() == y->self.get();
  return bool_obj(op == CompareOp::Eq ? eq : !eq);
}

// _Py_HashPointer: the address rotated by 4 bits.
int64_t pointer_hash(const Object* o) {
  uint64_t y = kIdBase + addr_of(o);
  return int64_t((y >> 4) | (y << 60));
}

int64_t slot_wrapper_hash(Object* o) { return pointer_hash(o); }

int64_t method_wrapper_hash(Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  int64_t h = pointer_hash(m->self.get()) ^ pointer_hash(m->descr.get());
  return h == -1 ? -2 : h;
}

void method_wrapper_dealloc(Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  xdecref(m->descr.get());
  xdecref(m->self.get());
  free_object(o);
  dealloc_leave();
}

void method_wrapper_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  if (m->descr) visit(m->descr.get(), arg);
  if (m->self) visit(m->self.get(), arg);
}

// ---- T.__new__: a built-in method of the type (tp_new_wrapper)

Object* tp_new_wrapper(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  auto* type = static_cast<TypeObject*>(self);
  const char* name = type_name(type);
  if (nargs == 0) return set_error(g_rt->types.TypeError, "%s.__new__(): not enough arguments", name);
  if (type_of(args[0]) != g_rt->types.type) {
    return set_error(g_rt->types.TypeError, "%s.__new__(X): X is not a type object (%s)", name, type_name(args[0]));
  }
  auto* subtype = static_cast<TypeObject*>(args[0]);
  if (!is_subtype(subtype, type)) {
    return set_error(g_rt->types.TypeError, "%s.__new__(%s): %s is not a subtype of %s", name, type_name(subtype),
                     type_name(subtype), name);
  }
  // The built-in type whose layout the subtype has must be this one's
  // (object.__new__(int) would make an int without its value). The message
  // names the nearest class that does not define __new__ itself.
  TypeObject* staticbase = subtype;
  Object* new_name = intern_str("__new__");
  while ((staticbase->flags & kTypeHeapType) && dict_getitem_str(staticbase->dict.get(), new_name))
    staticbase = staticbase->base.get();
  if (slots_of(find_builtin_new(staticbase).builtin).new_instance != slots_of(type).new_instance) {
    return set_error(g_rt->types.TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", name, type_name(subtype),
                     type_name(staticbase));
  }
  return slots_of(type).new_instance(subtype, args + 1, nargs - 1, kwnames);
}

const NativeFunctionDef kNewDef{"__new__", tp_new_wrapper};

TypeSlots slot_wrapper_slots, method_wrapper_slots;

}  // namespace

void add_slot_wrappers(TypeObject* type) {
  Object* dict = type->dict.get();
  if (!dict) {
    dict = dict_new();
    type->dict.set(dict);
  }
  const TypeSlots& s = slots_of(type);
  const TypeSlots* base = type->base ? &slots_of(type->base.get()) : nullptr;
  const BuiltinTypes& t = g_rt->types;
  bool unhashable = type == t.list || type == t.dict || type == t.set || type == t.bytearray;
  for (size_t i = 0; i < std::size(kSlotDefs); ++i) {
    const SlotDef& d = kSlotDefs[i];
    const void* f = slot_function(s, d);
    // heaplab's containers compute their truth directly; CPython's use their
    // length and have no __bool__ (range has both).
    if (d.slot == Slot::Bool && s.length && type != t.range) f = nullptr;
    bool generic_attribute = d.slot >= Slot::GetAttribute && d.slot <= Slot::DelAttr;
    // Every exception type sets its own tp_init (SimpleExtendsException).
    bool own_init = d.slot == Slot::Init && (type->flags & kTypeBaseExcSubclass);
    bool defines = type == g_rt->types.object ? generic_attribute || f
                                              : f && (!base || own_init || f != slot_function(*base, d));
    StrObject* name = intern_str(d.name);
    if (d.slot == Slot::Hash && unhashable) {
      // A type whose instances are unhashable says so: list.__hash__ is None.
      if (!dict_getitem_str(dict, name)) dict_setitem(dict, name, none());
      continue;
    }
    if (!defines || dict_getitem_str(dict, name)) continue;
    auto* w = static_cast<SlotWrapperObject*>(new_object(g_rt->types.wrapper_descriptor, sizeof(SlotWrapperObject)));
    if (!w) return;
    w->owner.set(type);  // static types are immortal
    w->name.set(name);
    w->def_index = i;
    gc_track(w);
    dict_setitem(dict, name, w);
    decref(w);
  }
  bool own_new = s.new_instance && (!base || s.new_instance != base->new_instance || (type->flags & kTypeBaseExcSubclass));
  if (own_new && !dict_getitem_str(dict, intern_str("__new__"))) {
    Object* f = new_builtin_function(&kNewDef, type, nullptr);
    if (!f) return;
    dict_setitem(dict, intern_str("__new__"), f);
    decref(f);
  }
}

void init_slot_wrapper_types() {
  TypeSlots& w = slot_wrapper_slots;
  w.name = "wrapper_descriptor";
  w.dealloc = slot_wrapper_dealloc;
  w.traverse = slot_wrapper_traverse;
  w.repr = slot_wrapper_repr;
  w.call = slot_wrapper_call;
  w.descr_get = slot_wrapper_get;
  w.getattr = slot_wrapper_getattr;
  w.hash = slot_wrapper_hash;
  register_type_slots(g_rt->types.wrapper_descriptor, &w);

  TypeSlots& m = method_wrapper_slots;
  m.name = "method-wrapper";
  m.dealloc = method_wrapper_dealloc;
  m.traverse = method_wrapper_traverse;
  m.repr = method_wrapper_repr;
  m.call = method_wrapper_call;
  m.getattr = method_wrapper_getattr;
  m.richcompare = method_wrapper_richcompare;
  m.hash = method_wrapper_hash;
  register_type_slots(g_rt->types.method_wrapper, &m);
}

void init_builtin_slot_wrappers() {
  // Made before the program starts, as CPython's are: they do not count
  // towards the first collection.
  GCGeneration& gen0 = g_rt->gc.generations[0];
  int64_t count = gen0.count;
  bool scheduled = g_rt->gc.collection_scheduled;
  constexpr size_t kTypes = sizeof(BuiltinTypes) / sizeof(TypeObject*);
  auto* types = reinterpret_cast<TypeObject* const*>(&g_rt->types);
  for (size_t i = 0; i < kTypes; ++i)
    if (types[i]) add_slot_wrappers(types[i]);
  gen0.count = count;
  g_rt->gc.collection_scheduled = scheduled;
}

}  // namespace heaplab
