// set and frozenset, after Objects/setobject.c (3.12).
#include "core/object/set.h"

#include <cstddef>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/repr_guard.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// What setiterobject holds: 48 bytes.
struct SetIterObject : Object {
  Addr set;  // 0 once exhausted
  int64_t used;
  int64_t pos;
  int64_t len;
};
static_assert(sizeof(SetIterObject) == 48);

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }
SetEntry* table_of(const SetObject* so) { return at<SetEntry>(so->table); }
Addr dummy() { return addr_of(g_rt->set_dummy); }
bool is_active(const SetEntry& e) { return e.key && e.key != dummy(); }

bool is_exact_str(const Object* o) { return type_of(o) == g_rt->types.str; }

int64_t key_hash(Object* key) {
  if (is_exact_str(key)) return str_hash(static_cast<StrObject*>(key));
  return object_hash(key);
}

void insert_clean(SetEntry* table, size_t mask, Addr key, int64_t hash) {
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (!entry->key) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (!entry->key) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_table_resize: the smallest power of two > minused (at least 8); back
// into the smalltable when it fits. Dummies are dropped.
int table_resize(SetObject* so, int64_t minused) {
  size_t newsize = kSetMinSize;
  while (newsize <= size_t(minused)) newsize <<= 1;
  SetEntry* oldtable = table_of(so);
  size_t oldmask = size_t(so->mask);
  bool old_malloced = so->table != addr_of(so->smalltable);
  SetEntry small_copy[kSetMinSize];
  Addr newtable;
  if (newsize == kSetMinSize) {
    newtable = addr_of(so->smalltable);
    if (newtable == so->table) {
      if (so->fill == so->used) return 0;
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = mem_alloc(newsize * sizeof(SetEntry));
    if (!newtable) {
      set_memory_error();
      return -1;
    }
  }
  std::memset(at<SetEntry>(newtable), 0, newsize * sizeof(SetEntry));
  so->mask = int64_t(newsize - 1);
  so->table = newtable;
  bool dummies = so->fill != so->used;
  so->fill = so->used;
  for (size_t i = 0; i <= oldmask; ++i) {
    const SetEntry& e = oldtable[i];
    if (e.key && (!dummies || e.key != dummy())) insert_clean(at<SetEntry>(newtable), newsize - 1, e.key, e.hash);
  }
  if (old_malloced) mem_free(addr_of(oldtable));
  return 0;
}

// Rich comparison of a stored key, as the probe loops do it: 1, 0, -1, or 2
// when the comparison mutated the table (the caller restarts).
int compare_entry(SetObject* so, SetEntry* entry, Object* key) {
  Object* startkey = at<Object>(entry->key);
  if (startkey == key) return 1;
  if (is_exact_str(startkey) && is_exact_str(key) &&
      str_equal(static_cast<StrObject*>(startkey), static_cast<StrObject*>(key)))
    return 1;
  Addr table = so->table;
  incref(startkey);
  int cmp = object_rich_compare_bool(startkey, key, CompareOp::Eq);
  decref(startkey);
  if (cmp < 0) return -1;
  if (table != so->table || entry->key != addr_of(startkey)) return 2;
  return cmp;
}

// set_lookkey: the entry holding `key`, or the unused entry ending its probe
// sequence; nullptr on error.
SetEntry* lookkey(SetObject* so, Object* key, int64_t hash) {
restart:
  size_t mask = size_t(so->mask);
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &table_of(so)[i];
    int probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && !entry->key) return entry;
      if (entry->hash == hash && entry->key != dummy()) {
        int cmp = compare_entry(so, entry, key);
        if (cmp < 0) return nullptr;
        if (cmp == 2) goto restart;
        if (cmp) return entry;
        mask = size_t(so->mask);
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry: the last dummy on the probe path is reused; a new entry
// that brings fill to 3/5 of the table resizes it (x4, or x2 past 50000).
int add_entry(SetObject* so, Object* key, int64_t hash) {
  incref(key);
restart:
  size_t mask = size_t(so->mask);
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* entry;
  for (;;) {
    entry = &table_of(so)[i];
    int probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && !entry->key) goto found_unused_or_dummy;
      if (entry->hash == hash && entry->key != dummy()) {
        int cmp = compare_entry(so, entry, key);
        if (cmp < 0) {
          decref(key);
          return -1;
        }
        if (cmp == 2) goto restart;
        if (cmp) {
          decref(key);
          return 0;
        }
        mask = size_t(so->mask);
      } else if (entry->hash == -1 && entry->key == dummy()) {
        freeslot = entry;
      }
      ++entry;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    so->used++;
    freeslot->key = addr_of(key);
    freeslot->hash = hash;
    return 0;
  }
  so->fill++;
  so->used++;
  entry->key = addr_of(key);
  entry->hash = hash;
  if (size_t(so->fill) * 5 < mask * 3) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int contains_entry(SetObject* so, Object* key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (!e) return -1;
  return e->key != 0;
}

// 1 found and removed, 0 absent, -1 error.
int discard_entry(SetObject* so, Object* key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (!e) return -1;
  if (!e->key) return 0;
  Object* old = at<Object>(e->key);
  e->key = dummy();
  e->hash = -1;
  so->used--;
  decref(old);
  return 1;
}

// A set used as a key (in `x in s`, discard, remove) is looked up as the
// equal frozenset, as CPython does.
template <class F>
int with_hashable_key(Object* key, F&& f) {
  int64_t hash = key_hash(key);
  if (hash != -1) return f(key, hash);
  if (!is_anyset(key) || !error_matches(g_rt->types.TypeError)) return -1;
  clear_error();
  Object* tmp = frozenset_new(key);
  if (!tmp) return -1;
  int r = f(tmp, key_hash(tmp));
  decref(tmp);
  return r;
}

int discard_key(SetObject* so, Object* key) {
  return with_hashable_key(key, [&](Object* k, int64_t h) { return discard_entry(so, k, h); });
}

// set_next: borrowed entries in table order.
bool next_entry(SetObject* so, int64_t* pos, SetEntry** out) {
  int64_t i = *pos;
  SetEntry* table = table_of(so);
  while (i <= so->mask && !is_active(table[i])) ++i;
  *pos = i + 1;
  if (i > so->mask) return false;
  *out = &table[i];
  return true;
}

// set_clear_internal: empty the set first, then release the keys (their
// destructors may look at it).
void clear_internal(SetObject* so) {
  SetEntry* table = table_of(so);
  bool malloced = so->table != addr_of(so->smalltable);
  int64_t fill = so->fill;
  SetEntry small_copy[kSetMinSize];
  size_t n = size_t(so->mask) + 1;
  if (!malloced) {
    if (fill == 0) return;
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
  }
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->used = so->fill = 0;
  so->table = addr_of(so->smalltable);
  so->mask = kSetMinSize - 1;
  so->hash = -1;
  for (size_t i = 0; i < n && fill > 0; ++i) {
    if (table[i].key) {
      --fill;
      if (table[i].key != dummy()) decref(at<Object>(table[i].key));
    }
  }
  if (malloced) mem_free(addr_of(table));
}

// set_merge: one resize up front, then a straight copy when possible.
int merge(SetObject* so, SetObject* other) {
  if (so == other || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (table_resize(so, (so->used + other->used) * 2) != 0) return -1;
  }
  SetEntry* so_table = table_of(so);
  SetEntry* other_table = table_of(other);
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      if (other_table[i].key) {
        incref(at<Object>(other_table[i].key));
        so_table[i] = other_table[i];
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i) {
      if (!is_active(other_table[i])) continue;
      incref(at<Object>(other_table[i].key));
      insert_clean(so_table, size_t(so->mask), other_table[i].key, other_table[i].hash);
    }
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    SetEntry e = table_of(other)[i];
    if (is_active(e) && add_entry(so, at<Object>(e.key), e.hash)) return -1;
  }
  return 0;
}

int update_internal(SetObject* so, Object* other) {
  if (is_anyset(other)) return merge(so, as_set(other));
  if (type_of(other) == g_rt->types.dict) {
    int64_t n = dict_size(other);
    if ((so->fill + n) * 5 >= so->mask * 3) {
      if (table_resize(so, (so->used + n) * 2) != 0) return -1;
    }
    int64_t pos = 0;
    Object* key;
    while (dict_next(other, &pos, &key, nullptr)) {
      int64_t h = key_hash(key);
      if (h == -1 || add_entry(so, key, h)) return -1;
    }
    return 0;
  }
  Object* it = object_iter(other);
  if (!it) return -1;
  while (Object* key = iter_next(it)) {
    int r = set_add(so, key);
    decref(key);
    if (r) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}

SetObject* make_new_set(TypeObject* type, Object* iterable) {
  auto* so = static_cast<SetObject*>(new_object(type, sizeof(SetObject)));
  if (!so) return nullptr;
  so->mask = kSetMinSize - 1;
  so->table = addr_of(so->smalltable);
  so->hash = -1;
  gc_track(so);
  if (iterable && update_internal(so, iterable)) {
    decref(so);
    return nullptr;
  }
  return so;
}

// make_new_set_basetype: results of set operations are sets or frozensets,
// never subclass instances.
SetObject* make_new_set_basetype(TypeObject* type, Object* iterable) {
  TypeObject* base = is_subtype(type, g_rt->types.frozenset) ? g_rt->types.frozenset : g_rt->types.set;
  return make_new_set(base, iterable);
}

Object* set_copy(Object* so) { return make_new_set_basetype(type_of(so), so); }

// ---- slots ----

void set_dealloc(Object* o) {
  SetObject* so = as_set(o);
  gc_untrack(o);
  SetEntry* table = table_of(so);
  for (int64_t i = 0, fill = so->fill; i <= so->mask && fill > 0; ++i) {
    if (!table[i].key) continue;
    --fill;
    if (table[i].key != dummy()) decref(at<Object>(table[i].key));
  }
  if (so->table != addr_of(so->smalltable)) mem_free(so->table);
  free_object(o);
}

void set_traverse(Object* o, VisitFn visit, void* arg) {
  SetObject* so = as_set(o);
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) visit(at<Object>(e->key), arg);
}

void set_clear_slot(Object* o) { clear_internal(as_set(o)); }

Object* set_repr(Object* o) {
  SetObject* so = as_set(o);
  std::string name = type_name(o);
  if (so->used == 0) return str_from_utf8(name + "()");
  ReprGuard guard(o);
  if (!guard.entered()) return str_from_utf8(name + "(...)");
  std::string out;
  int64_t pos = 0;
  SetEntry* e;
  // The keys first, as CPython takes them into a list before the reprs run.
  std::vector<Object*> keys;
  while (next_entry(so, &pos, &e)) keys.push_back(newref(at<Object>(e->key)));
  bool ok = true;
  for (size_t i = 0; i < keys.size() && ok; ++i) {
    std::string r;
    ok = repr_utf8(keys[i], &r);
    if (i) out += ", ";
    out += r;
  }
  for (Object* k : keys) decref(k);
  if (!ok) return nullptr;
  if (type_of(o) == g_rt->types.set) return str_from_utf8("{" + out + "}");
  return str_from_utf8(name + "({" + out + "})");
}

int64_t set_length(Object* o) { return as_set(o)->used; }

int set_contains_slot(Object* o, Object* key) { return set_contains_key(o, key); }

Object* set_iter(Object* o) {
  auto* si = static_cast<SetIterObject*>(new_object(g_rt->types.set_iterator, sizeof(SetIterObject)));
  if (!si) return nullptr;
  si->set = addr_of(newref(o));
  si->used = as_set(o)->used;
  si->pos = 0;
  si->len = as_set(o)->used;
  gc_track(si);
  return si;
}

size_t set_size_of(Object* o) {
  SetObject* so = as_set(o);
  size_t res = type_of(o)->basicsize;
  if (so->table != addr_of(so->smalltable)) res += (size_t(so->mask) + 1) * sizeof(SetEntry);
  return res;
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

// frozenset_hash: order-independent, from every entry's hash field.
int64_t frozenset_hash(Object* o) {
  SetObject* so = as_set(o);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  SetEntry* table = table_of(so);
  for (int64_t i = 0; i <= so->mask; ++i) hash ^= shuffle_bits(uint64_t(table[i].hash));
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(uint64_t(-1));
  hash ^= (uint64_t(so->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == uint64_t(-1)) hash = 590923713ull;
  so->hash = int64_t(hash);
  return so->hash;
}

int64_t set_unhashable(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

// 1 subset, 0 not, -1 error.
int issubset(SetObject* so, SetObject* other) {
  if (so->used > other->used) return 0;
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) {
    Object* key = newref(at<Object>(e->key));
    int r = contains_entry(other, key, e->hash);
    decref(key);
    if (r <= 0) return r;
  }
  return 1;
}

Object* set_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_anyset(w)) return newref(g_rt->not_implemented);
  SetObject* a = as_set(v);
  SetObject* b = as_set(w);
  int r = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (a->used != b->used) r = 0;
      else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) r = 0;
      else r = issubset(a, b);
      if (r < 0) return nullptr;
      return bool_obj((r == 1) == (op == CompareOp::Eq));
    case CompareOp::Le: r = issubset(a, b); break;
    case CompareOp::Ge: r = issubset(b, a); break;
    case CompareOp::Lt: r = a->used >= b->used ? 0 : issubset(a, b); break;
    case CompareOp::Gt: r = a->used <= b->used ? 0 : issubset(b, a); break;
  }
  if (r < 0) return nullptr;
  return bool_obj(r == 1);
}

