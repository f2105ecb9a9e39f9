// A long random mix of malloc, realloc and free against a shadow model of the
// live blocks: sizes, contents and the allocators' invariants are checked.
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <unordered_map>
#include <vector>

#include "core/memory/heap.h"

using namespace heaplab::memory;

namespace {

const std::vector<std::string> kNoProblems;

struct Live {
  Domain domain;
  size_t size;
  uint16_t seed;  // where the block's contents start in the pattern table
};

constexpr size_t kMaxSize = 4096;

// Blocks are filled with a window of one random byte table, so a fill is a
// memcpy and a check a memcmp.
const std::vector<uint8_t>& pattern_table() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(2 * kMaxSize);
    std::mt19937 rng(42);
    for (uint8_t& b : t) b = uint8_t(rng());
    return t;
  }();
  return table;
}

void fill(Heap& heap, Addr a, const Live& b) {
  std::memcpy(heap.at<uint8_t>(a), pattern_table().data() + b.seed, b.size);
}

bool intact(const Heap& heap, Addr a, const Live& b, size_t n) {
  return std::memcmp(heap.at<uint8_t>(a), pattern_table().data() + b.seed, n) == 0;
}

// Mostly small sizes, as an interpreter asks for, with a tail up to 4096.
size_t random_size(std::mt19937_64& rng) {
  const uint64_t r = rng();
  switch (r % 8) {
    case 0:
      return 1 + (r >> 8) % kMaxSize;
    case 1:
      return 513 + (r >> 8) % 1024;
    default:
      return 1 + (r >> 8) % 512;
  }
}

void run(HeapMode mode, uint64_t seed, size_t operations, size_t check_every) {
  Heap heap(64 * kUnitSize, mode);
  std::mt19937_64 rng(seed);
  std::unordered_map<Addr, Live> live;
  std::vector<Addr> order;  // live addresses, for picking one at random
  std::unordered_map<Addr, size_t> slot;
  auto add = [&](Addr a, Live b) {
    if (live.count(a) != 0) FAIL("address handed out twice: " << a);
    live[a] = b;
    slot[a] = order.size();
    order.push_back(a);
  };
  auto remove = [&](Addr a) {
    size_t i = slot[a];
    order[i] = order.back();
    slot[order[i]] = i;
    order.pop_back();
    slot.erase(a);
    live.erase(a);
  };
  size_t failures = 0;
  for (size_t op = 1; op <= operations; ++op) {
    const uint64_t r = rng();
    // Phases of 50,000 operations alternately grow the heap to about 15,000
    // live blocks (50% malloc, 20% free) and shrink it (20% malloc, 50% free),
    // so pools and arenas fill and empty again; 30% are reallocs.
    const bool grow_phase = (op / 50000) % 2 == 0;
    const unsigned kind = unsigned(r % 10);
    if (order.empty() || kind < (grow_phase ? 5u : 2u)) {
      Live b{Domain((r >> 8) % 3), random_size(rng), uint16_t((r >> 16) % kMaxSize)};
      Addr a = heap.malloc(b.domain, b.size);
      if (a == 0) {
        ++failures;
        continue;
      }
      if (a % 16 != 0 || heap.block_size(a) < b.size) FAIL("bad block " << a << " for " << b.size << " bytes");
      fill(heap, a, b);
      add(a, b);
    } else if (kind < 7) {
      Addr a = order[(r >> 8) % order.size()];
      Live b = live[a];
      if (!intact(heap, a, b, b.size)) FAIL("block " << a << " was overwritten");
      heap.free(b.domain, a);
      remove(a);
    } else {
      Addr a = order[(r >> 8) % order.size()];
      Live b = live[a];
      const size_t n = random_size(rng);
      Addr moved = heap.realloc(b.domain, a, n);
      if (moved == 0) {
        ++failures;
        continue;
      }
      if (!intact(heap, moved, b, std::min(b.size, n))) FAIL("realloc lost the data of " << a);
      remove(a);
      Live resized{b.domain, n, uint16_t((b.seed + 1) % kMaxSize)};
      fill(heap, moved, resized);
      add(moved, resized);
    }
    if (op % check_every == 0) {
      REQUIRE(heap.check_invariants() == kNoProblems);
      size_t counted = 0;
      for (const auto& [a, b] : live) counted += b.domain != Domain::Raw;
      REQUIRE(heap.allocated_blocks() == counted);
    }
  }
  CHECK(failures == 0);
  REQUIRE(heap.check_invariants() == kNoProblems);
  for (const auto& [a, b] : live) {
    REQUIRE(intact(heap, a, b, b.size));
    heap.free(b.domain, a);
  }
  CHECK(heap.allocated_blocks() == 0);
  CHECK(heap.check_invariants() == kNoProblems);
  CHECK(heap.pool_allocator().arenas_current() <= 1);
  CHECK(heap.stats().arenas_reclaimed > 0);  // the phases did return arenas
  CHECK(heap.take_debug_reports().empty());
}

}  // namespace

TEST_CASE("randomized: 1,000,000 mixed operations against a shadow model", "[random]") {
  run(HeapMode::Normal, 0x5eed, 1000000, 10000);
}

TEST_CASE("randomized: 200,000 operations under the debug hooks", "[random]") {
  run(HeapMode::Debug, 0xdeb6, 200000, 20000);
}
