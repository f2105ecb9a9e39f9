#include "core/object/builtin_iterators.h"

#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/range.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct EnumerateObject : Object {
  int64_t index;
  Ref<Object> iter;
  Ref<Object> result;     // the reusable (index, item) tuple
  Ref<Object> longindex;  // the index once it passes INT64_MAX
  Addr one;               // borrowed in CPython; unused here
};
static_assert(sizeof(EnumerateObject) == 56);

struct ZipObject : Object {
  int64_t tuplesize;
  Ref<Object> iters;   // tuple of iterators
  Ref<Object> result;  // the reusable result tuple
  int64_t strict;
};
static_assert(sizeof(ZipObject) == 48);

struct MapObject : Object {
  Ref<Object> iters;  // tuple of iterators
  Ref<Object> func;
};

struct FilterObject : Object {
  Ref<Object> func;
  Ref<Object> iter;
};

struct ReversedObject : Object {
  int64_t index;
  Ref<Object> seq;  // NULL once exhausted
};

// callable_iterator (calliterobject): calls `callable` until it returns
// something equal to `sentinel`.
struct CallableIteratorObject : Object {
  Ref<Object> callable;  // both NULL once exhausted
  Ref<Object> sentinel;
};
static_assert(sizeof(CallableIteratorObject) == 32);

Object* iter_self(Object* o) { return newref(o); }

// Releases every reference field listed, then the object.
template <class T>
void release(Object* o, std::initializer_list<Ref<Object> T::*> fields) {
  gc_untrack(o);
  auto* t = static_cast<T*>(o);
  for (auto f : fields) {
    Object* r = (t->*f).get();
    (t->*f).set(nullptr);
    xdecref(r);
  }
  free_object(o);
}

template <class T>
void visit_fields(Object* o, std::initializer_list<Ref<Object> T::*> fields, VisitFn visit, void* arg) {
  auto* t = static_cast<T*>(o);
  for (auto f : fields)
    if (Object* r = (t->*f).get()) visit(r, arg);
}

// Puts `item` in slot i of a result tuple, releasing what was there.
void replace_item(TupleObject* t, int64_t i, Object* item) {
  Object* old = tuple_item(t, i);
  tuple_set_item(t, i, item);
  xdecref(old);
}

// A reused result tuple may have been untracked by a collection: track it again.
Object* recycled(Object* result) {
  if (!gc_is_tracked(result)) gc_track(result);
  return result;
}

// ---- enumerate ----

Object* enumerate_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"enumerate", {"iterable", "start"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t index = 0;
  Object* longindex = nullptr;
  if (a[1]) {
    if (!int_is_int(a[1])) {
      return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
    }
    if (!int_as_i64(static_cast<IntObject*>(a[1]), &index)) {
      index = INT64_MAX;
      longindex = a[1];
    }
  }
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  Object* nones[2] = {none(), none()};
  Object* result = tuple_from_array(nones, 2);
  auto* en = result ? static_cast<EnumerateObject*>(new_object(type, sizeof(EnumerateObject))) : nullptr;
  if (!en) {
    decref(it);
    xdecref(result);
    return nullptr;
  }
  en->index = index;
  en->iter.set(it);
  en->result.set(result);
  if (longindex) en->longindex.set(newref(longindex));
  gc_track(en);
  return en;
}

Object* enumerate_next(Object* o) {
  auto* en = static_cast<EnumerateObject*>(o);
  Object* item = iter_next(en->iter.get());
  if (!item) return nullptr;
  Object* index;
  if (en->index == INT64_MAX) {
    if (!en->longindex) en->longindex.set(int_from_i64(INT64_MAX));
    index = newref(en->longindex.get());
    Object* one = int_from_i64(1);
    Object* next = binary_op(index, one, BinaryOp::Add);
    if (!next) {
      decref(index);
      decref(item);
      return nullptr;
    }
    set_ref(en->longindex, next);
  } else {
    index = int_from_i64(en->index++);
  }
  auto* result = static_cast<TupleObject*>(en->result.get());
  if (result->refcnt == 1) {
    incref(result);
    replace_item(result, 0, index);
    replace_item(result, 1, item);
    return recycled(result);
  }
  TupleObject* t = tuple_new(2);
  if (!t) {
    decref(index);
    decref(item);
    return nullptr;
  }
  tuple_set_item(t, 0, index);
  tuple_set_item(t, 1, item);
  return t;
}

