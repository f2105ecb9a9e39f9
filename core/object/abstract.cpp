#include "core/object/abstract.h"

#include <cstdlib>

#include "core/object/errors.h"
#include "core/object/heap_type.h"
#include "core/object/host_stack.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

int g_native_depth = 0;

namespace {

const char* const kOperatorSymbols[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
const CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le};

bool is_not_implemented(Object* r) { return r == g_rt->not_implemented; }

// Tries a's slot then b's (b's first when b's type is a proper subclass of
// a's), as binary_op1 in Objects/abstract.c.
Object* binary_op1(Object* a, Object* b, BinaryOp op) {
  BinaryFn fa = slots_of(a).number[size_t(op)];
  BinaryFn fb = type_of(a) == type_of(b) ? nullptr : slots_of(b).number[size_t(op)];
  if (fa == fb) fb = nullptr;
  if (fa && fb && is_subtype(type_of(b), type_of(a))) {
    Object* r = fb(a, b);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
    fb = nullptr;
  }
  if (fa) {
    Object* r = fa(a, b);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (fb) {
    Object* r = fb(a, b);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  return newref(g_rt->not_implemented);
}

Object* sequence_repeat(Object* seq, Object* n) {
  if (!object_has_index(n)) {
    return set_error(g_rt->types.TypeError, "can't multiply sequence by non-int of type '%s'", type_name(n));
  }
  Object* i = number_index(n);
  if (!i) return nullptr;
  int64_t count;
  bool fits = int_as_i64(static_cast<IntObject*>(i), &count);
  decref(i);
  if (!fits) return set_error(g_rt->types.OverflowError, "cannot fit 'int' into an index-sized integer");
  return slots_of(seq).repeat(seq, count);
}

// Py_EnterRecursiveCall: a repr or a comparison nested in itself stops at
// CPython's C recursion limit with RecursionError instead of exhausting
// the host's stack (or earlier, when a build's frames are big enough to
// exhaust it first).
class NativeRecursion {
 public:
  explicit NativeRecursion(const char* where) {
    if (g_native_depth >= kNativeRecursionLimit || host_stack_low()) {
      set_error(g_rt->types.RecursionError, "maximum recursion depth exceeded%s", where);
      return;
    }
    ++g_native_depth;
    ok_ = true;
  }
  ~NativeRecursion() {
    if (ok_) --g_native_depth;
  }
  bool ok() const { return ok_; }

 private:
  bool ok_ = false;
};

Object* unsupported(Object* a, Object* b, BinaryOp op) {
  return set_error(g_rt->types.TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                   op == BinaryOp::Power ? "** or pow()" : kOperatorSymbols[size_t(op)], type_name(a), type_name(b));
}

}  // namespace

// Py_EnterRecursiveCall(" while getting the repr of an object"): nested
// containers' reprs recurse on the C++ stack, so their depth is bounded, as
// CPython bounds it (a list nested 1496 deep still has a repr).
constexpr int kMaxReprDepth = 1497;
static int g_repr_depth = 0;

Object* object_repr(Object* o) {
  NativeRecursion guard(" while getting the repr of an object");
  if (!guard.ok()) return nullptr;
  auto repr = slots_of(o).repr;
  if (!repr) repr = slots_of(g_rt->types.object).repr;
  if (g_repr_depth >= kMaxReprDepth) {
    return set_error(g_rt->types.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  }
  ++g_repr_depth;
  Object* r = repr(o);
  --g_repr_depth;
  return r;
}

Object* object_str(Object* o) {
  if (type_of(o) == g_rt->types.str) return newref(o);
  auto str = slots_of(o).str;
  return str ? str(o) : object_repr(o);
}

int64_t object_hash(Object* o) {
  auto hash = slots_of(o).hash;
  if (!hash) {
    set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
    return -1;
  }
  return hash(o);
}

namespace {

// Two exact ints (what sorting and loops compare most): int's own
// comparison, without the slot protocol around it.
bool both_exact_ints(const Object* a, const Object* b) {
  TypeObject* t = type_of(a);
  return t == g_rt->types.int_ && type_of(b) == t;
}

bool compare_result(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

}  // namespace

Object* object_rich_compare(Object* a, Object* b, CompareOp op) {
  NativeRecursion guard(" in comparison");
  if (!guard.ok()) return nullptr;
  if (both_exact_ints(a, b)) {
    return bool_obj(compare_result(int_compare(static_cast<IntObject*>(a), static_cast<IntObject*>(b)), op));
  }
  auto fa = slots_of(a).richcompare;
  auto fb = slots_of(b).richcompare;
  bool reflected_first = type_of(a) != type_of(b) && is_subtype(type_of(b), type_of(a)) && fb;
  if (reflected_first) {
    Object* r = fb(b, a, kSwapped[size_t(op)]);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (fa) {
    Object* r = fa(a, b, op);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (!reflected_first && fb) {
    Object* r = fb(b, a, kSwapped[size_t(op)]);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (op == CompareOp::Eq) return bool_obj(a == b);
  if (op == CompareOp::Ne) return bool_obj(a != b);
  return set_error(g_rt->types.TypeError, "'%s' not supported between instances of '%s' and '%s'",
                   kCompareSymbols[size_t(op)], type_name(a), type_name(b));
}

int object_rich_compare_bool(Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  // (At the recursion limit, object_rich_compare raises even for ints.)
  if (both_exact_ints(a, b) && g_native_depth < kNativeRecursionLimit) {
    return compare_result(int_compare(static_cast<IntObject*>(a), static_cast<IntObject*>(b)), op);
  }
  Object* r = object_rich_compare(a, b, op);
  if (!r) return -1;
  int t = r == g_rt->true_obj ? 1 : r == g_rt->false_obj ? 0 : object_is_true(r);
  decref(r);
  return t;
}

int object_is_true(Object* o) {
  if (o == g_rt->true_obj) return 1;
  if (o == g_rt->false_obj || o == g_rt->none) return 0;
  const TypeSlots& s = slots_of(o);
  if (s.truth) return s.truth(o);
  if (s.length) {
    int64_t n = s.length(o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t object_length(Object* o) {
  auto length = slots_of(o).length;
  if (!length) {
    set_error(g_rt->types.TypeError, "object of type '%s' has no len()", type_name(o));
    return -1;
  }
  return length(o);
}

Object* binary_op(Object* a, Object* b, BinaryOp op) {
  Object* r = binary_op1(a, b, op);
  if (!is_not_implemented(r)) return r;
  decref(r);
  if (op == BinaryOp::Add && slots_of(a).concat) return slots_of(a).concat(a, b);
  if (op == BinaryOp::Multiply) {
    if (slots_of(a).repeat) return sequence_repeat(a, b);
    if (slots_of(b).repeat) return sequence_repeat(b, a);
  }
  return unsupported(a, b, op);
}

Object* inplace_op(Object* a, Object* b, BinaryOp op) {
  if (type_of(a)->flags & kTypeHeapType) {
    Object* r = class_inplace_op(a, b, op);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (BinaryFn f = slots_of(a).inplace_number[size_t(op)]) {
    Object* r = f(a, b);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
  }
  if (op == BinaryOp::Add && slots_of(a).inplace_concat) return slots_of(a).inplace_concat(a, b);
  if (op == BinaryOp::Multiply && slots_of(a).inplace_repeat && int_is_int(b)) {
    int64_t n;
    if (!int_as_i64(static_cast<IntObject*>(b), &n)) return set_memory_error();
    return slots_of(a).inplace_repeat(a, n);
  }
  Object* r = binary_op(a, b, op);
  if (!r && error_matches(g_rt->types.TypeError)) {
    Object* exc = fetch_error();
    std::string msg = exception_message(exc);
    decref(exc);
    if (msg.rfind("unsupported operand type(s) for ", 0) == 0) {
      return set_error(g_rt->types.TypeError, "unsupported operand type(s) for %s=: '%s' and '%s'",
                       kOperatorSymbols[size_t(op)], type_name(a), type_name(b));
    }
    return set_error(g_rt->types.TypeError, "%s", msg.c_str());
  }
  return r;
}

Object* unary_negative(Object* o) {
  if (auto f = slots_of(o).negative) return f(o);
  return set_error(g_rt->types.TypeError, "bad operand type for unary -: '%s'", type_name(o));
}

Object* unary_positive(Object* o) {
  if (auto f = slots_of(o).positive) return f(o);
  return set_error(g_rt->types.TypeError, "bad operand type for unary +: '%s'", type_name(o));
}

Object* unary_invert(Object* o) {
  if (auto f = slots_of(o).invert) return f(o);
  return set_error(g_rt->types.TypeError, "bad operand type for unary ~: '%s'", type_name(o));
}

Object* object_getitem(Object* o, Object* key) {
  if (auto f = slots_of(o).getitem) return f(o, key);
  if (o->type.get() == g_rt->types.type) {
    // list[int]: the class's __class_getitem__ (a class method).
    if (Object* meth = type_lookup(static_cast<TypeObject*>(o), intern_str("__class_getitem__"))) {
      Object* bound = slots_of(meth).descr_get ? slots_of(meth).descr_get(meth, nullptr, o) : newref(meth);
      if (!bound) return nullptr;
      Object* r = object_call(bound, &key, 1, nullptr);
      decref(bound);
      return r;
    }
    return set_error(g_rt->types.TypeError, "type '%s' is not subscriptable", type_name(static_cast<TypeObject*>(o)));
  }
  return set_error(g_rt->types.TypeError, "'%s' object is not subscriptable", type_name(o));
}

int object_setitem(Object* o, Object* key, Object* value) {
  if (auto f = slots_of(o).setitem) return f(o, key, value);
  set_error(g_rt->types.TypeError, "'%s' object does not support item assignment", type_name(o));
  return -1;
}

int object_delitem(Object* o, Object* key) {
  const TypeSlots& s = slots_of(o);
  if (auto f = s.setitem) return f(o, key, nullptr);
  // An index on a type with sequence methods (tp_as_sequence: every class,
  // the containers) goes through PySequence_DelItem, which words it otherwise.
  bool sequence = (type_of(o)->flags & kTypeHeapType) || s.contains || s.length;
  bool index = int_is_int(key) || slots_of(key).index;
  set_error(g_rt->types.TypeError, sequence && index ? "'%s' object doesn't support item deletion"
                                                     : "'%s' object does not support item deletion",
            type_name(o));
  return -1;
}

int sequence_contains(Object* container, Object* item) {
  if (auto f = slots_of(container).contains) return f(container, item);
  Object* it = object_iter(container);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "argument of type '%s' is not iterable", type_name(container));
    }
    return -1;
  }
  int found = 0;
  while (Object* x = iter_next(it)) {
    found = object_rich_compare_bool(x, item, CompareOp::Eq);
    decref(x);
    if (found != 0) break;
  }
  decref(it);
  if (found == 0 && error_occurred()) return -1;
  return found;
}

Object* generic_getattr(Object* o, Object* name) {
  if (Object* attr = type_lookup(type_of(o), name)) {
    if (is_method_descriptor(attr)) {
      const NativeFunctionDef& def = native_def(static_cast<MethodDescriptorObject*>(attr)->def_index);
      return new_builtin_function(&def, o, nullptr);
    }
    if (auto get = slots_of(attr).descr_get) return get(attr, o, type_of(o));
    return newref(attr);
  }
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__class__") return newref(static_cast<Object*>(type_of(o)));  // object's __class__ getset
  return set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
}

Object* object_getattr(Object* o, Object* name) {
  if (auto f = slots_of(o).getattr) return f(o, name);
  return generic_getattr(o, name);
}

int object_setattr(Object* o, Object* name, Object* value) {
  if (auto f = slots_of(o).setattr) return f(o, name, value);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (type_lookup(type_of(o), name)) {
    set_error(g_rt->types.AttributeError, "'%s' object attribute '%s' is read-only", type_name(o), n.c_str());
  } else {
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
  }
  return -1;
}

int object_delattr(Object* o, Object* name) { return object_setattr(o, name, nullptr); }

Object* object_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  if (auto f = slots_of(callable).call) return f(callable, args, nargs, kwnames);
  return set_error(g_rt->types.TypeError, "'%s' object is not callable", type_name(callable));
}

Object* object_iter(Object* o) {
  if (auto f = slots_of(o).iter) return f(o);
  return set_error(g_rt->types.TypeError, "'%s' object is not iterable", type_name(o));
}

Object* iter_next(Object* it) {
  auto f = slots_of(it).iternext;
  if (!f) return set_error(g_rt->types.TypeError, "'%s' object is not an iterator", type_name(it));
  Object* item = f(it);
  // As PyIter_Next: a StopIteration (a generator's return value) is the end too.
  if (!item && error_occurred() && error_matches(g_rt->types.StopIteration)) clear_error();
  return item;
}

Object* object_sizeof(Object* o) {
  TypeObject* t = type_of(o);
  if (t->flags & kTypeHeapType) {
    if (Object* f = type_lookup(t, intern_str("__sizeof__")); f && !is_method_descriptor(f)) {
      return object_call(f, &o, 1, nullptr);
    }
  }
  const TypeSlots& s = slots_of(t);
  size_t size;
  if (s.size_of) {
    size = s.size_of(o);
  } else {
    size = t->basicsize;
    if (t->itemsize) size += t->itemsize * size_t(std::abs(static_cast<VarObject*>(o)->size));
  }
  return int_from_i64(int64_t(size));
}

bool repr_utf8(Object* o, std::string* out) {
  Object* r = object_repr(o);
  if (!r) return false;
  *out = str_to_utf8(static_cast<StrObject*>(r));
  decref(r);
  return true;
}

bool str_utf8(Object* o, std::string* out) {
  Object* r = object_str(o);
  if (!r) return false;
  *out = str_to_utf8(static_cast<StrObject*>(r));
  decref(r);
  return true;
}

bool object_has_index(Object* o) { return int_is_int(o) || slots_of(o).index; }

Object* number_index(Object* o) {
  if (int_is_int(o)) return newref(o);
  if (!slots_of(o).index) {
    return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
  }
  Object* r = slots_of(o).index(o);
  if (r && !int_is_int(r)) {
    set_error(g_rt->types.TypeError, "__index__ returned non-int (type %s)", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

bool object_as_index(Object* o, int64_t* out) {
  Object* i = number_index(o);
  if (!i) return false;
  bool fits = int_as_i64(static_cast<IntObject*>(i), out);
  decref(i);
  if (!fits) set_error(g_rt->types.IndexError, "cannot fit 'int' into an index-sized integer");
  return fits;
}

}  // namespace heaplab
