// pymalloc, CPython 3.12's small-object allocator (Objects/obmalloc.c), on x86-64
// parameters: requests of 1..512 bytes in 32 size classes of 16 bytes, carved
// from 16 KiB pools, carved from 1 MiB arenas.
//
// The structures and policies are CPython's: `usedpools` per size class, each
// arena's `freepools` list, `usable_arenas` sorted by free pools ascending with
// the `nfp2lasta` search fingers, `unused_arena_objects`, lazy carving of pools
// and blocks, and 3.12's rule for returning an empty arena. Pool headers and free
// blocks live in the region and hold region offsets, never host pointers; the
// arena_object array lives on the host, as CPython keeps it in raw malloc memory.
//
// One deliberate difference: heaplab's arenas are region units, always 1 MiB
// aligned, so every arena holds 64 pools. CPython gets its arenas from mmap,
// which only guarantees page alignment, so a real arena usually loses its first
// partial pool (63 pools and 16384 bytes of "arena alignment" in
// sys._debugmallocstats()).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/memory/region.h"

namespace heaplab::memory {

inline constexpr uint32_t kAlignmentShift = 4;
inline constexpr uint32_t kAlignment = 1u << kAlignmentShift;  // 16
inline constexpr uint32_t kSmallRequestThreshold = 512;
inline constexpr uint32_t kNumSizeClasses = kSmallRequestThreshold / kAlignment;  // 32
inline constexpr uint32_t kPoolBits = 14;
inline constexpr uint32_t kPoolSize = 1u << kPoolBits;                        // 16 KiB
inline constexpr size_t kArenaSize = kUnitSize;                               // 1 MiB
inline constexpr uint32_t kPoolsPerArena = uint32_t(kArenaSize / kPoolSize);  // 64
inline constexpr uint32_t kPoolOverhead = 48;        // sizeof(pool_header), rounded up to kAlignment
inline constexpr uint32_t kDummySizeIndex = 0xffff;  // size class of a freshly carved pool
inline constexpr uint32_t kInitialArenaObjects = 16;
inline constexpr uint32_t kNoArena = UINT32_MAX;

constexpr uint32_t size_class_of(size_t nbytes) { return uint32_t(nbytes - 1) >> kAlignmentShift; }
constexpr uint32_t class_block_size(uint32_t szidx) { return (szidx + 1) << kAlignmentShift; }
constexpr uint32_t blocks_per_pool(uint32_t szidx) { return (kPoolSize - kPoolOverhead) / class_block_size(szidx); }
constexpr Addr pool_of(Addr block) { return block & ~Addr(kPoolSize - 1); }

// CPython's pool_header, laid out in the region at the start of every pool.
struct PoolHeader {
  uint32_t ref_count;  // blocks in use (CPython's `ref.count`, in an 8-byte slot)
  uint32_t ref_padding;
  Addr freeblock;  // head of the pool's free-block chain, 0 = none
  Addr nextpool;   // usedpools list (doubly linked) or arena freepools (singly)
  Addr prevpool;
  uint32_t arenaindex;     // index of the arena object owning this pool
  uint32_t szidx;          // size class, kDummySizeIndex before first use
  uint32_t nextoffset;     // offset of the first never-carved block
  uint32_t maxnextoffset;  // largest valid nextoffset
};
static_assert(sizeof(PoolHeader) == kPoolOverhead);

// CPython's arena_object. Links are indices into the arena-object array.
struct ArenaObject {
  Addr address = 0;         // 0: no arena associated, the object is on unused_arena_objects
  Addr pool_address = 0;    // next pool never carved from this arena
  uint32_t nfreepools = 0;  // free pools plus never-carved pools
  uint32_t ntotalpools = 0;
  Addr freepools = 0;             // singly linked through PoolHeader::nextpool
  uint32_t nextarena = kNoArena;  // usable_arenas (doubly) or unused_arena_objects (singly)
  uint32_t prevarena = kNoArena;
};

class PoolAllocator {
 public:
  explicit PoolAllocator(Region& region);
  PoolAllocator(const PoolAllocator&) = delete;
  PoolAllocator& operator=(const PoolAllocator&) = delete;

