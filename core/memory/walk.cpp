#include "core/memory/walk.h"

#include <utility>

namespace heaplab::memory {

std::vector<UnitView> walk_units(const Region& region) {
  std::vector<UnitView> units;
  for (size_t u = 0; u < region.unit_count(); ++u) {
    if (region.unit_kind(u) != UnitKind::Free) units.push_back({Addr(u) << kUnitBits, region.unit_kind(u)});
  }
  return units;
}

std::vector<ArenaView> walk_arenas(const PoolAllocator& pool) {
  std::vector<ArenaView> arenas;
  const std::vector<ArenaObject>& objects = pool.arena_objects();
  for (uint32_t i = 0; i < objects.size(); ++i) {
    const ArenaObject& ao = objects[i];
    if (ao.address == 0) continue;
    ArenaView view{i, ao.address, ao.nfreepools, ao.ntotalpools, {}};
    view.pools.reserve(ao.ntotalpools);
    for (uint32_t k = 0; k < ao.ntotalpools; ++k) {
      Addr p = ao.address + Addr(k) * kPoolSize;
      const PoolHeader* ph = pool.header(p);
      if (p >= ao.pool_address || ph->ref_count == 0) {
        view.pools.push_back({p, true, 0, 0, 0, 0});
      } else {
        view.pools.push_back(
            {p, false, ph->szidx, class_block_size(ph->szidx), ph->ref_count, blocks_per_pool(ph->szidx)});
      }
    }
    arenas.push_back(std::move(view));
  }
  return arenas;
}

std::vector<RawChunkView> walk_raw_chunks(const RawAllocator& raw) {
  std::vector<RawChunkView> chunks;
  for (const auto& [start, segment] : raw.segments()) {
    const Addr fence = start + segment.units * kUnitSize - kRawHeaderSize;
    for (Addr c = start; c < fence; c += raw.chunk_size(c)) {
      const bool used = raw.chunk_used(c);
      const Domain domain = used ? raw.domain_of(c + kRawHeaderSize) : Domain::Raw;
      chunks.push_back({c + kRawHeaderSize, raw.chunk_size(c) - kRawHeaderSize, used, domain, segment.dedicated});
    }
  }
  return chunks;
}

}  // namespace heaplab::memory
