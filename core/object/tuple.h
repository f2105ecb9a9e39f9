// tuple: PyTupleObject, a GC var-object with its items inline.
#pragma once

#include <cstddef>

#include "core/object/object.h"

namespace heaplab {

struct TupleObject : VarObject {
  Addr items[1];
};

constexpr size_t kTupleHeaderSize = sizeof(VarObject);  // 24

inline Object* tuple_item(const TupleObject* t, int64_t i) { return at<Object>(t->items[i]); }
inline int64_t tuple_size(const TupleObject* t) { return t->size; }

bool is_tuple(const Object* o);
// A tuple of `n` items, all NULL: the caller fills them (stealing references)
// with tuple_set_item before the tuple is used. `()` is the static singleton.
TupleObject* tuple_new(int64_t n);
inline void tuple_set_item(TupleObject* t, int64_t i, Object* v) { t->items[i] = addr_of(v); }
// A tuple of new references to `items`.
Object* tuple_from_array(Object* const* items, size_t n);

// _PyTuple_MaybeUntrack: the collector stops tracking an exact tuple whose
// items cannot be part of a cycle.
void tuple_maybe_untrack(Object* o);

void init_tuple_type();
void init_static_tuples();
void tuple_clear_free_lists();

}  // namespace heaplab
