#include "core/object/range.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

__extension__ using Wide = __int128;  // exact arithmetic on 64-bit bounds

RangeObject* as_range(Object* o) { return static_cast<RangeObject*>(o); }

Object* small(int64_t v) { return int_from_i64(v); }

bool to_i64(Object* o, int64_t* out) { return int_as_i64(static_cast<IntObject*>(o), out); }

int sign_of(Object* o) { return int_sign(static_cast<IntObject*>(o)); }

// Arithmetic on int objects, releasing the operands it is told to consume.
Object* arith(Object* a, Object* b, BinaryOp op) { return binary_op(a, b, op); }

// compute_range_length: max(0, (stop - start + step - sign(step)) // step),
// written as CPython's two cases.
Object* compute_length(Object* start, Object* stop, Object* step) {
  int64_t a, b, s;
  if (to_i64(start, &a) && to_i64(stop, &b) && to_i64(step, &s)) {
    Wide lo = s > 0 ? a : b, hi = s > 0 ? b : a;
    Wide st = s > 0 ? Wide(s) : -Wide(s);
    if (lo >= hi) return small(0);
    Wide n = (hi - lo - 1) / st + 1;
    if (n <= INT64_MAX) return small(int64_t(n));
  }
  bool positive = sign_of(step) > 0;
  Object* lo = positive ? start : stop;
  Object* hi = positive ? stop : start;
  int cmp = object_rich_compare_bool(lo, hi, CompareOp::Ge);
  if (cmp < 0) return nullptr;
  if (cmp) return small(0);
  Object* one = small(1);
  Object* abs_step = positive ? newref(step) : unary_negative(step);
  Object* diff = arith(hi, lo, BinaryOp::Subtract);
  Object* diff1 = diff ? arith(diff, one, BinaryOp::Subtract) : nullptr;
  Object* q = diff1 && abs_step ? arith(diff1, abs_step, BinaryOp::FloorDivide) : nullptr;
  Object* n = q ? arith(q, one, BinaryOp::Add) : nullptr;
  xdecref(abs_step);
  xdecref(diff);
  xdecref(diff1);
  xdecref(q);
  return n;
}

// An argument of range(): anything with __index__, as an int.
Object* index_arg(Object* o) {
  if (!int_is_int(o)) {
    return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
  }
  return newref(o);
}

Object* make_range(Object* start, Object* stop, Object* step) {  // steals all three
  Object* length = compute_length(start, stop, step);
  if (!length) {
    decref(start);
    decref(stop);
    decref(step);
    return nullptr;
  }
  auto* r = static_cast<RangeObject*>(new_object(g_rt->types.range, sizeof(RangeObject)));
  if (!r) {
    decref(start);
    decref(stop);
    decref(step);
    decref(length);
    return nullptr;
  }
  r->start.set(start);
  r->stop.set(stop);
  r->step.set(step);
  r->length.set(length);
  return r;
}

