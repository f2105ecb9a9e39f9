#include "core/object/deque.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// dequeiterobject: both iterator types share it.
struct DequeIterObject : Object {
  Addr b;
  int64_t index;
  Ref<DequeObject> deque;
  uint64_t state;   // the deque's state when the iterator was made
  int64_t counter;  // items left
};
static_assert(sizeof(DequeIterObject) == 56);

DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }
DequeBlock* block(Addr a) { return at<DequeBlock>(a); }
Object* slot(Addr b, int64_t i) { return at<Object>(block(b)->data[i]); }

// newblock / freeblock: the deque's own cache of freed blocks first.
Addr new_block(DequeObject* d) {
  if (d->numfreeblocks > 0) return d->freeblocks[--d->numfreeblocks];
  Addr b = mem_alloc(sizeof(DequeBlock));
  if (!b) set_memory_error();
  return b;
}

void free_block(DequeObject* d, Addr b) {
  if (d->numfreeblocks < kDequeMaxFreeBlocks) {
    d->freeblocks[d->numfreeblocks++] = b;
  } else {
    mem_free(b);
  }
}

bool needs_trim(DequeObject* d, int64_t maxlen) { return uint64_t(maxlen) < uint64_t(d->size); }

Object* deque_popleft_item(DequeObject* d);
Object* deque_pop_item(DequeObject* d);

// deque_append_internal: takes ownership of `item`.
int append_internal(DequeObject* d, Object* item, int64_t maxlen) {
  if (d->rightindex == kDequeBlockLen - 1) {
    Addr b = new_block(d);
    if (!b) {
      decref(item);
      return -1;
    }
    block(b)->leftlink = d->rightblock;
    block(d->rightblock)->rightlink = b;
    d->rightblock = b;
    block(b)->rightlink = 0;
    d->rightindex = -1;
  }
  d->size++;
  d->rightindex++;
  block(d->rightblock)->data[d->rightindex] = addr_of(item);
  if (needs_trim(d, maxlen)) {
    decref(deque_popleft_item(d));
  } else {
    d->state++;
  }
  return 0;
}

int appendleft_internal(DequeObject* d, Object* item, int64_t maxlen) {
  if (d->leftindex == 0) {
    Addr b = new_block(d);
    if (!b) {
      decref(item);
      return -1;
    }
    block(b)->rightlink = d->leftblock;
    block(d->leftblock)->leftlink = b;
    d->leftblock = b;
    block(b)->leftlink = 0;
    d->leftindex = kDequeBlockLen;
  }
  d->size++;
  d->leftindex--;
  block(d->leftblock)->data[d->leftindex] = addr_of(item);
  if (needs_trim(d, maxlen)) {
    decref(deque_pop_item(d));
  } else {
    d->state++;
  }
  return 0;
}

Object* deque_popleft_item(DequeObject* d) {
  if (d->size == 0) return set_error(g_rt->types.IndexError, "pop from an empty deque");
  Object* item = slot(d->leftblock, d->leftindex);
  d->leftindex++;
  d->size--;
  d->state++;
  if (d->leftindex == kDequeBlockLen) {
    if (d->size) {
      Addr next = block(d->leftblock)->rightlink;
      free_block(d, d->leftblock);
      block(next)->leftlink = 0;
      d->leftblock = next;
      d->leftindex = 0;
    } else {  // re-center instead of freeing a block
      d->leftindex = kDequeCenter + 1;
      d->rightindex = kDequeCenter;
    }
  }
  return item;
}

Object* deque_pop_item(DequeObject* d) {
  if (d->size == 0) return set_error(g_rt->types.IndexError, "pop from an empty deque");
  Object* item = slot(d->rightblock, d->rightindex);
  d->rightindex--;
  d->size--;
  d->state++;
  if (d->rightindex < 0) {
    if (d->size) {
      Addr prev = block(d->rightblock)->leftlink;
      free_block(d, d->rightblock);
      block(prev)->rightlink = 0;
      d->rightblock = prev;
      d->rightindex = kDequeBlockLen - 1;
    } else {
      d->leftindex = kDequeCenter + 1;
      d->rightindex = kDequeCenter;
    }
  }
  return item;
}

