#include "core/object/list.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list_sort.h"
#include "core/object/native_function.h"
#include "core/object/repr_guard.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

constexpr size_t kMaxListFreeList = 80;  // PyList_MAXFREELIST

// list_resize from Objects/listobject.c (3.12): over-allocate by ~1/8 plus
// a little, rounded to a multiple of 4; shrink only below half.
bool list_resize(ListObject* l, int64_t newsize) {
  int64_t allocated = l->allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    l->size = newsize;
    return true;
  }
  int64_t new_allocated = (newsize + (newsize >> 3) + 6) & ~int64_t(3);
  if (newsize - l->size > new_allocated - newsize) new_allocated = (newsize + 3) & ~int64_t(3);
  if (newsize == 0) new_allocated = 0;
  Addr items = 0;
  if (new_allocated) {
    items = mem_realloc(l->ob_item, size_t(new_allocated) * sizeof(Addr));
    if (!items) {
      set_memory_error();
      return false;
    }
  } else {
    mem_free(l->ob_item);
  }
  l->ob_item = items;
  l->size = newsize;
  l->allocated = new_allocated;
  return true;
}

// list_preallocate_exact: an empty list about to receive `n` items gets
// room for exactly n, rounded up to even (pymalloc's 16-byte granularity).
bool list_preallocate_exact(ListObject* l, int64_t n) {
  n = (n + 1) & ~int64_t(1);
  Addr items = mem_alloc(size_t(n) * sizeof(Addr));
  if (!items) {
    set_memory_error();
    return false;
  }
  l->ob_item = items;
  l->allocated = n;
  return true;
}

// A list object from the free list if it has one (PyList_New), else from the
// allocator; list() always takes a new one (PyType_GenericAlloc), which
// tracemalloc and sys.getallocatedblocks can tell apart.
ListObject* alloc_list(bool use_free_list = true) {
  auto& free_list = g_rt->free_lists.lists;
  if (use_free_list && !free_list.empty()) {
    auto* l = static_cast<ListObject*>(free_list.back());
    free_list.pop_back();
    l->refcnt = 1;
    note_object_reborn(l);
    gc_track(l);
    return l;
  }
  auto* l = static_cast<ListObject*>(new_object(g_rt->types.list, sizeof(ListObject)));
  if (l) gc_track(l);
  return l;
}

// _list_clear (tp_clear): the list is emptied before the items are released,
// since releasing them can run code that looks at it.
void list_clear_slot(Object* o) {
  auto* l = static_cast<ListObject*>(o);
  Addr items = l->ob_item;
  int64_t n = l->size;
  l->ob_item = 0;
  l->size = 0;
  l->allocated = 0;
  if (items) {
    for (int64_t i = n; i-- > 0;) xdecref(at<Object>(at<Addr>(items)[i]));
    mem_free(items);
  }
}

void list_dealloc(Object* o) {
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  list_clear_slot(o);
  if (type_of(o) == g_rt->types.list && g_rt->free_lists.lists.size() < kMaxListFreeList) {
    note_object_dead(o);
    g_rt->free_lists.lists.push_back(o);
  } else {
    free_object(o);
  }
  dealloc_leave();
}

// Last item first, as 3.12's list_traverse: the order decides how the
// collector lists objects, and so the order of finalizers in a cycle.
void list_traverse(Object* o, VisitFn visit, void* arg) {
  auto* l = static_cast<ListObject*>(o);
  for (int64_t i = l->size; i-- > 0;)
    if (Object* item = list_item(l, i)) visit(item, arg);
}

Object* list_repr(Object* o) {
  auto* l = static_cast<ListObject*>(o);
  if (l->size == 0) return str_from_utf8("[]");
  ReprGuard guard(o);
  if (!guard.entered()) return str_from_utf8("[...]");
  std::string out = "[";
  for (int64_t i = 0; i < l->size; ++i) {
    if (i) out += ", ";
    Object* item = list_item(l, i);
    incref(item);  // the item's repr may run code that mutates the list
    std::string text;
    bool ok = repr_utf8(item, &text);
    decref(item);
    if (!ok) return nullptr;
    out += text;
  }
  out += "]";
  return str_from_utf8(out);
}

