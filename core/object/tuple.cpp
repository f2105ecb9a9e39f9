#include "core/object/tuple.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/host_stack.h"
#include "core/object/int.h"
#include "core/object/repr_guard.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/slice.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

constexpr int64_t kMaxSaveSize = 20;   // PyTuple_MAXSAVESIZE
constexpr size_t kMaxFreeList = 2000;  // PyTuple_MAXFREELIST

size_t tuple_alloc_size(int64_t n) { return kTupleHeaderSize + sizeof(Addr) * size_t(n); }

void tuple_dealloc(Object* o) {
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  auto* t = static_cast<TupleObject*>(o);
  int64_t n = t->size;
  for (int64_t i = n; i-- > 0;) xdecref(tuple_item(t, i));  // last item first, as CPython
  auto& free_list = g_rt->free_lists.tuples;
  if (n > 0 && n <= kMaxSaveSize && free_list[n].size() < kMaxFreeList && type_of(o) == g_rt->types.tuple) {
    note_object_dead(o);
    free_list[n].push_back(o);
  } else {
    free_object(o);
  }
  dealloc_leave();
}

// Last item first, as 3.12's tupletraverse.
void tuple_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<TupleObject*>(o);
  for (int64_t i = t->size; i-- > 0;)
    if (Object* item = tuple_item(t, i)) visit(item, arg);
}

Object* tuple_repr(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  if (t->size == 0) return str_from_utf8("()");
  ReprGuard guard(o);
  if (!guard.entered()) return str_from_utf8("(...)");
  std::string out = "(";
  for (int64_t i = 0; i < t->size; ++i) {
    if (i) out += ", ";
    std::string item;
    if (!repr_utf8(tuple_item(t, i), &item)) return nullptr;
    out += item;
  }
  out += t->size == 1 ? ",)" : ")";
  return str_from_utf8(out);
}

// 3.12's tuple hash (an xxHash-derived mix of the item hashes).
int64_t tuple_hash(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  // CPython recurses without a limit here (and overflows its stack hashing
  // a tuple nested a million deep).
  static int depth = 0;
  if (host_stack_low() || depth >= kMaxUncountedDepth) {
    set_error(g_rt->types.RecursionError, "maximum recursion depth exceeded while hashing a tuple");
    return -1;
  }
  constexpr uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                     kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; ++i) {
    ++depth;
    int64_t h = object_hash(tuple_item(t, i));
    --depth;
    if (h == -1) return -1;
    acc += uint64_t(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(t->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == uint64_t(-1)) return 1546275796;
  return int64_t(acc);
}

Object* tuple_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return newref(g_rt->not_implemented);
  auto* x = static_cast<TupleObject*>(a);
  auto* y = static_cast<TupleObject*>(b);
  int64_t i = 0;
  for (; i < x->size && i < y->size; ++i) {
    int eq = object_rich_compare_bool(tuple_item(x, i), tuple_item(y, i), CompareOp::Eq);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= x->size || i >= y->size) {
    int64_t c = x->size - y->size;
    bool r = op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Eq ? c == 0
           : op == CompareOp::Ne ? c != 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
    return bool_obj(r);
  }
  if (op == CompareOp::Eq) return bool_obj(false);
  if (op == CompareOp::Ne) return bool_obj(true);
  return object_rich_compare(tuple_item(x, i), tuple_item(y, i), op);
}

int64_t tuple_length(Object* o) { return static_cast<TupleObject*>(o)->size; }

// tuple[slice]: the tuple itself when the slice selects all of it.
Object* tuple_slice_get(TupleObject* t, Object* slice) {
  SliceIndices ix;
  if (!slice_indices(slice, t->size, &ix)) return nullptr;
  if (ix.step == 1 && ix.length == t->size && type_of(t) == g_rt->types.tuple) return newref(t);
  TupleObject* r = tuple_new(ix.length);
  if (!r) return nullptr;
  for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) tuple_set_item(r, i, newref(tuple_item(t, k)));
  return r;
}

Object* tuple_getitem(Object* o, Object* key) {
  auto* t = static_cast<TupleObject*>(o);
  if (is_slice(key)) return tuple_slice_get(t, key);
  int64_t i;
  if (!object_has_index(key)) return set_error(g_rt->types.TypeError, "tuple indices must be integers or slices, not %s", type_name(key));
  if (!object_as_index(key, &i)) return nullptr;
  if (i < 0) i += t->size;
  if (i < 0 || i >= t->size) return set_error(g_rt->types.IndexError, "tuple index out of range");
  return newref(tuple_item(t, i));
}