// ---- the algebra ----

Object* set_intersection(SetObject* so, Object* other) {
  if (so == other) return set_copy(so);
  SetObject* result = make_new_set_basetype(type_of(so), nullptr);
  if (!result) return nullptr;
  if (is_anyset(other)) {
    SetObject* a = so;
    SetObject* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(b, &pos, &e)) {
      Object* key = newref(at<Object>(e->key));
      int64_t hash = e->hash;
      int rv = contains_entry(a, key, hash);
      if (rv > 0) rv = add_entry(result, key, hash) ? -1 : 1;
      decref(key);
      if (rv < 0) {
        decref(result);
        return nullptr;
      }
    }
    return result;
  }
  Object* it = object_iter(other);
  if (!it) {
    decref(result);
    return nullptr;
  }
  while (Object* key = iter_next(it)) {
    int64_t hash = key_hash(key);
    int rv = hash == -1 ? -1 : contains_entry(so, key, hash);
    if (rv > 0) rv = add_entry(result, key, hash) ? -1 : 1;
    decref(key);
    if (rv < 0) {
      decref(it);
      decref(result);
      return nullptr;
    }
  }
  decref(it);
  if (error_occurred()) {
    decref(result);
    return nullptr;
  }
  return result;
}

int difference_update_internal(SetObject* so, Object* other) {
  if (so == other) {
    clear_internal(so);
    return 0;
  }
  if (is_anyset(other)) {
    // When other is much larger, walk only the common part.
    Object* walk = as_set(other)->used >> 3 > so->used ? set_intersection(so, other) : newref(other);
    if (!walk) return -1;
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(as_set(walk), &pos, &e)) {
      Object* key = newref(at<Object>(e->key));
      int r = discard_entry(so, key, e->hash);
      decref(key);
      if (r < 0) {
        decref(walk);
        return -1;
      }
    }
    decref(walk);
  } else {
    Object* it = object_iter(other);
    if (!it) return -1;
    while (Object* key = iter_next(it)) {
      int r = discard_key(so, key);
      decref(key);
      if (r < 0) {
        decref(it);
        return -1;
      }
    }
    decref(it);
    if (error_occurred()) return -1;
  }
  // More than a quarter dummies: rebuild.
  if (size_t(so->fill - so->used) <= size_t(so->mask) / 4) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Object* copy_and_difference(SetObject* so, Object* other) {
  Object* result = set_copy(so);
  if (!result) return nullptr;
  if (difference_update_internal(as_set(result), other) == 0) return result;
  decref(result);
  return nullptr;
}

