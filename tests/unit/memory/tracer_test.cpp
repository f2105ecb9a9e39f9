#include "core/memory/heap.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using namespace heaplab::memory;

namespace {

// The frames the test pretends are running, innermost first.
std::vector<SourceFrame> g_frames;

size_t fake_frames(SourceFrame* out, size_t max, size_t* total) {
  *total = g_frames.size();
  size_t n = std::min(max, g_frames.size());
  std::copy_n(g_frames.begin(), n, out);
  return n;
}

const Tracer::Frame& innermost(const Tracer& t, Addr a) { return t.frame(t.traceback(t.find(a)->traceback).first); }

}  // namespace

TEST_CASE("tracer: traces requested sizes with their line, only while tracing", "[tracer]") {
  Heap heap(4 * kUnitSize);
  Addr before = heap.malloc(Domain::Object, 40);
  g_frames = {{"prog.py", 3}};
  heap.start_tracing(1, fake_frames);
  Addr a = heap.malloc(Domain::Object, 40);
  Addr b = heap.malloc(Domain::Mem, 1000);
  const Tracer& t = heap.tracer();
  CHECK(t.traced_memory() == 1040);
  CHECK(t.find(before) == nullptr);
  REQUIRE(t.find(a) != nullptr);
  CHECK(t.find(a)->size == 40);
  CHECK(t.filename(innermost(t, a).filename) == "prog.py");
  CHECK(innermost(t, a).lineno == 3);
  CHECK(t.find(a)->traceback == t.find(b)->traceback);  // interned
  heap.free(Domain::Object, before);                    // untraced: ignored
  heap.free(Domain::Mem, b);
  CHECK(t.traced_memory() == 40);
  CHECK(t.peak_traced_memory() == 1040);
  heap.stop_tracing();
  CHECK(t.traces().empty());
  CHECK(t.traced_memory() == 0);
  heap.free(Domain::Object, a);
}

TEST_CASE("tracer: realloc moves the trace to the new block and the resizing line", "[tracer]") {
  Heap heap(4 * kUnitSize);
  g_frames = {{"prog.py", 5}, {"prog.py", 9}};
  heap.start_tracing(2, fake_frames);
  Addr a = heap.malloc(Domain::Mem, 16);
  g_frames = {{"prog.py", 6}};
  Addr b = heap.realloc(Domain::Mem, a, 600);
  const Tracer& t = heap.tracer();
  CHECK(t.traces().size() == 1);
  REQUIRE(t.find(b) != nullptr);
  CHECK(t.find(b)->size == 600);
  CHECK(innermost(t, b).lineno == 6);
  CHECK(t.traceback(t.find(b)->traceback).nframe == 1);
  CHECK(t.traced_memory() == 600);
  heap.stop_tracing();
  heap.free(Domain::Mem, b);
}

TEST_CASE("tracer: no frames is <unknown>:0; suspended allocations are not traced", "[tracer]") {
  Heap heap(4 * kUnitSize);
  g_frames = {};
  heap.start_tracing(1, fake_frames);
  Addr a = heap.malloc(Domain::Raw, 100);
  const Tracer& t = heap.tracer();
  const Tracer::Traceback& tb = t.traceback(t.find(a)->traceback);
  CHECK(tb.nframe == 1);
  CHECK(tb.total_nframe == 1);
  CHECK(t.filename(innermost(t, a).filename) == "<unknown>");
  CHECK(innermost(t, a).lineno == 0);
  heap.tracer().set_suspended(true);
  Addr b = heap.malloc(Domain::Object, 8);
  heap.tracer().set_suspended(false);
  CHECK(t.find(b) == nullptr);
  heap.tracer().clear();
  CHECK(t.traces().empty());
  CHECK(heap.tracer().tracing());
  heap.stop_tracing();
  heap.free(Domain::Raw, a);
  heap.free(Domain::Object, b);
}

TEST_CASE("tracer: a reused block is charged to the line reusing it, an untraced one stays untraced", "[tracer]") {
  Heap heap(4 * kUnitSize);
  Addr before = heap.malloc(Domain::Object, 56);
  g_frames = {{"prog.py", 2}};
  heap.start_tracing(1, fake_frames);
  Addr a = heap.malloc(Domain::Object, 56);
  g_frames = {{"prog.py", 7}};
  heap.tracer().retrace(a);
  heap.tracer().retrace(before);
  const Tracer& t = heap.tracer();
  CHECK(innermost(t, a).lineno == 7);
  CHECK(t.find(a)->size == 56);
  CHECK(t.find(before) == nullptr);
  CHECK(t.traced_memory() == 56);
  heap.stop_tracing();
  heap.free(Domain::Object, a);
  heap.free(Domain::Object, before);
}

TEST_CASE("tracer: allocations fail once the tables reach the region's limit", "[tracer]") {
  Heap heap(2 * kUnitSize);  // tables may take 2 MiB
  g_frames = {{"prog.py", 1}};
  heap.start_tracing(1, fake_frames);
  std::vector<Addr> blocks;
  for (Addr a; (a = heap.malloc(Domain::Object, 16)) != 0;) blocks.push_back(a);
  const Tracer& t = heap.tracer();
  CHECK(t.table_memory() >= 2 * kUnitSize);
  CHECK(blocks.size() == t.traces().size());  // every block made is traced
  CHECK(blocks.size() < 2 * kUnitSize / 16);   // the region was not what ran out
  heap.stop_tracing();
  for (Addr a : blocks) heap.free(Domain::Object, a);
  CHECK(heap.malloc(Domain::Object, 16) != 0);
}
