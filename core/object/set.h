// set and frozenset: 3.12's PySetObject (200 bytes, a GC type): fill, used,
// mask, the table (the inline smalltable of 8 entries until it grows into a
// PyMem block), the frozenset hash cache, the pop finger, the weakref list.
// Probing is setobject.c's: 9 linear probes, then perturbed jumps.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

struct SetEntry {
  Addr key;  // 0 unused; the runtime's set_dummy after a deletion
  int64_t hash;
};

constexpr int kSetMinSize = 8;  // PySet_MINSIZE

struct SetObject : Object {
  int64_t fill;  // active + dummy entries
  int64_t used;  // active entries
  int64_t mask;  // table size - 1
  Addr table;    // the smalltable below, or a PyMem block
  int64_t hash;  // frozenset only; -1 until computed
  int64_t finger;
  SetEntry smalltable[kSetMinSize];
  Addr weakreflist;
};
static_assert(sizeof(SetObject) == 200);

bool is_anyset(const Object* o);  // set, frozenset or a subclass
bool is_frozenset(const Object* o);
// set() or frozenset() of the items of `iterable` (nullptr: empty). New reference.
Object* set_new(Object* iterable);
Object* frozenset_new(Object* iterable);
int set_add(Object* set, Object* key);  // 0 / -1
int set_contains_key(Object* set, Object* key);  // 1 / 0 / -1

void init_set_type();

}  // namespace heaplab