Object* set_difference(SetObject* so, Object* other) {
  int64_t other_size;
  if (is_anyset(other)) other_size = as_set(other)->used;
  else if (type_of(other) == g_rt->types.dict) other_size = dict_size(other);
  else return copy_and_difference(so, other);
  if ((so->used >> 2) > other_size) return copy_and_difference(so, other);
  SetObject* result = make_new_set_basetype(type_of(so), nullptr);
  if (!result) return nullptr;
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) {
    Object* key = newref(at<Object>(e->key));
    int64_t hash = e->hash;
    int rv = is_anyset(other) ? contains_entry(as_set(other), key, hash) : dict_contains(other, key);
    if (rv == 0) rv = add_entry(result, key, hash) ? -1 : 0;
    decref(key);
    if (rv < 0) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

int symmetric_difference_update(SetObject* so, Object* other) {
  if (so == other) {
    clear_internal(so);
    return 0;
  }
  Object* otherset = is_anyset(other) ? newref(other) : make_new_set_basetype(type_of(so), other);
  if (!otherset) return -1;
  int64_t pos = 0;
  SetEntry* e;
  while (next_entry(as_set(otherset), &pos, &e)) {
    Object* key = newref(at<Object>(e->key));
    int64_t hash = e->hash;
    int rv = discard_entry(so, key, hash);
    if (rv == 0) rv = add_entry(so, key, hash) ? -1 : 0;
    decref(key);
    if (rv < 0) {
      decref(otherset);
      return -1;
    }
  }
  decref(otherset);
  return 0;
}

Object* set_symmetric_difference(SetObject* so, Object* other) {
  SetObject* result = make_new_set_basetype(type_of(so), other);
  if (!result) return nullptr;
  if (symmetric_difference_update(result, so) == 0) return result;
  decref(result);
  return nullptr;
}

Object* set_union_op(SetObject* so, Object* other) {
  Object* result = set_copy(so);
  if (!result || so == other) return result;
  if (update_internal(as_set(result), other) == 0) return result;
  decref(result);
  return nullptr;
}

// The operators want sets on both sides.
Object* op_or(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(g_rt->not_implemented);
  return set_union_op(as_set(a), b);
}
Object* op_and(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(g_rt->not_implemented);
  return set_intersection(as_set(a), b);
}
Object* op_sub(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(g_rt->not_implemented);
  return set_difference(as_set(a), b);
}
Object* op_xor(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(g_rt->not_implemented);
  return set_symmetric_difference(as_set(a), b);
}

// set's in-place operators mutate the left operand and return it (frozenset
// has none: `f |= x` rebinds f to a new frozenset).
Object* inplace_result(Object* self, int rv) { return rv ? nullptr : newref(self); }

Object* op_ior(Object* a, Object* b) {
  if (!is_anyset(b)) return newref(g_rt->not_implemented);
  return inplace_result(a, update_internal(as_set(a), b));
}
Object* op_iand(Object* a, Object* b) {
  if (!is_anyset(b)) return newref(g_rt->not_implemented);
  Object* tmp = set_intersection(as_set(a), b);
  if (!tmp) return nullptr;
  clear_internal(as_set(a));
  int r = merge(as_set(a), as_set(tmp));
  decref(tmp);
  return inplace_result(a, r);
}
Object* op_isub(Object* a, Object* b) {
  if (!is_anyset(b)) return newref(g_rt->not_implemented);
  return inplace_result(a, difference_update_internal(as_set(a), b));
}
Object* op_ixor(Object* a, Object* b) {
  if (!is_anyset(b)) return newref(g_rt->not_implemented);
  return inplace_result(a, symmetric_difference_update(as_set(a), b));
}

// ---- methods ----

// "set.add" or "frozenset.union": the name the messages show.
std::string qualname(Object* self, const char* name) {
  return std::string(is_frozenset(self) ? "frozenset." : "set.") + name;
}

// A method taking exactly n (0 or 1) positional arguments.
bool arity(Object* self, const char* name, size_t nargs, Object* kwnames, size_t n) {
  std::string q = qualname(self, name);
  return check_no_kwargs(q.c_str(), kwnames) && check_nargs(q.c_str(), nargs, n, n);
}

#define NO_KW(name) \
  if (!check_no_kwargs(qualname(self, name).c_str(), kwnames)) return nullptr

Object* m_add(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "add", nargs, kwnames, 1)) return nullptr;
  return set_add(self, args[0]) ? nullptr : none();
}

