// Managed __dict__ storage (instance_dict.h) and split-table dicts against
// CPython 3.12's numbers. The "instances" are objects of a minimal static
// type with kTypeManagedDict, standing in for a class; each test case's type
// gets fresh shared keys, as a new class would.
#include <catch2/catch.hpp>

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/dict_values.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/instance_dict.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

using namespace heaplab;

namespace {

size_t getsizeof(Object* o) {
  size_t n = slots_of(o).size_of(o);
  return n + (has_gc(type_of(o)) ? sizeof(GCHeader) : 0);
}

std::string repr(Object* o) {
  std::string out;
  REQUIRE(repr_utf8(o, &out));
  return out;
}

Object* S(const std::string& s) { return str_from_utf8(s); }
Object* I(int64_t v) { return int_from_i64(v); }
DictObject* dict_obj(Object* o) { return static_cast<DictObject*>(o); }

int64_t as_i64(Object* o) {
  int64_t v = 0;
  REQUIRE(o);
  REQUIRE(int_as_i64(static_cast<IntObject*>(o), &v));
  return v;
}

void instance_dealloc(Object* o) {
  gc_untrack(o);
  instance_dict_clear(o);
  free_object(o);
}

TypeSlots g_instance_slots;

struct Fixture {
  Runtime rt{64 << 20, false};
  TypeObject* cls = nullptr;

  Fixture() {
    rt.activate();
    cls = new_static_type();
    cls->type.set(rt.types.type);
    cls->base.set(rt.types.object);
    cls->basicsize = 16;
    cls->flags = kTypeHaveGC | kTypePreHeader;
    g_instance_slots.name = "C";
    g_instance_slots.dealloc = instance_dealloc;
    g_instance_slots.traverse = instance_dict_traverse;
    g_instance_slots.clear = instance_dict_clear;
    register_type_slots(cls, &g_instance_slots);
    cls->cached_keys = new_shared_keys();
    REQUIRE(cls->cached_keys);
  }

  DictKeysObject* keys() const { return at<DictKeysObject>(cls->cached_keys); }

  Object* make() {
    Object* o = new_object(cls, 16);
    REQUIRE(o);
    REQUIRE(instance_init_values(o, cls->cached_keys));
    gc_track(o);
    return o;
  }

  void set(Object* o, const std::string& name, Object* value) {
    Object* n = S(name);
    REQUIRE(instance_dict_set(o, n, value) == 0);
    decref(n);
    decref(value);
  }

  Object* get(Object* o, const std::string& name) {
    Object* n = S(name);
    Object* v = instance_dict_get(o, n);
    decref(n);
    return v;
  }

  int del(Object* o, const std::string& name) {
    Object* n = S(name);
    int r = instance_dict_set(o, n, nullptr);
    decref(n);
    return r;
  }

  // The __dict__, as x.__dict__ gives it.
  std::string vars(Object* o) {
    Object* d = instance_get_dict(o);
    REQUIRE(d);
    std::string r = repr(d);
    decref(d);
    return r;
  }