  // A block of `nbytes` (1..512) or 0 when no arena can be mapped.
  Addr alloc(size_t nbytes);
  // `p` must be a live block of this allocator.
  void free(Addr p);

  bool owns(Addr p) const { return region_.kind_at(p) == UnitKind::Arena; }
  uint32_t block_size(Addr p) const { return class_block_size(header(pool_of(p))->szidx); }
  size_t blocks_in_use() const { return blocks_in_use_; }

  // Read-only view of the bookkeeping, for statistics, walks and checks.
  const Region& region() const { return region_; }
  const PoolHeader* header(Addr pool) const { return region_.at<const PoolHeader>(pool); }
  Addr usedpools_head(uint32_t szidx) const { return usedpools_[szidx]; }
  const std::vector<ArenaObject>& arena_objects() const { return arenas_; }
  uint32_t usable_arenas() const { return usable_arenas_; }
  uint32_t unused_arena_objects() const { return unused_arena_objects_; }
  uint32_t last_usable_arena_with(uint32_t nfreepools) const { return nfp2lasta_[nfreepools]; }
  size_t arenas_allocated_total() const { return arenas_allocated_total_; }
  size_t arenas_highwater() const { return arenas_highwater_; }
  size_t arenas_current() const { return arenas_current_; }

 private:
  PoolHeader* header(Addr pool) { return region_.at<PoolHeader>(pool); }
  Addr load_link(Addr block) const { return region_.load_u64(block); }
  void store_link(Addr block, Addr next) { region_.store_u64(block, next); }

  void extend_or_unlink_full(Addr pool, PoolHeader* ph, uint32_t szidx);
  Addr alloc_from_new_pool(uint32_t szidx);
  uint32_t new_arena();
  void insert_to_usedpool(Addr pool, PoolHeader* ph);
  void insert_to_freepool(Addr pool, PoolHeader* ph);

  Region& region_;
  // Heads of the per-class lists of partly used pools. CPython makes them
  // circular through fake headers in its data segment; here they are
  // 0-terminated lists whose heads live on the host, with the same order.
  std::array<Addr, kNumSizeClasses> usedpools_{};
  std::vector<ArenaObject> arenas_;
  uint32_t usable_arenas_ = kNoArena;
  uint32_t unused_arena_objects_ = kNoArena;
  // nfp2lasta[n]: the last arena in usable_arenas with n free pools, or kNoArena.
  std::array<uint32_t, kPoolsPerArena + 1> nfp2lasta_;
  size_t blocks_in_use_ = 0;
  size_t arenas_allocated_total_ = 0;
  size_t arenas_highwater_ = 0;
  size_t arenas_current_ = 0;
};

inline Addr PoolAllocator::alloc(size_t nbytes) {
  uint32_t szidx = size_class_of(nbytes);
  Addr pool = usedpools_[szidx];
  if (pool == 0) [[unlikely]]
    return alloc_from_new_pool(szidx);
  // A used pool always has a block on its chain.
  PoolHeader* ph = header(pool);
  ++ph->ref_count;
  ++blocks_in_use_;
  Addr bp = ph->freeblock;
  Addr next = load_link(bp);
  ph->freeblock = next;
  if (next == 0) [[unlikely]]
    extend_or_unlink_full(pool, ph, szidx);
  return bp;
}

inline void PoolAllocator::free(Addr p) {
  Addr pool = pool_of(p);
  PoolHeader* ph = header(pool);
  Addr lastfree = ph->freeblock;
  store_link(p, lastfree);
  ph->freeblock = p;
  --ph->ref_count;
  --blocks_in_use_;
  // An empty chain means the pool was full and in no list: make it used again.
  if (lastfree == 0) [[unlikely]] {
    insert_to_usedpool(pool, ph);
    return;
  }
  if (ph->ref_count != 0) [[likely]]
    return;
  insert_to_freepool(pool, ph);
}

}  // namespace heaplab::memory