Object* m_discard(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "discard", nargs, kwnames, 1)) return nullptr;
  return discard_key(as_set(self), args[0]) < 0 ? nullptr : none();
}

Object* m_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "remove", nargs, kwnames, 1)) return nullptr;
  int r = discard_key(as_set(self), args[0]);
  if (r < 0) return nullptr;
  if (r == 0) return set_error_object(g_rt->types.KeyError, args[0]);
  return none();
}

Object* m_pop(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "pop", nargs, kwnames, 0)) return nullptr;
  SetObject* so = as_set(self);
  if (so->used == 0) return set_error(g_rt->types.KeyError, "pop from an empty set");
  SetEntry* table = table_of(so);
  int64_t i = so->finger & so->mask;
  while (!is_active(table[i])) {
    ++i;
    if (i > so->mask) i = 0;
  }
  Object* key = at<Object>(table[i].key);
  table[i].key = dummy();
  table[i].hash = -1;
  so->used--;
  so->finger = i + 1;
  return key;
}

Object* m_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "clear", nargs, kwnames, 0)) return nullptr;
  clear_internal(as_set(self));
  return none();
}

Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "copy", nargs, kwnames, 0)) return nullptr;
  return set_copy(self);
}

Object* m_frozenset_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "copy", nargs, kwnames, 0)) return nullptr;
  if (type_of(self) == g_rt->types.frozenset) return newref(self);
  return set_copy(self);
}

