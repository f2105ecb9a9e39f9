#include "core/object/itertools.h"

#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// ---- Layouts (Modules/itertoolsmodule.c, 3.12) ----

struct CountObject : Object {
  int64_t cnt;  // INT64_MAX in slow mode
  Ref<Object> long_cnt;
  Ref<Object> long_step;
};
static_assert(sizeof(CountObject) == 40);

struct CycleObject : Object {
  Ref<Object> it;
  Ref<Object> saved;  // list
  int64_t index;
  int64_t firstpass;
};
static_assert(sizeof(CycleObject) == 48);

struct RepeatObject : Object {
  Ref<Object> element;
  int64_t cnt;  // -1: forever
};
static_assert(sizeof(RepeatObject) == 32);

struct ChainObject : Object {
  Ref<Object> source;
  Ref<Object> active;
};
static_assert(sizeof(ChainObject) == 32);

struct IsliceObject : Object {
  Ref<Object> it;
  int64_t next;
  int64_t stop;  // -1: none
  int64_t step;
  int64_t cnt;
};
static_assert(sizeof(IsliceObject) == 56);

struct AccumulateObject : Object {
  Ref<Object> total;
  Ref<Object> it;
  Ref<Object> binop;
  Ref<Object> initial;  // None once produced
  uint64_t state;
};
static_assert(sizeof(AccumulateObject) == 56);

struct ProductObject : Object {
  Ref<Object> pools;  // tuple of tuples
  Addr indices;       // PyMem array of npools int64
  Ref<Object> result;
  int64_t stopped;
};
static_assert(sizeof(ProductObject) == 48);

struct PermutationsObject : Object {
  Ref<Object> pool;
  Addr indices;  // n
  Addr cycles;   // r
  Ref<Object> result;
  int64_t r;
  int64_t stopped;
};
static_assert(sizeof(PermutationsObject) == 64);

// combinations and combinations_with_replacement.
struct CombinationsObject : Object {
  Ref<Object> pool;
  Addr indices;  // r
  Ref<Object> result;
  int64_t r;
  int64_t stopped;
};
static_assert(sizeof(CombinationsObject) == 56);

struct ZipLongestObject : Object {
  int64_t tuplesize;
  int64_t numactive;
  Ref<Object> ittuple;  // exhausted iterators become NULL
  Ref<Object> result;
  Ref<Object> fillvalue;
};
static_assert(sizeof(ZipLongestObject) == 56);

// starmap, filterfalse, compress, pairwise: two references.
struct PairObject : Object {
  Ref<Object> a;
  Ref<Object> b;
};
static_assert(sizeof(PairObject) == 32);

// takewhile and dropwhile.
struct WhileObject : Object {
  Ref<Object> func;
  Ref<Object> it;
  int64_t flag;  // takewhile: stopped; dropwhile: started
};
static_assert(sizeof(WhileObject) == 40);

struct GroupbyObject : Object {
  Ref<Object> it;
  Ref<Object> keyfunc;
  Ref<Object> tgtkey;
  Ref<Object> currkey;
  Ref<Object> currvalue;
  Addr currgrouper;  // borrowed
  uint64_t state;
};
static_assert(sizeof(GroupbyObject) == 72);

struct GrouperObject : Object {
  Ref<Object> parent;
  Ref<Object> tgtkey;
};
static_assert(sizeof(GrouperObject) == 32);

constexpr int kLinkCells = 57;

struct TeeDataObject : Object {
  Ref<Object> it;
  int32_t numread;
  int32_t running;
  Ref<Object> nextlink;
  Addr values[kLinkCells];
};
static_assert(sizeof(TeeDataObject) == 496);

struct TeeObject : Object {
  Ref<TeeDataObject> dataobj;
  int64_t index;
  Ref<Object> weakreflist;
  uint64_t state;
};
static_assert(sizeof(TeeObject) == 48);

struct BatchedObject : Object {
  Ref<Object> it;
  int64_t batch_size;
};
static_assert(sizeof(BatchedObject) == 32);

// ---- Helpers ----

template <class O>
O* alloc(TypeObject* type) {
  return static_cast<O*>(new_object(type, sizeof(O)));
}

// The object, GC-tracked (the last step of every constructor).
Object* tracked(Object* o) {
  gc_track(o);
  return o;
}

template <class O>
void clear_fields(Object* o, std::initializer_list<Ref<Object> O::*> fields) {
  auto* t = static_cast<O*>(o);
  for (auto f : fields) {
    Object* r = (t->*f).get();
    (t->*f).set(nullptr);
    xdecref(r);
  }
}

template <class O>
void visit_fields(Object* o, std::initializer_list<Ref<Object> O::*> fields, VisitFn visit, void* arg) {
  auto* t = static_cast<O*>(o);
  for (auto f : fields)
    if (Object* r = (t->*f).get()) visit(r, arg);
}

// Drops a reference field (Py_CLEAR).
void clear_ref(Ref<Object>& field) {
  Object* r = field.get();
  field.set(nullptr);
  xdecref(r);
}

Object* iter_self(Object* o) { return newref(o); }

// Puts `item` (a new reference) in slot i of a result tuple, releasing the old one.
void replace_item(Object* t, int64_t i, Object* item) {
  auto* tuple = static_cast<TupleObject*>(t);
  Object* old = tuple_item(tuple, i);
  tuple_set_item(tuple, i, item);
  xdecref(old);
}

// The result tuple of product/permutations/combinations: reused when only
// the iterator holds it, else copied (and re-tracked if a collection untracked it).
Object* own_result(Ref<Object>& field) {
  auto* result = static_cast<TupleObject*>(field.get());
  if (result->refcnt > 1) {
    TupleObject* copy = tuple_new(result->size);
    if (!copy) return nullptr;
    for (int64_t i = 0; i < result->size; ++i) tuple_set_item(copy, i, newref(tuple_item(result, i)));
    field.set(copy);
    decref(result);
    return copy;
  }
  if (!gc_is_tracked(result)) gc_track(result);
  return result;
}

// The first n items of `items` as a tuple (new reference).
Object* tuple_of(Object* const* items, int64_t n) { return tuple_from_array(items, size_t(n)); }