Object* list_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return newref(g_rt->not_implemented);
  auto* x = static_cast<ListObject*>(a);
  auto* y = static_cast<ListObject*>(b);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x->size != y->size) return bool_obj(op == CompareOp::Ne);
  int64_t i = 0;
  for (; i < x->size && i < y->size; ++i) {
    Object* xi = newref(list_item(x, i));
    Object* yi = newref(list_item(y, i));
    int eq = object_rich_compare_bool(xi, yi, CompareOp::Eq);
    decref(xi);
    decref(yi);
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
  return object_rich_compare(list_item(x, i), list_item(y, i), op);
}

int64_t list_length(Object* o) { return static_cast<ListObject*>(o)->size; }
int list_truth(Object* o) { return static_cast<ListObject*>(o)->size != 0; }

bool list_index(ListObject* l, Object* key, int64_t* out) {
  if (!object_has_index(key)) {
    set_error(g_rt->types.TypeError, "list indices must be integers or slices, not %s", type_name(key));
    return false;
  }
  int64_t i;
  if (!object_as_index(key, &i)) return false;
  if (i < 0) i += l->size;
  *out = i;
  return true;
}

// ---- Slices (list_subscript / list_ass_subscript with a slice) ----

Object* list_slice_get(ListObject* l, Object* slice) {
  SliceIndices ix;
  if (!slice_indices(slice, l->size, &ix)) return nullptr;
  ListObject* r = list_new(ix.length);
  if (!r) return nullptr;
  for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) list_items(r)[i] = addr_of(newref(list_item(l, k)));
  return r;
}

// list_ass_slice: a[lo:hi] = v (v nullptr deletes). The replaced items are
// released last, after the list is consistent again.
int list_ass_slice(ListObject* a, int64_t lo, int64_t hi, Object* v) {
  Object* seq = nullptr;
  int64_t n = 0;
  if (v) {
    // a[i:j] = a copies a first; anything else becomes a list or tuple.
    if (v == a) {
      Object* whole = slice_new(nullptr, nullptr, nullptr);
      seq = whole ? list_slice_get(a, whole) : nullptr;
      xdecref(whole);
      if (!seq) return -1;
    } else if (type_of(v) == g_rt->types.list || type_of(v) == g_rt->types.tuple) {
      seq = newref(v);
    } else {
      seq = list_new(0);
      if (!seq) return -1;
      if (list_extend(seq, v) < 0) {
        decref(seq);
        if (error_matches(g_rt->types.TypeError)) {
          clear_error();
          set_error(g_rt->types.TypeError, "can only assign an iterable");
        }
        return -1;
      }
    }
    n = is_list(seq) ? static_cast<ListObject*>(seq)->size : static_cast<TupleObject*>(seq)->size;
  }
  auto seq_item = [&](int64_t i) {
    return is_list(seq) ? list_item(static_cast<ListObject*>(seq), i) : tuple_item(static_cast<TupleObject*>(seq), i);
  };
  lo = std::clamp<int64_t>(lo, 0, a->size);
  hi = std::clamp<int64_t>(hi, lo, a->size);
  int64_t norig = hi - lo;
  int64_t d = n - norig;
  std::vector<Addr> recycle(list_items(a) + lo, list_items(a) + hi);
  if (a->size + d == 0) {
    Addr items = a->ob_item;
    a->ob_item = 0;
    a->size = 0;
    a->allocated = 0;
    mem_free(items);
  } else if (d < 0) {
    Addr* item = list_items(a);
    std::memmove(item + hi + d, item + hi, size_t(a->size - hi) * sizeof(Addr));
    if (!list_resize(a, a->size + d)) {
      xdecref(seq);
      return -1;
    }
  } else if (d > 0) {
    int64_t k = a->size;
    if (!list_resize(a, k + d)) {
      xdecref(seq);
      return -1;
    }
    Addr* item = list_items(a);
    std::memmove(item + hi + d, item + hi, size_t(k - hi) * sizeof(Addr));
  }
  for (int64_t k = 0; k < n; ++k) list_items(a)[lo + k] = addr_of(newref(seq_item(k)));
  for (int64_t k = norig - 1; k >= 0; --k) xdecref(at<Object>(recycle[size_t(k)]));
  xdecref(seq);
  return 0;
}

