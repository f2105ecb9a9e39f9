// slice: PySliceObject (start, stop, step; 40 bytes, a GC type), the index
// arithmetic every sequence's subscript shares (PySlice_Unpack and
// PySlice_AdjustIndices), and 3.12's one-object slice cache.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

struct SliceObject : Object {
  Ref<Object> start;
  Ref<Object> stop;
  Ref<Object> step;
};
static_assert(sizeof(SliceObject) == 40);

bool is_slice(const Object* o);
// slice(start, stop, step); nullptr arguments mean None. New reference.
Object* slice_new(Object* start, Object* stop, Object* step);

// The indices a slice selects in a sequence of `length` items, clamped as
// CPython does; false with the exception set (a zero step, bad index types).
struct SliceIndices {
  int64_t start, stop, step, length;
};
bool slice_indices(Object* slice, int64_t length, SliceIndices* out);

void init_slice_type();

}  // namespace heaplab