// PySequence_Tuple: a list's items directly; otherwise one tuple, sized by
// the iterable's length when it has one (a list collects the items of
// iterables without a length, or with more items than they said).
Object* as_tuple(Object* iterable) {
  if (type_of(iterable) == g_rt->types.tuple) return newref(iterable);
  if (type_of(iterable) == g_rt->types.list) {
    auto* l = static_cast<ListObject*>(iterable);
    std::vector<Object*> items(size_t(l->size));
    for (int64_t i = 0; i < l->size; ++i) items[size_t(i)] = list_item(l, i);
    return tuple_of(items.data(), l->size);
  }
  if (slots_of(iterable).length && !is_dict(iterable)) {
    int64_t n = slots_of(iterable).length(iterable);
    if (n < 0) return nullptr;
    Object* it = object_iter(iterable);
    if (!it) return nullptr;
    std::vector<Object*> items;
    while (int64_t(items.size()) < n) {
      Object* item = iter_next(it);
      if (!item) break;
      items.push_back(item);
    }
    Object* extra = error_occurred() ? nullptr : iter_next(it);
    Object* r = nullptr;
    if (!error_occurred() && !extra) r = tuple_of(items.data(), int64_t(items.size()));
    for (Object* item : items) decref(item);
    if (extra) {  // more items than its length said: start over with a list
      decref(extra);
      decref(it);
      it = nullptr;
    } else {
      decref(it);
      return r;
    }
  }
  Object* list = list_new(0);
  if (!list || list_extend(list, iterable) < 0) {
    xdecref(list);
    return nullptr;
  }
  auto* l = static_cast<ListObject*>(list);
  std::vector<Object*> items(size_t(l->size));
  for (int64_t i = 0; i < l->size; ++i) items[size_t(i)] = list_item(l, i);
  Object* r = tuple_of(items.data(), l->size);
  decref(list);
  return r;
}

// An int64 array in a PyMem block.
int64_t* ints(Addr a) { return at<int64_t>(a); }
Addr new_ints(int64_t n) {
  Addr a = mem_alloc(size_t(n > 0 ? n : 1) * sizeof(int64_t));
  if (!a) set_memory_error();
  return a;
}

bool check_positional(const char* name, Object* kwnames, size_t nargs, size_t n) {
  if (!check_no_kwargs(name, kwnames)) return false;
  if (nargs != n) {
    set_error(g_rt->types.TypeError, "%s expected %zu arguments, got %zu", name, n, nargs);
    return false;
  }
  return true;
}

// ---- count ----

Object* count_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"count", {"start", "step"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  for (Object* v : a) {
    if (v && !int_is_int(v) && !is_float(v) && !slots_of(v).number[size_t(BinaryOp::Add)]) {
      return set_error(g_rt->types.TypeError, "a number is required");
    }
  }
  // Fast mode (a C counter) needs an int start that fits and a step of exactly 1.
  bool slow = false;
  int64_t cnt = 0, step = 1;
  if (a[0] && (!int_is_int(a[0]) || !int_as_i64(static_cast<IntObject*>(a[0]), &cnt) || cnt == INT64_MAX)) slow = true;
  if (a[1] && (!int_is_int(a[1]) || !int_as_i64(static_cast<IntObject*>(a[1]), &step) || step != 1)) slow = true;
  auto* c = alloc<CountObject>(type);
  if (!c) return nullptr;
  c->long_step.set(a[1] ? newref(a[1]) : int_from_i64(1));
  if (slow) {
    c->cnt = INT64_MAX;
    c->long_cnt.set(a[0] ? newref(a[0]) : int_from_i64(0));
  } else {
    c->cnt = cnt;
  }
  return tracked(c);
}

Object* count_next(Object* o) {
  auto* c = static_cast<CountObject*>(o);
  if (c->cnt != INT64_MAX) return int_from_i64(c->cnt++);
  Object* current = c->long_cnt.get();
  if (!current) current = int_from_i64(INT64_MAX);  // the fast count ran out: switch to slow mode
  else incref(current);
  Object* next = binary_op(current, c->long_step.get(), BinaryOp::Add);
  if (!next) {
    decref(current);
    return nullptr;
  }
  set_ref(c->long_cnt, next);
  return current;
}

Object* count_repr(Object* o) {
  auto* c = static_cast<CountObject*>(o);
  if (c->cnt != INT64_MAX) return str_from_utf8("count(" + std::to_string(c->cnt) + ")");
  std::string cnt, step;
  if (!repr_utf8(c->long_cnt.get(), &cnt)) return nullptr;
  Object* s = c->long_step.get();
  int64_t v;
  if (int_is_int(s) && int_as_i64(static_cast<IntObject*>(s), &v) && v == 1) return str_from_utf8("count(" + cnt + ")");
  if (!repr_utf8(s, &step)) return nullptr;
  return str_from_utf8("count(" + cnt + ", " + step + ")");
}

// ---- cycle ----

Object* cycle_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("cycle", kwnames) || !check_nargs("cycle", nargs, 1, 1)) return nullptr;
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  Object* saved = list_new(0);
  auto* c = saved ? alloc<CycleObject>(type) : nullptr;
  if (!c) {
    decref(it);
    xdecref(saved);
    return nullptr;
  }
  c->it.set(it);
  c->saved.set(saved);
  return tracked(c);
}

Object* cycle_next(Object* o) {
  auto* c = static_cast<CycleObject*>(o);
  if (c->it) {
    if (Object* item = iter_next(c->it.get())) {
      if (c->firstpass) return item;
      if (list_append(c->saved.get(), item) < 0) {
        decref(item);
        return nullptr;
      }
      return item;
    }
    if (error_occurred()) return nullptr;
    clear_ref(c->it);
  }
  auto* saved = static_cast<ListObject*>(c->saved.get());
  if (saved->size == 0) return nullptr;
  Object* item = list_item(saved, c->index);
  if (++c->index >= saved->size) c->index = 0;
  return newref(item);
}

// ---- repeat ----

Object* repeat_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"repeat", {"object", "times"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t cnt = -1;
  if (a[1]) {
    if (!ssize_arg(a[1], &cnt)) return nullptr;
    if (cnt < 0) cnt = 0;
  }
  auto* r = alloc<RepeatObject>(type);
  if (!r) return nullptr;
  r->element.set(newref(a[0]));
  r->cnt = cnt;
  return tracked(r);
}

Object* repeat_next(Object* o) {
  auto* r = static_cast<RepeatObject*>(o);
  if (r->cnt == 0) return nullptr;
  if (r->cnt > 0) r->cnt--;
  return newref(r->element.get());
}

Object* repeat_repr(Object* o) {
  auto* r = static_cast<RepeatObject*>(o);
  std::string element;
  if (!repr_utf8(r->element.get(), &element)) return nullptr;
  if (r->cnt == -1) return str_from_utf8("repeat(" + element + ")");
  return str_from_utf8("repeat(" + element + ", " + std::to_string(r->cnt) + ")");
}

// ---- chain ----

Object* chain_from_source(TypeObject* type, Object* source) {
  auto* c = alloc<ChainObject>(type);
  if (!c) {
    decref(source);
    return nullptr;
  }
  c->source.set(source);
  return tracked(c);
}

// chain(*iterables): the source iterates the tuple of the arguments, which
// is tp_call's own in CPython (so no via_tp_call here).
Object* chain_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("chain", kwnames)) return nullptr;
  Object* tuple = tuple_from_array(args, nargs);
  if (!tuple) return nullptr;
  Object* source = object_iter(tuple);
  decref(tuple);
  return source ? chain_from_source(type, source) : nullptr;
}

Object* chain_from_iterable(Object* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("from_iterable", kwnames) || !check_nargs("from_iterable", nargs, 1, 1)) return nullptr;
  Object* source = object_iter(args[0]);
  return source ? chain_from_source(static_cast<TypeObject*>(type), source) : nullptr;
}