Object* m_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("update");
  for (size_t i = 0; i < nargs; ++i)
    if (update_internal(as_set(self), args[i])) return nullptr;
  return none();
}

Object* m_union(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("union");
  Object* result = set_copy(self);
  if (!result) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (update_internal(as_set(result), args[i])) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

Object* m_intersection(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("intersection");
  if (nargs == 0) return set_copy(self);
  Object* result = newref(self);
  for (size_t i = 0; i < nargs; ++i) {
    Object* next = set_intersection(as_set(result), args[i]);
    decref(result);
    if (!next) return nullptr;
    result = next;
  }
  return result;
}

Object* m_intersection_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("intersection_update");
  Object* tmp = m_intersection(self, args, nargs, nullptr);
  if (!tmp) return nullptr;
  // set_swap_bodies in CPython; the same end state: self holds tmp's keys.
  clear_internal(as_set(self));
  int r = merge(as_set(self), as_set(tmp));
  decref(tmp);
  return r ? nullptr : none();
}

Object* m_difference(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("difference");
  if (nargs == 0) return set_copy(self);
  Object* result = set_difference(as_set(self), args[0]);
  if (!result) return nullptr;
  for (size_t i = 1; i < nargs; ++i) {
    if (difference_update_internal(as_set(result), args[i])) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

Object* m_difference_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  NO_KW("difference_update");
  for (size_t i = 0; i < nargs; ++i)
    if (difference_update_internal(as_set(self), args[i])) return nullptr;
  return none();
}

Object* m_symmetric_difference(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "symmetric_difference", nargs, kwnames, 1)) return nullptr;
  return set_symmetric_difference(as_set(self), args[0]);
}