int list_slice_set(ListObject* l, Object* slice, Object* value) {
  SliceIndices ix;
  if (!slice_indices(slice, l->size, &ix)) return -1;
  if (ix.step == 1) return list_ass_slice(l, ix.start, ix.stop, value);
  if (!value) {
    if (ix.length <= 0) return 0;
    std::vector<Addr> garbage;
    std::vector<Addr> kept;
    Addr* items = list_items(l);
    for (int64_t i = 0; i < l->size; ++i) {
      bool selected = ix.step > 0 ? i >= ix.start && i < ix.stop && (i - ix.start) % ix.step == 0
                                  : i <= ix.start && i > ix.stop && (ix.start - i) % -ix.step == 0;
      (selected ? garbage : kept).push_back(items[i]);
    }
    std::copy(kept.begin(), kept.end(), items);
    if (!list_resize(l, int64_t(kept.size()))) return -1;
    for (Addr g : garbage) decref(at<Object>(g));
    return 0;
  }
  Object* seq = list_new(0);
  if (!seq) return -1;
  if (list_extend(seq, value) < 0) {
    decref(seq);
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "must assign iterable to extended slice");
    }
    return -1;
  }
  auto* s = static_cast<ListObject*>(seq);
  if (s->size != ix.length) {
    set_error(g_rt->types.ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
              (long long)s->size, (long long)ix.length);
    decref(seq);
    return -1;
  }
  std::vector<Addr> garbage;
  for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) {
    garbage.push_back(list_items(l)[k]);
    list_items(l)[k] = addr_of(newref(list_item(s, i)));
  }
  for (Addr g : garbage) decref(at<Object>(g));
  decref(seq);
  return 0;
}

Object* list_getitem(Object* o, Object* key) {
  auto* l = static_cast<ListObject*>(o);
  if (is_slice(key)) return list_slice_get(l, key);
  int64_t i;
  if (!list_index(l, key, &i)) return nullptr;
  if (i < 0 || i >= l->size) return set_error(g_rt->types.IndexError, "list index out of range");
  return newref(list_item(l, i));
}

int list_setitem(Object* o, Object* key, Object* value) {
  auto* l = static_cast<ListObject*>(o);
  if (is_slice(key)) return list_slice_set(l, key, value);
  int64_t i;
  if (!list_index(l, key, &i)) return -1;
  if (i < 0 || i >= l->size) {
    set_error(g_rt->types.IndexError, value ? "list assignment index out of range" : "list assignment index out of range");
    return -1;
  }
  Addr* items = list_items(l);
  Object* old = at<Object>(items[i]);
  if (value) {
    items[i] = addr_of(newref(value));
  } else {
    std::memmove(items + i, items + i + 1, size_t(l->size - i - 1) * sizeof(Addr));
    if (!list_resize(l, l->size - 1)) return -1;
  }
  decref(old);
  return 0;
}

int list_contains(Object* o, Object* v) {
  auto* l = static_cast<ListObject*>(o);
  for (int64_t i = 0; i < l->size; ++i) {
    Object* item = newref(list_item(l, i));
    int r = object_rich_compare_bool(item, v, CompareOp::Eq);
    decref(item);
    if (r != 0) return r;
  }
  return 0;
}

Object* list_concat(Object* a, Object* b) {
  if (!is_list(b)) return set_error(g_rt->types.TypeError, "can only concatenate list (not \"%s\") to list", type_name(b));
  auto* x = static_cast<ListObject*>(a);
  auto* y = static_cast<ListObject*>(b);
  ListObject* r = list_new(x->size + y->size);
  if (!r) return nullptr;
  for (int64_t i = 0; i < x->size; ++i) list_items(r)[i] = addr_of(newref(list_item(x, i)));
  for (int64_t i = 0; i < y->size; ++i) list_items(r)[x->size + i] = addr_of(newref(list_item(y, i)));
  return r;
}