// deque_clear: the deque is made empty on a fresh block first, then the old
// blocks' items are released (their destructors may use the deque).
void deque_clear(DequeObject* d) {
  if (d->size == 0) return;
  // Without memory for a fresh block, pop the items one by one, leaving any
  // exception already pending (a deallocation during an error) as it was.
  Object* pending = fetch_error();
  Addr fresh = new_block(d);
  if (!fresh) clear_error();
  if (pending) {
    raise(pending);
    decref(pending);
  }
  if (!fresh) {
    while (d->size) decref(deque_pop_item(d));
    return;
  }
  int64_t n = d->size;
  Addr b = d->leftblock;
  int64_t index = d->leftindex;
  block(fresh)->leftlink = 0;
  block(fresh)->rightlink = 0;
  d->size = 0;
  d->leftblock = fresh;
  d->rightblock = fresh;
  d->leftindex = kDequeCenter + 1;
  d->rightindex = kDequeCenter;
  d->state++;
  while (n > 0) {
    int64_t m = std::min(n, kDequeBlockLen - index);
    for (int64_t i = 0; i < m; ++i) decref(slot(b, index + i));
    n -= m;
    Addr next = block(b)->rightlink;
    free_block(d, b);
    b = next;
    index = 0;
  }
}

// _deque_rotate: moves items block-wise between the ends, as 3.12 does
// (which blocks exist afterwards is what sys.getsizeof sees).
int deque_rotate_by(DequeObject* d, int64_t n) {
  Addr spare = 0;
  Addr leftblock = d->leftblock, rightblock = d->rightblock;
  int64_t leftindex = d->leftindex, rightindex = d->rightindex;
  int64_t len = d->size, halflen = len >> 1;
  int rv = -1;
  if (len <= 1) return 0;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen) n -= len;
    else if (n < -halflen) n += len;
  }
  d->state++;
  while (n > 0) {
    if (leftindex == 0) {
      if (!spare && !(spare = new_block(d))) goto done;
      block(spare)->rightlink = leftblock;
      block(leftblock)->leftlink = spare;
      leftblock = spare;
      block(spare)->leftlink = 0;
      leftindex = kDequeBlockLen;
      spare = 0;
    }
    int64_t m = std::min({n, rightindex + 1, leftindex});
    rightindex -= m;
    leftindex -= m;
    n -= m;
    // rightindex + 1 first: rightindex may be -1, and data - 1 is outside the array.
    std::copy_n(block(rightblock)->data + (rightindex + 1), m, block(leftblock)->data + leftindex);
    if (rightindex < 0) {
      spare = rightblock;
      rightblock = block(rightblock)->leftlink;
      block(rightblock)->rightlink = 0;
      rightindex = kDequeBlockLen - 1;
    }
  }
  while (n < 0) {
    if (rightindex == kDequeBlockLen - 1) {
      if (!spare && !(spare = new_block(d))) goto done;
      block(spare)->leftlink = rightblock;
      block(rightblock)->rightlink = spare;
      rightblock = spare;
      block(spare)->rightlink = 0;
      rightindex = -1;
      spare = 0;
    }
    int64_t m = std::min({-n, kDequeBlockLen - leftindex, kDequeBlockLen - 1 - rightindex});
    std::copy_n(block(leftblock)->data + leftindex, m, block(rightblock)->data + (rightindex + 1));
    leftindex += m;
    rightindex += m;
    n += m;
    if (leftindex == kDequeBlockLen) {
      spare = leftblock;
      leftblock = block(leftblock)->rightlink;
      block(leftblock)->leftlink = 0;
      leftindex = 0;
    }
  }
  rv = 0;
done:
  if (spare) free_block(d, spare);
  d->leftblock = leftblock;
  d->rightblock = rightblock;
  d->leftindex = leftindex;
  d->rightindex = rightindex;
  return rv;
}

// The block and slot of item i (0 <= i < size).
Addr locate(DequeObject* d, int64_t i, int64_t* index) {
  int64_t k = d->leftindex + i;
  Addr b = d->leftblock;
  if (i < d->size / 2) {
    for (; k >= kDequeBlockLen; k -= kDequeBlockLen) b = block(b)->rightlink;
  } else {
    int64_t from_right = d->size - 1 - i;
    int64_t r = d->rightindex - from_right;
    b = d->rightblock;
    for (; r < 0; r += kDequeBlockLen) b = block(b)->leftlink;
    k = r;
  }
  *index = k;
  return b;
}

DequeObject* alloc_deque(TypeObject* type) {
  auto* d = static_cast<DequeObject*>(new_object(type, type->basicsize));
  if (!d) return nullptr;
  Addr b = new_block(d);
  if (!b) {
    decref(d);
    return nullptr;
  }
  block(b)->leftlink = 0;
  block(b)->rightlink = 0;
  d->leftblock = b;
  d->rightblock = b;
  d->leftindex = kDequeCenter + 1;
  d->rightindex = kDequeCenter;
  d->maxlen = -1;
  gc_track(d);
  return d;
}