Object* chain_next(Object* o) {
  auto* c = static_cast<ChainObject*>(o);
  while (c->source) {
    if (!c->active) {
      Object* iterable = iter_next(c->source.get());
      if (!iterable) {
        clear_ref(c->source);
        return nullptr;
      }
      Object* active = object_iter(iterable);
      decref(iterable);
      if (!active) {
        clear_ref(c->source);
        return nullptr;
      }
      c->active.set(active);
    }
    if (Object* item = iter_next(c->active.get())) return item;
    if (error_occurred()) return nullptr;
    clear_ref(c->active);
  }
  return nullptr;
}

const NativeFunctionDef kChainMethods[] = {{"from_iterable", chain_from_iterable, true}};

// ---- islice ----

// A start/stop/step argument: None, or an int in 0..sys.maxsize.
bool islice_arg(Object* v, int64_t* out, const char* message) {
  if (v == none()) return true;
  int64_t x = -1;
  if ((int_is_int(v) || slots_of(v).index) && !object_as_index(v, &x)) {
    clear_error();
    x = -1;
  }
  if (x < 0) {
    set_error(g_rt->types.ValueError, "%s", message);
    return false;
  }
  *out = x;
  return true;
}

Object* islice_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("islice", kwnames)) return nullptr;
  if (nargs < 2) return set_error(g_rt->types.TypeError, "islice expected at least 2 arguments, got %zu", nargs);
  if (nargs > 4) return set_error(g_rt->types.TypeError, "islice expected at most 4 arguments, got %zu", nargs);
  int64_t start = 0, stop = -1, step = 1;
  const char* stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  const char* index_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (nargs == 2) {
    if (!islice_arg(args[1], &stop, stop_msg)) return nullptr;
  } else {
    if (!islice_arg(args[1], &start, index_msg) || !islice_arg(args[2], &stop, index_msg)) return nullptr;
    if (nargs == 4) {
      int64_t s = 1;
      if (args[3] != none()) {
        if (!islice_arg(args[3], &s, "Step for islice() must be a positive integer or None.")) return nullptr;
        if (s == 0) return set_error(g_rt->types.ValueError, "Step for islice() must be a positive integer or None.");
      }
      step = s;
    }
  }
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  auto* s = alloc<IsliceObject>(type);
  if (!s) {
    decref(it);
    return nullptr;
  }
  s->it.set(it);
  s->next = start;
  s->stop = stop;
  s->step = step;
  return tracked(s);
}

Object* islice_next(Object* o) {
  auto* s = static_cast<IsliceObject*>(o);
  Object* it = s->it.get();
  if (!it) return nullptr;
  int64_t stop = s->stop;
  Object* item = nullptr;
  while (s->cnt < s->next) {
    if (!(item = iter_next(it))) goto empty;
    decref(item);
    s->cnt++;
  }
  if (stop != -1 && s->cnt >= stop) goto empty;
  if (!(item = iter_next(it))) goto empty;
  s->cnt++;
  {
    int64_t old = s->next;
    s->next = int64_t(uint64_t(s->next) + uint64_t(s->step));
    if (s->next < old || (stop != -1 && s->next > stop)) s->next = stop;
  }
  return item;
empty:
  clear_ref(s->it);
  return nullptr;
}

// ---- accumulate ----

Object* accumulate_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"accumulate", {"iterable", "func", "initial"}, 1, 2}, args, nargs, kwnames, a)) {
    if (error_matches(g_rt->types.TypeError) && kwnames) {
      // 3.12 words an unknown keyword its own way for accumulate.
      auto* names = static_cast<TupleObject*>(kwnames);
      for (int64_t i = 0; i < names->size; ++i) {
        std::string k = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
        if (k != "iterable" && k != "func" && k != "initial") {
          clear_error();
          return set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for accumulate()", k.c_str());
        }
      }
    }
    return nullptr;
  }
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  auto* acc = alloc<AccumulateObject>(type);
  if (!acc) {
    decref(it);
    return nullptr;
  }
  acc->it.set(it);
  if (a[1] && a[1] != none()) acc->binop.set(newref(a[1]));
  acc->initial.set(newref(a[2] ? a[2] : none()));
  return tracked(acc);
}

Object* accumulate_next(Object* o) {
  auto* acc = static_cast<AccumulateObject*>(o);
  if (acc->initial.get() != none()) {
    acc->total.set(acc->initial.get());  // the initial value's reference moves to total
    acc->initial.set(none());
    return newref(acc->total.get());
  }
  Object* val = iter_next(acc->it.get());
  if (!val) return nullptr;
  if (!acc->total) {
    acc->total.set(newref(val));
    return val;
  }
  Object* total;
  if (!acc->binop) {
    total = binary_op(acc->total.get(), val, BinaryOp::Add);
  } else {
    Object* call_args[2] = {acc->total.get(), val};
    total = object_call(acc->binop.get(), call_args, 2, nullptr);
  }
  decref(val);
  if (!total) return nullptr;
  set_ref(acc->total, total);
  return newref(total);
}

// ---- product ----

Object* product_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t repeat = 1;
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    Object* r = keyword_arg(args, nargs, kwnames, "repeat");
    if (names->size != 1 || !r) return set_error(g_rt->types.TypeError, "product() got an unexpected keyword argument");
    if (!object_as_index(r, &repeat)) return nullptr;
    if (repeat < 0) return set_error(g_rt->types.ValueError, "repeat argument cannot be negative");
  }
  if (repeat == 0) nargs = 0;  // product(..., repeat=0) has no pools at all
  if (repeat && int64_t(nargs) > (int64_t(1) << 30) / repeat) return set_memory_error();
  int64_t npools = int64_t(nargs) * repeat;
  TupleObject* pools = tuple_new(npools);
  if (!pools) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* pool = as_tuple(args[i]);
    if (!pool) {
      decref(pools);
      return nullptr;
    }
    tuple_set_item(pools, int64_t(i), pool);
  }
  for (int64_t i = int64_t(nargs); i < npools; ++i) tuple_set_item(pools, i, newref(tuple_item(pools, i - int64_t(nargs))));
  Addr indices = new_ints(npools);
  auto* p = indices ? alloc<ProductObject>(type) : nullptr;
  if (!p) {
    mem_free(indices);
    decref(pools);
    return nullptr;
  }
  std::memset(ints(indices), 0, size_t(npools) * sizeof(int64_t));
  p->pools.set(pools);
  p->indices = indices;
  return tracked(p);
}

