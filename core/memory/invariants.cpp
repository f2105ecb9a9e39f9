// Heap::check_invariants(): a full walk of both allocators and the region,
// compared with every list, counter and flag they keep. Slow; for tests and
// for the CLI's heap audit.
#include <string>
#include <unordered_set>
#include <vector>

#include "core/memory/heap.h"

namespace heaplab::memory {

namespace {

std::string hex(Addr a) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), digits[a & 15]);
    a >>= 4;
  } while (a != 0);
  return "0x" + s;
}

class Problems {
 public:
  void add(std::string message) { list_.push_back(std::move(message)); }
  std::vector<std::string> take() { return std::move(list_); }

 private:
  std::vector<std::string> list_;
};

// Records `message`, built only on failure, when `condition` is false, and
// yields the condition. Expects a `Problems& out` in scope.
#define EXPECT(condition, message) ((condition) ? true : (out.add(message), false))

bool is_pool_in_region(const PoolAllocator& pa, Addr pool) {
  return pool % kPoolSize == 0 && pa.region().kind_at(pool) == UnitKind::Arena;
}

// One carved pool: its blocks are each in use, on the freeblock chain, or past
// nextoffset, exactly once. Returns the chain length, or -1 if broken.
long check_pool_blocks(const PoolAllocator& pa, Addr pool, Problems& out) {
  const PoolHeader* ph = pa.header(pool);
  auto where = [pool] { return "pool " + hex(pool) + ": "; };
  if (!EXPECT(ph->szidx < kNumSizeClasses, where() + "bad size class " + std::to_string(ph->szidx))) return -1;
  const uint32_t size = class_block_size(ph->szidx);
  const uint32_t capacity = blocks_per_pool(ph->szidx);
  if (!EXPECT(ph->maxnextoffset == kPoolSize - size, where() + "maxnextoffset does not match the size class") ||
      !EXPECT(ph->nextoffset >= kPoolOverhead + 2 * size && (ph->nextoffset - kPoolOverhead) % size == 0 &&
                  ph->nextoffset <= ph->maxnextoffset + size,
              where() + "bad nextoffset " + std::to_string(ph->nextoffset))) {
    return -1;
  }
  std::vector<bool> seen(capacity, false);
  long chain = 0;
  for (Addr b = ph->freeblock; b != 0; b = pa.region().load_u64(b)) {
    const Addr offset = b - pool;
    if (!EXPECT(b > pool && offset >= kPoolOverhead && (offset - kPoolOverhead) % size == 0 && offset < ph->nextoffset,
                where() + "free block " + hex(b) + " is not a carved block of the pool")) {
      return -1;
    }
    const size_t k = (offset - kPoolOverhead) / size;
    if (!EXPECT(!seen[k], where() + "free block " + hex(b) + " is on the chain twice")) return -1;
    seen[k] = true;
    ++chain;
  }
  const uint32_t carved = (ph->nextoffset - kPoolOverhead) / size;
  EXPECT(ph->ref_count + chain == carved, where() + std::to_string(ph->ref_count) + " blocks in use + " +
                                              std::to_string(chain) + " on the chain != " + std::to_string(carved) +
                                              " carved");
  EXPECT(carved <= capacity, where() + "more blocks carved than the pool holds");
  return chain;
}