Object* range_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("range", kwnames)) return nullptr;
  if (nargs == 0) return set_error(g_rt->types.TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return set_error(g_rt->types.TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Object* start;
  Object* stop;
  Object* step;
  if (nargs == 1) {
    stop = index_arg(args[0]);
    if (!stop) return nullptr;
    return make_range(small(0), stop, small(1));
  }
  start = index_arg(args[0]);
  if (!start) return nullptr;
  stop = index_arg(args[1]);
  if (!stop) {
    decref(start);
    return nullptr;
  }
  step = nargs == 3 ? index_arg(args[2]) : small(1);
  if (!step) {
    decref(start);
    decref(stop);
    return nullptr;
  }
  if (sign_of(step) == 0) {
    decref(start);
    decref(stop);
    decref(step);
    return set_error(g_rt->types.ValueError, "range() arg 3 must not be zero");
  }
  return make_range(start, stop, step);
}

void range_dealloc(Object* o) {
  RangeObject* r = as_range(o);
  decref(r->start.get());
  decref(r->stop.get());
  decref(r->step.get());
  decref(r->length.get());
  free_object(o);
}

void range_traverse(Object* o, VisitFn visit, void* arg) {
  RangeObject* r = as_range(o);
  visit(r->start.get(), arg);
  visit(r->stop.get(), arg);
  visit(r->step.get(), arg);
  visit(r->length.get(), arg);
}

Object* range_repr(Object* o) {
  RangeObject* r = as_range(o);
  std::string a, b, c;
  if (!repr_utf8(r->start.get(), &a) || !repr_utf8(r->stop.get(), &b)) return nullptr;
  int64_t step;
  if (to_i64(r->step.get(), &step) && step == 1) return str_from_utf8("range(" + a + ", " + b + ")");
  if (!repr_utf8(r->step.get(), &c)) return nullptr;
  return str_from_utf8("range(" + a + ", " + b + ", " + c + ")");
}

int64_t range_length(Object* o) {
  int64_t n;
  if (!to_i64(as_range(o)->length.get(), &n)) {
    set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_truth(Object* o) { return sign_of(as_range(o)->length.get()) != 0; }

// start + i * step for an int object i (0 <= i < length).
Object* compute_item(RangeObject* r, Object* i) {
  Object* prod = arith(i, r->step.get(), BinaryOp::Multiply);
  if (!prod) return nullptr;
  Object* v = arith(r->start.get(), prod, BinaryOp::Add);
  decref(prod);
  return v;
}

Object* range_item(RangeObject* r, Object* index) {
  Object* i = newref(index);
  if (sign_of(i) < 0) {
    Object* j = arith(i, r->length.get(), BinaryOp::Add);
    decref(i);
    if (!j) return nullptr;
    i = j;
  }
  int out_of_range = sign_of(i) < 0 ? 1 : object_rich_compare_bool(i, r->length.get(), CompareOp::Ge);
  if (out_of_range) {
    decref(i);
    return out_of_range < 0 ? nullptr : set_error(g_rt->types.IndexError, "range object index out of range");
  }
  Object* v = compute_item(r, i);
  decref(i);
  return v;
}

Object* range_slice(RangeObject* r, Object* slice) {
  int64_t length;
  if (!to_i64(r->length.get(), &length)) {
    return set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
  }
  SliceIndices ix;
  if (!slice_indices(slice, length, &ix)) return nullptr;
  Object* i0 = small(ix.start);
  Object* i1 = small(ix.start + ix.step * ix.length);
  Object* k = small(ix.step);
  Object* start = compute_item(r, i0);
  Object* stop = start ? compute_item(r, i1) : nullptr;
  Object* step = stop ? arith(r->step.get(), k, BinaryOp::Multiply) : nullptr;
  decref(i0);
  decref(i1);
  decref(k);
  if (!step) {
    xdecref(start);
    xdecref(stop);
    return nullptr;
  }
  return make_range(start, stop, step);
}

Object* range_subscript(Object* o, Object* key) {
  if (is_slice(key)) return range_slice(as_range(o), key);
  if (!object_has_index(key)) {
    return set_error(g_rt->types.TypeError, "range indices must be integers or slices, not %s", type_name(key));
  }
  Object* i = number_index(key);
  if (!i) return nullptr;
  Object* r = range_item(as_range(o), i);
  decref(i);
  return r;
}

// For an int: arithmetic membership. For anything else: equality scan.
int range_contains_int(RangeObject* r, Object* v) {
  bool positive = sign_of(r->step.get()) > 0;
  CompareOp low = positive ? CompareOp::Le : CompareOp::Ge;
  CompareOp high = positive ? CompareOp::Lt : CompareOp::Gt;
  int c = object_rich_compare_bool(r->start.get(), v, low);
  if (c <= 0) return c;
  c = object_rich_compare_bool(v, r->stop.get(), high);
  if (c <= 0) return c;
  Object* diff = arith(v, r->start.get(), BinaryOp::Subtract);
  if (!diff) return -1;
  Object* rem = arith(diff, r->step.get(), BinaryOp::Remainder);
  decref(diff);
  if (!rem) return -1;
  int zero = sign_of(rem) == 0;
  decref(rem);
  return zero;
}

int range_contains(Object* o, Object* v) {
  RangeObject* r = as_range(o);
  if (type_of(v) == g_rt->types.int_ || type_of(v) == g_rt->types.bool_) return range_contains_int(r, v);
  Object* it = object_iter(o);
  if (!it) return -1;
  int found = 0;
  while (Object* x = iter_next(it)) {
    found = object_rich_compare_bool(x, v, CompareOp::Eq);
    decref(x);
    if (found) break;
  }
  decref(it);
  return found == 0 && error_occurred() ? -1 : found;
}

// Ranges are equal when they produce the same sequence.
int range_equal(RangeObject* a, RangeObject* b) {
  if (a == b) return 1;
  int c = object_rich_compare_bool(a->length.get(), b->length.get(), CompareOp::Eq);
  if (c <= 0) return c;
  if (sign_of(a->length.get()) == 0) return 1;
  c = object_rich_compare_bool(a->start.get(), b->start.get(), CompareOp::Eq);
  if (c <= 0) return c;
  int64_t n;
  if (to_i64(a->length.get(), &n) && n == 1) return 1;
  return object_rich_compare_bool(a->step.get(), b->step.get(), CompareOp::Eq);
}

Object* range_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_range(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return newref(g_rt->not_implemented);
  int eq = range_equal(as_range(a), as_range(b));
  if (eq < 0) return nullptr;
  return bool_obj((eq == 1) == (op == CompareOp::Eq));
}

// hash((len, start, step)), with None for what does not matter.
int64_t range_hash(Object* o) {
  RangeObject* r = as_range(o);
  Object* items[3] = {r->length.get(), none(), none()};
  int64_t n;
  if (sign_of(r->length.get()) != 0) {
    items[1] = r->start.get();
    if (!(to_i64(r->length.get(), &n) && n == 1)) items[2] = r->step.get();
  }
  Object* t = tuple_from_array(items, 3);
  if (!t) return -1;
  int64_t h = object_hash(t);
  decref(t);
  return h;
}

Object* range_getattr(Object* o, Object* name) {
  RangeObject* r = as_range(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "start") return newref(r->start.get());
  if (n == "stop") return newref(r->stop.get());
  if (n == "step") return newref(r->step.get());
  return generic_getattr(o, name);
}

// ---- iterators ----

Object* make_iter(Object* start, Object* step, Object* len) {  // borrows
  int64_t a, s, n;
  if (to_i64(start, &a) && to_i64(step, &s) && to_i64(len, &n)) {
    // fast_range_iter needs every value it will produce to fit in a C long.
    Wide last = Wide(a) + Wide(s) * (n > 0 ? n - 1 : 0);
    if (last >= INT64_MIN && last <= INT64_MAX) {
      auto* it = static_cast<RangeIterObject*>(new_object(g_rt->types.range_iterator, sizeof(RangeIterObject)));
      if (!it) return nullptr;
      it->start = a;
      it->step = s;
      it->len = n;
      return it;
    }
  }
  auto* it = static_cast<LongRangeIterObject*>(new_object(g_rt->types.longrange_iterator, sizeof(LongRangeIterObject)));
  if (!it) return nullptr;
  it->start.set(newref(start));
  it->step.set(newref(step));
  it->len.set(newref(len));
  return it;
}

Object* range_iter(Object* o) {
  RangeObject* r = as_range(o);
  return make_iter(r->start.get(), r->step.get(), r->length.get());
}

Object* iter_self(Object* o) { return newref(o); }

Object* rangeiter_next(Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->len <= 0) return nullptr;
  int64_t v = it->start;
  it->start = v + (it->len > 1 ? it->step : 0);
  --it->len;
  return small(v);
}

size_t rangeiter_size_of(Object*) { return sizeof(RangeIterObject); }

Object* longrangeiter_next(Object* o) {
  auto* it = static_cast<LongRangeIterObject*>(o);
  if (sign_of(it->len.get()) <= 0) return nullptr;
  Object* one = small(1);
  Object* len = arith(it->len.get(), one, BinaryOp::Subtract);
  if (!len) return nullptr;
  Object* next = arith(it->start.get(), it->step.get(), BinaryOp::Add);
  if (!next) {
    decref(len);
    return nullptr;
  }
  Object* result = newref(it->start.get());
  set_ref(it->start, next);
  set_ref(it->len, len);
  return result;
}

void longrangeiter_dealloc(Object* o) {
  auto* it = static_cast<LongRangeIterObject*>(o);
  decref(it->start.get());
  decref(it->step.get());
  decref(it->len.get());
  free_object(o);
}

void longrangeiter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* it = static_cast<LongRangeIterObject*>(o);
  visit(it->start.get(), arg);
  visit(it->step.get(), arg);
  visit(it->len.get(), arg);
}

void rangeiter_dealloc(Object* o) { free_object(o); }

// ---- methods ----

Object* range_method_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("count", kwnames) || !check_nargs("count", nargs, 1, 1)) return nullptr;
  if (type_of(args[0]) == g_rt->types.int_ || type_of(args[0]) == g_rt->types.bool_) {
    int r = range_contains_int(as_range(self), args[0]);
    return r < 0 ? nullptr : small(r);
  }
  Object* it = range_iter(self);
  if (!it) return nullptr;
  int64_t count = 0;
  while (Object* x = iter_next(it)) {
    int eq = object_rich_compare_bool(x, args[0], CompareOp::Eq);
    decref(x);
    if (eq < 0) {
      decref(it);
      return nullptr;
    }
    count += eq;
  }
  decref(it);
  return small(count);
}

