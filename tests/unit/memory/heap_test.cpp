#include "core/memory/heap.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

using namespace heaplab::memory;

namespace {

const std::vector<std::string> kNoProblems;

struct Event {
  char kind;
  Domain domain;
  Addr old_addr;
  Addr addr;
  size_t size;
  bool operator==(const Event&) const = default;
};

class Recorder : public AllocObserver {
 public:
  std::vector<Event> events;
  void on_alloc(Domain d, Addr a, size_t n) override { events.push_back({'a', d, 0, a, n}); }
  void on_free(Domain d, Addr a) override { events.push_back({'f', d, 0, a, 0}); }
  void on_realloc(Domain d, Addr o, Addr a, size_t n) override { events.push_back({'r', d, o, a, n}); }
};

}  // namespace

TEST_CASE("heap: free(0) and frees of static addresses do nothing", "[heap]") {
  Heap heap(4 * kUnitSize);
  heap.free(Domain::Object, 0);
  Addr s = heap.static_alloc(32);
  heap.free(Domain::Object, s);
  CHECK(heap.region().mapped_units() == 1);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: pymalloc realloc keeps a block unless it shrinks by 25% or more", "[heap]") {
  Heap heap(4 * kUnitSize);
  Addr a = heap.malloc(Domain::Object, 512);
  std::memset(heap.at<uint8_t>(a), 7, 512);
  CHECK(heap.realloc(Domain::Object, a, 512) == a);
  CHECK(heap.realloc(Domain::Object, a, 385) == a);  // 4*385 > 3*512
  Addr b = heap.realloc(Domain::Object, a, 384);     // 4*384 == 3*512: copy
  CHECK(b != a);
  CHECK(heap.block_size(b) == 384);
  CHECK(heap.at<uint8_t>(b)[383] == 7);
  CHECK(heap.allocated_blocks() == 1);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: realloc crosses from pymalloc to raw and stays raw", "[heap]") {
  Heap heap(4 * kUnitSize);
  Addr a = heap.malloc(Domain::Object, 100);
  for (int i = 0; i < 100; ++i) heap.at<uint8_t>(a)[i] = uint8_t(i);
  Addr b = heap.realloc(Domain::Object, a, 1000);
  CHECK_FALSE(heap.is_pymalloc(b));
  CHECK(heap.at<uint8_t>(b)[99] == 99);
  CHECK(heap.allocated_blocks() == 1);
  Addr c = heap.realloc(Domain::Object, b, 100);  // a raw block stays raw
  CHECK(c == b);
  CHECK_FALSE(heap.is_pymalloc(c));
  // Size 0 is not free(): it falls to the raw allocator's malloc(1).
  Addr d = heap.malloc(Domain::Object, 48);
  Addr e = heap.realloc(Domain::Object, d, 0);
  CHECK(e != 0);
  CHECK_FALSE(heap.is_pymalloc(e));
  CHECK(heap.allocated_blocks() == 2);
  CHECK(heap.realloc(Domain::Mem, 0, 16) != 0);  // realloc(NULL) is malloc
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: calloc zeroes reused memory and rejects overflow", "[heap]") {
  Heap heap(4 * kUnitSize);
  Addr a = heap.malloc(Domain::Object, 64);
  std::memset(heap.at<uint8_t>(a), 0xff, 64);
  heap.free(Domain::Object, a);
  Addr b = heap.calloc(Domain::Object, 4, 16);
  CHECK(b == a);
  for (int i = 0; i < 64; ++i) CHECK(heap.at<uint8_t>(b)[i] == 0);
  CHECK(heap.calloc(Domain::Object, SIZE_MAX / 2, 4) == 0);
}

TEST_CASE("heap: at the limit allocation returns 0 and the heap stays usable", "[heap]") {
  Heap heap(2 * kUnitSize);  // one unit to allocate from
  std::vector<Addr> blocks;
  for (;;) {
    Addr a = heap.malloc(Domain::Object, 16);
    if (a == 0) break;
    blocks.push_back(a);
  }
  CHECK(blocks.size() == kPoolsPerArena * blocks_per_pool(0));
  CHECK(heap.malloc(Domain::Object, 1000) == 0);
  CHECK(heap.malloc(Domain::Raw, 10) == 0);
  CHECK(heap.realloc(Domain::Object, blocks[0], 1000) == 0);
  CHECK(heap.check_invariants() == kNoProblems);
  heap.free(Domain::Object, blocks.back());
  blocks.pop_back();
  CHECK(heap.malloc(Domain::Object, 16) != 0);
  CHECK(heap.malloc(Domain::Object, 1 << 30) == 0);
  CHECK(heap.malloc(Domain::Raw, SIZE_MAX) == 0);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: raw gives back its kept segment when pymalloc needs the unit", "[heap]") {
  Heap heap(2 * kUnitSize);
  Addr r = heap.malloc(Domain::Raw, 1000);
  heap.free(Domain::Raw, r);  // the segment stays mapped, empty
  CHECK(heap.region().unit_kind(1) == UnitKind::Raw);
  Addr a = heap.malloc(Domain::Object, 16);
  CHECK(heap.is_pymalloc(a));
  CHECK(heap.region().unit_kind(1) == UnitKind::Arena);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: pymalloc falls back to raw when no arena can be mapped", "[heap]") {
  Heap heap(3 * kUnitSize);
  Addr r = heap.malloc(Domain::Raw, 1000);  // unit 1: a raw segment
  std::vector<Addr> blocks;
  for (size_t i = 0; i < kPoolsPerArena * 31; ++i) blocks.push_back(heap.malloc(Domain::Object, 512));
  CHECK(heap.pool_allocator().arenas_current() == 1);
  Addr fallback = heap.malloc(Domain::Object, 512);
  CHECK(fallback != 0);
  CHECK_FALSE(heap.is_pymalloc(fallback));
  CHECK(heap.allocated_blocks() == blocks.size() + 1);
  heap.free(Domain::Raw, r);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("heap: the observer sees caller addresses and sizes", "[heap]") {
  Heap heap(4 * kUnitSize);
  Recorder rec;
  heap.set_observer(&rec);
  Addr a = heap.malloc(Domain::Object, 40);
  Addr b = heap.realloc(Domain::Object, a, 4000);
  heap.free(Domain::Object, b);
  heap.free(Domain::Object, 0);
  heap.set_observer(nullptr);
  heap.malloc(Domain::Mem, 8);
  CHECK(rec.events == std::vector<Event>{{'a', Domain::Object, 0, a, 40},
                                         {'r', Domain::Object, a, b, 4000},
                                         {'f', Domain::Object, 0, b, 0}});
}
