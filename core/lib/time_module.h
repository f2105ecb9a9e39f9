// The time module: clocks (perf_counter, monotonic, time, process_time) and
// sleep, which yields the VM instead of blocking the page.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_time_module();

}  // namespace heaplab
