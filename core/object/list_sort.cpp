#include "core/object/list_sort.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct Item {
  Object* key;
  Addr value;
};

// ISLT(a, b): 1, 0 or -1.
using LessFn = int (*)(const Item&, const Item&);

int is_less(const Item& a, const Item& b) { return object_rich_compare_bool(a.key, b.key, CompareOp::Lt); }

// As CPython's list.sort, the keys' types are checked once before sorting:
// exact ints, and tuples of exact ints, compare without side effects, so
// their comparison can skip the rich-comparison dispatch.
// -1, 0 or 1; ints of at most one digit (most keys) compare as their values.
int compare_ints(Object* a, Object* b) {
  auto* x = static_cast<IntObject*>(a);
  auto* y = static_cast<IntObject*>(b);
  if (int_ndigits(x) <= 1 && int_ndigits(y) <= 1) {
    int64_t u = int_sign(x) * int64_t(x->digit[0]), v = int_sign(y) * int64_t(y->digit[0]);
    return u < v ? -1 : u > v;
  }
  return int_compare(x, y);
}

int int_less(const Item& a, const Item& b) { return compare_ints(a.key, b.key) < 0; }

int int_tuple_less(const Item& a, const Item& b) {
  auto* x = static_cast<TupleObject*>(a.key);
  auto* y = static_cast<TupleObject*>(b.key);
  int64_t n = std::min(x->size, y->size);
  for (int64_t i = 0; i < n; ++i) {
    int c = compare_ints(tuple_item(x, i), tuple_item(y, i));
    if (c) return c < 0;
  }
  return x->size < y->size;
}

LessFn less_for(const std::vector<Item>& items) {
  // Near the recursion limit the general comparison raises: it decides.
  constexpr int kCompareDepth = 4;  // the nesting of a tuple's item comparison
  if (items.empty() || g_native_depth + kCompareDepth >= kNativeRecursionLimit) return is_less;
  TypeObject* int_type = g_rt->types.int_;
  bool ints = true, int_tuples = true;
  for (const Item& item : items) {
    TypeObject* t = type_of(item.key);
    ints = ints && t == int_type;
    if (int_tuples) {
      int_tuples = t == g_rt->types.tuple;
      auto* tuple = static_cast<TupleObject*>(item.key);
      for (int64_t i = 0; int_tuples && i < tuple->size; ++i) int_tuples = type_of(tuple_item(tuple, i)) == int_type;
    }
    if (!ints && !int_tuples) return is_less;
  }
  return ints ? int_less : int_tuple_less;
}

// count_run + binarysort, as timsort sorts short lists.
bool binary_sort(std::vector<Item>& v, size_t lo, size_t hi, LessFn is_less) {
  if (hi - lo < 2) return true;
  size_t start = lo + 1;
  int lt = is_less(v[start], v[lo]);
  if (lt < 0) return false;
  if (lt) {
    // A strictly descending run is reversed in place.
    for (++start; start < hi; ++start) {
      int r = is_less(v[start], v[start - 1]);
      if (r < 0) return false;
      if (!r) break;
    }
    std::reverse(v.begin() + ptrdiff_t(lo), v.begin() + ptrdiff_t(start));
  } else {
    for (++start; start < hi; ++start) {
      int r = is_less(v[start], v[start - 1]);
      if (r < 0) return false;
      if (r) break;
    }
  }
  for (; start < hi; ++start) {
    Item pivot = v[start];
    size_t l = lo, r = start;
    while (l < r) {
      size_t p = l + ((r - l) >> 1);
      int c = is_less(pivot, v[p]);
      if (c < 0) return false;
      if (c) r = p;
      else l = p + 1;
    }
    std::memmove(static_cast<void*>(&v[l + 1]), &v[l], (start - l) * sizeof(Item));
    v[l] = pivot;
  }
  return true;
}

// A stable merge sort over runs sorted by binary_sort.
bool merge_sort(std::vector<Item>& v, size_t lo, size_t hi, LessFn is_less) {
  if (hi - lo <= 64) return binary_sort(v, lo, hi, is_less);
  size_t mid = lo + (hi - lo) / 2;
  if (!merge_sort(v, lo, mid, is_less) || !merge_sort(v, mid, hi, is_less)) return false;
  std::vector<Item> left(v.begin() + ptrdiff_t(lo), v.begin() + ptrdiff_t(mid));
  size_t i = 0, j = mid, k = lo;
  while (i < left.size() && j < hi) {
    int c = is_less(v[j], left[i]);
    if (c < 0) {
      // Put back what is in the buffer so every item stays in the list.
      std::copy(left.begin() + ptrdiff_t(i), left.end(), v.begin() + ptrdiff_t(k));
      return false;
    }
    v[k++] = c ? v[j++] : left[i++];
  }
  std::copy(left.begin() + ptrdiff_t(i), left.end(), v.begin() + ptrdiff_t(k));
  return true;
}

}  // namespace

int list_sort(Object* o, Object* keyfunc, bool reverse) {
  auto* l = static_cast<ListObject*>(o);
  // The list is empty while it sorts, as in CPython: changes show up after.
  Addr saved = l->ob_item;
  int64_t n = l->size;
  int64_t allocated = l->allocated;
  l->ob_item = 0;
  l->size = 0;
  l->allocated = -1;
  std::vector<Item> items(static_cast<size_t>(n));
  bool ok = true;
  int64_t keyed = 0;
  for (int64_t i = 0; i < n; ++i) {
    Addr a = at<Addr>(saved)[i];
    Object* value = at<Object>(a);
    Object* key = value;
    if (keyfunc && keyfunc != none()) {
      key = object_call(keyfunc, &value, 1, nullptr);
      if (!key) {
        ok = false;
        break;
      }
      ++keyed;
    }
    items[size_t(i)] = {key, a};
  }
  if (ok) {
    if (reverse) std::reverse(items.begin(), items.end());
    ok = merge_sort(items, 0, items.size(), less_for(items));
    if (reverse) std::reverse(items.begin(), items.end());
    if (ok)
      for (int64_t i = 0; i < n; ++i) at<Addr>(saved)[i] = items[size_t(i)].value;
  }
  if (keyfunc && keyfunc != none())
    for (int64_t i = 0; i < keyed; ++i) decref(items[size_t(i)].key);
  // Anything appended during the sort is dropped, with an error.
  bool modified = l->allocated != -1 || l->ob_item != 0;
  Addr extra = l->ob_item;
  int64_t extra_n = l->size;
  l->ob_item = saved;
  l->size = n;
  l->allocated = allocated;
  if (modified) {
    for (int64_t i = 0; i < extra_n; ++i) decref(at<Object>(at<Addr>(extra)[i]));
    mem_free(extra);
    if (ok) set_error(g_rt->types.ValueError, "list modified during sort");
    return -1;
  }
  return ok ? 0 : -1;
}

Object* list_method_sort(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs) return set_error(g_rt->types.TypeError, "sort() takes no positional arguments");
  Object* a[2];
  if (!bind_args({"sort", {"key", "reverse"}, 0, 0}, args, nargs, kwnames, a)) return nullptr;
  int reverse = a[1] ? object_is_true(a[1]) : 0;
  if (reverse < 0) return nullptr;
  return list_sort(self, a[0], reverse) < 0 ? nullptr : none();
}

}  // namespace heaplab
