// Which generation list each tracked object is on, read from the GC lists
// (0..2, and 3 for the permanent generation of gc.freeze()).
#pragma once

#include <unordered_map>

#include "core/object/object.h"

namespace heaplab {

constexpr int kPermanentGeneration = 3;

// Of the active runtime (g_rt).
std::unordered_map<Object*, int> gc_generation_map();

}  // namespace heaplab
