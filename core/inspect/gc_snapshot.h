// The "gc" object of the session snapshot: the generations (count,
// threshold, tracked objects), the per-generation statistics, and the last
// collections step by step, as JSON. Addresses are region offsets, as in
// the "memory" object.
#pragma once

#include <string>

namespace heaplab {

// Of the active runtime (g_rt).
std::string gc_events_json();

}  // namespace heaplab
