#include <catch2/catch.hpp>
#include <vector>

#include "core/memory/heap.h"

using namespace heaplab::memory;

TEST_CASE("stats: per-class counts and the accounting of arena bytes", "[stats]") {
  Heap heap(8 * kUnitSize);
  for (int i = 0; i < 3; ++i) heap.malloc(Domain::Object, 16);
  heap.malloc(Domain::Mem, 512);
  Addr raw = heap.malloc(Domain::Object, 2000);
  heap.malloc(Domain::Raw, 100);
  MallocStats s = heap.stats();
  CHECK(s.classes[0].pools == 1);
  CHECK(s.classes[0].blocks_in_use == 3);
  CHECK(s.classes[0].available_blocks == 1018);
  CHECK(s.classes[31].pools == 1);
  CHECK(s.classes[31].blocks_in_use == 1);
  CHECK(s.classes[31].available_blocks == 30);
  CHECK(s.arenas_allocated_total == 1);
  CHECK(s.arenas_current == 1);
  CHECK(s.allocated_blocks == 5);
  CHECK(s.bytes_in_allocated_blocks == 3 * 16 + 512);
  CHECK(s.bytes_in_available_blocks == 1018 * 16 + 30 * 512);
  CHECK(s.unused_pools == 62);
  CHECK(s.bytes_in_pool_headers == 2 * 48);
  CHECK(s.quantization == (16336 % 16) + (16336 % 512));
  CHECK(s.bytes_in_allocated_blocks + s.bytes_in_available_blocks + s.unused_pools * kPoolSize +
            s.bytes_in_pool_headers + s.quantization + s.arena_alignment ==
        kArenaSize);
  CHECK(s.raw_blocks == 2);
  CHECK(s.raw_bytes_used == 2016 + 128);
  CHECK(s.raw_bytes_used + s.raw_bytes_free == kUnitSize - kRawHeaderSize);
  CHECK(s.raw_segments == 1);
  heap.free(Domain::Object, raw);
  CHECK(heap.allocated_blocks() == 4);
}

TEST_CASE("stats: reclaimed and highwater arenas", "[stats]") {
  Heap heap(8 * kUnitSize);
  std::vector<Addr> blocks;
  for (size_t i = 0; i < 2 * kPoolsPerArena * 31 + 1; ++i) blocks.push_back(heap.malloc(Domain::Object, 512));
  for (Addr a : blocks) heap.free(Domain::Object, a);
  MallocStats s = heap.stats();
  CHECK(s.arenas_allocated_total == 3);
  CHECK(s.arenas_highwater == 3);
  CHECK(s.arenas_current == 1);
  CHECK(s.arenas_reclaimed == 2);
  CHECK(s.unused_pools == kPoolsPerArena);
}

// Values and text printed by CPython 3.12.1 (sys._debugmallocstats(), x86-64),
// trimmed to a few classes: the format must match to the character.
TEST_CASE("stats: debug_malloc_stats() has CPython 3.12's format", "[stats]") {
  MallocStats s;
  s.classes[0] = {1, 27, 994};
  s.classes[3] = {13, 3234, 81};
  s.classes[31] = {1, 14, 17};
  s.arenas_allocated_total = 2;
  s.arenas_highwater = 2;
  s.arenas_current = 2;
  s.bytes_in_allocated_blocks = 799184;
  s.bytes_in_available_blocks = 371248;
  s.unused_pools = 55;
  s.bytes_in_pool_headers = 3456;
  s.quantization = 5760;
  s.arena_alignment = 16384;
  const std::string expected =
      "Small block threshold = 512, in 32 size classes.\n"
      "\n"
      "class   size   num pools   blocks in use  avail blocks\n"
      "-----   ----   ---------   -------------  ------------\n"
      "    0     16           1              27           994\n"
      "    3     64          13            3234            81\n"
      "   31    512           1              14            17\n"
      "\n"
      "# arenas allocated total           =                    2\n"
      "# arenas reclaimed                 =                    0\n"
      "# arenas highwater mark            =                    2\n"
      "# arenas allocated current         =                    2\n"
      "2 arenas * 1048576 bytes/arena     =            2,097,152\n"
      "\n"
      "# bytes in allocated blocks        =              799,184\n"
      "# bytes in available blocks        =              371,248\n"
      "55 unused pools * 16384 bytes      =              901,120\n"
      "# bytes lost to pool headers       =                3,456\n"
      "# bytes lost to quantization       =                5,760\n"
      "# bytes lost to arena alignment    =               16,384\n"
      "Total                              =            2,097,152\n"
      "\n"
      "arena map counts\n"
      "# arena map mid nodes              =                    1\n"
      "# arena map bot nodes              =                    1\n"
      "\n"
      "# bytes lost to arena map root     =              262,144\n"
      "# bytes lost to arena map mid      =              262,144\n"
      "# bytes lost to arena map bot      =              131,072\n"
      "Total                              =              655,360\n";
  CHECK(format_debug_malloc_stats(s) == expected);
}

TEST_CASE("stats: a live heap's report adds up to its arenas", "[stats]") {
  Heap heap(8 * kUnitSize);
  for (int i = 0; i < 100; ++i) heap.malloc(Domain::Object, size_t(1 + i * 5));
  const std::string text = heap.debug_malloc_stats();
  CHECK(text.find("1 arenas * 1048576 bytes/arena     =            1,048,576\n") != std::string::npos);
  CHECK(text.find("Total                              =            1,048,576\n") != std::string::npos);
  CHECK(text.find("# bytes lost to arena alignment    =                    0\n") != std::string::npos);
}