Object* deque_extend_items(DequeObject* d, Object* iterable);

// Consumes the rest of an iterator (extend of a maxlen=0 deque).
Object* consume(Object* it) {
  while (Object* item = iter_next(it)) decref(item);
  decref(it);
  return error_occurred() ? nullptr : none();
}

Object* deque_extend_items(DequeObject* d, Object* iterable) {
  if (iterable == d) {
    Object* copy = list_new(0);
    if (!copy || list_extend(copy, iterable) < 0) {
      xdecref(copy);
      return nullptr;
    }
    Object* r = deque_extend_items(d, copy);
    decref(copy);
    return r;
  }
  Object* it = object_iter(iterable);
  if (!it) return nullptr;
  if (d->maxlen == 0) return consume(it);
  if (d->size == 0) {  // space saving heuristic: start filling from the left
    d->leftindex = 1;
    d->rightindex = 0;
  }
  while (Object* item = iter_next(it)) {
    if (append_internal(d, item, d->maxlen) < 0) {
      decref(it);
      return nullptr;
    }
  }
  decref(it);
  return error_occurred() ? nullptr : none();
}

Object* deque_extendleft_items(DequeObject* d, Object* iterable) {
  if (iterable == d) {
    Object* copy = list_new(0);
    if (!copy || list_extend(copy, iterable) < 0) {
      xdecref(copy);
      return nullptr;
    }
    Object* r = deque_extendleft_items(d, copy);
    decref(copy);
    return r;
  }
  Object* it = object_iter(iterable);
  if (!it) return nullptr;
  if (d->maxlen == 0) return consume(it);
  if (d->size == 0) {  // start filling from the right
    d->leftindex = kDequeBlockLen - 1;
    d->rightindex = kDequeBlockLen - 2;
  }
  while (Object* item = iter_next(it)) {
    if (appendleft_internal(d, item, d->maxlen) < 0) {
      decref(it);
      return nullptr;
    }
  }
  decref(it);
  return error_occurred() ? nullptr : none();
}

// deque_copy: a new deque of the same maxlen holding the same items; a
// subclass is called as type(d)(d[, maxlen]).
Object* deque_copy_of(DequeObject* d) {
  if (type_of(d) != g_rt->types.deque) {
    Object* maxlen = d->maxlen >= 0 ? int_from_i64(d->maxlen) : nullptr;
    Object* call_args[2] = {d, maxlen};
    Object* r = (d->maxlen < 0 || maxlen) ? object_call(type_of(d), call_args, maxlen ? 2 : 1, nullptr) : nullptr;
    xdecref(maxlen);
    if (r && !is_deque(r)) {
      std::string got = type_name(r);
      decref(r);
      return set_error(g_rt->types.TypeError, "%s() must return a deque, not %s", type_name(d), got.c_str());
    }
    return r;
  }
  DequeObject* copy = alloc_deque(g_rt->types.deque);
  if (!copy) return nullptr;
  copy->maxlen = d->maxlen;
  Object* r;
  if (d->size == 1) {
    r = append_internal(copy, newref(slot(d->leftblock, d->leftindex)), copy->maxlen) < 0 ? nullptr : none();
  } else {
    r = deque_extend_items(copy, d);
  }
  if (!r) {
    decref(copy);
    return nullptr;
  }
  return copy;
}

// ---- Slots ----

void deque_dealloc(Object* o) {
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  DequeObject* d = as_deque(o);
  if (d->weakreflist) clear_weakrefs(o);
  if (d->leftblock) {
    deque_clear(d);
    free_block(d, d->leftblock);
  }
  d->leftblock = 0;
  d->rightblock = 0;
  for (int64_t i = 0; i < d->numfreeblocks; ++i) mem_free(d->freeblocks[i]);
  d->numfreeblocks = 0;
  free_object(o);
  dealloc_leave();
}

void deque_traverse(Object* o, VisitFn visit, void* arg) {
  DequeObject* d = as_deque(o);
  visit_module_type(o, visit, arg);
  Addr b = d->leftblock;
  int64_t index = d->leftindex;
  for (int64_t n = d->size; n > 0; --n) {
    visit(slot(b, index), arg);
    if (++index == kDequeBlockLen) {
      b = block(b)->rightlink;
      index = 0;
    }
  }
}