Object* list_repeat(Object* a, int64_t n) {
  auto* x = static_cast<ListObject*>(a);
  if (n < 0) n = 0;
  if (x->size && n > (int64_t(1) << 36) / x->size) return set_memory_error();
  ListObject* r = list_new(x->size * n);
  if (!r) return nullptr;
  for (int64_t k = 0; k < n; ++k)
    for (int64_t i = 0; i < x->size; ++i) list_items(r)[k * x->size + i] = addr_of(newref(list_item(x, i)));
  return r;
}

Object* list_inplace_concat(Object* a, Object* b) {
  if (list_extend(a, b) < 0) return nullptr;
  return newref(a);
}

// list_inplace_repeat: grows in place (3.12), so `a = [x]; a *= 10` has the
// over-allocation of a resize, not the exact size of `[x] * 10`.
Object* list_inplace_repeat(Object* a, int64_t n) {
  auto* l = static_cast<ListObject*>(a);
  int64_t size = l->size;
  if (size == 0 || n == 1) return newref(a);
  if (n < 1) {
    list_clear(a);
    return newref(a);
  }
  if (size > (int64_t(1) << 36) / n) return set_memory_error();
  if (!list_resize(l, size * n)) return nullptr;
  Addr* items = list_items(l);
  for (int64_t j = 0; j < size; ++j) at<Object>(items[j])->refcnt += is_immortal(at<Object>(items[j])) ? 0 : uint64_t(n - 1);
  for (int64_t k = 1; k < n; ++k) std::memcpy(items + k * size, items, size_t(size) * sizeof(Addr));
  return newref(a);
}

size_t list_size_of(Object* o) {
  return type_of(o)->basicsize + sizeof(Addr) * size_t(static_cast<ListObject*>(o)->allocated);
}

Object* list_method_append(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.append", kwnames) || !check_nargs("list.append", nargs, 1, 1)) return nullptr;
  if (list_append(self, args[0]) < 0) return nullptr;
  return none();
}

Object* list_method_extend(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.extend", kwnames) || !check_nargs("list.extend", nargs, 1, 1)) return nullptr;
  if (list_extend(self, args[0]) < 0) return nullptr;
  return none();
}

Object* list_method_pop(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.pop", kwnames) || !check_nargs("pop", nargs, 0, 1)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  int64_t i = -1;
  if (nargs && !object_as_index(args[0], &i)) return nullptr;
  if (l->size == 0) return set_error(g_rt->types.IndexError, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return set_error(g_rt->types.IndexError, "pop index out of range");
  Addr* items = list_items(l);
  Object* v = at<Object>(items[i]);
  std::memmove(items + i, items + i + 1, size_t(l->size - i - 1) * sizeof(Addr));
  if (!list_resize(l, l->size - 1)) {
    decref(v);
    return nullptr;
  }
  return v;
}

Object* list_method_insert(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.insert", kwnames) || !check_nargs("insert", nargs, 2, 2)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  int64_t i;
  if (!object_as_index(args[0], &i)) return nullptr;
  int64_t n = l->size;
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  if (!list_resize(l, n + 1)) return nullptr;
  Addr* items = list_items(l);
  std::memmove(items + i + 1, items + i, size_t(n - i) * sizeof(Addr));
  items[i] = addr_of(newref(args[1]));
  return none();
}

int64_t list_find(ListObject* l, Object* v) {
  for (int64_t i = 0; i < l->size; ++i) {
    Object* item = newref(list_item(l, i));
    int r = object_rich_compare_bool(item, v, CompareOp::Eq);
    decref(item);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

// index(value, start=0, stop=sys.maxsize, /)
Object* list_method_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.index", kwnames) || !check_nargs("index", nargs, 1, 3)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !object_as_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !object_as_index(args[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(start + l->size, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + l->size, 0);
  for (int64_t i = start; i < std::min(stop, l->size); ++i) {
    Object* item = newref(list_item(l, i));
    int r = object_rich_compare_bool(item, args[0], CompareOp::Eq);
    decref(item);
    if (r < 0) return nullptr;
    if (r) return int_from_i64(i);
  }
  std::string r;
  if (!repr_utf8(args[0], &r)) return nullptr;
  return set_error(g_rt->types.ValueError, "%s is not in list", r.c_str());
}

Object* list_method_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.remove", kwnames) || !check_nargs("list.remove", nargs, 1, 1)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  int64_t i = list_find(l, args[0]);
  if (i == -2) return nullptr;
  if (i < 0) return set_error(g_rt->types.ValueError, "list.remove(x): x not in list");
  Object* key = int_from_i64(i);
  int r = list_setitem(self, key, nullptr);
  decref(key);
  return r < 0 ? nullptr : none();
}

Object* list_method_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.count", kwnames) || !check_nargs("list.count", nargs, 1, 1)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  int64_t count = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    Object* item = newref(list_item(l, i));
    int r = object_rich_compare_bool(item, args[0], CompareOp::Eq);
    decref(item);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_i64(count);
}