  static bool has_values(Object* o) { return preheader(o)->dict & 1; }
  static DictObject* dict_of(Object* o) {
    Addr a = preheader(o)->dict;
    return (a & 1) ? nullptr : at<DictObject>(a);
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "shared keys of a class: 768 bytes, 30 usable names", "[instance_dict]") {
  CHECK(shared_keys_size(cls->cached_keys) == 768);  // 32 + 64 + 42 * 16
  CHECK(keys()->dk_kind == kDictKeysSplit);
  CHECK(keys()->dk_usable == 30);
  CHECK(keys()->dk_refcnt == 1);
  Object* a = make();
  CHECK(keys()->dk_usable == 29);  // each new instance takes one off, down to 1
  CHECK(has_values(a));
  decref(a);
}

TEST_CASE_METHOD(Fixture, "attributes live in the values until __dict__ is asked for", "[instance_dict]") {
  Object* a = make();
  set(a, "x", I(1));
  set(a, "y", I(2));
  CHECK(has_values(a));
  CHECK(keys()->dk_nentries == 2);
  CHECK(keys()->dk_usable == 27);
  CHECK(as_i64(get(a, "x")) == 1);
  CHECK(get(a, "z") == nullptr);
  CHECK(!error_occurred());

  // The values are visited by the instance's traverse: no dict exists yet.
  int visited = 0;
  instance_dict_traverse(a, [](Object*, void* n) { ++*static_cast<int*>(n); }, &visited);
  CHECK(visited == 2);

  Object* d = instance_get_dict(a);
  REQUIRE(d);
  CHECK(!has_values(a));
  CHECK(dict_of(a) == d);
  CHECK(dict_obj(d)->ma_values != 0);
  CHECK(getsizeof(d) == 296);  // 16 + 48 + (2 entries + 27 usable) * 8
  CHECK(repr(d) == "{'x': 1, 'y': 2}");
  CHECK(!gc_is_tracked(d));  // only ints: nothing for the collector
  CHECK(d->refcnt == 2);
  // The same dict every time.
  Object* again = instance_get_dict(a);
  CHECK(again == d);
  decref(again);
  decref(d);

  // Attributes now go through the dict, and both views agree.
  set(a, "z", I(3));
  CHECK(keys()->dk_nentries == 3);  // joined the shared keys: still split
  d = instance_get_dict(a);
  CHECK(getsizeof(d) == 296);
  CHECK(repr(d) == "{'x': 1, 'y': 2, 'z': 3}");
  Object* k = S("w");
  Object* v = I(4);
  REQUIRE(dict_setitem(d, k, v) == 0);
  decref(k);
  decref(v);
  CHECK(as_i64(get(a, "w")) == 4);
  visited = 0;
  instance_dict_traverse(a, [](Object*, void* n) { ++*static_cast<int*>(n); }, &visited);
  CHECK(visited == 1);  // the dict
  decref(d);
  decref(a);
  CHECK(keys()->dk_refcnt == 1);
}

TEST_CASE_METHOD(Fixture, "each instance keeps its own insertion order", "[instance_dict]") {
  Object* a = make();
  set(a, "x", I(1));
  set(a, "y", I(2));
  Object* b = make();
  set(b, "z", I(1));
  set(b, "y", I(2));
  set(b, "x", I(3));
  CHECK(vars(b) == "{'z': 1, 'y': 2, 'x': 3}");
  CHECK(vars(a) == "{'x': 1, 'y': 2}");
  Object* db = instance_get_dict(b);
  CHECK(getsizeof(db) == 288);  // 3 entries + 25 usable
  std::string keys_in_order;
  Object* it = slots_of(db).iter(db);
  while (Object* key = slots_of(it).iternext(it)) {
    keys_in_order += str_to_utf8(static_cast<StrObject*>(key));
    decref(key);
  }
  decref(it);
  CHECK(keys_in_order == "zyx");
  decref(db);
  decref(a);
  decref(b);
}

TEST_CASE_METHOD(Fixture, "deleting keeps the table split; a missing name is -1 without an exception",
                 "[instance_dict]") {
  Object* f = make();
  set(f, "x", I(1));
  set(f, "y", I(2));
  CHECK(del(f, "x") == 0);
  CHECK(get(f, "x") == nullptr);
  CHECK(del(f, "x") == -1);
  CHECK(!error_occurred());
  Object* d = instance_get_dict(f);
  CHECK(dict_obj(d)->ma_values != 0);
  CHECK(repr(d) == "{'y': 2}");
  CHECK(dict_size(d) == 1);
  set(f, "x", I(3));
  CHECK(repr(d) == "{'y': 2, 'x': 3}");
  // Through the dict too: KeyError becomes the caller's AttributeError.
  CHECK(del(f, "x") == 0);
  CHECK(del(f, "x") == -1);
  CHECK(!error_occurred());
  CHECK(dict_obj(d)->ma_values != 0);
  decref(d);
  decref(f);
}

TEST_CASE_METHOD(Fixture, "a name the shared keys cannot take makes a combined dict", "[instance_dict]") {
  SECTION("the 30th name of the first instance") {
    Object* o = make();
    for (int i = 0; i < 29; ++i) set(o, "a" + std::to_string(i), I(i));
    CHECK(has_values(o));
    set(o, "a29", I(29));
    REQUIRE(!has_values(o));
    DictObject* d = dict_of(o);
    CHECK(d->ma_values == 0);
    CHECK(getsizeof(d) == 1584);  // 16 + 48 + 32 + 128 + 85 * 16
    CHECK(as_i64(get(o, "a29")) == 29);
    CHECK(as_i64(get(o, "a0")) == 0);
    CHECK(keys()->dk_refcnt == 1);  // the dict let go of the shared keys
    // A later instance: nothing left to share but the 29 names.
    Object* p = make();
    set(p, "a0", I(1));
    CHECK(has_values(p));
    Object* dp = instance_get_dict(p);
    CHECK(getsizeof(dp) == 296);
    decref(dp);
    decref(p);
    decref(o);
  }
  SECTION("a name that is not an exact str") {
    Object* o = make();
    set(o, "x", I(1));
    // (An int here; a str subclass takes the same path.) The dict becomes general.
    Object* name = I(7);
    REQUIRE(instance_dict_set(o, name, name) == 0);
    REQUIRE(!has_values(o));
    CHECK(getsizeof(dict_of(o)) == 352);  // general table of 16: 32 + 16 + 10 * 24
    CHECK(vars(o) == "{'x': 1, 7: 7}");
    CHECK(instance_dict_get(o, name) == name);
    decref(name);
    decref(o);
  }
}

TEST_CASE_METHOD(Fixture, "split dicts: sizes, copy, clear, equality, conversion", "[instance_dict][dict]") {
  Object* g = make();
  set(g, "y", I(1));
  set(g, "x", I(2));
  Object* d = instance_get_dict(g);
  CHECK(getsizeof(d) == 296);

  Object* c = dict_copy(d);
  REQUIRE(c);
  CHECK(dict_obj(c)->ma_values != 0);
  CHECK(dict_obj(c)->ma_keys == dict_obj(d)->ma_keys);
  CHECK(keys()->dk_refcnt == 3);
  CHECK(repr(c) == "{'y': 1, 'x': 2}");
  CHECK(getsizeof(c) == 296);
  Object* eq = slots_of(c).richcompare(c, d, CompareOp::Eq);
  CHECK(eq == g_rt->true_obj);

  // A combined dict with the same items, in another order, is equal.
  Object* plain = dict_new();
  Object* kx = S("x");
  Object* ky = S("y");
  Object* v1 = I(1);
  Object* v2 = I(2);
  REQUIRE(dict_setitem(plain, kx, v2) == 0);
  REQUIRE(dict_setitem(plain, ky, v1) == 0);
  eq = slots_of(d).richcompare(d, plain, CompareOp::Eq);
  CHECK(eq == g_rt->true_obj);

  // A non-str key converts the split table to a combined general one.
  REQUIRE(dict_setitem(c, v1, v2) == 0);
  CHECK(dict_obj(c)->ma_values == 0);
  CHECK(keys()->dk_refcnt == 2);
  CHECK(repr(c) == "{'y': 1, 'x': 2, 1: 2}");
  CHECK(getsizeof(c) == 352);

  dict_clear(d);
  CHECK(getsizeof(d) == 64);
  CHECK(dict_obj(d)->ma_values == 0);
  CHECK(keys()->dk_refcnt == 1);
  CHECK(get(g, "x") == nullptr);
  CHECK(vars(g) == "{}");

  for (Object* o : {kx, ky, v1, v2, c, d, plain, g}) decref(o);
}

TEST_CASE_METHOD(Fixture, "the materialized dict is tracked when a value may form a cycle", "[instance_dict]") {
  Object* f = make();
  Object* l = list_new(0);
  set(f, "l", newref(l));
  Object* d = instance_get_dict(f);
  CHECK(gc_is_tracked(d));
  decref(d);

  // A dict made before any attribute is untracked, and tracked by its first list.
  Object* e = make();
  Object* de = instance_get_dict(e);
  CHECK(!gc_is_tracked(de));
  set(e, "l", newref(l));
  CHECK(gc_is_tracked(de));
  decref(de);

  // dict_maybe_untrack looks at the values of a split table.
  Object* h = make();
  set(h, "n", I(5));
  Object* dh = instance_get_dict(h);
  gc_track(dh);
  dict_maybe_untrack(dh);
  CHECK(!gc_is_tracked(dh));
  decref(dh);

  CHECK(l->refcnt == 3);
  for (Object* o : {f, e, h}) decref(o);
  CHECK(l->refcnt == 1);
  decref(l);
}

TEST_CASE_METHOD(Fixture, "clearing drops values and dict; the slot can be refilled", "[instance_dict]") {
  Object* v = S("a value that is not interned");
  Object* a = make();
  set(a, "x", newref(v));
  CHECK(v->refcnt == 2);
  instance_dict_clear(a);
  CHECK(v->refcnt == 1);
  CHECK(preheader(a)->dict == 0);
  CHECK(get(a, "x") == nullptr);
  // An attribute stored on a cleared instance gets a fresh split dict.
  set(a, "x", newref(v));
  REQUIRE(dict_of(a));
  CHECK(dict_of(a)->ma_values != 0);
  CHECK(getsizeof(dict_of(a)) == 16 + 48 + 29 * 8);
  instance_dict_clear(a);
  CHECK(v->refcnt == 1);
  decref(a);
  decref(v);
}

TEST_CASE_METHOD(Fixture, "usable slots shrink with each instance, down to one", "[instance_dict]") {
  Object* objs[35];
  for (auto& o : objs) o = make();
  CHECK(keys()->dk_usable == 1);
  Object* d = instance_get_dict(objs[34]);
  CHECK(getsizeof(d) == 72);  // 16 + 48 + 1 * 8
  decref(d);
  for (auto& o : objs) decref(o);
}

TEST_CASE_METHOD(Fixture, "the values prefix records the insertion order", "[instance_dict]") {
  Addr v = values_new(29);
  REQUIRE(v);
  CHECK(values_prefix_end(v)[-1] == 32);  // round_up(29 + 2, 8)
  values_order_append(v, 4);
  values_order_append(v, 0);
  values_order_append(v, 7);
  values_order_remove(v, 0);
  CHECK(values_order_size(v) == 2);
  CHECK(values_order_at(v, 0) == 4);
  CHECK(values_order_at(v, 1) == 7);
  values_free(v);
}

TEST_CASE_METHOD(Fixture, "dict_copy of combined tables: clone when compact, else re-insert", "[dict]") {
  Object* e = dict_new();
  Object* ka = S("a");
  Object* one = I(1);
  REQUIRE(dict_setitem(e, ka, one) == 0);
  Object* ec = dict_copy(e);
  CHECK(getsizeof(ec) == 184);
  CHECK(repr(ec) == "{'a': 1}");

  Object* d = dict_new();
  for (int i = 0; i < 10; ++i) {
    Object* k = I(i);
    REQUIRE(dict_setitem(d, k, k) == 0);
    decref(k);
  }
  Object* full = dict_copy(d);
  CHECK(getsizeof(full) == 352);
  for (int i = 0; i < 5; ++i) {
    Object* k = I(i);
    REQUIRE(dict_delitem(d, k) == 0);
    decref(k);
  }
  Object* sparse = dict_copy(d);
  CHECK(getsizeof(sparse) == 224);  // 16 + 48 + 32 + 8 + 5 * 24
  CHECK(repr(sparse) == "{5: 5, 6: 6, 7: 7, 8: 8, 9: 9}");
  for (Object* o : {ka, one, e, ec, d, full, sparse}) decref(o);
}

TEST_CASE_METHOD(Fixture, "the shared keys hold a reference to each name", "[instance_dict]") {
  Object* name = S("not_interned_name");
  Object* a = make();
  REQUIRE(instance_dict_set(a, name, name) == 0);
  CHECK(name->refcnt == 3);  // ours, the shared keys', the value's
  int seen = 0;
  struct Probe {
    Object* name;
    int* seen;
  } probe{name, &seen};
  shared_keys_traverse(cls->cached_keys, [](Object* o, void* p) {
    auto* pr = static_cast<Probe*>(p);
    if (o == pr->name) ++*pr->seen;
  }, &probe);
  CHECK(seen == 1);
  decref(a);
  CHECK(name->refcnt == 2);  // the keys keep the name while the class lives
  decref(name);
}
