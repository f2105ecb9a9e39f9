#include "core/object/slice.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

SliceObject* as_slice(Object* o) { return static_cast<SliceObject*>(o); }

// _PyEval_SliceIndex: None keeps the default; huge values clamp.
bool slice_index(Object* v, int64_t* out) {
  if (v == none()) return true;
  if (!object_has_index(v)) {
    set_error(g_rt->types.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Object* i = number_index(v);
  if (!i) return false;
  auto* n = static_cast<IntObject*>(i);
  if (!int_as_i64(n, out)) *out = int_sign(n) < 0 ? INT64_MIN : INT64_MAX;
  decref(i);
  return true;
}

void slice_dealloc(Object* o) {
  gc_untrack(o);
  SliceObject* s = as_slice(o);
  Object* step = s->step.get();
  Object* start = s->start.get();
  Object* stop = s->stop.get();
  s->step.set(nullptr);
  s->start.set(nullptr);
  s->stop.set(nullptr);
  decref(step);
  decref(start);
  decref(stop);
  if (!g_rt->slice_cache) {
    note_object_dead(o);
    g_rt->slice_cache = o;
    return;
  }
  free_object(o);
}

void slice_traverse(Object* o, VisitFn visit, void* arg) {
  SliceObject* s = as_slice(o);
  for (Object* r : {s->start.get(), s->stop.get(), s->step.get()})
    if (r) visit(r, arg);
}

Object* slice_repr(Object* o) {
  SliceObject* s = as_slice(o);
  std::string a, b, c;
  if (!repr_utf8(s->start.get(), &a) || !repr_utf8(s->stop.get(), &b) || !repr_utf8(s->step.get(), &c)) return nullptr;
  return str_from_utf8("slice(" + a + ", " + b + ", " + c + ")");
}

Object* slice_as_tuple(SliceObject* s) {
  Object* items[3] = {s->start.get(), s->stop.get(), s->step.get()};
  return tuple_from_array(items, 3);
}

// Slices compare as the tuples (start, stop, step).
Object* slice_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_slice(a) || !is_slice(b)) return newref(g_rt->not_implemented);
  if (a == b && (op == CompareOp::Eq || op == CompareOp::Ne)) return bool_obj(op == CompareOp::Eq);
  Object* x = slice_as_tuple(as_slice(a));
  if (!x) return nullptr;
  Object* y = slice_as_tuple(as_slice(b));
  if (!y) {
    decref(x);
    return nullptr;
  }
  Object* r = object_rich_compare(x, y, op);
  decref(x);
  decref(y);
  return r;
}

// 3.12 made slices hashable: the tuple hash of the three fields, without the
// length term.
int64_t slice_hash(Object* o) {
  SliceObject* s = as_slice(o);
  constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                     kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (Object* v : {s->start.get(), s->stop.get(), s->step.get()}) {
    int64_t h = object_hash(v);
    if (h == -1) return -1;
    acc += uint64_t(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  if (acc == uint64_t(-1)) return 1546275796;
  return int64_t(acc);
}

Object* slice_getattr(Object* o, Object* name) {
  SliceObject* s = as_slice(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "start") return newref(s->start.get());
  if (n == "stop") return newref(s->stop.get());
  if (n == "step") return newref(s->step.get());
  return generic_getattr(o, name);
}

Object* slice_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("slice", kwnames) || !check_nargs("slice", nargs, 1, 3)) return nullptr;
  if (nargs == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

// slice.indices(length): the (start, stop, step) a sequence of that length uses.
Object* slice_method_indices(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("indices", kwnames) || !check_nargs("indices", nargs, 1, 1)) return nullptr;
  int64_t length;
  if (!object_as_index(args[0], &length)) return nullptr;
  if (length < 0) return set_error(g_rt->types.ValueError, "length should not be negative");
  SliceIndices ix;
  if (!slice_indices(self, length, &ix)) return nullptr;
  Object* items[3] = {int_from_i64(ix.start), int_from_i64(ix.stop), int_from_i64(ix.step)};
  Object* t = tuple_from_array(items, 3);
  for (Object* i : items) decref(i);
  return t;
}

const NativeFunctionDef kSliceMethods[] = {{"indices", slice_method_indices}};

TypeSlots slice_slots;

}  // namespace

bool is_slice(const Object* o) { return type_of(o) == g_rt->types.slice; }

Object* slice_new(Object* start, Object* stop, Object* step) {
  SliceObject* s;
  if (g_rt->slice_cache) {
    s = as_slice(g_rt->slice_cache);
    g_rt->slice_cache = nullptr;
    s->refcnt = 1;
    note_object_reborn(s);
  } else {
    s = static_cast<SliceObject*>(new_object(g_rt->types.slice, sizeof(SliceObject)));
    if (!s) return nullptr;
  }
  s->start.set(newref(start ? start : none()));
  s->stop.set(newref(stop ? stop : none()));
  s->step.set(newref(step ? step : none()));
  gc_track(s);
  return s;
}

bool slice_indices(Object* slice, int64_t length, SliceIndices* out) {
  SliceObject* s = as_slice(slice);
  int64_t step = 1;
  if (!slice_index(s->step.get(), &step)) return false;
  if (step == 0) {
    set_error(g_rt->types.ValueError, "slice step cannot be zero");
    return false;
  }
  if (step < -INT64_MAX) step = -INT64_MAX;  // so that -step cannot overflow
  int64_t start = step < 0 ? INT64_MAX : 0;
  int64_t stop = step < 0 ? INT64_MIN : INT64_MAX;
  if (!slice_index(s->start.get(), &start) || !slice_index(s->stop.get(), &stop)) return false;
  // PySlice_AdjustIndices.
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  int64_t n = 0;
  if (step < 0) {
    if (stop < start) n = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    n = (stop - start - 1) / step + 1;
  }
  *out = {start, stop, step, n};
  return true;
}

void init_slice_type() {
  TypeSlots& s = slice_slots;
  s.name = "slice";
  s.dealloc = slice_dealloc;
  s.traverse = slice_traverse;
  s.repr = slice_repr;
  s.richcompare = slice_richcompare;
  s.hash = slice_hash;
  s.getattr = slice_getattr;
  s.construct = slice_construct;
  register_type_slots(g_rt->types.slice, &slice_slots);
  add_methods(g_rt->types.slice, kSliceMethods, 1);
}

}  // namespace heaplab