Object* product_next(Object* o) {
  auto* p = static_cast<ProductObject*>(o);
  if (p->stopped) return nullptr;
  auto* pools = static_cast<TupleObject*>(p->pools.get());
  int64_t npools = pools->size;
  if (!p->result) {
    TupleObject* result = tuple_new(npools);
    if (!result) return nullptr;
    p->result.set(result);
    for (int64_t i = 0; i < npools; ++i) {
      auto* pool = static_cast<TupleObject*>(tuple_item(pools, i));
      if (pool->size == 0) {
        p->stopped = 1;
        return nullptr;
      }
      tuple_set_item(result, i, newref(tuple_item(pool, 0)));
    }
  } else {
    Object* result = own_result(p->result);
    if (!result) return nullptr;
    int64_t* indices = ints(p->indices);
    int64_t i = npools - 1;
    for (; i >= 0; --i) {
      auto* pool = static_cast<TupleObject*>(tuple_item(pools, i));
      if (++indices[i] == pool->size) {
        indices[i] = 0;
        replace_item(result, i, newref(tuple_item(pool, 0)));
      } else {
        replace_item(result, i, newref(tuple_item(pool, indices[i])));
        break;
      }
    }
    if (i < 0) {
      p->stopped = 1;
      return nullptr;
    }
  }
  return newref(p->result.get());
}

size_t product_size_of(Object* o) {
  auto* p = static_cast<ProductObject*>(o);
  return sizeof(ProductObject) + size_t(static_cast<TupleObject*>(p->pools.get())->size) * sizeof(int64_t);
}

// ---- permutations ----

Object* permutations_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"permutations", {"iterable", "r"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* pool = as_tuple(a[0]);
  if (!pool) return nullptr;
  int64_t n = static_cast<TupleObject*>(pool)->size, r = n;
  if (a[1] && a[1] != none()) {
    if (!int_is_int(a[1])) {
      decref(pool);
      return set_error(g_rt->types.TypeError, "Expected int as r");
    }
    if (!ssize_arg(a[1], &r)) {
      decref(pool);
      return nullptr;
    }
    if (r < 0) {
      decref(pool);
      return set_error(g_rt->types.ValueError, "r must be non-negative");
    }
  }
  Addr indices = new_ints(n);
  Addr cycles = indices ? new_ints(r) : 0;
  auto* p = cycles ? alloc<PermutationsObject>(type) : nullptr;
  if (!p) {
    mem_free(indices);
    mem_free(cycles);
    decref(pool);
    return nullptr;
  }
  for (int64_t i = 0; i < n; ++i) ints(indices)[i] = i;
  for (int64_t i = 0; i < r; ++i) ints(cycles)[i] = n - i;
  p->pool.set(pool);
  p->indices = indices;
  p->cycles = cycles;
  p->r = r;
  p->stopped = r > n;
  return tracked(p);
}

Object* permutations_next(Object* o) {
  auto* p = static_cast<PermutationsObject*>(o);
  if (p->stopped) return nullptr;
  auto* pool = static_cast<TupleObject*>(p->pool.get());
  int64_t n = pool->size, r = p->r;
  int64_t* indices = ints(p->indices);
  int64_t* cycles = ints(p->cycles);
  if (!p->result) {
    TupleObject* result = tuple_new(r);
    if (!result) return nullptr;
    p->result.set(result);
    for (int64_t i = 0; i < r; ++i) tuple_set_item(result, i, newref(tuple_item(pool, indices[i])));
  } else {
    if (n == 0) {
      p->stopped = 1;
      return nullptr;
    }
    Object* result = own_result(p->result);
    if (!result) return nullptr;
    int64_t i = r - 1;
    for (; i >= 0; --i) {
      if (--cycles[i] == 0) {
        int64_t index = indices[i];
        for (int64_t j = i; j < n - 1; ++j) indices[j] = indices[j + 1];
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        int64_t j = cycles[i];
        std::swap(indices[i], indices[n - j]);
        for (int64_t k = i; k < r; ++k) replace_item(result, k, newref(tuple_item(pool, indices[k])));
        break;
      }
    }
    if (i < 0) {
      p->stopped = 1;
      return nullptr;
    }
  }
  return newref(p->result.get());
}

size_t permutations_size_of(Object* o) {
  auto* p = static_cast<PermutationsObject*>(o);
  int64_t n = static_cast<TupleObject*>(p->pool.get())->size;
  return sizeof(PermutationsObject) + size_t(n + p->r) * sizeof(int64_t);
}

// ---- combinations / combinations_with_replacement ----