int tuple_contains(Object* o, Object* v) {
  auto* t = static_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    int r = object_rich_compare_bool(tuple_item(t, i), v, CompareOp::Eq);
    if (r != 0) return r;
  }
  return 0;
}

Object* tuple_concat(Object* a, Object* b) {
  if (!is_tuple(b)) return set_error(g_rt->types.TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
  auto* x = static_cast<TupleObject*>(a);
  auto* y = static_cast<TupleObject*>(b);
  TupleObject* r = tuple_new(x->size + y->size);
  if (!r) return nullptr;
  for (int64_t i = 0; i < x->size; ++i) tuple_set_item(r, i, newref(tuple_item(x, i)));
  for (int64_t i = 0; i < y->size; ++i) tuple_set_item(r, x->size + i, newref(tuple_item(y, i)));
  return r;
}

Object* tuple_repeat(Object* a, int64_t n) {
  auto* x = static_cast<TupleObject*>(a);
  if (n <= 0 || x->size == 0) return newref(g_rt->empty_tuple);
  if (n == 1 && type_of(a) == g_rt->types.tuple) return newref(a);
  if (n > (int64_t(1) << 36) / x->size) return set_memory_error();
  TupleObject* r = tuple_new(x->size * n);
  if (!r) return nullptr;
  for (int64_t k = 0; k < n; ++k)
    for (int64_t i = 0; i < x->size; ++i) tuple_set_item(r, k * x->size + i, newref(tuple_item(x, i)));
  return r;
}

int tuple_truth(Object* o) { return static_cast<TupleObject*>(o)->size != 0; }

size_t tuple_size_of(Object* o) { return tuple_alloc_size(static_cast<TupleObject*>(o)->size); }

TypeSlots tuple_slots;

}  // namespace

bool is_tuple(const Object* o) { return type_of(o)->flags & kTypeTupleSubclass; }

TupleObject* tuple_new(int64_t n) {
  if (n == 0) return newref(g_rt->empty_tuple);
  auto& free_list = g_rt->free_lists.tuples;
  if (n <= kMaxSaveSize && !free_list[n].empty()) {
    auto* t = static_cast<TupleObject*>(free_list[n].back());
    free_list[n].pop_back();
    t->refcnt = 1;
    for (int64_t i = 0; i < n; ++i) t->items[i] = 0;
    note_object_reborn(t);
    gc_track(t);
    return t;
  }
  auto* t = static_cast<TupleObject*>(new_object(g_rt->types.tuple, tuple_alloc_size(n)));
  if (!t) return nullptr;
  t->size = n;
  gc_track(t);
  return t;
}

void tuple_maybe_untrack(Object* o) {
  if (type_of(o) != g_rt->types.tuple || !gc_is_tracked(o)) return;
  auto* t = static_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    Object* item = tuple_item(t, i);
    // A tuple still being filled keeps its tracking.
    if (!item || gc_may_be_tracked(item)) return;
  }
  gc_untrack(o);
}

Object* tuple_from_array(Object* const* items, size_t n) {
  TupleObject* t = tuple_new(int64_t(n));
  if (!t) return nullptr;
  for (size_t i = 0; i < n; ++i) tuple_set_item(t, int64_t(i), newref(items[i]));
  return t;
}

void tuple_clear_free_lists() {
  for (auto& list : g_rt->free_lists.tuples) {
    for (Object* o : list) free_object(o);
    list.clear();
  }
}

void init_static_tuples() {
  auto* t = static_cast<TupleObject*>(new_static_object(g_rt->types.tuple, kTupleHeaderSize));
  t->size = 0;
  g_rt->empty_tuple = t;
}

void init_tuple_type() {
  TypeSlots& s = tuple_slots;
  s.name = "tuple";
  s.dealloc = tuple_dealloc;
  s.traverse = tuple_traverse;
  s.repr = tuple_repr;
  s.hash = tuple_hash;
  s.richcompare = tuple_richcompare;
  s.length = tuple_length;
  s.truth = tuple_truth;
  s.getitem = tuple_getitem;
  s.contains = tuple_contains;
  s.concat = tuple_concat;
  s.repeat = tuple_repeat;
  s.size_of = tuple_size_of;
  s.iter = tuple_iter;
  register_type_slots(g_rt->types.tuple, &tuple_slots);
}

}  // namespace heaplab
