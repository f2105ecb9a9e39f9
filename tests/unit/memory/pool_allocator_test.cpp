#include <catch2/catch.hpp>
#include <vector>

#include "core/memory/heap.h"

using namespace heaplab::memory;

namespace {

const std::vector<std::string> kNoProblems;

// The first arena is unit 1; its first pool starts at 1 MiB.
constexpr Addr kFirstPool = kUnitSize;

std::vector<Addr> fill_pools(Heap& heap, size_t nbytes, size_t count) {
  std::vector<Addr> blocks;
  for (size_t i = 0; i < count; ++i) blocks.push_back(heap.malloc(Domain::Object, nbytes));
  return blocks;
}

std::vector<uint32_t> usable_order(const PoolAllocator& pa) {
  std::vector<uint32_t> order;
  for (uint32_t i = pa.usable_arenas(); i != kNoArena; i = pa.arena_objects()[i].nextarena) order.push_back(i);
  return order;
}

}  // namespace

TEST_CASE("pymalloc: 32 size classes of 16 bytes", "[pymalloc]") {
  CHECK(size_class_of(1) == 0);
  CHECK(size_class_of(16) == 0);
  CHECK(size_class_of(17) == 1);
  CHECK(size_class_of(512) == 31);
  CHECK(class_block_size(31) == 512);
  CHECK(blocks_per_pool(0) == 1021);
  CHECK(blocks_per_pool(31) == 31);
  Heap heap(8 * kUnitSize);
  for (size_t n : {1, 15, 16, 17, 100, 511, 512}) {
    Addr a = heap.malloc(Domain::Object, n);
    CHECK(heap.is_pymalloc(a));
    CHECK(heap.block_size(a) == ((n + 15) / 16) * 16);
    CHECK(a % 16 == 0);
  }
  Addr big = heap.malloc(Domain::Object, 513);
  CHECK_FALSE(heap.is_pymalloc(big));
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: pools are carved lazily, blocks in address order", "[pymalloc]") {
  Heap heap(8 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  Addr a = heap.malloc(Domain::Object, 32);
  CHECK(a == kFirstPool + kPoolOverhead);
  const PoolHeader* ph = pa.header(kFirstPool);
  CHECK(ph->ref_count == 1);
  CHECK(ph->szidx == 1);
  CHECK(ph->nextoffset == kPoolOverhead + 64);
  CHECK(ph->maxnextoffset == kPoolSize - 32);
  CHECK(ph->freeblock == a + 32);
  CHECK(heap.malloc(Domain::Object, 32) == a + 32);
  CHECK(heap.malloc(Domain::Object, 32) == a + 64);
  CHECK(ph->nextoffset == kPoolOverhead + 4 * 32);
  // Another size class takes the next pool of the arena.
  CHECK(heap.malloc(Domain::Mem, 200) == kFirstPool + kPoolSize + kPoolOverhead);
  CHECK(pa.arena_objects()[0].pool_address == kFirstPool + 2 * kPoolSize);
  CHECK(pa.arena_objects()[0].nfreepools == 62);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: freed blocks are reused last-in first-out", "[pymalloc]") {
  Heap heap(8 * kUnitSize);
  std::vector<Addr> b = fill_pools(heap, 48, 5);
  heap.free(Domain::Object, b[1]);
  heap.free(Domain::Object, b[3]);
  heap.free(Domain::Object, b[0]);
  CHECK(heap.malloc(Domain::Object, 48) == b[0]);
  CHECK(heap.malloc(Domain::Object, 48) == b[3]);
  CHECK(heap.malloc(Domain::Object, 48) == b[1]);
  CHECK(heap.malloc(Domain::Object, 48) == b[4] + 48);  // the chain is empty: carve
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: a full pool leaves usedpools and comes back at the front", "[pymalloc]") {
  Heap heap(8 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  std::vector<Addr> first = fill_pools(heap, 512, 31);
  CHECK(pa.header(kFirstPool)->ref_count == 31);
  CHECK(pa.usedpools_head(31) == 0);  // full pools are in no list
  CHECK(pa.header(kFirstPool)->freeblock == 0);
  Addr second_pool_block = heap.malloc(Domain::Object, 512);
  CHECK(pool_of(second_pool_block) == kFirstPool + kPoolSize);
  CHECK(pa.usedpools_head(31) == kFirstPool + kPoolSize);
  heap.free(Domain::Object, first[7]);
  CHECK(pa.usedpools_head(31) == kFirstPool);  // front of the list
  CHECK(pa.header(kFirstPool)->nextpool == kFirstPool + kPoolSize);
  CHECK(heap.malloc(Domain::Object, 512) == first[7]);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: an empty pool goes to its arena's freepools and is reused", "[pymalloc]") {
  Heap heap(8 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  std::vector<Addr> a = fill_pools(heap, 64, 3);
  Addr other = heap.malloc(Domain::Object, 128);  // keeps the arena partly used
  CHECK(pa.arena_objects()[0].nfreepools == 62);
  for (Addr x : a) heap.free(Domain::Object, x);
  CHECK(pa.usedpools_head(3) == 0);
  CHECK(pa.arena_objects()[0].freepools == kFirstPool);
  CHECK(pa.arena_objects()[0].nfreepools == 63);
  CHECK(pa.header(kFirstPool)->ref_count == 0);
  CHECK(heap.check_invariants() == kNoProblems);

  SECTION("same size class: the old chain is kept") {
    CHECK(heap.malloc(Domain::Object, 64) == a[2]);
    CHECK(pa.header(kFirstPool)->nextoffset == kPoolOverhead + 4 * 64);
  }
  SECTION("another size class: the pool is set up again") {
    CHECK(heap.malloc(Domain::Object, 16) == kFirstPool + kPoolOverhead);
    CHECK(pa.header(kFirstPool)->szidx == 0);
    CHECK(pa.header(kFirstPool)->nextoffset == kPoolOverhead + 32);
  }
  CHECK(pa.arena_objects()[0].freepools == 0);
  CHECK(pa.arena_objects()[0].nfreepools == 62);
  heap.free(Domain::Object, other);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: usable_arenas stays sorted by free pools, nfp2lasta follows", "[pymalloc]") {
  Heap heap(16 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  const size_t per_arena = kPoolsPerArena * 31;
  std::vector<Addr> blocks = fill_pools(heap, 512, 3 * per_arena);
  CHECK(pa.arenas_current() == 3);
  CHECK(pa.usable_arenas() == kNoArena);  // every arena is full
  auto free_pool = [&](size_t arena, size_t pool) {
    for (size_t i = 0; i < 31; ++i) heap.free(Domain::Object, blocks[arena * per_arena + pool * 31 + i]);
  };
  free_pool(0, 0);
  free_pool(0, 1);
  free_pool(0, 2);
  free_pool(1, 0);
  free_pool(2, 0);
  free_pool(2, 1);
  CHECK(usable_order(pa) == std::vector<uint32_t>{1, 2, 0});
  CHECK(pa.last_usable_arena_with(1) == 1);
  CHECK(pa.last_usable_arena_with(2) == 2);
  CHECK(pa.last_usable_arena_with(3) == 0);
  CHECK(heap.check_invariants() == kNoProblems);
  // The next pool comes from the most used arena.
  Addr b = heap.malloc(Domain::Object, 16);
  CHECK(pool_of(b) == pa.arena_objects()[1].address);
  CHECK(usable_order(pa) == std::vector<uint32_t>{2, 0});
  // Arena 2 gains pools and slides past arena 0.
  free_pool(2, 2);
  free_pool(2, 3);
  CHECK(usable_order(pa) == std::vector<uint32_t>{0, 2});
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: an empty arena is returned unless it is the last usable one", "[pymalloc]") {
  Heap heap(16 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  const size_t per_arena = kPoolsPerArena * 31;
  std::vector<Addr> blocks = fill_pools(heap, 512, 2 * per_arena);
  CHECK(heap.region().mapped_units() == 3);
  for (size_t i = 0; i < per_arena; ++i) heap.free(Domain::Object, blocks[i]);
  // Arena 0 is wholly free but alone in usable_arenas: kept (bpo-37257).
  CHECK(pa.arenas_current() == 2);
  CHECK(pa.arena_objects()[0].nfreepools == kPoolsPerArena);
  for (size_t i = per_arena; i < 2 * per_arena; ++i) heap.free(Domain::Object, blocks[i]);
  CHECK(pa.arenas_current() == 1);
  CHECK(pa.arenas_allocated_total() == 2);
  CHECK(pa.arenas_highwater() == 2);
  CHECK(pa.arena_objects()[1].address == 0);
  CHECK(pa.unused_arena_objects() == 1);
  CHECK(heap.region().unit_kind(2) == UnitKind::Free);
  CHECK(heap.allocated_blocks() == 0);
  CHECK(heap.check_invariants() == kNoProblems);
  // The freed arena object is reused first, and the lowest free unit with it.
  std::vector<Addr> again = fill_pools(heap, 512, per_arena + 1);
  CHECK(pa.arena_objects()[1].address == 2 * kUnitSize);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("pymalloc: the arena-object array grows 16, 32, ...", "[pymalloc]") {
  Heap heap(24 * kUnitSize);
  const PoolAllocator& pa = heap.pool_allocator();
  CHECK(pa.arena_objects().empty());
  heap.malloc(Domain::Object, 8);
  CHECK(pa.arena_objects().size() == 16);
  fill_pools(heap, 512, 16 * kPoolsPerArena * 31);
  CHECK(pa.arenas_current() == 17);
  CHECK(pa.arena_objects().size() == 32);
  CHECK(heap.check_invariants() == kNoProblems);
}