Object* combinations_new(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                         bool replacement) {
  Object* a[2];
  if (!bind_args({name, {"iterable", "r"}, 2, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* pool = as_tuple(a[0]);
  if (!pool) return nullptr;
  int64_t r;
  if (!ssize_arg(a[1], &r)) {
    decref(pool);
    return nullptr;
  }
  if (r < 0) {
    decref(pool);
    return set_error(g_rt->types.ValueError, "r must be non-negative");
  }
  int64_t n = static_cast<TupleObject*>(pool)->size;
  Addr indices = new_ints(r);
  auto* c = indices ? alloc<CombinationsObject>(type) : nullptr;
  if (!c) {
    mem_free(indices);
    decref(pool);
    return nullptr;
  }
  for (int64_t i = 0; i < r; ++i) ints(indices)[i] = replacement ? 0 : i;
  c->pool.set(pool);
  c->indices = indices;
  c->r = r;
  c->stopped = replacement ? n == 0 && r > 0 : r > n;
  return tracked(c);
}

Object* combinations_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  return combinations_new(type, args, nargs, kwnames, "combinations", false);
}

Object* cwr_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  return combinations_new(type, args, nargs, kwnames, "combinations_with_replacement", true);
}

Object* combinations_next(Object* o) {
  auto* c = static_cast<CombinationsObject*>(o);
  if (c->stopped) return nullptr;
  auto* pool = static_cast<TupleObject*>(c->pool.get());
  int64_t n = pool->size, r = c->r;
  int64_t* indices = ints(c->indices);
  if (!c->result) {
    TupleObject* result = tuple_new(r);
    if (!result) return nullptr;
    c->result.set(result);
    for (int64_t i = 0; i < r; ++i) tuple_set_item(result, i, newref(tuple_item(pool, indices[i])));
  } else {
    Object* result = own_result(c->result);
    if (!result) return nullptr;
    int64_t i = r - 1;
    while (i >= 0 && indices[i] == i + n - r) --i;
    if (i < 0) {
      c->stopped = 1;
      return nullptr;
    }
    indices[i]++;
    for (int64_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
    for (; i < r; ++i) replace_item(result, i, newref(tuple_item(pool, indices[i])));
  }
  return newref(c->result.get());
}

Object* cwr_next(Object* o) {
  auto* c = static_cast<CombinationsObject*>(o);
  if (c->stopped) return nullptr;
  auto* pool = static_cast<TupleObject*>(c->pool.get());
  int64_t n = pool->size, r = c->r;
  int64_t* indices = ints(c->indices);
  if (!c->result) {
    TupleObject* result = tuple_new(r);
    if (!result) return nullptr;
    c->result.set(result);
    if (n > 0)
      for (int64_t i = 0; i < r; ++i) tuple_set_item(result, i, newref(tuple_item(pool, 0)));
  } else {
    Object* result = own_result(c->result);
    if (!result) return nullptr;
    int64_t i = r - 1;
    while (i >= 0 && indices[i] == n - 1) --i;
    if (i < 0) {
      c->stopped = 1;
      return nullptr;
    }
    int64_t index = indices[i] + 1;
    for (; i < r; ++i) {
      indices[i] = index;
      replace_item(result, i, newref(tuple_item(pool, index)));
    }
  }
  return newref(c->result.get());
}

size_t combinations_size_of(Object* o) {
  return sizeof(CombinationsObject) + size_t(static_cast<CombinationsObject*>(o)->r) * sizeof(int64_t);
}

// ---- zip_longest ----

Object* zip_longest_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* fillvalue = none();
  if (kwnames) {
    Object* f = keyword_arg(args, nargs, kwnames, "fillvalue");
    if (static_cast<TupleObject*>(kwnames)->size != 1 || !f) {
      return set_error(g_rt->types.TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fillvalue = f;
  }
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
  auto* z = result ? alloc<ZipLongestObject>(type) : nullptr;
  if (!z) {
    decref(iters);
    xdecref(result);
    return nullptr;
  }
  for (size_t i = 0; i < nargs; ++i) tuple_set_item(result, int64_t(i), none());
  z->tuplesize = int64_t(nargs);
  z->numactive = int64_t(nargs);
  z->ittuple.set(iters);
  z->result.set(result);
  z->fillvalue.set(newref(fillvalue));
  return tracked(z);
}

Object* zip_longest_next(Object* o) {
  auto* z = static_cast<ZipLongestObject*>(o);
  int64_t n = z->tuplesize;
  if (n == 0 || z->numactive == 0) return nullptr;
  auto* iters = static_cast<TupleObject*>(z->ittuple.get());
  Object* result = z->result.get();
  bool reuse = result->refcnt == 1;
  if (reuse) {
    incref(result);
  } else if (!(result = tuple_new(n))) {
    return nullptr;
  }
  for (int64_t i = 0; i < n; ++i) {
    Object* it = tuple_item(iters, i);
    Object* item;
    if (!it) {
      item = newref(z->fillvalue.get());
    } else if (!(item = iter_next(it))) {
      z->numactive--;
      if (z->numactive == 0 || error_occurred()) {
        z->numactive = 0;
        decref(result);
        return nullptr;
      }
      item = newref(z->fillvalue.get());
      tuple_set_item(iters, i, nullptr);
      decref(it);
    }
    if (reuse) replace_item(result, i, item);
    else tuple_set_item(static_cast<TupleObject*>(result), i, item);
  }
  if (reuse && !gc_is_tracked(result)) gc_track(result);
  return result;
}

// ---- starmap, filterfalse, compress, pairwise ----

Object* pair_construct(TypeObject* type, Object* a, Object* b_iterable, bool b_is_iterable, bool a_is_iterable) {
  Object* first = a_is_iterable ? object_iter(a) : newref(a);
  if (!first) return nullptr;
  Object* second = nullptr;
  if (b_iterable) {
    second = b_is_iterable ? object_iter(b_iterable) : newref(b_iterable);
    if (!second) {
      decref(first);
      return nullptr;
    }
  }
  auto* p = alloc<PairObject>(type);
  if (!p) {
    decref(first);
    xdecref(second);
    return nullptr;
  }
  p->a.set(first);
  p->b.set(second);
  return tracked(p);
}

Object* starmap_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_positional("starmap", kwnames, nargs, 2)) return nullptr;
  return pair_construct(type, args[0], args[1], true, false);  // a: func, b: iterator
}

Object* starmap_next(Object* o) {
  auto* p = static_cast<PairObject*>(o);
  Object* args = iter_next(p->b.get());
  if (!args) return nullptr;
  Object* t = as_tuple(args);
  decref(args);
  if (!t) return nullptr;
  auto* tuple = static_cast<TupleObject*>(t);
  std::vector<Object*> items(size_t(tuple->size));
  for (int64_t i = 0; i < tuple->size; ++i) items[size_t(i)] = tuple_item(tuple, i);
  Object* result = object_call(p->a.get(), items.data(), items.size(), nullptr);
  decref(t);
  return result;
}

Object* filterfalse_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_positional("filterfalse", kwnames, nargs, 2)) return nullptr;
  return pair_construct(type, args[0], args[1], true, false);
}

Object* filterfalse_next(Object* o) {
  auto* p = static_cast<PairObject*>(o);
  Object* func = p->a.get();
  for (;;) {
    Object* item = iter_next(p->b.get());
    if (!item) return nullptr;
    int ok;
    if (func == none() || func == g_rt->types.bool_) {
      ok = object_is_true(item);
    } else {
      Object* good = object_call(func, &item, 1, nullptr);
      ok = good ? object_is_true(good) : -1;
      xdecref(good);
    }
    if (ok == 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

Object* compress_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"compress", {"data", "selectors"}, 2, 2}, args, nargs, kwnames, a)) return nullptr;
  return pair_construct(type, a[0], a[1], true, true);
}

Object* compress_next(Object* o) {
  auto* p = static_cast<PairObject*>(o);
  for (;;) {
    Object* datum = iter_next(p->a.get());
    if (!datum) return nullptr;
    Object* selector = iter_next(p->b.get());
    if (!selector) {
      decref(datum);
      return nullptr;
    }
    int ok = object_is_true(selector);
    decref(selector);
    if (ok > 0) return datum;
    decref(datum);
    if (ok < 0) return nullptr;
  }
}

Object* pairwise_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("pairwise", kwnames) || !check_nargs("pairwise", nargs, 1, 1)) return nullptr;
  return pair_construct(type, args[0], nullptr, false, true);  // a: iterator, b: the previous item
}

Object* pairwise_next(Object* o) {
  auto* p = static_cast<PairObject*>(o);
  Object* it = p->a.get();
  if (!it) return nullptr;
  if (!p->b) {
    Object* old = iter_next(it);
    if (!old) {
      clear_ref(p->a);
      return nullptr;
    }
    p->b.set(old);
  }
  Object* next = iter_next(it);
  if (!next) {
    clear_ref(p->a);
    clear_ref(p->b);
    return nullptr;
  }
  Object* pair[2] = {p->b.get(), next};
  Object* result = tuple_from_array(pair, 2);
  set_ref(p->b, next);
  return result;
}

// ---- takewhile / dropwhile ----

Object* while_construct(TypeObject* type, const char* name, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_positional(name, kwnames, nargs, 2)) return nullptr;
  Object* it = object_iter(args[1]);
  if (!it) return nullptr;
  auto* w = alloc<WhileObject>(type);
  if (!w) {
    decref(it);
    return nullptr;
  }
  w->func.set(newref(args[0]));
  w->it.set(it);
  return tracked(w);
}

Object* takewhile_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  return while_construct(type, "takewhile", args, nargs, kwnames);
}

Object* dropwhile_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  return while_construct(type, "dropwhile", args, nargs, kwnames);
}