Object* m_symmetric_difference_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "symmetric_difference_update", nargs, kwnames, 1)) return nullptr;
  return symmetric_difference_update(as_set(self), args[0]) ? nullptr : none();
}

Object* m_issubset(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "issubset", nargs, kwnames, 1)) return nullptr;
  Object* other = is_anyset(args[0]) ? newref(args[0]) : make_new_set(g_rt->types.set, args[0]);
  if (!other) return nullptr;
  int r = issubset(as_set(self), as_set(other));
  decref(other);
  return r < 0 ? nullptr : bool_obj(r);
}

Object* m_issuperset(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "issuperset", nargs, kwnames, 1)) return nullptr;
  if (is_anyset(args[0])) {
    int r = issubset(as_set(args[0]), as_set(self));
    return r < 0 ? nullptr : bool_obj(r);
  }
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  while (Object* key = iter_next(it)) {
    int r = set_contains_key(self, key);
    decref(key);
    if (r <= 0) {
      decref(it);
      return r < 0 ? nullptr : bool_obj(false);
    }
  }
  decref(it);
  return error_occurred() ? nullptr : bool_obj(true);
}

Object* m_isdisjoint(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "isdisjoint", nargs, kwnames, 1)) return nullptr;
  Object* other = args[0];
  if (other == self) return bool_obj(as_set(self)->used == 0);
  if (is_anyset(other)) {
    SetObject* a = as_set(self);
    SetObject* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    SetEntry* e;
    while (next_entry(b, &pos, &e)) {
      Object* key = newref(at<Object>(e->key));
      int r = contains_entry(a, key, e->hash);
      decref(key);
      if (r) return r < 0 ? nullptr : bool_obj(false);
    }
    return bool_obj(true);
  }
  Object* it = object_iter(other);
  if (!it) return nullptr;
  while (Object* key = iter_next(it)) {
    int r = set_contains_key(self, key);
    decref(key);
    if (r) {
      decref(it);
      return r < 0 ? nullptr : bool_obj(false);
    }
  }
  decref(it);
  return error_occurred() ? nullptr : bool_obj(true);
}

