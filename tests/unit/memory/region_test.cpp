#include "core/memory/region.h"

#include <catch2/catch.hpp>

using namespace heaplab::memory;

TEST_CASE("region: limit rounds up to whole units, at least two", "[region]") {
  CHECK(Region(0).limit() == 2 * kUnitSize);
  CHECK(Region(2 * kUnitSize + 1).limit() == 3 * kUnitSize);
  Region r(8 * kUnitSize);
  CHECK(r.unit_count() == 8);
  CHECK(r.mapped_units() == 1);
  CHECK(r.unit_kind(0) == UnitKind::Static);
}

TEST_CASE("region: static area is a 16-byte aligned bump allocator starting at 16", "[region]") {
  Region r(2 * kUnitSize);
  CHECK(r.static_alloc(24) == 16);
  CHECK(r.static_alloc(1) == 48);
  CHECK(r.static_alloc(0) == 64);
  CHECK(r.static_alloc(kUnitSize) == 0);  // past the static unit
  CHECK(r.static_used() == 80);
}

TEST_CASE("region: map takes the lowest free run and fails cleanly at the limit", "[region]") {
  Region r(5 * kUnitSize);
  Addr a = r.map(1, UnitKind::Arena);
  Addr b = r.map(2, UnitKind::Raw);
  CHECK(a == kUnitSize);
  CHECK(b == 2 * kUnitSize);
  CHECK(r.map(2, UnitKind::Raw) == 0);  // only unit 4 is left
  r.unmap(a, 1);
  CHECK(r.unit_kind(1) == UnitKind::Free);
  CHECK(r.map(2, UnitKind::Raw) == 0);  // units 1 and 4 are not contiguous
  CHECK(r.map(1, UnitKind::Arena) == kUnitSize);
  CHECK(r.mapped_units() == 4);
  CHECK(r.kind_at(2 * kUnitSize + 5) == UnitKind::Raw);
  CHECK(r.kind_at(r.limit()) == UnitKind::Free);
}

TEST_CASE("region: offsets translate to host pointers and back; unmapped units read as zeros", "[region]") {
  Region r(3 * kUnitSize);
  Addr a = r.map(1, UnitKind::Raw);
  *r.at<uint32_t>(a + 64) = 0xdeadbeef;
  CHECK(r.addr_of(r.at<uint32_t>(a + 64)) == a + 64);
  CHECK(r.load_u64(a + 64) == 0xdeadbeef);
  r.unmap(a, 1);
  CHECK(r.map(1, UnitKind::Raw) == a);
  CHECK(r.load_u64(a + 64) == 0);
}
