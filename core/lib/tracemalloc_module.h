// The C level of tracemalloc: the `_tracemalloc` module over the heap's
// Tracer. Lib/tracemalloc.py's classes are heaplab's own Python
// (core/lib/python/tracemalloc.py).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_tracemalloc_c_module();

}  // namespace heaplab