void enumerate_dealloc(Object* o) {
  release<EnumerateObject>(o, {&EnumerateObject::iter, &EnumerateObject::result, &EnumerateObject::longindex});
}
void enumerate_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<EnumerateObject>(o, {&EnumerateObject::iter, &EnumerateObject::result, &EnumerateObject::longindex},
                                visit, arg);
}

// ---- zip ----

Object* zip_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* strict_arg = keyword_arg(args, nargs, kwnames, "strict");
  if (kwnames && (static_cast<TupleObject*>(kwnames)->size > 1 || !strict_arg)) {
    return set_error(g_rt->types.TypeError, "zip() got an unexpected keyword argument");
  }
  int strict = strict_arg ? object_is_true(strict_arg) : 0;
  if (strict < 0) return nullptr;
  TupleObject* iters = tuple_new(int64_t(nargs));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* it = object_iter(args[i]);
    if (!it) {
      decref(iters);
      return nullptr;
    }
    tuple_set_item(iters, int64_t(i), it);
  }
  TupleObject* result = tuple_new(int64_t(nargs));
  if (!result) {
    decref(iters);
    return nullptr;
  }
  for (size_t i = 0; i < nargs; ++i) tuple_set_item(result, int64_t(i), none());
  auto* z = static_cast<ZipObject*>(new_object(type, sizeof(ZipObject)));
  if (!z) {
    decref(iters);
    decref(result);
    return nullptr;
  }
  z->tuplesize = int64_t(nargs);
  z->iters.set(iters);
  z->result.set(result);
  z->strict = strict;
  gc_track(z);
  return z;
}

// zip(strict=True) found iterator i exhausted: are the others too?
Object* zip_strict_check(ZipObject* z, int64_t i) {
  if (error_occurred()) return nullptr;
  if (i) {
    return set_error(g_rt->types.ValueError, "zip() argument %lld is shorter than argument%s%lld", (long long)(i + 1),
                     i == 1 ? " " : "s 1-", (long long)i);
  }
  auto* iters = static_cast<TupleObject*>(z->iters.get());
  for (i = 1; i < z->tuplesize; ++i) {
    Object* item = iter_next(tuple_item(iters, i));
    if (item) {
      decref(item);
      return set_error(g_rt->types.ValueError, "zip() argument %lld is longer than argument%s%lld", (long long)(i + 1),
                       i == 1 ? " " : "s 1-", (long long)i);
    }
    if (error_occurred()) return nullptr;
  }
  return nullptr;
}

Object* zip_next(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  int64_t n = z->tuplesize;
  if (n == 0) return nullptr;
  auto* iters = static_cast<TupleObject*>(z->iters.get());
  auto* result = static_cast<TupleObject*>(z->result.get());
  bool reuse = result->refcnt == 1;
  if (reuse) incref(result);
  else if (!(result = tuple_new(n))) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Object* item = iter_next(tuple_item(iters, i));
    if (!item) {
      decref(result);
      return z->strict ? zip_strict_check(z, i) : nullptr;
    }
    if (reuse) replace_item(result, i, item);
    else tuple_set_item(result, i, item);
  }
  return reuse ? recycled(result) : result;
}

void zip_dealloc(Object* o) { release<ZipObject>(o, {&ZipObject::iters, &ZipObject::result}); }
void zip_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<ZipObject>(o, {&ZipObject::iters, &ZipObject::result}, visit, arg);
}

// ---- map ----

