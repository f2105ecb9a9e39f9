#include "core/memory/pool_allocator.h"

namespace heaplab::memory {

PoolAllocator::PoolAllocator(Region& region) : region_(region) { nfp2lasta_.fill(kNoArena); }

// The chain ran out: hand out the next never-carved block, or, when the pool
// has none left, it is full and leaves usedpools (it is always the list head).
void PoolAllocator::extend_or_unlink_full(Addr pool, PoolHeader* ph, uint32_t szidx) {
  if (ph->nextoffset <= ph->maxnextoffset) {
    ph->freeblock = pool + ph->nextoffset;
    ph->nextoffset += class_block_size(szidx);
    store_link(ph->freeblock, 0);
    return;
  }
  usedpools_[szidx] = ph->nextpool;
  if (ph->nextpool != 0) header(ph->nextpool)->prevpool = 0;
}

// Maps a new arena and associates it with an arena object, growing the
// arena-object array (16, 32, 64, ...) when none is unused, as new_arena() does.
uint32_t PoolAllocator::new_arena() {
  if (unused_arena_objects_ == kNoArena) {
    uint32_t old = uint32_t(arenas_.size());
    uint32_t grown = old == 0 ? kInitialArenaObjects : old * 2;
    arenas_.resize(grown);
    for (uint32_t i = old; i < grown; ++i) arenas_[i].nextarena = i + 1 < grown ? i + 1 : kNoArena;
    unused_arena_objects_ = old;
  }
  Addr address = region_.map(1, UnitKind::Arena);
  if (address == 0) return kNoArena;
  uint32_t index = unused_arena_objects_;
  ArenaObject& ao = arenas_[index];
  unused_arena_objects_ = ao.nextarena;
  ao.address = address;
  ao.pool_address = address;  // unit-aligned, so no pool is lost to alignment
  ao.nfreepools = kPoolsPerArena;
  ao.ntotalpools = kPoolsPerArena;
  ao.freepools = 0;
  ++arenas_current_;
  ++arenas_allocated_total_;
  if (arenas_current_ > arenas_highwater_) arenas_highwater_ = arenas_current_;
  return index;
}

Addr PoolAllocator::alloc_from_new_pool(uint32_t szidx) {
  if (usable_arenas_ == kNoArena) {
    uint32_t fresh = new_arena();
    if (fresh == kNoArena) return 0;
    usable_arenas_ = fresh;
    arenas_[fresh].nextarena = arenas_[fresh].prevarena = kNoArena;
    nfp2lasta_[arenas_[fresh].nfreepools] = fresh;
  }
  const uint32_t ai = usable_arenas_;
  ArenaObject& ao = arenas_[ai];

  // The head arena has the fewest free pools, so taking one keeps the order;
  // only the search fingers move, and a wholly allocated arena leaves the list.
  if (nfp2lasta_[ao.nfreepools] == ai) nfp2lasta_[ao.nfreepools] = kNoArena;
  if (ao.nfreepools > 1) nfp2lasta_[ao.nfreepools - 1] = ai;

  Addr pool = ao.freepools;
  PoolHeader* ph;
  if (pool != 0) {
    ph = header(pool);
    ao.freepools = ph->nextpool;
  } else {
    pool = ao.pool_address;
    ph = header(pool);
    ph->arenaindex = ai;
    ph->szidx = kDummySizeIndex;
    ao.pool_address += kPoolSize;
  }
  if (--ao.nfreepools == 0) {
    usable_arenas_ = ao.nextarena;
    if (usable_arenas_ != kNoArena) arenas_[usable_arenas_].prevarena = kNoArena;
  }

  // Frontlink to usedpools (the list is empty, or we would not be here).
  ph->nextpool = 0;
  ph->prevpool = 0;
  usedpools_[szidx] = pool;
  ph->ref_count = 1;
  ++blocks_in_use_;
  if (ph->szidx == szidx) {
    // The pool last held this size class: its chain and offsets are intact,
    // and the chain holds at least the two blocks carved when it was set up.
    Addr bp = ph->freeblock;
    ph->freeblock = load_link(bp);
    return bp;
  }
  // Carve only the first two blocks: return one, chain the other.
  const uint32_t size = class_block_size(szidx);
  ph->szidx = szidx;
  ph->nextoffset = kPoolOverhead + 2 * size;
  ph->maxnextoffset = kPoolSize - size;
  ph->freeblock = pool + kPoolOverhead + size;
  store_link(ph->freeblock, 0);
  return pool + kPoolOverhead;
}

// A free made a full pool used again: link it at the front of its class list,
// so the next allocation of that size reuses the block just freed.
void PoolAllocator::insert_to_usedpool(Addr pool, PoolHeader* ph) {
  Addr next = usedpools_[ph->szidx];
  ph->nextpool = next;
  ph->prevpool = 0;
  if (next != 0) header(next)->prevpool = pool;
  usedpools_[ph->szidx] = pool;
}

// A free emptied a pool: move it to its arena's freepools and keep
// usable_arenas sorted, or give the whole arena back to the region.
void PoolAllocator::insert_to_freepool(Addr pool, PoolHeader* ph) {
  if (ph->prevpool != 0) {
    header(ph->prevpool)->nextpool = ph->nextpool;
  } else {
    usedpools_[ph->szidx] = ph->nextpool;
  }
  if (ph->nextpool != 0) header(ph->nextpool)->prevpool = ph->prevpool;

  const uint32_t ai = ph->arenaindex;
  ArenaObject& ao = arenas_[ai];
  ph->nextpool = ao.freepools;
  ao.freepools = pool;

  uint32_t nf = ao.nfreepools;
  const uint32_t lastnf = nfp2lasta_[nf];
  if (lastnf == ai) {
    // It was the rightmost arena with nf free pools; its left neighbour may be next.
    uint32_t prev = ao.prevarena;
    nfp2lasta_[nf] = (prev != kNoArena && arenas_[prev].nfreepools == nf) ? prev : kNoArena;
  }
  ao.nfreepools = ++nf;

  // Case 1: every pool is free. Return the arena, unless it is the last arena
  // in usable_arenas (keeping one avoids thrashing; bpo-37257).
  if (nf == ao.ntotalpools && ao.nextarena != kNoArena) {
    if (ao.prevarena == kNoArena) {
      usable_arenas_ = ao.nextarena;
    } else {
      arenas_[ao.prevarena].nextarena = ao.nextarena;
    }
    arenas_[ao.nextarena].prevarena = ao.prevarena;
    ao.nextarena = unused_arena_objects_;
    ao.prevarena = kNoArena;
    unused_arena_objects_ = ai;
    region_.unmap(ao.address, 1);
    ao.address = 0;
    ao.pool_address = 0;
    ao.freepools = 0;
    ao.nfreepools = ao.ntotalpools = 0;
    --arenas_current_;
    return;
  }

  // Case 2: the arena had no free pool, so it was in no list: it goes first.
  if (nf == 1) {
    ao.nextarena = usable_arenas_;
    ao.prevarena = kNoArena;
    if (usable_arenas_ != kNoArena) arenas_[usable_arenas_].prevarena = ai;
    usable_arenas_ = ai;
    if (nfp2lasta_[1] == kNoArena) nfp2lasta_[1] = ai;
    return;
  }

  if (nfp2lasta_[nf] == kNoArena) nfp2lasta_[nf] = ai;
  // Case 4: it was the rightmost with its old count, so it is still in order.
  if (ai == lastnf) return;

  // Case 3: slide the arena right, to just after the last arena that had its
  // old count of free pools.
  if (ao.prevarena != kNoArena) {
    arenas_[ao.prevarena].nextarena = ao.nextarena;
  } else {
    usable_arenas_ = ao.nextarena;
  }
  arenas_[ao.nextarena].prevarena = ao.prevarena;
  ao.prevarena = lastnf;
  ao.nextarena = arenas_[lastnf].nextarena;
  if (ao.nextarena != kNoArena) arenas_[ao.nextarena].prevarena = ai;
  arenas_[lastnf].nextarena = ai;
}

}  // namespace heaplab::memory
