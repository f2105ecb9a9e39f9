// The arena view's hover data: which blocks of the pymalloc pools are in
// use, and for one pool, the object each used block holds (see FORMAT.md).
#pragma once

#include <string>
#include <vector>

#include "core/memory/heap.h"

namespace heaplab {

class Interpreter;

// Every pymalloc block in use, by address (ascending).
std::vector<memory::Addr> used_blocks(const memory::Heap& heap);

// The used blocks of the pool at `pool_address`, each with the object that
// starts in it (or null for a block that holds no object: a list's item
// array, a dict's keys). "error" when no used pool is there.
std::string pool_json(const Interpreter& interp, memory::Addr pool_address, size_t max_repr = 60);

}  // namespace heaplab