void deque_clear_slot(Object* o) { deque_clear(as_deque(o)); }

// Py_ReprEnter for deques: a deque inside itself prints as [...].
std::vector<Addr> g_repr_active;

Object* deque_repr(Object* o) {
  Addr self = addr_of(o);
  if (std::find(g_repr_active.begin(), g_repr_active.end(), self) != g_repr_active.end()) return str_from_utf8("[...]");
  g_repr_active.push_back(self);
  Object* items = list_new(0);
  std::string text;
  bool ok = items && list_extend(items, o) == 0 && repr_utf8(items, &text);
  xdecref(items);
  g_repr_active.erase(std::find(g_repr_active.begin(), g_repr_active.end(), self));
  if (!ok) return nullptr;
  std::string out = short_type_name(o) + "(" + text;
  if (as_deque(o)->maxlen >= 0) out += ", maxlen=" + std::to_string(as_deque(o)->maxlen);
  return str_from_utf8(out + ")");
}

int64_t deque_hash(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

int64_t deque_length(Object* o) { return as_deque(o)->size; }
int deque_truth(Object* o) { return as_deque(o)->size != 0; }

Object* deque_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_deque(v) || !is_deque(w)) return newref(g_rt->not_implemented);
  DequeObject *a = as_deque(v), *b = as_deque(w);
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    if (v == w) return bool_obj(op == CompareOp::Eq);
    if (a->size != b->size) return bool_obj(op == CompareOp::Ne);
  }
  Object* it1 = object_iter(v);
  Object* it2 = it1 ? object_iter(w) : nullptr;
  Object *x = nullptr, *y = nullptr, *result = nullptr;
  if (!it2) goto done;
  for (;;) {
    x = iter_next(it1);
    if (!x && error_occurred()) goto done;
    y = iter_next(it2);
    if (!x || !y) break;
    int eq = object_rich_compare_bool(x, y, CompareOp::Eq);
    if (eq == 0) {
      result = object_rich_compare(x, y, op);
      goto done;
    }
    decref(x);
    decref(y);
    x = y = nullptr;
    if (eq < 0) goto done;
  }
  if (!error_occurred()) {
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = y != nullptr; break;
      case CompareOp::Le: r = x == nullptr; break;
      case CompareOp::Eq: r = x == y; break;
      case CompareOp::Ne: r = x != y; break;
      case CompareOp::Gt: r = x != nullptr; break;
      case CompareOp::Ge: r = y == nullptr; break;
    }
    result = bool_obj(r);
  }
done:
  xdecref(x);
  xdecref(y);
  xdecref(it1);
  xdecref(it2);
  return result;
}