Object* range_method_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_nargs("index", nargs, 1, 1)) return nullptr;
  RangeObject* r = as_range(self);
  Object* v = args[0];
  if (type_of(v) == g_rt->types.int_ || type_of(v) == g_rt->types.bool_) {
    int c = range_contains_int(r, v);
    if (c < 0) return nullptr;
    if (c) {
      Object* diff = arith(v, r->start.get(), BinaryOp::Subtract);
      if (!diff) return nullptr;
      Object* idx = arith(diff, r->step.get(), BinaryOp::FloorDivide);
      decref(diff);
      return idx;
    }
  } else {
    Object* it = range_iter(self);
    if (!it) return nullptr;
    int64_t i = 0;
    while (Object* x = iter_next(it)) {
      int eq = object_rich_compare_bool(x, v, CompareOp::Eq);
      decref(x);
      if (eq) {
        decref(it);
        return eq < 0 ? nullptr : small(i);
      }
      ++i;
    }
    decref(it);
    if (error_occurred()) return nullptr;
  }
  std::string text;
  if (!repr_utf8(v, &text)) return nullptr;
  return set_error(g_rt->types.ValueError, "%s is not in range", text.c_str());
}

const NativeFunctionDef kRangeMethods[] = {{"count", range_method_count}, {"index", range_method_index}};