void check_pools(const PoolAllocator& pa, Problems& out) {
  const std::vector<ArenaObject>& arenas = pa.arena_objects();
  const size_t n = arenas.size();

  // unused_arena_objects: exactly the objects without an arena.
  std::vector<bool> unused(n, false);
  size_t steps = 0;
  for (uint32_t i = pa.unused_arena_objects(); i != kNoArena; i = arenas[i].nextarena) {
    if (!EXPECT(i < n && !unused[i] && ++steps <= n, "unused_arena_objects is broken")) break;
    unused[i] = true;
  }

  // What the arena walk found for each pool (arena index * 64 + pool number),
  // ticked off while walking freepools and usedpools.
  enum : uint8_t { kOther, kEmpty, kNotFull, kListed };
  std::vector<uint8_t> pool_state(n * kPoolsPerArena, kOther);
  auto slot = [](uint32_t arena, Addr pool) {
    return size_t(arena) * kPoolsPerArena + (pool % kArenaSize) / kPoolSize;
  };
  std::vector<size_t> not_full(kNumSizeClasses, 0);
  size_t blocks = 0;
  size_t associated = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const ArenaObject& ao = arenas[i];
    auto where = [i] { return "arena " + std::to_string(i) + ": "; };
    EXPECT((ao.address == 0) == unused[i], where() + "on unused_arena_objects iff it has no arena");
    if (ao.address == 0) continue;
    ++associated;
    if (!EXPECT(ao.address % kArenaSize == 0 && pa.region().kind_at(ao.address) == UnitKind::Arena,
                where() + "address " + hex(ao.address) + " is not an arena unit") ||
        !EXPECT(ao.pool_address >= ao.address && ao.pool_address <= ao.address + kArenaSize &&
                    ao.pool_address % kPoolSize == 0,
                where() + "bad pool_address") ||
        !EXPECT(ao.ntotalpools == kPoolsPerArena, where() + "ntotalpools is not 64")) {
      continue;
    }
    size_t empty = 0;
    for (Addr p = ao.address; p < ao.pool_address; p += kPoolSize) {
      const PoolHeader* ph = pa.header(p);
      EXPECT(ph->arenaindex == i, "pool " + hex(p) + ": arenaindex " + std::to_string(ph->arenaindex));
      blocks += ph->ref_count;
      if (ph->ref_count == 0) {
        pool_state[slot(i, p)] = kEmpty;
        ++empty;
        if (ph->szidx != kDummySizeIndex) check_pool_blocks(pa, p, out);
        continue;
      }
      long chain = check_pool_blocks(pa, p, out);
      if (chain < 0) continue;
      const bool full = ph->ref_count == blocks_per_pool(ph->szidx);
      EXPECT(full == (ph->freeblock == 0), "pool " + hex(p) + ": empty chain iff full");
      if (!full) {
        pool_state[slot(i, p)] = kNotFull;
        ++not_full[ph->szidx];
      }
    }
    // freepools holds exactly the empty carved pools.
    size_t listed = 0;
    for (Addr p = ao.freepools; p != 0; p = pa.header(p)->nextpool) {
      const bool ok = p >= ao.address && p < ao.pool_address && p % kPoolSize == 0 && pool_state[slot(i, p)] == kEmpty;
      if (!EXPECT(ok, where() + "freepools holds " + hex(p) + ", not an empty pool of the arena (or twice)")) break;
      pool_state[slot(i, p)] = kListed;
      --empty;
      ++listed;
    }
    EXPECT(empty == 0, where() + std::to_string(empty) + " empty pools missing from freepools");
    const size_t uncarved = (ao.address + kArenaSize - ao.pool_address) / kPoolSize;
    EXPECT(ao.nfreepools == listed + uncarved, where() + "nfreepools " + std::to_string(ao.nfreepools) +
                                                   " != " + std::to_string(listed) + " free + " +
                                                   std::to_string(uncarved) + " uncarved");
  }
  EXPECT(blocks == pa.blocks_in_use(),
         "pool ref counts sum to " + std::to_string(blocks) + ", counter says " + std::to_string(pa.blocks_in_use()));
  EXPECT(associated == pa.arenas_current(), "arenas_current disagrees with the arena objects");
  EXPECT(pa.arenas_highwater() >= pa.arenas_current() && pa.arenas_allocated_total() >= pa.arenas_highwater(),
         "arena counters out of order");

  // usedpools[c]: exactly the partly used pools of class c (pool_is_in_list).
  for (uint32_t c = 0; c < kNumSizeClasses; ++c) {
    Addr prev = 0;
    size_t steps_in_list = 0;
    for (Addr p = pa.usedpools_head(c); p != 0; prev = p, p = pa.header(p)->nextpool) {
      if (!EXPECT(is_pool_in_region(pa, p) && ++steps_in_list <= pa.arenas_current() * kPoolsPerArena,
                  "usedpools[" + std::to_string(c) + "]: list is broken at " + hex(p)))
        break;
      EXPECT(pa.header(p)->prevpool == prev,
             "usedpools[" + std::to_string(c) + "]: prevpool of " + hex(p) + " is wrong");
      const PoolHeader* ph = pa.header(p);
      const bool ok = ph->arenaindex < n && ph->szidx == c && pool_state[slot(ph->arenaindex, p)] == kNotFull;
      if (!EXPECT(ok, "usedpools[" + std::to_string(c) + "]: " + hex(p) +
                          " is not a partly used pool of the class (or twice)"))
        break;
      pool_state[slot(ph->arenaindex, p)] = kListed;
      --not_full[c];
    }
    EXPECT(not_full[c] == 0,
           "usedpools[" + std::to_string(c) + "] misses " + std::to_string(not_full[c]) + " partly used pools");
  }

  // usable_arenas: the arenas with a free pool, sorted by nfreepools, with
  // nfp2lasta pointing at the last arena of each count.
  std::vector<uint32_t> last_with(kPoolsPerArena + 1, kNoArena);
  std::vector<bool> usable(n, false);
  uint32_t prev = kNoArena;
  steps = 0;
  for (uint32_t i = pa.usable_arenas(); i != kNoArena; prev = i, i = arenas[i].nextarena) {
    if (!EXPECT(i < n && !usable[i] && ++steps <= n, "usable_arenas is broken")) break;
    usable[i] = true;
    const ArenaObject& ao = arenas[i];
    EXPECT(ao.address != 0 && ao.nfreepools > 0,
           "usable_arenas holds arena " + std::to_string(i) + " without a free pool");
    EXPECT(ao.prevarena == prev, "usable_arenas: prevarena of " + std::to_string(i) + " is wrong");
    EXPECT(prev == kNoArena || arenas[prev].nfreepools <= ao.nfreepools, "usable_arenas is not sorted");
    if (ao.nfreepools <= kPoolsPerArena) last_with[ao.nfreepools] = i;
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (arenas[i].address != 0) {
      EXPECT(usable[i] == (arenas[i].nfreepools > 0),
             "arena " + std::to_string(i) + ": in usable_arenas iff it has a free pool");
    }
  }
  for (uint32_t k = 0; k <= kPoolsPerArena; ++k) {
    EXPECT(pa.last_usable_arena_with(k) == last_with[k], "nfp2lasta[" + std::to_string(k) + "] is wrong");
  }
}

