// Weak references against CPython 3.12: sizes, the shared basic ref, list
// order, callbacks at death in list order, and the collector's rules.
#include <catch2/catch.hpp>

#include <vector>

#include "core/gc/collector.h"
#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/weakref.h"
#include "tests/unit/core/gc_test_node.h"

using namespace heaplab;
using namespace heaplab::test;

namespace {

std::vector<Object*>* g_calls = nullptr;  // the weakrefs callbacks were called with

Object* record_call(Object*, Object* const* args, size_t nargs, Object*) {
  if (nargs == 1) g_calls->push_back(args[0]);
  return none();
}
const NativeFunctionDef kRecord = {"record", record_call};

struct Fixture {
  Runtime rt{64 << 20, false};
  NodeWorld world;
  std::vector<Object*> calls;
  Object* callback = nullptr;
  Fixture() {
    rt.activate();
    world.type = make_node_type();
    g_nodes = &world;
    g_calls = &calls;
    callback = new_builtin_function(&kRecord, nullptr, nullptr);
  }
  ~Fixture() {
    decref(callback);
    g_nodes = nullptr;
    g_calls = nullptr;
  }
  TypeObject* ref_type() const { return rt.gc.weakref_types.ref; }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "weakref objects have 3.12's size", "[weakref]") {
  CHECK(sizeof(WeakrefObject) + sizeof(GCHeader) == 80);  // sys.getsizeof(weakref.ref(x))
  NodeObject* n = new_node();
  Object* r = weakref_new(ref_type(), n, nullptr);
  CHECK(slots_of(r).size_of(r) == 64);
  CHECK(gc_is_tracked(r));
  decref(r);
  decref(n);
}

TEST_CASE_METHOD(Fixture, "the callback-less ref is shared and leads the list", "[weakref]") {
  NodeObject* n = new_node();
  Object* r1 = weakref_new(ref_type(), n, callback);
  Object* basic = weakref_new(ref_type(), n, nullptr);
  Object* again = weakref_new(ref_type(), n, none());
  CHECK(again == basic);
  Object* r2 = weakref_new(ref_type(), n, callback);
  CHECK(r2 != r1);
  Object* proxy = weakref_proxy_new(n, nullptr);
  CHECK(weakref_count(n) == 4);
  // basic ref, basic proxy, then the callback refs newest first
  auto* head = at<WeakrefObject>(*weakref_list_head(n));
  CHECK(head == basic);
  CHECK(head->wr_next.get() == proxy);
  CHECK(head->wr_next->wr_next.get() == r2);
  CHECK(head->wr_next->wr_next->wr_next.get() == r1);

  decref(n);  // dies: callbacks in list order, with their weakref
  REQUIRE(calls.size() == 2);
  CHECK(calls[0] == r2);
  CHECK(calls[1] == r1);
  CHECK(weakref_referent(static_cast<WeakrefObject*>(basic)) == none());
  for (Object* o : {r1, basic, again, r2, proxy}) decref(o);
}

TEST_CASE_METHOD(Fixture, "types without a weakref list are refused", "[weakref]") {
  Object* l = list_new(0);
  CHECK(weakref_new(ref_type(), l, nullptr) == nullptr);
  REQUIRE(error_matches(rt.types.TypeError));
  Object* exc = fetch_error();
  CHECK(exception_message(exc) == "cannot create weak reference to 'list' object");
  decref(exc);
  CHECK(weakref_count(l) == 0);
  decref(l);
}

TEST_CASE_METHOD(Fixture, "proxies raise ReferenceError once the referent died", "[weakref]") {
  NodeObject* n = new_node();
  Object* p = weakref_proxy_new(n, nullptr);
  CHECK(type_of(p) == rt.gc.weakref_types.proxy);
  decref(n);
  CHECK(object_str(p) == nullptr);
  REQUIRE(error_matches(rt.gc.weakref_types.reference_error));
  Object* exc = fetch_error();
  CHECK(exception_message(exc) == "weakly-referenced object no longer exists");
  decref(exc);
  decref(p);
}

TEST_CASE_METHOD(Fixture, "the collector calls callbacks of weakrefs that outlive their referent", "[weakref][gc]") {
  gc_collect(2);
  // Garbage: a -> lst -> [a, inside], where `inside` weakly refers to a.
  NodeObject* a = new_node();
  Object* lst = list_new(0);
  link(a, lst);
  list_append(lst, a);
  Object* inside = weakref_new(ref_type(), a, callback);
  list_append(lst, inside);
  Object* outside = weakref_new(ref_type(), a, callback);
  decref(inside);
  decref(lst);
  decref(a);
  CHECK(gc_collect(2) == 3);
  // A weakref that is garbage itself never calls back.
  REQUIRE(calls.size() == 1);
  CHECK(calls[0] == outside);
  CHECK(weakref_referent(static_cast<WeakrefObject*>(outside)) == none());
  decref(outside);
}
