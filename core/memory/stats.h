// Allocator statistics with the meaning of sys._debugmallocstats(), plus the
// raw allocator's totals.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "core/memory/pool_allocator.h"
#include "core/memory/raw_allocator.h"

namespace heaplab::memory {

struct SizeClassStats {
  size_t pools = 0;  // used and full pools of the class
  size_t blocks_in_use = 0;
  size_t available_blocks = 0;  // free blocks of those pools, carved or not
};

struct MallocStats {
  std::array<SizeClassStats, kNumSizeClasses> classes{};
  size_t arenas_allocated_total = 0;
  size_t arenas_reclaimed = 0;
  size_t arenas_highwater = 0;
  size_t arenas_current = 0;
  size_t allocated_blocks = 0;  // sys.getallocatedblocks()
  size_t bytes_in_allocated_blocks = 0;
  size_t bytes_in_available_blocks = 0;
  size_t unused_pools = 0;  // free pools plus never-carved pools
  size_t bytes_in_pool_headers = 0;
  size_t quantization = 0;     // unusable tails of used and full pools
  size_t arena_alignment = 0;  // always 0 here: arenas are unit-aligned
  size_t raw_blocks = 0;       // live raw blocks of every domain
  size_t raw_bytes_used = 0;   // chunk bytes, headers included
  size_t raw_bytes_free = 0;
  size_t raw_segments = 0;
  size_t raw_units = 0;
};

MallocStats collect_malloc_stats(const PoolAllocator& pool, const RawAllocator& raw);

// The obmalloc section of 3.12's sys._debugmallocstats() output: the class
// table, the arena totals, the accounting of arena bytes, and the arena-map
// block. heaplab has no radix tree (an offset's unit kind answers "is this
// pymalloc memory?"), so that last block shows what 3.12 on x86-64 prints for a
// heap whose arenas share one leaf of its tree.
std::string format_debug_malloc_stats(const MallocStats& stats);

// One line of sys._debugmallocstats() (CPython's printone): the label padded
// to 35 columns, '=', the value with thousands separators in 21 columns.
void print_stat_line(std::string& out, const std::string& label, size_t value);

}  // namespace heaplab::memory