void check_raw(const RawAllocator& raw, Problems& out) {
  const Region& region = raw.region();
  std::unordered_set<Addr> free_chunks;
  size_t used_bytes = 0, free_bytes = 0;
  size_t blocks[3] = {0, 0, 0};
  for (const auto& [start, segment] : raw.segments()) {
    auto where = [start = start] { return "raw segment " + hex(start) + ": "; };
    bool units_ok = start % kUnitSize == 0 && segment.units > 0;
    for (size_t u = 0; units_ok && u < segment.units; ++u) {
      units_ok = region.kind_at(start + u * kUnitSize) == UnitKind::Raw;
    }
    if (!EXPECT(units_ok, where() + "its units are not raw units of the region")) continue;
    EXPECT(segment.dedicated || segment.units == 1, where() + "a normal segment is one unit");
    const Addr fence = start + segment.units * kUnitSize - kRawHeaderSize;
    bool prev_used = true;
    size_t prev_size = 0;
    size_t chunks = 0;
    Addr c = start;
    for (; c < fence; c += raw.chunk_size(c)) {
      const size_t size = raw.chunk_size(c);
      if (!EXPECT(size >= kRawMinChunk && c + size <= fence,
                  "raw chunk " + hex(c) + ": " + "bad size " + std::to_string(size)))
        break;
      ++chunks;
      EXPECT(raw.chunk_prev_used(c) == prev_used, "raw chunk " + hex(c) + ": " + "prev-used flag is wrong");
      if (!prev_used)
        EXPECT(raw.chunk_prev_size(c) == prev_size,
               "raw chunk " + hex(c) + ": " + "boundary tag of the previous chunk is wrong");
      if (raw.chunk_used(c)) {
        const unsigned d = unsigned(raw.domain_of(c + kRawHeaderSize));
        if (EXPECT(d < 3, "raw chunk " + hex(c) + ": " + "bad domain")) ++blocks[d];
        used_bytes += size;
      } else {
        EXPECT(prev_used, "raw chunk " + hex(c) + ": " + "two free chunks side by side (not coalesced)");
        free_chunks.insert(c);
        free_bytes += size;
      }
      prev_used = raw.chunk_used(c);
      prev_size = size;
    }
    if (!EXPECT(c == fence, where() + "chunks do not tile the segment")) continue;
    EXPECT(raw.chunk_size(fence) == 0 && raw.chunk_used(fence), where() + "fence is damaged");
    EXPECT(raw.chunk_prev_used(fence) == prev_used, where() + "fence's prev-used flag is wrong");
    if (!prev_used) EXPECT(raw.chunk_prev_size(fence) == prev_size, where() + "fence's boundary tag is wrong");
    if (segment.dedicated) {
      EXPECT(chunks == 1 && raw.chunk_used(start), where() + "a dedicated segment holds one used chunk");
    } else if (chunks == 1 && !raw.chunk_used(start)) {
      EXPECT(raw.kept_empty_segment() == start, where() + "entirely free but not the kept segment");
    }
  }
  EXPECT(raw.kept_empty_segment() == 0 || free_chunks.count(raw.kept_empty_segment()) == 1,
         "the kept empty segment is not free");

  // Every free chunk is on exactly one list, the one of its bin.
  for (unsigned f = 0; f < RawAllocator::kFirstLevelCount; ++f) {
    bool any = false;
    for (unsigned s = 0; s < RawAllocator::kSecondLevelCount; ++s) {
      Addr prev = 0;
      const Addr head = raw.free_list_head(f, s);
      any = any || head != 0;
      EXPECT((head != 0) == bool(raw.second_level_bitmap(f) & (1u << s)),
             "raw bin " + std::to_string(f) + "/" + std::to_string(s) + ": bitmap disagrees with the list");
      for (Addr c = head; c != 0; prev = c, c = raw.next_free(c)) {
        if (!EXPECT(free_chunks.erase(c) == 1, "raw free list holds " + hex(c) + ", not a free chunk (or twice)"))
          break;
        const RawAllocator::Bin b = RawAllocator::bin_of(raw.chunk_size(c));
        EXPECT(b.first == f && b.second == s, "raw chunk " + hex(c) + " is on the wrong free list");
        EXPECT(raw.prev_free(c) == prev, "raw chunk " + hex(c) + ": prev link is wrong");
      }
    }
    EXPECT(any == bool(raw.first_level_bitmap() & (1u << f)),
           "raw first-level bitmap bit " + std::to_string(f) + " is wrong");
  }
  EXPECT(free_chunks.empty(), std::to_string(free_chunks.size()) + " free raw chunks are on no free list");
  EXPECT(used_bytes == raw.bytes_used() && free_bytes == raw.bytes_free(), "raw byte counters are wrong");
  for (unsigned d = 0; d < 3; ++d) {
    EXPECT(blocks[d] == raw.blocks_in(Domain(d)),
           std::string("raw block counter of domain ") + domain_name(Domain(d)) + " is wrong");
  }
}