Object* list_method_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.clear", kwnames) || !check_nargs("list.clear", nargs, 0, 0)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  Addr items = l->ob_item;
  // Nothing to free leaves the list alone: a list being sorted (no items,
  // allocated -1) is not marked modified by a clear() in the key function.
  if (!items) return none();
  int64_t n = l->size;
  l->ob_item = 0;
  l->size = 0;
  l->allocated = 0;
  for (int64_t i = n; i-- > 0;) decref(at<Object>(at<Addr>(items)[i]));
  mem_free(items);
  return none();
}

Object* list_method_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.copy", kwnames) || !check_nargs("list.copy", nargs, 0, 0)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  ListObject* r = list_new(l->size);
  if (!r) return nullptr;
  for (int64_t i = 0; i < l->size; ++i) list_items(r)[i] = addr_of(newref(list_item(l, i)));
  return r;
}

Object* list_method_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.reverse", kwnames) || !check_nargs("list.reverse", nargs, 0, 0)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  Addr* items = list_items(l);
  for (int64_t i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(items[i], items[j]);
  return none();
}

// list.__getitem__ is a method besides its slot (METH_COEXIST).
Object* list_method_getitem(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.__getitem__", kwnames) || !check_nargs("list.__getitem__", nargs, 1, 1)) return nullptr;
  return slots_of(g_rt->types.list).getitem(self, args[0]);
}

Object* list_method_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list.__reversed__", kwnames) || !check_nargs("list.__reversed__", nargs, 0, 0)) return nullptr;
  return list_reversed_iter(self);
}

const NativeFunctionDef kListMethods[] = {
    {"__getitem__", list_method_getitem}, {"__reversed__", list_method_reversed},
    {"append", list_method_append}, {"extend", list_method_extend}, {"pop", list_method_pop},
    {"insert", list_method_insert}, {"index", list_method_index},   {"remove", list_method_remove},
    {"count", list_method_count},   {"clear", list_method_clear},   {"copy", list_method_copy},
    {"reverse", list_method_reverse}, {"sort", list_method_sort},
};

Object* list_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list", kwnames) || !check_nargs("list", nargs, 0, 1)) return nullptr;
  ListObject* l = alloc_list(false);
  if (!l || nargs == 0) return l;
  if (list_extend(l, args[0]) < 0) {
    decref(l);
    return nullptr;
  }
  return l;
}

// list.__new__ makes an empty list; list.__init__ fills it, emptying it first.
Object* list_new_instance(TypeObject* type, Object* const*, size_t, Object*) {
  if (type == g_rt->types.list) return list_new(0);
  auto* l = static_cast<ListObject*>(new_object(type, type->basicsize));
  if (l) gc_track(l);
  return l;
}

int list_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("list", kwnames) || !check_nargs("list", nargs, 0, 1)) return -1;
  if (static_cast<ListObject*>(self)->ob_item) list_clear_slot(self);
  return nargs ? list_extend(self, args[0]) : 0;
}

TypeSlots list_slots;

}  // namespace

bool is_list(const Object* o) { return type_of(o)->flags & kTypeListSubclass; }

ListObject* list_new(int64_t n) {
  ListObject* l = alloc_list();
  if (!l) return nullptr;
  if (n > 0) {
    Addr items = mem_alloc(size_t(n) * sizeof(Addr));
    if (!items) {
      decref(l);
      set_memory_error();
      return nullptr;
    }
    std::memset(at<Addr>(items), 0, size_t(n) * sizeof(Addr));
    l->ob_item = items;
  }
  l->size = n;
  l->allocated = n;
  return l;
}