// The truth of func(item): 1, 0 or -1.
int predicate(Object* func, Object* item) {
  Object* good = object_call(func, &item, 1, nullptr);
  if (!good) return -1;
  int ok = object_is_true(good);
  decref(good);
  return ok;
}

Object* takewhile_next(Object* o) {
  auto* w = static_cast<WhileObject*>(o);
  if (w->flag) return nullptr;
  Object* item = iter_next(w->it.get());
  if (!item) return nullptr;
  int ok = predicate(w->func.get(), item);
  if (ok > 0) return item;
  decref(item);
  if (ok == 0) w->flag = 1;
  return nullptr;
}

Object* dropwhile_next(Object* o) {
  auto* w = static_cast<WhileObject*>(o);
  for (;;) {
    Object* item = iter_next(w->it.get());
    if (!item) return nullptr;
    if (w->flag == 1) return item;
    int ok = predicate(w->func.get(), item);
    if (ok == 0) {
      w->flag = 1;
      return item;
    }
    decref(item);
    if (ok < 0) return nullptr;
  }
}

// ---- groupby / _grouper ----

Object* groupby_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"groupby", {"iterable", "key"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  auto* g = alloc<GroupbyObject>(type);
  if (!g) {
    decref(it);
    return nullptr;
  }
  g->it.set(it);
  g->keyfunc.set(newref(a[1] ? a[1] : none()));
  return tracked(g);
}

// groupby_step: reads the next value and computes its key; false at the end or on error.
bool groupby_step(GroupbyObject* g) {
  Object* value = iter_next(g->it.get());
  if (!value) return false;
  Object* key;
  if (g->keyfunc.get() == none()) {
    key = newref(value);
  } else if (!(key = object_call(g->keyfunc.get(), &value, 1, nullptr))) {
    decref(value);
    return false;
  }
  Object* old_value = g->currvalue.get();
  g->currvalue.set(value);
  set_ref(g->currkey, key);
  xdecref(old_value);
  return true;
}

Object* groupby_next(Object* o) {
  auto* g = static_cast<GroupbyObject*>(o);
  g->currgrouper = 0;
  for (;;) {
    if (!g->currkey) {
      // nothing read yet, or the current group's first value was taken
    } else if (!g->tgtkey) {
      break;
    } else {
      int eq = object_rich_compare_bool(g->tgtkey.get(), g->currkey.get(), CompareOp::Eq);
      if (eq < 0) return nullptr;
      if (eq == 0) break;
    }
    if (!groupby_step(g)) return nullptr;
  }
  set_ref(g->tgtkey, newref(g->currkey.get()));
  auto* grouper = alloc<GrouperObject>(g_rt->types.it_grouper);
  if (!grouper) return nullptr;
  grouper->parent.set(newref(g));
  grouper->tgtkey.set(newref(g->tgtkey.get()));
  g->currgrouper = addr_of(grouper);
  gc_track(grouper);
  Object* pair[2] = {g->currkey.get(), grouper};
  Object* r = tuple_from_array(pair, 2);
  decref(grouper);
  return r;
}

Object* grouper_next(Object* o) {
  auto* grouper = static_cast<GrouperObject*>(o);
  auto* g = static_cast<GroupbyObject*>(grouper->parent.get());
  if (g->currgrouper != addr_of(grouper)) return nullptr;
  if (!g->currvalue && !groupby_step(g)) return nullptr;
  int eq = object_rich_compare_bool(grouper->tgtkey.get(), g->currkey.get(), CompareOp::Eq);
  if (eq <= 0) return nullptr;
  Object* r = g->currvalue.get();
  g->currvalue.set(nullptr);
  clear_ref(g->currkey);
  return r;
}

// ---- tee / _tee / _tee_dataobject ----

TeeDataObject* teedata_new(Object* it) {
  auto* d = alloc<TeeDataObject>(g_rt->types.it_tee_dataobject);
  if (!d) return nullptr;
  d->it.set(newref(it));
  gc_track(d);
  return d;
}

// teedataobject_getitem: item i, read from the iterator when this link is the lead.
Object* teedata_getitem(TeeDataObject* d, int64_t i) {
  if (i < d->numread) return newref(at<Object>(d->values[i]));
  if (d->running) return set_error(g_rt->types.RuntimeError, "cannot re-enter the tee iterator");
  d->running = 1;
  Object* value = iter_next(d->it.get());
  d->running = 0;
  if (!value) return nullptr;
  d->numread++;
  d->values[i] = addr_of(value);
  return newref(value);
}

void teedata_clear(Object* o) {
  auto* d = static_cast<TeeDataObject*>(o);
  for (int32_t i = 0; i < d->numread; ++i) {
    Object* v = at<Object>(d->values[i]);
    d->values[i] = 0;
    xdecref(v);
  }
  d->numread = 0;
  clear_ref(d->it);
  clear_ref(d->nextlink);
}

void teedata_dealloc(Object* o) {
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  teedata_clear(o);
  free_object(o);
  dealloc_leave();
}

void teedata_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<TeeDataObject*>(o);
  visit_module_type(o, visit, arg);
  if (d->it) visit(d->it.get(), arg);
  for (int32_t i = 0; i < d->numread; ++i) visit(at<Object>(d->values[i]), arg);
  if (d->nextlink) visit(d->nextlink.get(), arg);
}

Object* tee_copy_of(TeeObject* to) {
  auto* copy = alloc<TeeObject>(g_rt->types.it_tee);
  if (!copy) return nullptr;
  copy->dataobj.set(static_cast<TeeDataObject*>(newref(to->dataobj.get())));
  copy->index = to->index;
  return tracked(copy);
}

Object* tee_from_iterable(Object* iterable) {
  Object* it = object_iter(iterable);
  if (!it) return nullptr;
  if (type_of(it) == g_rt->types.it_tee) {
    Object* r = tee_copy_of(static_cast<TeeObject*>(it));
    decref(it);
    return r;
  }
  TeeDataObject* data = teedata_new(it);
  decref(it);
  if (!data) return nullptr;
  auto* to = alloc<TeeObject>(g_rt->types.it_tee);
  if (!to) {
    decref(data);
    return nullptr;
  }
  to->dataobj.set(data);
  return tracked(to);
}

Object* tee_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_nargs("_tee", nargs, 1, 1)) return nullptr;
  return tee_from_iterable(args[0]);
}

Object* tee_next(Object* o) {
  auto* to = static_cast<TeeObject*>(o);
  if (to->index >= kLinkCells) {
    TeeDataObject* d = to->dataobj.get();
    if (!d->nextlink) {
      TeeDataObject* link = teedata_new(d->it.get());
      if (!link) return nullptr;
      d->nextlink.set(link);
    }
    Object* link = newref(d->nextlink.get());
    set_ref(to->dataobj, static_cast<TeeDataObject*>(link));
    to->index = 0;
  }
  Object* value = teedata_getitem(to->dataobj.get(), to->index);
  if (!value) return nullptr;
  to->index++;
  return value;
}

