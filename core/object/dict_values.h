// PyDictValues: the values array of a split-table dict (and of an instance
// whose __dict__ was never asked for), laid out as CPython 3.12's.
//
// One PyMem block: a prefix of round_up(size + 2, 8) bytes, then `size`
// 8-byte value slots (region offsets, 0 for "no value"). A values Addr points
// at the first slot; the prefix is read backwards from there:
//
//   byte [-1]       the prefix size
//   byte [-2]       how many values are present (n)
//   bytes [-3-i]    the slot index of the i-th value in insertion order, i < n
//
// The slot capacity is not stored: as in 3.12 it is the shared keys'
// usable size at the time the array was made, which never shrinks below
// what later insertions need (shared_keys_usable_size only decreases).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

// new_values: every slot empty, no order recorded. 0 with MemoryError set
// when the region is exhausted.
Addr values_new(size_t size);
// free_values: the block only (the values' references are the caller's).
void values_free(Addr values);
// A copy of the prefix and the slots of `src` (which holds `size` slots),
// taking a new reference to each value; 0 with MemoryError set on failure.
Addr values_copy(Addr src, size_t size);

inline Addr* values_slots(Addr values) { return at<Addr>(values); }
inline Object* values_get(Addr values, int64_t ix) { return at<Object>(values_slots(values)[ix]); }

// The insertion-order prefix.
inline uint8_t* values_prefix_end(Addr values) { return g_region_base + values; }
inline int64_t values_order_size(Addr values) { return values_prefix_end(values)[-2]; }
// The slot of the i-th value in insertion order (get_index_from_order).
inline int64_t values_order_at(Addr values, int64_t i) { return values_prefix_end(values)[-3 - i]; }
// _PyDictValues_AddToInsertionOrder: slot `ix` just received a value.
void values_order_append(Addr values, int64_t ix);
// delete_index_from_values: slot `ix` lost its value.
void values_order_remove(Addr values, int64_t ix);

}  // namespace heaplab
