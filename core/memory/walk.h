// Plain descriptions of the region's units, the arenas with their pools, and
// the raw chunks, for the views and the snapshot JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/memory/domain.h"
#include "core/memory/pool_allocator.h"
#include "core/memory/raw_allocator.h"
#include "core/memory/region.h"

namespace heaplab::memory {

struct UnitView {
  Addr address;
  UnitKind kind;  // never Free: only mapped units are listed
};

struct PoolView {
  Addr address;
  bool unused;     // on the arena's freepools, or never carved
  uint32_t szidx;  // the rest is meaningful only for used and full pools
  uint32_t block_size;
  uint32_t used;      // blocks in use
  uint32_t capacity;  // blocks the pool holds
};

struct ArenaView {
  uint32_t index;  // in the arena-object array
  Addr address;
  uint32_t free_pools;
  uint32_t total_pools;
  std::vector<PoolView> pools;  // every pool of the arena, by address
};

struct RawChunkView {
  Addr address;  // of the payload, as handed out
  size_t size;   // payload bytes
  bool used;
  Domain domain;   // meaningful for used chunks
  bool dedicated;  // alone in its own segment
};

std::vector<UnitView> walk_units(const Region& region);
std::vector<ArenaView> walk_arenas(const PoolAllocator& pool);
std::vector<RawChunkView> walk_raw_chunks(const RawAllocator& raw);

}  // namespace heaplab::memory