// The region's unit map against both allocators.
void check_units(const Region& region, const PoolAllocator& pa, const RawAllocator& raw, Problems& out) {
  std::vector<UnitKind> expected(region.unit_count(), UnitKind::Free);
  if (!expected.empty()) expected[0] = UnitKind::Static;
  for (const ArenaObject& ao : pa.arena_objects()) {
    if (ao.address != 0 && ao.address < region.limit()) expected[ao.address >> kUnitBits] = UnitKind::Arena;
  }
  for (const auto& [start, segment] : raw.segments()) {
    for (size_t u = 0; u < segment.units && start + u * kUnitSize < region.limit(); ++u) {
      expected[(start >> kUnitBits) + u] = UnitKind::Raw;
    }
  }
  size_t mapped = 0;
  for (size_t u = 0; u < region.unit_count(); ++u) {
    EXPECT(region.unit_kind(u) == expected[u], "unit " + std::to_string(u) + " has the wrong kind");
    mapped += region.unit_kind(u) != UnitKind::Free;
  }
  EXPECT(mapped == region.mapped_units(), "mapped unit count is wrong");
}

}  // namespace

std::vector<std::string> Heap::check_invariants() const {
  Problems out;
  check_pools(pool_, out);
  check_raw(raw_, out);
  check_units(region_, pool_, raw_, out);
  return out.take();
}

}  // namespace heaplab::memory
