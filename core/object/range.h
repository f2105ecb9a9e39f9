// range: rangeobject (start, stop, step and length as int objects; 48 bytes,
// not a GC type) and its iterators: range_iterator (C longs, 40 bytes) when
// everything fits in 64 bits, longrange_iterator (int objects) otherwise.
#pragma once

#include "core/object/object.h"

namespace heaplab {

struct RangeObject : Object {
  Ref<Object> start;
  Ref<Object> stop;
  Ref<Object> step;
  Ref<Object> length;
};
static_assert(sizeof(RangeObject) == 48);

struct RangeIterObject : Object {
  int64_t start;
  int64_t step;
  int64_t len;
};
static_assert(sizeof(RangeIterObject) == 40);

struct LongRangeIterObject : Object {
  Ref<Object> start;
  Ref<Object> step;
  Ref<Object> len;
};
static_assert(sizeof(LongRangeIterObject) == 40);

bool is_range(const Object* o);
// reversed(range), as range.__reversed__.
Object* range_reversed_iter(Object* range);

void init_range_type();

}  // namespace heaplab