Object* list_from_array_steal(Object* const* items, size_t n) {
  ListObject* l = list_new(int64_t(n));
  if (!l) {
    for (size_t i = 0; i < n; ++i) decref(items[i]);
    return nullptr;
  }
  for (size_t i = 0; i < n; ++i) list_items(l)[i] = addr_of(items[i]);
  return l;
}

void list_clear(Object* list) { decref(list_method_clear(list, nullptr, 0, nullptr)); }

int list_append(Object* o, Object* item) {
  auto* l = static_cast<ListObject*>(o);
  int64_t n = l->size;
  if (n < l->allocated) {
    list_items(l)[n] = addr_of(newref(item));
    l->size = n + 1;
    return 0;
  }
  if (!list_resize(l, n + 1)) return -1;
  list_items(l)[n] = addr_of(newref(item));
  return 0;
}

int list_extend(Object* o, Object* iterable) {
  auto* l = static_cast<ListObject*>(o);
  // Exact lists and tuples are copied directly; a subclass may iterate its own way.
  bool exact_list = type_of(iterable) == g_rt->types.list || iterable == o;
  if (exact_list || type_of(iterable) == g_rt->types.tuple) {
    int64_t n = is_list(iterable) ? static_cast<ListObject*>(iterable)->size : static_cast<TupleObject*>(iterable)->size;
    if (n == 0) return 0;
    int64_t m = l->size;
    if (!l->ob_item) {
      if (!list_preallocate_exact(l, n)) return -1;
      l->size = n;
    } else if (!list_resize(l, m + n)) {
      return -1;
    }
    for (int64_t i = 0; i < n; ++i) {
      Object* item = is_list(iterable) ? list_item(static_cast<ListObject*>(iterable), i)
                                       : tuple_item(static_cast<TupleObject*>(iterable), i);
      list_items(l)[m + i] = addr_of(newref(item));
    }
    return 0;
  }
  Object* it = object_iter(iterable);
  if (!it) return -1;
  // PyObject_LengthHint: the length when the iterable has one, else 8;
  // an empty list is presized exactly, a non-empty one grown by the hint.
  int64_t hint = 8;
  if (slots_of(iterable).length) {
    hint = slots_of(iterable).length(iterable);
    if (hint < 0) {
      decref(it);
      return -1;
    }
  }
  if (!l->ob_item) {
    if (hint && !list_preallocate_exact(l, hint)) {
      decref(it);
      return -1;
    }
  } else if (hint) {
    int64_t m = l->size;
    if (!list_resize(l, m + hint)) {
      decref(it);
      return -1;
    }
    l->size = m;
  }
  while (Object* item = iter_next(it)) {
    int r = list_append(o, item);
    decref(item);
    if (r < 0) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  if (error_occurred()) return -1;
  if (l->size < l->allocated && !list_resize(l, l->size)) return -1;
  return 0;
}

void list_clear_free_list() {
  auto& free_list = g_rt->free_lists.lists;
  while (!free_list.empty()) {
    Object* o = free_list.back();
    free_list.pop_back();
    note_object_reborn(o);  // free_object takes it out of the registry again
    free_object(o);
  }
}

void init_list_type() {
  TypeSlots& s = list_slots;
  s.name = "list";
  s.dealloc = list_dealloc;
  s.traverse = list_traverse;
  s.clear = list_clear_slot;
  s.repr = list_repr;
  s.richcompare = list_richcompare;
  s.length = list_length;
  s.truth = list_truth;
  s.getitem = list_getitem;
  s.setitem = list_setitem;
  s.contains = list_contains;
  s.concat = list_concat;
  s.repeat = list_repeat;
  s.inplace_concat = list_inplace_concat;
  s.inplace_repeat = list_inplace_repeat;
  s.size_of = list_size_of;
  s.construct = list_construct;
  s.new_instance = list_new_instance;
  s.init = list_init;
  s.iter = list_iter;
  register_type_slots(g_rt->types.list, &list_slots);
}

void init_list_methods() { add_methods(g_rt->types.list, kListMethods, std::size(kListMethods)); }

}  // namespace heaplab