#undef NO_KW

const NativeFunctionDef kSetMethods[] = {
    {"add", m_add},
    {"discard", m_discard},
    {"remove", m_remove},
    {"pop", m_pop},
    {"clear", m_clear},
    {"copy", m_copy},
    {"update", m_update},
    {"union", m_union},
    {"intersection", m_intersection},
    {"intersection_update", m_intersection_update},
    {"difference", m_difference},
    {"difference_update", m_difference_update},
    {"symmetric_difference", m_symmetric_difference},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
};

const NativeFunctionDef kFrozenSetMethods[] = {
    {"copy", m_frozenset_copy},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
};

Object* set_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(type_name(type), kwnames) || !check_nargs(type_name(type), nargs, 0, 1)) return nullptr;
  SetObject* so = make_new_set(type, nullptr);
  if (so && nargs && update_internal(so, args[0])) {
    decref(so);
    return nullptr;
  }
  return so;
}

Object* frozenset_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(type_name(type), kwnames) || !check_nargs(type_name(type), nargs, 0, 1)) return nullptr;
  if (type == g_rt->types.frozenset && nargs && type_of(args[0]) == g_rt->types.frozenset) return newref(args[0]);
  return make_new_set(type, nargs ? args[0] : nullptr);
}

// set.__new__ makes an empty set; set.__init__ fills it, emptying it first.
Object* set_new_instance(TypeObject* type, Object* const*, size_t, Object* kwnames) {
  if (type == g_rt->types.set && !check_no_kwargs("set", kwnames)) return nullptr;
  return make_new_set(type, nullptr);
}

int set_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("set", kwnames) || !check_nargs(type_name(self), nargs, 0, 1)) return -1;
  SetObject* so = as_set(self);
  if (so->fill) clear_internal(so);
  so->hash = -1;
  return nargs ? update_internal(so, args[0]) : 0;
}

// ---- set_iterator ----

Object* iter_self(Object* o) { return newref(o); }

Object* setiter_next(Object* o) {
  auto* si = static_cast<SetIterObject*>(o);
  if (!si->set) return nullptr;
  SetObject* so = at<SetObject>(si->set);
  if (si->used != so->used) {
    set_error(g_rt->types.RuntimeError, "Set changed size during iteration");
    si->used = -1;  // sticky
    return nullptr;
  }
  int64_t i = si->pos;
  SetEntry* table = table_of(so);
  while (i <= so->mask && !is_active(table[i])) ++i;
  si->pos = i + 1;
  if (i > so->mask) {
    si->set = 0;
    decref(so);
    return nullptr;
  }
  si->len--;
  return newref(at<Object>(table[i].key));
}

void setiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* si = static_cast<SetIterObject*>(o);
  Object* so = at<Object>(si->set);
  si->set = 0;
  xdecref(so);
  free_object(o);
}

void setiter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* si = static_cast<SetIterObject*>(o);
  if (si->set) visit(at<Object>(si->set), arg);
}

// __length_hint__: the keys left while the set keeps its size, else 0.
Object* setiter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("set_iterator.__length_hint__", kwnames) ||
      !check_nargs("set_iterator.__length_hint__", nargs, 0, 0))
    return nullptr;
  auto* si = static_cast<SetIterObject*>(self);
  bool live = si->set && si->used == at<SetObject>(si->set)->used;
  return int_from_i64(live ? si->len : 0);
}

const NativeFunctionDef kSetIterMethods[] = {{"__length_hint__", setiter_length_hint}};

TypeSlots set_slots, frozenset_slots, setiter_slots;

void fill_common(TypeSlots& s, const char* name) {
  s.name = name;
  s.dealloc = set_dealloc;
  s.traverse = set_traverse;
  s.clear = set_clear_slot;
  s.repr = set_repr;
  s.richcompare = set_richcompare;
  s.length = set_length;
  s.contains = set_contains_slot;
  s.iter = set_iter;
  s.size_of = set_size_of;
  s.number[size_t(BinaryOp::Or)] = op_or;
  s.number[size_t(BinaryOp::And)] = op_and;
  s.number[size_t(BinaryOp::Subtract)] = op_sub;
  s.number[size_t(BinaryOp::Xor)] = op_xor;
}

}  // namespace

bool is_anyset(const Object* o) {
  return is_instance(o, g_rt->types.set) || is_instance(o, g_rt->types.frozenset);
}
bool is_frozenset(const Object* o) { return is_instance(o, g_rt->types.frozenset); }

Object* set_new(Object* iterable) { return make_new_set(g_rt->types.set, iterable); }
Object* frozenset_new(Object* iterable) { return make_new_set(g_rt->types.frozenset, iterable); }

int set_add(Object* set, Object* key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return add_entry(as_set(set), key, hash);
}

int set_contains_key(Object* set, Object* key) {
  return with_hashable_key(key, [&](Object* k, int64_t h) { return contains_entry(as_set(set), k, h); });
}

void init_set_type() {
  g_rt->set_dummy = new_static_object(g_rt->types.object, sizeof(Object));
  for (TypeObject* t : {g_rt->types.set, g_rt->types.frozenset}) t->weaklistoffset = int64_t(sizeof(SetObject) - sizeof(Addr));  // weakreflist, the last field

  fill_common(set_slots, "set");
  set_slots.hash = set_unhashable;
  set_slots.construct = set_construct;
  set_slots.new_instance = set_new_instance;
  set_slots.init = set_init;
  set_slots.inplace_number[size_t(BinaryOp::Or)] = op_ior;
  set_slots.inplace_number[size_t(BinaryOp::And)] = op_iand;
  set_slots.inplace_number[size_t(BinaryOp::Subtract)] = op_isub;
  set_slots.inplace_number[size_t(BinaryOp::Xor)] = op_ixor;
  register_type_slots(g_rt->types.set, &set_slots);
  add_methods(g_rt->types.set, kSetMethods, std::size(kSetMethods));

  fill_common(frozenset_slots, "frozenset");
  frozenset_slots.hash = frozenset_hash;
  frozenset_slots.construct = frozenset_construct;
  frozenset_slots.new_instance = frozenset_construct;
  register_type_slots(g_rt->types.frozenset, &frozenset_slots);
  add_methods(g_rt->types.frozenset, kFrozenSetMethods, std::size(kFrozenSetMethods));

  TypeSlots& i = setiter_slots;
  i.name = "set_iterator";
  i.dealloc = setiter_dealloc;
  i.traverse = setiter_traverse;
  i.iter = iter_self;
  i.iternext = setiter_next;
  register_type_slots(g_rt->types.set_iterator, &setiter_slots);
  add_methods(g_rt->types.set_iterator, kSetIterMethods, std::size(kSetIterMethods));
}

}  // namespace heaplab