// The sequence protocol's index: an int, negative counted from the end.
bool deque_index_arg(DequeObject* d, Object* key, int64_t* out) {
  if (!int_is_int(key) && !slots_of(key).index) {
    set_error(g_rt->types.TypeError, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  int64_t i;
  if (!object_as_index(key, &i)) return false;
  if (i < 0) i += d->size;
  *out = i;
  return true;
}

Object* deque_getitem(Object* o, Object* key) {
  DequeObject* d = as_deque(o);
  int64_t i;
  if (!deque_index_arg(d, key, &i)) return nullptr;
  if (i < 0 || i >= d->size) return set_error(g_rt->types.IndexError, "deque index out of range");
  int64_t index;
  Addr b = locate(d, i, &index);
  return newref(slot(b, index));
}

// deque_del_item: rotate the item to the left end, pop it, rotate back.
int deque_del_item(DequeObject* d, int64_t i) {
  if (deque_rotate_by(d, -i) < 0) return -1;
  Object* item = deque_popleft_item(d);
  int rv = deque_rotate_by(d, i);
  decref(item);
  return rv;
}

int deque_setitem(Object* o, Object* key, Object* value) {
  DequeObject* d = as_deque(o);
  int64_t i;
  if (!deque_index_arg(d, key, &i)) return -1;
  if (i < 0 || i >= d->size) {
    set_error(g_rt->types.IndexError, "deque index out of range");
    return -1;
  }
  if (!value) return deque_del_item(d, i);
  int64_t index;
  Addr b = locate(d, i, &index);
  Object* old = slot(b, index);
  block(b)->data[index] = addr_of(newref(value));
  decref(old);
  return 0;
}

int deque_contains(Object* o, Object* v) {
  DequeObject* d = as_deque(o);
  Addr b = d->leftblock;
  int64_t index = d->leftindex;
  uint64_t start_state = d->state;
  for (int64_t n = d->size; n > 0; --n) {
    Object* item = newref(slot(b, index));
    int cmp = object_rich_compare_bool(item, v, CompareOp::Eq);
    decref(item);
    if (cmp) return cmp;
    if (start_state != d->state) {
      set_error(g_rt->types.RuntimeError, "deque mutated during iteration");
      return -1;
    }
    if (++index == kDequeBlockLen) {
      b = block(b)->rightlink;
      index = 0;
    }
  }
  return 0;
}

Object* deque_concat(Object* a, Object* b) {
  if (!is_deque(b)) {
    return set_error(g_rt->types.TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(b));
  }
  Object* copy = deque_copy_of(as_deque(a));
  if (!copy) return nullptr;
  Object* r = deque_extend_items(as_deque(copy), b);
  if (!r) {
    decref(copy);
    return nullptr;
  }
  return copy;
}

Object* deque_inplace_concat(Object* a, Object* b) {
  Object* r = deque_extend_items(as_deque(a), b);
  if (!r) return nullptr;
  return newref(a);
}

Object* deque_inplace_repeat(Object* o, int64_t n) {
  DequeObject* d = as_deque(o);
  int64_t size = d->size;
  if (size == 0 || n == 1) return newref(o);
  if (n <= 0) {
    deque_clear(d);
    return newref(o);
  }
  if (size == 1) {
    Object* item = slot(d->leftblock, d->leftindex);
    if (d->maxlen >= 0 && n > d->maxlen) n = d->maxlen;
    for (int64_t i = 0; i < n - 1; ++i)
      if (append_internal(d, newref(item), -1) < 0) return nullptr;
    return newref(o);
  }
  if (n > (int64_t(1) << 36) / size) return set_memory_error();
  Object* seq = list_new(0);
  if (!seq || list_extend(seq, o) < 0) {
    xdecref(seq);
    return nullptr;
  }
  if (d->maxlen >= 0 && n * size > d->maxlen) n = (d->maxlen + size - 1) / size;
  for (int64_t i = 0; i < n - 1; ++i) {
    if (!deque_extend_items(d, seq)) {
      decref(seq);
      return nullptr;
    }
  }
  decref(seq);
  return newref(o);
}

Object* deque_repeat(Object* o, int64_t n) {
  Object* copy = deque_copy_of(as_deque(o));
  if (!copy) return nullptr;
  Object* r = deque_inplace_repeat(copy, n);
  decref(copy);
  return r;
}

// deque_sizeof: the blocks holding items, not the cached free ones.
size_t deque_size_of(Object* o) {
  DequeObject* d = as_deque(o);
  size_t blocks = size_t(d->leftindex + d->size + kDequeBlockLen - 1) / kDequeBlockLen;
  return size_t(type_of(o)->basicsize) + blocks * sizeof(DequeBlock);
}

Object* deque_getattr(Object* o, Object* name) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "maxlen") {
    int64_t maxlen = as_deque(o)->maxlen;
    return maxlen < 0 ? none() : int_from_i64(maxlen);
  }
  return generic_getattr(o, name);
}

int deque_setattr(Object* o, Object* name, Object*) {
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "maxlen") {
    set_error(g_rt->types.AttributeError, "attribute 'maxlen' of '%s' objects is not writable", type_name(o));
  } else {
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
  }
  return -1;
}

// deque.__init__(iterable=(), maxlen=None): a second call empties the deque first.
int deque_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t i = 0; i < names->size; ++i) {
      std::string k = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
      if (k != "iterable" && k != "maxlen") {
        set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for deque()", k.c_str());
        return -1;
      }
    }
  }
  Object* a[2];
  if (!bind_args({"deque", {"iterable", "maxlen"}, 0, 2}, args, nargs, kwnames, a)) return -1;
  int64_t maxlen = -1;
  if (a[1] && a[1] != none()) {
    if (!int_is_int(a[1])) {
      set_error(g_rt->types.TypeError, "an integer is required");
      return -1;
    }
    if (!int_as_i64(static_cast<IntObject*>(a[1]), &maxlen)) {
      set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
      return -1;
    }
    if (maxlen < 0) {
      set_error(g_rt->types.ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  DequeObject* d = as_deque(self);
  d->maxlen = maxlen;
  if (d->size > 0) deque_clear(d);
  if (a[0]) {
    Object* r = deque_extend_items(d, a[0]);
    if (!r) return -1;
  }
  return 0;
}

// deque.__new__: an empty deque of `type` (a class deriving from deque too).
Object* deque_new_instance(TypeObject* type, Object* const*, size_t, Object*) { return alloc_deque(type); }

Object* deque_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* d = deque_new_instance(type, args, nargs, kwnames);
  if (d && deque_init(d, args, nargs, kwnames) < 0) {
    decref(d);
    return nullptr;
  }
  return d;
}

// ---- Methods ----

#define DEQUE_METHOD(name) Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

bool no_kwargs_nargs(const char* name, Object* kwnames, size_t nargs, size_t min, size_t max) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, min, max);
}