TypeSlots range_slots, rangeiter_slots, longrangeiter_slots;

}  // namespace

bool is_range(const Object* o) { return type_of(o) == g_rt->types.range; }

Object* range_reversed_iter(Object* o) {
  RangeObject* r = as_range(o);
  // start + (len - 1) * step, stepping by -step.
  Object* one = small(1);
  Object* last_index = arith(r->length.get(), one, BinaryOp::Subtract);
  if (!last_index) return nullptr;
  Object* last = compute_item(r, last_index);
  decref(last_index);
  if (!last) return nullptr;
  Object* step = unary_negative(r->step.get());
  if (!step) {
    decref(last);
    return nullptr;
  }
  Object* it = make_iter(last, step, r->length.get());
  decref(last);
  decref(step);
  return it;
}

void init_range_type() {
  TypeSlots& s = range_slots;
  s.name = "range";
  s.dealloc = range_dealloc;
  s.traverse = range_traverse;
  s.repr = range_repr;
  s.hash = range_hash;
  s.richcompare = range_richcompare;
  s.length = range_length;
  s.truth = range_truth;
  s.getitem = range_subscript;
  s.contains = range_contains;
  s.getattr = range_getattr;
  s.iter = range_iter;
  s.construct = range_construct;
  register_type_slots(g_rt->types.range, &range_slots);
  add_methods(g_rt->types.range, kRangeMethods, 2);

  TypeSlots& i = rangeiter_slots;
  i.name = "range_iterator";
  i.dealloc = rangeiter_dealloc;
  i.iter = iter_self;
  i.iternext = rangeiter_next;
  i.size_of = rangeiter_size_of;
  register_type_slots(g_rt->types.range_iterator, &rangeiter_slots);

  TypeSlots& l = longrangeiter_slots;
  l.name = "longrange_iterator";
  l.dealloc = longrangeiter_dealloc;
  l.traverse = longrangeiter_traverse;
  l.iter = iter_self;
  l.iternext = longrangeiter_next;
  register_type_slots(g_rt->types.longrange_iterator, &longrangeiter_slots);
}

}  // namespace heaplab