Object* map_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("map", kwnames)) return nullptr;
  if (nargs < 2) return set_error(g_rt->types.TypeError, "map() must have at least two arguments.");
  TupleObject* iters = tuple_new(int64_t(nargs - 1));
  if (!iters) return nullptr;
  for (size_t i = 1; i < nargs; ++i) {
    Object* it = object_iter(args[i]);
    if (!it) {
      decref(iters);
      return nullptr;
    }
    tuple_set_item(iters, int64_t(i - 1), it);
  }
  auto* m = static_cast<MapObject*>(new_object(type, sizeof(MapObject)));
  if (!m) {
    decref(iters);
    return nullptr;
  }
  m->iters.set(iters);
  m->func.set(newref(args[0]));
  gc_track(m);
  return m;
}

Object* map_next(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  auto* iters = static_cast<TupleObject*>(m->iters.get());
  std::vector<Object*> items;
  items.reserve(size_t(iters->size));
  for (int64_t i = 0; i < iters->size; ++i) {
    Object* item = iter_next(tuple_item(iters, i));
    if (!item) {
      for (Object* x : items) decref(x);
      return nullptr;
    }
    items.push_back(item);
  }
  Object* r = object_call(m->func.get(), items.data(), items.size(), nullptr);
  for (Object* x : items) decref(x);
  return r;
}

void map_dealloc(Object* o) { release<MapObject>(o, {&MapObject::iters, &MapObject::func}); }
void map_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<MapObject>(o, {&MapObject::iters, &MapObject::func}, visit, arg);
}

// ---- filter ----

Object* filter_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("filter", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "filter expected 2 arguments, got %zu", nargs);
  Object* it = object_iter(args[1]);
  if (!it) return nullptr;
  auto* f = static_cast<FilterObject*>(new_object(type, sizeof(FilterObject)));
  if (!f) {
    decref(it);
    return nullptr;
  }
  f->func.set(newref(args[0]));
  f->iter.set(it);
  gc_track(f);
  return f;
}