void tee_dealloc(Object* o) {
  gc_untrack(o);
  auto* to = static_cast<TeeObject*>(o);
  if (to->weakreflist) clear_weakrefs(o);
  Object* d = to->dataobj.get();
  to->dataobj.set(nullptr);
  xdecref(d);
  free_object(o);
}

void tee_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  if (Object* d = static_cast<TeeObject*>(o)->dataobj.get()) visit(d, arg);
}

void tee_clear(Object* o) {
  auto* to = static_cast<TeeObject*>(o);
  Object* d = to->dataobj.get();
  to->dataobj.set(nullptr);
  xdecref(d);
}

Object* tee_copy_method(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__copy__", kwnames) || !check_nargs("__copy__", nargs, 0, 0)) return nullptr;
  return tee_copy_of(static_cast<TeeObject*>(self));
}

const NativeFunctionDef kTeeMethods[] = {{"__copy__", tee_copy_method}};

}  // namespace

Object* itertools_tee(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("tee", kwnames) || !check_nargs("tee", nargs, 1, 2)) return nullptr;
  int64_t n = 2;
  if (nargs > 1 && !ssize_arg(args[1], &n)) return nullptr;
  if (n < 0) return set_error(g_rt->types.ValueError, "n must be >= 0");
  TupleObject* result = tuple_new(n);
  if (!result || n == 0) return result;
  Object* it = object_iter(args[0]);
  if (!it) {
    decref(result);
    return nullptr;
  }
  StrObject* copy_name = intern_str("__copy__");
  Object* copyfunc = type_lookup(type_of(it), copy_name) ? object_getattr(it, copy_name) : nullptr;
  Object* copyable = it;
  if (!copyfunc) {
    if (error_occurred()) {
      decref(it);
      decref(result);
      return nullptr;
    }
    copyable = tee_from_iterable(it);
    decref(it);
    copyfunc = copyable ? object_getattr(copyable, copy_name) : nullptr;
    if (!copyfunc) {
      xdecref(copyable);
      decref(result);
      return nullptr;
    }
  }
  tuple_set_item(result, 0, copyable);
  for (int64_t i = 1; i < n; ++i) {
    Object* c = object_call(copyfunc, nullptr, 0, nullptr);
    if (!c) {
      decref(copyfunc);
      decref(result);
      return nullptr;
    }
    tuple_set_item(result, i, c);
  }
  decref(copyfunc);
  return result;
}

namespace {

// ---- batched ----

Object* batched_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"batched", {"iterable", "n"}, 2, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t n;
  if (!ssize_arg(a[1], &n)) return nullptr;
  if (n < 1) return set_error(g_rt->types.ValueError, "n must be at least one");
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  auto* b = alloc<BatchedObject>(type);
  if (!b) {
    decref(it);
    return nullptr;
  }
  b->it.set(it);
  b->batch_size = n;
  return tracked(b);
}

Object* batched_next(Object* o) {
  auto* b = static_cast<BatchedObject*>(o);
  Object* it = b->it.get();
  if (!it) return nullptr;
  int64_t n = b->batch_size;
  TupleObject* result = tuple_new(n);
  if (!result) return nullptr;
  int64_t i = 0;
  for (; i < n; ++i) {
    Object* item = iter_next(it);
    if (!item) break;
    tuple_set_item(result, i, item);
  }
  if (i == n) return result;
  if (error_occurred() || i == 0) {
    clear_ref(b->it);
    decref(result);
    return nullptr;
  }
  TupleObject* shorter = tuple_new(i);  // _PyTuple_Resize
  if (!shorter) {
    decref(result);
    return nullptr;
  }
  for (int64_t k = 0; k < i; ++k) {
    tuple_set_item(shorter, k, tuple_item(result, k));
    tuple_set_item(result, k, nullptr);
  }
  decref(result);
  return shorter;
}

// ---- Deallocation and traversal, per layout ----

#define FIELDS_OF(O, ...)                                                                      \
  void O##_dealloc(Object* o) {                                                                \
    gc_untrack(o);                                                                             \
    if (!dealloc_enter(o)) return;                                                             \
    clear_fields<O>(o, {__VA_ARGS__});                                                         \
    free_object(o);                                                                            \
    dealloc_leave();                                                                           \
  }                                                                                            \
  void O##_traverse(Object* o, VisitFn visit, void* arg) {                                     \
    visit_module_type(o, visit, arg);                                                                    \
    visit_fields<O>(o, {__VA_ARGS__}, visit, arg);                                             \
  }

FIELDS_OF(CountObject, &CountObject::long_cnt, &CountObject::long_step)
FIELDS_OF(CycleObject, &CycleObject::it, &CycleObject::saved)
FIELDS_OF(RepeatObject, &RepeatObject::element)
FIELDS_OF(ChainObject, &ChainObject::source, &ChainObject::active)
FIELDS_OF(IsliceObject, &IsliceObject::it)
FIELDS_OF(AccumulateObject, &AccumulateObject::total, &AccumulateObject::it, &AccumulateObject::binop,
          &AccumulateObject::initial)
FIELDS_OF(ZipLongestObject, &ZipLongestObject::ittuple, &ZipLongestObject::result, &ZipLongestObject::fillvalue)
FIELDS_OF(PairObject, &PairObject::a, &PairObject::b)
FIELDS_OF(WhileObject, &WhileObject::func, &WhileObject::it)
FIELDS_OF(GroupbyObject, &GroupbyObject::it, &GroupbyObject::keyfunc, &GroupbyObject::tgtkey, &GroupbyObject::currkey,
          &GroupbyObject::currvalue)
FIELDS_OF(GrouperObject, &GrouperObject::parent, &GrouperObject::tgtkey)
FIELDS_OF(BatchedObject, &BatchedObject::it)

void product_dealloc(Object* o) {
  gc_untrack(o);
  auto* p = static_cast<ProductObject*>(o);
  clear_fields<ProductObject>(o, {&ProductObject::pools, &ProductObject::result});
  mem_free(p->indices);
  free_object(o);
}
void product_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  visit_fields<ProductObject>(o, {&ProductObject::pools, &ProductObject::result}, visit, arg);
}

void permutations_dealloc(Object* o) {
  gc_untrack(o);
  auto* p = static_cast<PermutationsObject*>(o);
  clear_fields<PermutationsObject>(o, {&PermutationsObject::pool, &PermutationsObject::result});
  mem_free(p->indices);
  mem_free(p->cycles);
  free_object(o);
}
void permutations_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  visit_fields<PermutationsObject>(o, {&PermutationsObject::pool, &PermutationsObject::result}, visit, arg);
}

void combinations_dealloc(Object* o) {
  gc_untrack(o);
  auto* c = static_cast<CombinationsObject*>(o);
  clear_fields<CombinationsObject>(o, {&CombinationsObject::pool, &CombinationsObject::result});
  mem_free(c->indices);
  free_object(o);
}
void combinations_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  visit_fields<CombinationsObject>(o, {&CombinationsObject::pool, &CombinationsObject::result}, visit, arg);
}

// ---- Types ----

