// The collector against CPython 3.12's behaviour: cycles found and counted,
// generation counts, atomic containers untracked, PEP 442 finalizers run
// once, resurrection, DEBUG_SAVEALL, and the recorded events.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/gc/collector.h"
#include "core/inspect/gc_snapshot.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "tests/unit/core/gc_test_node.h"

using namespace heaplab;
using namespace heaplab::test;

namespace {

struct Fixture {
  Runtime rt{64 << 20, false};
  NodeWorld world;
  Fixture() {
    rt.activate();
    world.type = make_node_type();
    g_nodes = &world;
    gc_collect(2);  // a clean start: counts at zero
  }
  ~Fixture() { g_nodes = nullptr; }
};

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE_METHOD(Fixture, "self-referencing list and dict are collected", "[gc]") {
  Object* l = list_new(0);
  REQUIRE(list_append(l, l) == 0);
  decref(l);
  CHECK(gc_collect(2) == 1);

  Object* d = dict_new();
  CHECK_FALSE(gc_is_tracked(d));  // lazy tracking: empty dicts are not tracked
  Object* key = str_from_utf8("self");
  REQUIRE(dict_setitem(d, key, d) == 0);
  decref(key);
  CHECK(gc_is_tracked(d));
  decref(d);
  CHECK(gc_collect(2) == 1);
  CHECK(gc_collect(2) == 0);
  CHECK(rt.gc.stats[2].collected == 2);
}

TEST_CASE_METHOD(Fixture, "reachable containers survive and age", "[gc]") {
  Object* a = list_new(0);
  Object* b = list_new(0);
  list_append(a, b);
  list_append(b, a);
  CHECK(gc_collect(0) == 0);  // `a` is still referenced from here
  CHECK(rt.gc.generations[1].count == 1);
  CHECK(rt.gc.generations[0].count == 0);
  CHECK(gc_list_size(gc_head(rt.gc.generations[1].head)) >= 2);
  decref(b);
  decref(a);
  CHECK(gc_collect(1) == 2);
  CHECK(rt.gc.generations[2].count == 1);
}

TEST_CASE_METHOD(Fixture, "generation 0 counts GC allocations minus deallocations", "[gc]") {
  CHECK(rt.gc.generations[0].count == 0);
  Object* a = list_new(0);  // the free lists are empty after a full collection
  CHECK(rt.gc.generations[0].count == 1);
  Object* one = int_from_i64(1000);  // not a GC object
  CHECK(rt.gc.generations[0].count == 1);
  decref(one);
  decref(a);  // to the list free list: not freed, the count stays
  CHECK(rt.gc.generations[0].count == 1);
  gc_collect(2);  // clears the free lists
  CHECK(rt.gc.generations[0].count == 0);
}

TEST_CASE_METHOD(Fixture, "an allocation past the threshold schedules a collection", "[gc]") {
  rt.gc.generations[0].threshold = 3;
  std::vector<Object*> keep;
  for (int i = 0; i < 4; ++i) keep.push_back(list_new(0));
  CHECK(gc_collection_due());
  gc_run_scheduled();
  CHECK_FALSE(gc_collection_due());
  CHECK(rt.gc.generations[0].count == 0);
  CHECK(rt.gc.stats[0].collections == 1);
  for (Object* o : keep) decref(o);
}

TEST_CASE_METHOD(Fixture, "tuples of atomic items are untracked by a collection", "[gc]") {
  Object* items[2] = {int_from_i64(1), str_from_utf8("x")};
  Object* t = tuple_from_array(items, 2);
  Object* l = list_new(0);
  Object* holder_items[2] = {t, l};
  Object* holder = tuple_from_array(holder_items, 2);
  CHECK(gc_is_tracked(t));
  CHECK(gc_is_tracked(holder));
  gc_collect(0);
  CHECK_FALSE(gc_is_tracked(t));
  CHECK(gc_is_tracked(holder));  // it holds a list
  for (Object* o : {items[0], items[1], t, l, holder}) decref(o);
}

TEST_CASE_METHOD(Fixture, "dicts are untracked only by full collections", "[gc]") {
  Object* d = dict_new();
  Object* k = str_from_utf8("k");
  Object* l = list_new(0);
  dict_setitem(d, k, l);
  CHECK(gc_is_tracked(d));
  dict_delitem(d, k);
  CHECK(gc_is_tracked(d));
  gc_collect(1);
  CHECK(gc_is_tracked(d));
  gc_collect(2);
  CHECK_FALSE(gc_is_tracked(d));
  for (Object* o : {d, k, l}) decref(o);
}

TEST_CASE_METHOD(Fixture, "finalizers run once, before clearing (PEP 442)", "[gc]") {
  NodeObject* a = new_node();
  NodeObject* b = new_node(a);
  link(a, b);
  decref(a);
  decref(b);
  CHECK(gc_collect(2) == 2);
  REQUIRE(world.finalized.size() == 2);
}

TEST_CASE_METHOD(Fixture, "a finalizer that resurrects its cycle keeps it alive", "[gc]") {
  Object* holder = list_new(0);
  world.resurrect_into = holder;
  NodeObject* a = new_node();
  NodeObject* b = new_node(a);
  link(a, b);
  decref(a);
  decref(b);
  CHECK(gc_collect(2) == 0);
  CHECK(world.finalized.size() == 2);
  CHECK(list_item(static_cast<ListObject*>(holder), 0) == world.finalized[0]);
  CHECK(gc_is_finalized(a));
  CHECK(gc_is_finalized(b));

  // Once released again, the cycle is collected without finalizing twice.
  world.resurrect_into = nullptr;
  decref(holder);
  CHECK(gc_collect(2) == 2);
  CHECK(world.finalized.size() == 2);

  const GCCollectionRecord& rec = rt.gc.history[rt.gc.history.size() - 2];
  bool resurrected = std::any_of(rec.events.begin(), rec.events.end(),
                                 [](const GCEvent& e) { return e.to == GCObjectState::Resurrected; });
  CHECK(resurrected);
}

TEST_CASE_METHOD(Fixture, "DEBUG_SAVEALL moves the garbage to gc.garbage", "[gc]") {
  rt.gc.debug = kGCDebugSaveAll;
  Object* l = list_new(0);
  list_append(l, l);
  decref(l);
  CHECK(gc_collect(2) == 1);
  auto* garbage = static_cast<ListObject*>(rt.gc.garbage);
  REQUIRE(garbage->size == 1);
  CHECK(list_item(garbage, 0) == l);
  rt.gc.debug = 0;
  // gc.garbage.clear() releases the cycle to the next collection.
  slots_of(garbage).clear(garbage);
  CHECK(gc_collect(2) == 1);
}

TEST_CASE_METHOD(Fixture, "collections are recorded phase by phase", "[gc]") {
  Object* l = list_new(0);
  list_append(l, l);
  Addr where = addr_of(l);
  decref(l);
  gc_collect(2);
  const GCCollectionRecord& rec = rt.gc.history.back();
  CHECK(rec.generation == 2);
  CHECK(rec.collected == 1);
  auto has = [&](GCObjectState to) {
    return std::any_of(rec.events.begin(), rec.events.end(),
                       [&](const GCEvent& e) { return !e.is_phase && e.object == where && e.to == to; });
  };
  CHECK(has(GCObjectState::Collecting));
  CHECK(has(GCObjectState::TentativelyUnreachable));
  CHECK(has(GCObjectState::Unreachable));
  CHECK(has(GCObjectState::Cleared));
  CHECK(has(GCObjectState::Freed));

  std::string json = gc_events_json();
  CHECK(contains(json, "\"generations\":[{\"count\":0,\"threshold\":700"));
  CHECK(contains(json, "{\"phase\":\"update_refs\"}"));
  CHECK(contains(json, "\"to\":\"freed\""));
}
