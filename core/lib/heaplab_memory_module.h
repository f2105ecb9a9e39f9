// _heaplab_memory: the numbers of heaplab's own memory region, for the
// simulated psutil (core/lib/python/psutil.py).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_heaplab_memory_module();

}  // namespace heaplab