DEQUE_METHOD(deque_append) {
  if (!no_kwargs_nargs("deque.append", kwnames, nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  return append_internal(d, newref(args[0]), d->maxlen) < 0 ? nullptr : none();
}

DEQUE_METHOD(deque_appendleft) {
  if (!no_kwargs_nargs("deque.appendleft", kwnames, nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  return appendleft_internal(d, newref(args[0]), d->maxlen) < 0 ? nullptr : none();
}

Object* deque_pop(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.pop", kwnames, nargs, 0, 0)) return nullptr;
  return deque_pop_item(as_deque(self));
}

Object* deque_popleft(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.popleft", kwnames, nargs, 0, 0)) return nullptr;
  return deque_popleft_item(as_deque(self));
}

DEQUE_METHOD(deque_extend) {
  if (!no_kwargs_nargs("deque.extend", kwnames, nargs, 1, 1)) return nullptr;
  return deque_extend_items(as_deque(self), args[0]);
}

DEQUE_METHOD(deque_extendleft) {
  if (!no_kwargs_nargs("deque.extendleft", kwnames, nargs, 1, 1)) return nullptr;
  return deque_extendleft_items(as_deque(self), args[0]);
}

Object* deque_clear_method(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.clear", kwnames, nargs, 0, 0)) return nullptr;
  deque_clear(as_deque(self));
  return none();
}

Object* deque_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.copy", kwnames, nargs, 0, 0)) return nullptr;
  return deque_copy_of(as_deque(self));
}

DEQUE_METHOD(deque_rotate) {
  if (!no_kwargs_nargs("deque.rotate", kwnames, nargs, 0, 1)) return nullptr;
  int64_t n = 1;
  if (nargs && !ssize_arg(args[0], &n)) return nullptr;
  return deque_rotate_by(as_deque(self), n) < 0 ? nullptr : none();
}

Object* deque_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.reverse", kwnames, nargs, 0, 0)) return nullptr;
  DequeObject* d = as_deque(self);
  Addr lb = d->leftblock, rb = d->rightblock;
  int64_t li = d->leftindex, ri = d->rightindex;
  for (int64_t n = d->size >> 1; n > 0; --n) {
    std::swap(block(lb)->data[li], block(rb)->data[ri]);
    if (++li == kDequeBlockLen) {
      lb = block(lb)->rightlink;
      li = 0;
    }
    if (--ri < 0) {
      rb = block(rb)->leftlink;
      ri = kDequeBlockLen - 1;
    }
  }
  return none();
}

DEQUE_METHOD(deque_count) {
  if (!no_kwargs_nargs("deque.count", kwnames, nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  Addr b = d->leftblock;
  int64_t index = d->leftindex, count = 0;
  uint64_t start_state = d->state;
  for (int64_t n = d->size; n > 0; --n) {
    Object* item = newref(slot(b, index));
    int cmp = object_rich_compare_bool(item, args[0], CompareOp::Eq);
    decref(item);
    if (cmp < 0) return nullptr;
    count += cmp;
    if (start_state != d->state) return set_error(g_rt->types.RuntimeError, "deque mutated during iteration");
    if (++index == kDequeBlockLen) {
      b = block(b)->rightlink;
      index = 0;
    }
  }
  return int_from_i64(count);
}

// A slice bound of index(): None is not allowed, as _PyEval_SliceIndexNotNone.
bool slice_bound(Object* o, int64_t* out) {
  if (!int_is_int(o) && !slots_of(o).index) {
    set_error(g_rt->types.TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  int64_t v;
  if (!int_as_i64(static_cast<IntObject*>(o), &v)) {
    clear_error();
    v = int_sign(static_cast<IntObject*>(o)) < 0 ? INT64_MIN : INT64_MAX;
  }
  *out = v;
  return true;
}

DEQUE_METHOD(deque_index) {
  if (!check_no_kwargs("deque.index", kwnames)) return nullptr;
  if (nargs < 1) return set_error(g_rt->types.TypeError, "index() takes at least 1 argument (0 given)");
  if (nargs > 3) return set_error(g_rt->types.TypeError, "index() takes at most 3 arguments (%zu given)", nargs);
  DequeObject* d = as_deque(self);
  int64_t start = 0, stop = d->size;
  if (nargs > 1 && !slice_bound(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_bound(args[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(start + d->size, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + d->size, 0);
  stop = std::min(stop, d->size);
  start = std::min(start, stop);
  uint64_t start_state = d->state;
  for (int64_t i = start; i < stop; ++i) {
    int64_t index;
    Addr b = locate(d, i, &index);
    Object* item = newref(slot(b, index));
    int cmp = object_rich_compare_bool(item, args[0], CompareOp::Eq);
    decref(item);
    if (cmp > 0) return int_from_i64(i);
    if (cmp < 0) return nullptr;
    if (start_state != d->state) return set_error(g_rt->types.RuntimeError, "deque mutated during iteration");
  }
  std::string r;
  if (!repr_utf8(args[0], &r)) return nullptr;
  return set_error(g_rt->types.ValueError, "%s is not in deque", r.c_str());
}

DEQUE_METHOD(deque_insert) {
  if (!check_no_kwargs("deque.insert", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
  DequeObject* d = as_deque(self);
  int64_t index;
  if (!object_as_index(args[0], &index)) return nullptr;
  int64_t n = d->size;
  if (d->maxlen == n) return set_error(g_rt->types.IndexError, "deque already at its maximum size");
  if (index >= n) return append_internal(d, newref(args[1]), d->maxlen) < 0 ? nullptr : none();
  if (index <= -n || index == 0) return appendleft_internal(d, newref(args[1]), d->maxlen) < 0 ? nullptr : none();
  if (deque_rotate_by(d, -index) < 0) return nullptr;
  int r = index < 0 ? append_internal(d, newref(args[1]), d->maxlen) : appendleft_internal(d, newref(args[1]), d->maxlen);
  if (r < 0 || deque_rotate_by(d, index) < 0) return nullptr;
  return none();
}

DEQUE_METHOD(deque_remove) {
  if (!no_kwargs_nargs("deque.remove", kwnames, nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  Addr b = d->leftblock;
  int64_t index = d->leftindex, n = d->size, i = 0;
  uint64_t start_state = d->state;
  for (; i < n; ++i) {
    Object* item = newref(slot(b, index));
    int cmp = object_rich_compare_bool(item, args[0], CompareOp::Eq);
    decref(item);
    if (cmp < 0) return nullptr;
    if (start_state != d->state) return set_error(g_rt->types.IndexError, "deque mutated during iteration");
    if (cmp > 0) break;
    if (++index == kDequeBlockLen) {
      b = block(b)->rightlink;
      index = 0;
    }
  }
  if (i == n) {
    std::string r;
    if (!repr_utf8(args[0], &r)) return nullptr;
    return set_error(g_rt->types.ValueError, "%s is not in deque", r.c_str());
  }
  return deque_del_item(d, i) < 0 ? nullptr : none();
}

Object* deque_iter_new(Object* o, bool reverse);

Object* deque_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.__reversed__", kwnames, nargs, 0, 0)) return nullptr;
  return deque_iter_new(self, true);
}

Object* deque_sizeof_method(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_kwargs_nargs("deque.__sizeof__", kwnames, nargs, 0, 0)) return nullptr;
  return int_from_i64(int64_t(deque_size_of(self)));
}

const NativeFunctionDef kDequeMethods[] = {
    {"append", deque_append},       {"appendleft", deque_appendleft}, {"pop", deque_pop},
    {"popleft", deque_popleft},     {"extend", deque_extend},         {"extendleft", deque_extendleft},
    {"clear", deque_clear_method},  {"copy", deque_copy},             {"__copy__", deque_copy},
    {"rotate", deque_rotate},       {"reverse", deque_reverse},       {"count", deque_count},
    {"index", deque_index},         {"insert", deque_insert},         {"remove", deque_remove},
    {"__reversed__", deque_reversed}, {"__sizeof__", deque_sizeof_method},
};

// ---- Iterators ----

Object* deque_iter_new(Object* o, bool reverse) {
  DequeObject* d = as_deque(o);
  TypeObject* type = reverse ? g_rt->types.deque_reverse_iterator : g_rt->types.deque_iterator;
  auto* it = static_cast<DequeIterObject*>(new_object(type, sizeof(DequeIterObject)));
  if (!it) return nullptr;
  it->b = reverse ? d->rightblock : d->leftblock;
  it->index = reverse ? d->rightindex : d->leftindex;
  it->deque.set(newref(d));
  it->state = d->state;
  it->counter = d->size;
  gc_track(it);
  return it;
}

Object* deque_iter(Object* o) { return deque_iter_new(o, false); }

bool iter_check_state(DequeIterObject* it) {
  if (it->deque->state == it->state) return true;
  it->counter = 0;
  set_error(g_rt->types.RuntimeError, "deque mutated during iteration");
  return false;
}

Object* dequeiter_next(Object* o) {
  auto* it = static_cast<DequeIterObject*>(o);
  if (!iter_check_state(it) || it->counter == 0) return nullptr;
  Object* item = slot(it->b, it->index);
  it->index++;
  it->counter--;
  if (it->index == kDequeBlockLen && it->counter > 0) {
    it->b = block(it->b)->rightlink;
    it->index = 0;
  }
  return newref(item);
}

Object* dequereviter_next(Object* o) {
  auto* it = static_cast<DequeIterObject*>(o);
  if (!iter_check_state(it) || it->counter == 0) return nullptr;
  Object* item = slot(it->b, it->index);
  it->index--;
  it->counter--;
  if (it->index < 0 && it->counter > 0) {
    it->b = block(it->b)->leftlink;
    it->index = kDequeBlockLen - 1;
  }
  return newref(item);
}

Object* dequeiter_self(Object* o) { return newref(o); }

void dequeiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* it = static_cast<DequeIterObject*>(o);
  Object* d = it->deque.get();
  it->deque.set(nullptr);
  xdecref(d);
  free_object(o);
}

void dequeiter_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  if (DequeObject* d = static_cast<DequeIterObject*>(o)->deque.get()) visit(d, arg);
}

TypeSlots deque_slots, dequeiter_slots, dequereviter_slots;

TypeObject* new_type(TypeSlots& slots, uint64_t basicsize, uint64_t flags) {
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = basicsize;
  t->flags = flags;
  register_type_slots(t, &slots);
  return t;
}

void fill_iterator_slots(TypeSlots& s, const char* name, Object* (*next)(Object*)) {
  s.name = name;
  s.dealloc = dequeiter_dealloc;
  s.traverse = dequeiter_traverse;
  s.iter = dequeiter_self;
  s.iternext = next;
}

}  // namespace

bool is_deque(const Object* o) { return is_instance(o, g_rt->types.deque); }

void init_deque_types() {
  TypeSlots& s = deque_slots;
  s.name = "collections.deque";
  s.dealloc = deque_dealloc;
  s.traverse = deque_traverse;
  s.clear = deque_clear_slot;
  s.repr = deque_repr;
  s.hash = deque_hash;
  s.richcompare = deque_richcompare;
  s.length = deque_length;
  s.truth = deque_truth;
  s.getitem = deque_getitem;
  s.setitem = deque_setitem;
  s.contains = deque_contains;
  s.concat = deque_concat;
  s.repeat = deque_repeat;
  s.inplace_concat = deque_inplace_concat;
  s.inplace_repeat = deque_inplace_repeat;
  s.getattr = deque_getattr;
  s.setattr = deque_setattr;
  s.iter = deque_iter;
  s.size_of = deque_size_of;
  s.construct = via_tp_call<deque_construct>;
  s.new_instance = deque_new_instance;
  s.init = deque_init;
  BuiltinTypes& t = g_rt->types;
  t.deque = new_type(s, sizeof(DequeObject), kTypeHaveGC | kTypeBaseType);
  t.deque->weaklistoffset = weaklist_field_offset(&DequeObject::weakreflist);
  add_methods(t.deque, kDequeMethods, std::size(kDequeMethods));

  fill_iterator_slots(dequeiter_slots, "collections._deque_iterator", dequeiter_next);
  t.deque_iterator = new_type(dequeiter_slots, sizeof(DequeIterObject), kTypeHaveGC);
  fill_iterator_slots(dequereviter_slots, "collections._deque_reverse_iterator", dequereviter_next);
  t.deque_reverse_iterator = new_type(dequereviter_slots, sizeof(DequeIterObject), kTypeHaveGC);
}

}  // namespace heaplab