using Construct = Object* (*)(TypeObject*, Object* const*, size_t, Object*);

struct IterTypeSpec {
  TypeObject* BuiltinTypes::*field;
  const char* name;  // "itertools.count"
  uint64_t basicsize;
  void (*dealloc)(Object*);
  void (*traverse)(Object*, VisitFn, void*);
  Object* (*next)(Object*);
  Construct construct;
  Object* (*repr)(Object*) = nullptr;
  size_t (*size_of)(Object*) = nullptr;
  void (*clear)(Object*) = nullptr;
};

const IterTypeSpec kIterTypes[] = {
    {&BuiltinTypes::it_count, "itertools.count", sizeof(CountObject), CountObject_dealloc, CountObject_traverse,
     count_next, via_tp_call<count_construct>, count_repr},
    {&BuiltinTypes::it_cycle, "itertools.cycle", sizeof(CycleObject), CycleObject_dealloc, CycleObject_traverse,
     cycle_next, via_tp_call<cycle_construct>},
    {&BuiltinTypes::it_repeat, "itertools.repeat", sizeof(RepeatObject), RepeatObject_dealloc, RepeatObject_traverse,
     repeat_next, via_tp_call<repeat_construct>, repeat_repr},
    {&BuiltinTypes::it_chain, "itertools.chain", sizeof(ChainObject), ChainObject_dealloc, ChainObject_traverse,
     chain_next, chain_construct},
    {&BuiltinTypes::it_islice, "itertools.islice", sizeof(IsliceObject), IsliceObject_dealloc, IsliceObject_traverse,
     islice_next, via_tp_call<islice_construct>},
    {&BuiltinTypes::it_accumulate, "itertools.accumulate", sizeof(AccumulateObject), AccumulateObject_dealloc,
     AccumulateObject_traverse, accumulate_next, via_tp_call<accumulate_construct>},
    {&BuiltinTypes::it_product, "itertools.product", sizeof(ProductObject), product_dealloc, product_traverse,
     product_next, via_tp_call<product_construct>, nullptr, product_size_of},
    {&BuiltinTypes::it_permutations, "itertools.permutations", sizeof(PermutationsObject), permutations_dealloc,
     permutations_traverse, permutations_next, via_tp_call<permutations_construct>, nullptr, permutations_size_of},
    {&BuiltinTypes::it_combinations, "itertools.combinations", sizeof(CombinationsObject), combinations_dealloc,
     combinations_traverse, combinations_next, via_tp_call<combinations_construct>, nullptr, combinations_size_of},
    {&BuiltinTypes::it_cwr, "itertools.combinations_with_replacement", sizeof(CombinationsObject),
     combinations_dealloc, combinations_traverse, cwr_next, via_tp_call<cwr_construct>, nullptr, combinations_size_of},
    {&BuiltinTypes::it_zip_longest, "itertools.zip_longest", sizeof(ZipLongestObject), ZipLongestObject_dealloc,
     ZipLongestObject_traverse, zip_longest_next, via_tp_call<zip_longest_construct>},
    {&BuiltinTypes::it_starmap, "itertools.starmap", sizeof(PairObject), PairObject_dealloc, PairObject_traverse,
     starmap_next, via_tp_call<starmap_construct>},
    {&BuiltinTypes::it_takewhile, "itertools.takewhile", sizeof(WhileObject), WhileObject_dealloc,
     WhileObject_traverse, takewhile_next, via_tp_call<takewhile_construct>},
    {&BuiltinTypes::it_dropwhile, "itertools.dropwhile", sizeof(WhileObject), WhileObject_dealloc,
     WhileObject_traverse, dropwhile_next, via_tp_call<dropwhile_construct>},
    {&BuiltinTypes::it_filterfalse, "itertools.filterfalse", sizeof(PairObject), PairObject_dealloc,
     PairObject_traverse, filterfalse_next, via_tp_call<filterfalse_construct>},
    {&BuiltinTypes::it_groupby, "itertools.groupby", sizeof(GroupbyObject), GroupbyObject_dealloc,
     GroupbyObject_traverse, groupby_next, via_tp_call<groupby_construct>},
    {&BuiltinTypes::it_grouper, "itertools._grouper", sizeof(GrouperObject), GrouperObject_dealloc,
     GrouperObject_traverse, grouper_next, nullptr},
    {&BuiltinTypes::it_tee, "itertools._tee", sizeof(TeeObject), tee_dealloc, tee_traverse, tee_next, via_tp_call<tee_construct>, nullptr, nullptr, tee_clear},
    {&BuiltinTypes::it_tee_dataobject, "itertools._tee_dataobject", sizeof(TeeDataObject), teedata_dealloc,
     teedata_traverse, nullptr, nullptr, nullptr, nullptr, teedata_clear},
    {&BuiltinTypes::it_compress, "itertools.compress", sizeof(PairObject), PairObject_dealloc, PairObject_traverse,
     compress_next, via_tp_call<compress_construct>},
    {&BuiltinTypes::it_pairwise, "itertools.pairwise", sizeof(PairObject), PairObject_dealloc, PairObject_traverse,
     pairwise_next, via_tp_call<pairwise_construct>},
    {&BuiltinTypes::it_batched, "itertools.batched", sizeof(BatchedObject), BatchedObject_dealloc,
     BatchedObject_traverse, batched_next, via_tp_call<batched_construct>},
};

TypeSlots g_iter_slots[std::size(kIterTypes)];

}  // namespace

void init_itertools_types() {
  BuiltinTypes& t = g_rt->types;
  for (size_t i = 0; i < std::size(kIterTypes); ++i) {
    const IterTypeSpec& spec = kIterTypes[i];
    TypeSlots& s = g_iter_slots[i];
    s.name = spec.name;
    s.dealloc = spec.dealloc;
    s.traverse = spec.traverse;
    if (spec.next) {
      s.iter = iter_self;
      s.iternext = spec.next;
    }
    s.construct = spec.construct;
    s.repr = spec.repr;
    s.size_of = spec.size_of;
    s.clear = spec.clear;
    TypeObject* type = new_static_type();
    type->type.set(t.type);
    type->base.set(t.object);
    type->basicsize = spec.basicsize;
    type->flags = kTypeHaveGC | (spec.construct && spec.field != &BuiltinTypes::it_tee ? uint64_t(kTypeBaseType) : uint64_t(0));
    register_type_slots(type, &s);
    t.*spec.field = type;
  }
  t.it_tee->weaklistoffset = weaklist_field_offset(&TeeObject::weakreflist);
  add_methods(t.it_chain, kChainMethods, std::size(kChainMethods));
  add_methods(t.it_tee, kTeeMethods, std::size(kTeeMethods));
}

void itertools_public_types(void (*add)(const char* name, TypeObject* type, void* arg), void* arg) {
  for (const IterTypeSpec& spec : kIterTypes) {
    add(spec.name + std::string_view("itertools.").size(), g_rt->types.*spec.field, arg);
  }
}

}  // namespace heaplab