Object* filter_next(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  Object* func = f->func.get();
  bool check_true = func == none() || func == g_rt->types.bool_;
  for (;;) {
    Object* item = iter_next(f->iter.get());
    if (!item) return nullptr;
    int ok;
    if (check_true) {
      ok = object_is_true(item);
    } else {
      Object* good = object_call(func, &item, 1, nullptr);
      ok = good ? object_is_true(good) : -1;
      xdecref(good);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

void filter_dealloc(Object* o) { release<FilterObject>(o, {&FilterObject::func, &FilterObject::iter}); }
void filter_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<FilterObject>(o, {&FilterObject::func, &FilterObject::iter}, visit, arg);
}

// ---- reversed ----

Object* reversed_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("reversed", kwnames) || !check_nargs("reversed", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  // Types with __reversed__.
  if (type_of(seq) == g_rt->types.list) return list_reversed_iter(seq);
  if (is_range(seq)) return range_reversed_iter(seq);
  if (Object* method = type_lookup(type_of(seq), intern_str("__reversed__"))) return object_call(method, &seq, 1, nullptr);
  const TypeSlots& s = slots_of(seq);
  bool sequence = s.length && s.getitem && !(type_of(seq)->flags & kTypeDictSubclass) &&
                  type_of(seq) != g_rt->types.set && type_of(seq) != g_rt->types.frozenset;
  if (!sequence) return set_error(g_rt->types.TypeError, "'%s' object is not reversible", type_name(seq));
  int64_t n = object_length(seq);
  if (n < 0) return nullptr;
  auto* r = static_cast<ReversedObject*>(new_object(type, sizeof(ReversedObject)));
  if (!r) return nullptr;
  r->index = n - 1;
  r->seq.set(newref(seq));
  gc_track(r);
  return r;
}

Object* reversed_next(Object* o) {
  auto* r = static_cast<ReversedObject*>(o);
  if (r->index >= 0 && r->seq) {
    Object* key = int_from_i64(r->index);
    Object* item = object_getitem(r->seq.get(), key);
    decref(key);
    if (item) {
      --r->index;
      return item;
    }
    if (error_matches(g_rt->types.IndexError) || error_matches(g_rt->types.StopIteration)) clear_error();
  }
  r->index = -1;
  Object* seq = r->seq.get();
  r->seq.set(nullptr);
  xdecref(seq);
  return nullptr;
}

void reversed_dealloc(Object* o) { release<ReversedObject>(o, {&ReversedObject::seq}); }
void reversed_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<ReversedObject>(o, {&ReversedObject::seq}, visit, arg);
}

// ---- callable_iterator ----

Object* callable_iterator_next(Object* o) {
  auto* it = static_cast<CallableIteratorObject*>(o);
  if (!it->callable) return nullptr;
  Object* value = object_call(it->callable.get(), nullptr, 0, nullptr);
  int done = -1;
  if (value) {
    done = object_rich_compare_bool(it->sentinel.get(), value, CompareOp::Eq);
    if (done == 0) return value;
    decref(value);
  } else if (error_matches(g_rt->types.StopIteration)) {
    clear_error();
    done = 1;
  }
  if (done > 0) {
    Object* callable = it->callable.get();
    Object* sentinel = it->sentinel.get();
    it->callable.set(nullptr);
    it->sentinel.set(nullptr);
    decref(callable);
    decref(sentinel);
  }
  return nullptr;
}

void callable_iterator_dealloc(Object* o) {
  release<CallableIteratorObject>(o, {&CallableIteratorObject::callable, &CallableIteratorObject::sentinel});
}
void callable_iterator_traverse(Object* o, VisitFn visit, void* arg) {
  visit_fields<CallableIteratorObject>(o, {&CallableIteratorObject::callable, &CallableIteratorObject::sentinel},
                                       visit, arg);
}

TypeSlots enumerate_slots, zip_slots, map_slots, filter_slots, reversed_slots;
TypeSlots callable_iterator_slots;

void init_one(TypeObject* type, TypeSlots& s, const char* name, void (*dealloc)(Object*),
              void (*traverse)(Object*, VisitFn, void*), Object* (*next)(Object*),
              Object* (*construct)(TypeObject*, Object* const*, size_t, Object*)) {
  s.name = name;
  s.dealloc = dealloc;
  s.traverse = traverse;
  s.iter = iter_self;
  s.iternext = next;
  s.construct = construct;
  register_type_slots(type, &s);
}

}  // namespace

void init_builtin_iterator_types() {
  const BuiltinTypes& t = g_rt->types;
  init_one(t.enumerate, enumerate_slots, "enumerate", enumerate_dealloc, enumerate_traverse, enumerate_next,
           enumerate_construct);
  init_one(t.zip, zip_slots, "zip", zip_dealloc, zip_traverse, zip_next, zip_construct);
  init_one(t.map, map_slots, "map", map_dealloc, map_traverse, map_next, map_construct);
  init_one(t.filter, filter_slots, "filter", filter_dealloc, filter_traverse, filter_next, filter_construct);
  init_one(t.reversed, reversed_slots, "reversed", reversed_dealloc, reversed_traverse, reversed_next,
           reversed_construct);
  init_one(t.callable_iterator, callable_iterator_slots, "callable_iterator", callable_iterator_dealloc,
           callable_iterator_traverse, callable_iterator_next, nullptr);
}

Object* new_callable_iterator(Object* callable, Object* sentinel) {
  if (!slots_of(callable).call) {
    return set_error(g_rt->types.TypeError, "iter(object, sentinel): object must be callable");
  }
  auto* it = static_cast<CallableIteratorObject*>(new_object(g_rt->types.callable_iterator,
                                                             sizeof(CallableIteratorObject)));
  if (!it) return nullptr;
  it->callable.set(newref(callable));
  it->sentinel.set(newref(sentinel));
  gc_track(it);
  return it;
}

}  // namespace heaplab
