#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "core/memory/heap.h"

using namespace heaplab::memory;

namespace {

const std::vector<std::string> kNoProblems;
constexpr Addr kFirstSegment = kUnitSize;  // unit 1
constexpr size_t kSegmentChunk = kUnitSize - kRawHeaderSize;

std::vector<RawChunkView> chunks_of(const Heap& heap) { return heap.raw_chunks(); }

}  // namespace

TEST_CASE("raw: TLSF bins", "[raw]") {
  CHECK(RawAllocator::bin_of(32).first == 0);
  CHECK(RawAllocator::bin_of(32).second == 2);
  CHECK(RawAllocator::bin_of(240).second == 15);
  CHECK(RawAllocator::bin_of(256).first == 1);
  CHECK(RawAllocator::bin_of(256).second == 0);
  CHECK(RawAllocator::bin_of(511).second == 15);
  CHECK(RawAllocator::bin_of(512).first == 2);
  CHECK(RawAllocator::bin_of(kSegmentChunk).first == RawAllocator::kFirstLevelCount - 1);
}

TEST_CASE("raw: blocks have a 16-byte header, are 16-byte aligned and tile a segment", "[raw]") {
  Heap heap(8 * kUnitSize);
  Addr a = heap.malloc(Domain::Raw, 1000);
  Addr b = heap.malloc(Domain::Mem, 600);
  Addr c = heap.malloc(Domain::Object, 0 + 700);
  CHECK(a == kFirstSegment + kRawHeaderSize);
  CHECK(heap.block_size(a) == 1008);
  CHECK(b == a + 1008 + kRawHeaderSize);
  CHECK(c % 16 == 0);
  CHECK(heap.raw_allocator().domain_of(a) == Domain::Raw);
  CHECK(heap.raw_allocator().domain_of(b) == Domain::Mem);
  CHECK(heap.raw_allocator().domain_of(c) == Domain::Object);
  // Raw-domain blocks do not count in sys.getallocatedblocks().
  CHECK(heap.allocated_blocks() == 2);
  std::vector<RawChunkView> chunks = chunks_of(heap);
  REQUIRE(chunks.size() == 4);
  CHECK(!chunks[3].used);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("raw: size 0 and the Raw domain use the raw allocator", "[raw]") {
  Heap heap(8 * kUnitSize);
  Addr zero = heap.malloc(Domain::Object, 0);
  CHECK_FALSE(heap.is_pymalloc(zero));
  CHECK(heap.block_size(zero) == 16);  // malloc(1) in a minimum chunk
  Addr small_raw = heap.malloc(Domain::Raw, 8);
  CHECK_FALSE(heap.is_pymalloc(small_raw));
  CHECK(heap.allocated_blocks() == 1);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("raw: free chunks coalesce with both neighbours", "[raw]") {
  Heap heap(8 * kUnitSize);
  Addr a = heap.malloc(Domain::Raw, 1000);
  Addr b = heap.malloc(Domain::Raw, 1000);
  Addr c = heap.malloc(Domain::Raw, 1000);
  Addr d = heap.malloc(Domain::Raw, 1000);  // keeps the segment in use
  heap.free(Domain::Raw, a);
  heap.free(Domain::Raw, c);
  CHECK(heap.check_invariants() == kNoProblems);
  CHECK(chunks_of(heap).size() == 5);
  heap.free(Domain::Raw, b);  // merges a, b and c
  std::vector<RawChunkView> chunks = chunks_of(heap);
  REQUIRE(chunks.size() == 3);
  CHECK(!chunks[0].used);
  CHECK(chunks[0].size == 3 * 1024 - kRawHeaderSize);
  CHECK(heap.raw_allocator().bytes_free() == 3 * 1024 + (kSegmentChunk - 4 * 1024));
  // A request that fits the merged chunk reuses it from the front.
  CHECK(heap.malloc(Domain::Raw, 2000) == a);
  CHECK(heap.check_invariants() == kNoProblems);
  heap.free(Domain::Raw, d);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("raw: an entirely free segment is kept once, then returned", "[raw]") {
  Heap heap(8 * kUnitSize);
  const RawAllocator& raw = heap.raw_allocator();
  Addr a = heap.malloc(Domain::Raw, 100000);
  heap.free(Domain::Raw, a);
  std::vector<RawChunkView> chunks = chunks_of(heap);
  REQUIRE(chunks.size() == 1);
  CHECK(chunks[0].size == kSegmentChunk - kRawHeaderSize);
  CHECK(raw.kept_empty_segment() == kFirstSegment);
  CHECK(heap.region().mapped_units() == 2);
  // Fill the kept segment and one more, then empty both: one goes back.
  std::vector<Addr> blocks;
  for (int i = 0; i < 12; ++i) blocks.push_back(heap.malloc(Domain::Raw, 100000));
  CHECK(raw.segments().size() == 2);
  CHECK(raw.kept_empty_segment() == 0);
  for (Addr b : blocks) heap.free(Domain::Raw, b);
  CHECK(raw.segments().size() == 1);
  CHECK(heap.region().mapped_units() == 2);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("raw: realloc grows into a free next chunk and shrinks in place", "[raw]") {
  Heap heap(8 * kUnitSize);
  Addr a = heap.malloc(Domain::Raw, 1000);
  std::memset(heap.at<uint8_t>(a), 0x5a, 1000);
  Addr grown = heap.realloc(Domain::Raw, a, 5000);
  CHECK(grown == a);
  CHECK(heap.block_size(a) >= 5000);
  CHECK(heap.at<uint8_t>(a)[999] == 0x5a);
  Addr b = heap.malloc(Domain::Raw, 1000);
  CHECK(b == a + 5008 + kRawHeaderSize);
  Addr shrunk = heap.realloc(Domain::Raw, a, 600);
  CHECK(shrunk == a);
  CHECK(heap.block_size(a) == 608);
  std::vector<RawChunkView> chunks = chunks_of(heap);
  REQUIRE(chunks.size() == 4);
  CHECK(!chunks[1].used);  // the tail became a free chunk before b
  // Growing back into the freed tail stays in place; past b it must move.
  CHECK(heap.realloc(Domain::Raw, a, 5000) == a);
  Addr moved = heap.realloc(Domain::Raw, a, 6000);
  CHECK(moved != a);
  CHECK(heap.at<uint8_t>(moved)[999] == 0x5a);
  CHECK(heap.raw_allocator().domain_of(moved) == Domain::Raw);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("raw: big requests get a dedicated segment, returned on free", "[raw]") {
  Heap heap(16 * kUnitSize);
  Addr small = heap.malloc(Domain::Raw, 1000);
  Addr big = heap.malloc(Domain::Object, 3 * kUnitSize);
  CHECK(big == 2 * kUnitSize + kRawHeaderSize);
  CHECK(heap.region().mapped_units() == 1 + 1 + 4);  // static, segment, 3 MiB + headers
  CHECK(heap.block_size(big) == 4 * kUnitSize - 2 * kRawHeaderSize);
  std::vector<RawChunkView> chunks = chunks_of(heap);
  CHECK(chunks.back().dedicated);
  CHECK(heap.allocated_blocks() == 1);
  CHECK(heap.check_invariants() == kNoProblems);
  // Within the same units realloc stays; otherwise it moves.
  CHECK(heap.realloc(Domain::Object, big, 3 * kUnitSize + 1000) == big);
  Addr smaller = heap.realloc(Domain::Object, big, 300 << 10);
  CHECK(smaller != big);
  CHECK(heap.region().mapped_units() == 1 + 1 + 1);
  heap.free(Domain::Object, smaller);
  CHECK(heap.region().mapped_units() == 2);
  CHECK(heap.allocated_blocks() == 0);
  heap.free(Domain::Raw, small);
  CHECK(heap.check_invariants() == kNoProblems);
}
