// The "memory" object of the session snapshot: the region's mapped units, every
// arena with its pools, the raw chunks and the allocator statistics, as JSON.
// Addresses are region offsets; numbers are JSON numbers.
#pragma once

#include <string>

#include "core/memory/heap.h"

namespace heaplab {

std::string arena_snapshot_json(const memory::Heap& heap);

}  // namespace heaplab
