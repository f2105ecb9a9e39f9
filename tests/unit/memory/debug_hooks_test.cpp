#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "core/memory/heap.h"

using namespace heaplab::memory;

namespace {

const std::vector<std::string> kNoProblems;

bool all_bytes(const uint8_t* p, size_t n, uint8_t value) {
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != value) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("debug hooks: header, clean bytes and pads", "[debug]") {
  Heap heap(4 * kUnitSize, HeapMode::Debug);
  Addr a = heap.malloc(Domain::Object, 10);
  const uint8_t* p = heap.at<uint8_t>(a);
  CHECK(heap.is_pymalloc(a));
  CHECK(heap.block_size(a) == 10);
  CHECK(all_bytes(p - 16, 7, 0));
  CHECK(p[-9] == 10);  // big-endian size
  CHECK(p[-8] == 'o');
  CHECK(all_bytes(p - 7, 7, kForbiddenByte));
  CHECK(all_bytes(p, 10, kCleanByte));
  CHECK(all_bytes(p + 10, 8, kForbiddenByte));
  // 10 + 24 bytes: the 48-byte class, as in CPython's debug build.
  CHECK(heap.pool_allocator().block_size(a - 16) == 48);
  Addr z = heap.calloc(Domain::Mem, 3, 4);
  CHECK(all_bytes(heap.at<uint8_t>(z), 12, 0));
  heap.free(Domain::Mem, z);
  heap.free(Domain::Object, a);
  CHECK(heap.take_debug_reports().empty());
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("debug hooks: freed bytes are dead", "[debug]") {
  Heap heap(4 * kUnitSize, HeapMode::Debug);
  Addr a = heap.malloc(Domain::Object, 40);
  Addr keep = heap.malloc(Domain::Object, 40);  // keeps the pool in use
  heap.free(Domain::Object, a);
  // The first 8 bytes of the block now link the pool's free chain.
  CHECK(all_bytes(heap.at<uint8_t>(a - 8), 40 + 16, kDeadByte));
  heap.free(Domain::Object, keep);
}

TEST_CASE("debug hooks: API mismatch and overwritten pads are reported, not fatal", "[debug]") {
  Heap heap(4 * kUnitSize, HeapMode::Debug);
  Addr a = heap.malloc(Domain::Object, 16);
  heap.free(Domain::Mem, a);
  std::vector<std::string> reports = heap.take_debug_reports();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].find("Fatal Python error: _PyMem_DebugRawFree: bad ID: Allocated using API 'o', "
                        "verified using API 'm'") != std::string::npos);
  CHECK(reports[0].find("    16 bytes originally requested\n") != std::string::npos);
  CHECK(heap.allocated_blocks() == 1);  // left alone

  heap.at<uint8_t>(a)[16] = 'x';  // one byte past the end
  heap.free(Domain::Object, a);
  reports = heap.take_debug_reports();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].find("not all FORBIDDENBYTE (0xfd):\n        at tail+0: 0x78 *** OUCH\n") != std::string::npos);
  CHECK(reports[0].find("_PyMem_DebugRawFree: bad trailing pad byte") != std::string::npos);
  CHECK(heap.check_invariants() == kNoProblems);
}

TEST_CASE("debug hooks: realloc keeps data, marks growth clean", "[debug]") {
  Heap heap(4 * kUnitSize, HeapMode::Debug);
  Addr a = heap.malloc(Domain::Mem, 100);
  for (int i = 0; i < 100; ++i) heap.at<uint8_t>(a)[i] = uint8_t(i);
  Addr b = heap.realloc(Domain::Mem, a, 1000);
  REQUIRE(b != 0);
  CHECK_FALSE(heap.is_pymalloc(b));
  for (int i = 0; i < 100; ++i) CHECK(heap.at<uint8_t>(b)[i] == uint8_t(i));
  CHECK(all_bytes(heap.at<uint8_t>(b) + 100, 900, kCleanByte));
  CHECK(all_bytes(heap.at<uint8_t>(b) + 1000, 8, kForbiddenByte));
  Addr c = heap.realloc(Domain::Mem, b, 50);
  CHECK(heap.block_size(c) == 50);
  CHECK(heap.at<uint8_t>(c)[49] == 49);
  heap.free(Domain::Mem, c);
  CHECK(heap.take_debug_reports().empty());
  CHECK(heap.allocated_blocks() == 0);
  CHECK(heap.check_invariants() == kNoProblems);
}
