// array.array (CPython 3.12's Modules/arraymodule.c): a 64-byte GC object
// whose items are packed C values in a PyMem block, grown by array_resize's
// mild over-allocation (newsize/16 + 3 or 7), and its iterator (40 bytes).
// CPython makes this module's types heap types, whose traverse visits the
// type first; heaplab's are static (immortal) types, and traverse visits
// them all the same, so gc.get_referents lists what CPython's does.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

struct ArrayObject : VarObject {
  Addr ob_item;       // `allocated` items of the typecode's size
  int64_t allocated;
  uint64_t typecode;  // ob_descr: the typecode character here
  Ref<Object> weakreflist;
  int64_t ob_exports;  // exported buffers: always 0 (heaplab has no buffer protocol)
};
static_assert(sizeof(ArrayObject) == 64);

void init_array_types();

}  // namespace heaplab
