// dict and float against CPython 3.12's numbers: sys.getsizeof values of the
// compact dict, float reprs, hashes and arithmetic.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

using namespace heaplab;

namespace {

// sys.getsizeof: __sizeof__ plus the GC header of GC types.
size_t getsizeof(Object* o) {
  size_t n = slots_of(o).size_of(o);
  return n + (has_gc(type_of(o)) ? sizeof(GCHeader) : 0);
}

Object* S(const char* s) { return str_from_utf8(s); }
Object* I(int64_t v) { return int_from_i64(v); }

void set(Object* d, Object* k, Object* v) {
  REQUIRE(dict_setitem(d, k, v) == 0);
  decref(k);
  decref(v);
}

std::string repr(Object* o) {
  std::string out;
  REQUIRE(repr_utf8(o, &out));
  return out;
}

std::string take_error_message() {
  REQUIRE(error_occurred());
  Object* exc = fetch_error();
  std::string msg = std::string(type_name(exc)) + ": " + exception_message(exc);
  decref(exc);
  return msg;
}

struct Fixture {
  Runtime rt{64 << 20, false};
  Fixture() { rt.activate(); }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "dict sizes follow CPython 3.12", "[dict]") {
  Object* empty = dict_new();
  CHECK(getsizeof(empty) == 64);
  decref(empty);

  // d = {}; for i in range(100): d[i] = i
  Object* d = dict_new();
  std::vector<size_t> sizes;
  for (int i = 0; i < 100; ++i) {
    set(d, I(i), I(i));
    size_t s = getsizeof(d);
    if (sizes.empty() || sizes.back() != s) sizes.push_back(s);
  }
  CHECK(sizes == std::vector<size_t>{224, 352, 632, 1168, 2264, 4688});
  CHECK(dict_size(d) == 100);
  for (int i = 0; i < 100; ++i) {
    Object* k = I(i);
    Object* v = dict_getitem(d, k);
    REQUIRE(v);
    int64_t x;
    CHECK((int_as_i64(static_cast<IntObject*>(v), &x) && x == i));
    decref(k);
  }
  decref(d);

  // 20 str keys "key%d"
  d = dict_new();
  for (int i = 0; i < 20; ++i) set(d, S(("key" + std::to_string(i)).c_str()), I(i));
  CHECK(getsizeof(d) == 464);
  decref(d);

  // {"a": 1}
  d = dict_new();
  set(d, S("a"), I(1));
  CHECK(getsizeof(d) == 184);
  // A non-str key converts the unicode table to a general one. GROWTH_RATE
  // is 3, and 64-bit calculate_log2_keysize(3) gives 16 slots, not 8
  // ((3 | 8) - 1 = 10 has 4 bits): 352, as CPython 3.11 and 3.12 print.
  set(d, I(1), I(2));
  CHECK(getsizeof(d) == 352);
  Object* a = S("a");
  CHECK(dict_getitem(d, a) != nullptr);
  CHECK(dict_getitem_str(d, a) != nullptr);
  decref(a);
  decref(d);

  // Presized (BUILD_MAP with 6 str keys): ESTIMATE_SIZE(6) = 9 -> 16 slots.
  d = dict_new_presized(6, true);
  CHECK(getsizeof(d) == 64 + 32 + 16 + 10 * 16);
  decref(d);
}

TEST_CASE_METHOD(Fixture, "dict operations", "[dict]") {
  Object* d = dict_new();
  set(d, S("x"), I(1));
  set(d, I(2), S("two"));
  set(d, S("x"), I(3));  // replace keeps the order
  CHECK(repr(d) == "{'x': 3, 2: 'two'}");
  CHECK(dict_size(d) == 2);

  Object* k = S("missing");
  CHECK(dict_getitem(d, k) == nullptr);
  CHECK(!error_occurred());
  CHECK(dict_delitem(d, k) == -1);
  CHECK(take_error_message() == "KeyError: 'missing'");
  CHECK(object_getitem(d, k) == nullptr);
  CHECK(take_error_message() == "KeyError: 'missing'");
  CHECK(dict_contains(d, k) == 0);
  decref(k);

  k = S("x");
  CHECK(dict_delitem(d, k) == 0);
  CHECK(dict_contains(d, k) == 0);
  decref(k);
  CHECK(repr(d) == "{2: 'two'}");

  // Unhashable keys and dict's own hash.
  Object* inner = dict_new();
  CHECK(dict_setitem(d, inner, inner) == -1);
  CHECK(take_error_message() == "TypeError: unhashable type: 'dict'");
  CHECK(object_hash(d) == -1);
  CHECK(take_error_message() == "TypeError: unhashable type: 'dict'");
  decref(inner);

  // Recursion guard in repr.
  Object* self_key = S("self");
  REQUIRE(dict_setitem(d, self_key, d) == 0);
  CHECK(repr(d) == "{2: 'two', 'self': {...}}");
  REQUIRE(dict_delitem(d, self_key) == 0);
  decref(self_key);

  // Equality.
  Object* e = dict_new();
  set(e, I(2), S("two"));
  CHECK(object_rich_compare_bool(d, e, CompareOp::Eq) == 1);
  set(e, I(3), S("three"));
  CHECK(object_rich_compare_bool(d, e, CompareOp::Ne) == 1);
  decref(e);

  // Iteration in insertion order, and mutation during iteration.
  dict_clear(d);
  CHECK(getsizeof(d) == 64);
  for (int i = 10; i > 0; --i) set(d, I(i * 7), I(i));
  Object* it = object_iter(d);
  REQUIRE(it);
  std::vector<int64_t> seen;
  while (Object* key = iter_next(it)) {
    int64_t x;
    int_as_i64(static_cast<IntObject*>(key), &x);
    seen.push_back(x);
    decref(key);
  }
  CHECK(!error_occurred());
  CHECK(seen == std::vector<int64_t>{70, 63, 56, 49, 42, 35, 28, 21, 14, 7});
  CHECK(getsizeof(it) == 72);
  decref(it);

  it = object_iter(d);
  Object* first = iter_next(it);
  REQUIRE(first);
  decref(first);
  set(d, I(1000), I(0));
  CHECK(iter_next(it) == nullptr);
  CHECK(take_error_message() == "RuntimeError: dictionary changed size during iteration");
  decref(it);

  // Deletions leave dummies; a later insertion past dk_usable resizes by GROWTH_RATE.
  for (int i = 1; i <= 10; ++i) {
    Object* key = I(i * 7);
    REQUIRE(dict_delitem(d, key) == 0);
    decref(key);
  }
  CHECK(dict_size(d) == 1);
  for (int i = 0; i < 30; ++i) set(d, I(5000 + i), I(i));
  CHECK(dict_size(d) == 31);
  int64_t pos = 0;
  Object *key, *value;
  int count = 0;
  while (dict_next(d, &pos, &key, &value)) ++count;
  CHECK(count == 31);
  decref(d);
}

TEST_CASE_METHOD(Fixture, "dict objects, keys and floats are reference-clean", "[dict][float]") {
  dict_clear_free_lists();  // the runtime's start filled them (type dicts grew)
  float_clear_free_list();
  rt.track_objects = true;
  size_t before = rt.live_objects.size();
  size_t blocks = rt.heap.allocated_blocks();
  {
    Object* d = dict_new();
    for (int i = 0; i < 50; ++i) {
      set(d, S(("name" + std::to_string(i)).c_str()), float_from_double(i + 0.5));
    }
    set(d, I(100000), S("big"));
    Object* nested = dict_new();
    set(nested, S("k"), d);
    decref(nested);
  }
  CHECK(rt.live_objects.size() == before);
  dict_clear_free_lists();
  float_clear_free_list();
  CHECK(rt.heap.allocated_blocks() == blocks);
  CHECK(rt.live_objects.size() == before);
}

TEST_CASE_METHOD(Fixture, "free lists reuse dicts, keys and floats", "[dict][float]") {
  Object* d = dict_new();
  set(d, S("a"), I(1));
  Object* old = d;
  int keys_before = dict_keys_free_list_size();
  decref(d);
  CHECK(dict_free_list_size() == 1);
  CHECK(dict_keys_free_list_size() == keys_before + 1);
  d = dict_new();
  CHECK(d == old);
  CHECK(dict_free_list_size() == 0);
  set(d, S("b"), I(2));
  CHECK(dict_keys_free_list_size() == keys_before);
  decref(d);

  Object* f = float_from_double(1.5);
  Object* g = f;
  decref(f);
  CHECK(float_free_list_size() == 1);
  f = float_from_double(2.5);
  CHECK(f == g);
  CHECK(float_value(f) == 2.5);
  CHECK(f->refcnt == 1);
  decref(f);
  std::vector<Object*> many;
  for (int i = 0; i < 150; ++i) many.push_back(float_from_double(i));
  for (Object* o : many) decref(o);
  CHECK(float_free_list_size() == kFloatMaxFreeList);
  float_clear_free_list();
  CHECK(float_free_list_size() == 0);
}

TEST_CASE("float repr", "[float]") {
  struct Case {
    double v;
    const char* repr;
  } cases[] = {
      {0.0, "0.0"}, {-0.0, "-0.0"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"},
      {1e-5, "1e-05"}, {1e-4, "0.0001"}, {0.0001234, "0.0001234"}, {1.5, "1.5"},
      {100.0, "100.0"}, {1.2345678901234567e19, "1.2345678901234567e+19"},
      {123456789012345678.0, "1.2345678901234568e+17"}, {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"}, {0.1 + 0.2, "0.30000000000000004"},
      {1.0 / 3, "0.3333333333333333"}, {-1e-7, "-1e-07"}, {12345.678, "12345.678"},
      {1e22, "1e+22"}, {9999999999999998.0, "9999999999999998.0"}, {1e300, "1e+300"},
      {HUGE_VAL, "inf"}, {-HUGE_VAL, "-inf"}, {std::nan(""), "nan"},
  };
  for (const auto& c : cases) {
    INFO(c.repr);
    CHECK(float_repr_string(c.v) == c.repr);
  }
}

TEST_CASE_METHOD(Fixture, "float hash, comparisons and arithmetic", "[float]") {
  struct HashCase {
    double v;
    int64_t h;
  } hashes[] = {
      {1.0, 1}, {1.5, 1152921504606846977}, {-1.0, -2}, {0.1, 230584300921369408},
      {1e300, 1224995262755759164}, {-2.5e-300, -52920977297143526},
      {3.141592653589793, 326490430436040707}, {0x1p61, 1}, {0x1p70, 512},
      {HUGE_VAL, 314159}, {-HUGE_VAL, -314159},
  };
  for (const auto& c : hashes) {
    Object* f = float_from_double(c.v);
    CHECK(object_hash(f) == c.h);
    decref(f);
  }

  auto num = [](Object* o) {
    REQUIRE(o);
    std::string s;
    REQUIRE(repr_utf8(o, &s));
    decref(o);
    return s;
  };
  auto F = [](double v) { return float_from_double(v); };
  auto bin = [&](double a, double b, BinaryOp op) {
    Object* x = F(a);
    Object* y = F(b);
    Object* r = binary_op(x, y, op);
    decref(x);
    decref(y);
    return r;
  };
  CHECK(num(bin(7.0, 2.0, BinaryOp::FloorDivide)) == "3.0");
  CHECK(num(bin(-7.0, 3.0, BinaryOp::Remainder)) == "2.0");
  CHECK(num(bin(7.5, -2.0, BinaryOp::Remainder)) == "-0.5");
  CHECK(num(bin(-7.5, 2.0, BinaryOp::FloorDivide)) == "-4.0");
  CHECK(num(bin(2.0, -1.0, BinaryOp::Power)) == "0.5");
  CHECK(num(bin(-2.0, 3.0, BinaryOp::Power)) == "-8.0");
  CHECK(num(bin(0.1, 0.2, BinaryOp::Add)) == "0.30000000000000004");

  CHECK(bin(1.0, 0.0, BinaryOp::TrueDivide) == nullptr);
  CHECK(take_error_message() == "ZeroDivisionError: float division by zero");
  CHECK(bin(1.0, 0.0, BinaryOp::FloorDivide) == nullptr);
  CHECK(take_error_message() == "ZeroDivisionError: float floor division by zero");
  CHECK(bin(1.0, 0.0, BinaryOp::Remainder) == nullptr);
  CHECK(take_error_message() == "ZeroDivisionError: float modulo");
  CHECK(bin(0.0, -1.0, BinaryOp::Power) == nullptr);
  CHECK(take_error_message() == "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  CHECK(bin(10.0, 400.0, BinaryOp::Power) == nullptr);
  CHECK(take_error_message() == "OverflowError: (34, 'Numerical result out of range')");

  // Mixed with ints, on both sides.
  Object* i3 = I(3);
  Object* h = F(0.5);
  Object* r = binary_op(i3, h, BinaryOp::Add);
  CHECK(num(r) == "3.5");
  r = binary_op(h, i3, BinaryOp::Subtract);
  CHECK(num(r) == "-2.5");
  decref(h);
  decref(i3);

  // Exact comparison with big ints: float(2**53) < 2**53 + 1.
  Object* big = I((int64_t(1) << 53) + 1);
  Object* fb = F(0x1p53);
  CHECK(object_rich_compare_bool(fb, big, CompareOp::Lt) == 1);
  CHECK(object_rich_compare_bool(big, fb, CompareOp::Gt) == 1);
  CHECK(object_rich_compare_bool(fb, big, CompareOp::Eq) == 0);
  decref(big);
  big = I(int64_t(1) << 53);
  CHECK(object_rich_compare_bool(fb, big, CompareOp::Eq) == 1);
  CHECK(object_hash(fb) == object_hash(big));
  decref(big);
  decref(fb);
  Object* nan = F(std::nan(""));
  Object* one = I(1);
  CHECK(object_rich_compare_bool(nan, one, CompareOp::Eq) == 0);
  CHECK(object_rich_compare_bool(nan, one, CompareOp::Ne) == 1);
  decref(one);
  decref(nan);

  // 1.0 and 1 are the same dict key.
  Object* d = dict_new();
  set(d, I(1), S("int"));
  set(d, F(1.0), S("float"));
  CHECK(dict_size(d) == 1);
  CHECK(repr(d) == "{1: 'float'}");
  decref(d);

  Object* f = F(2.0);
  CHECK(getsizeof(f) == 24);
  decref(f);
}

TEST_CASE_METHOD(Fixture, "large dicts: 2- and 4-byte indices, deletions, conversions", "[dict]") {
  Object* d = dict_new();
  std::vector<size_t> sizes;
  for (int i = 0; i < 70000; ++i) {
    set(d, I(i), I(i));
    size_t s = getsizeof(d);
    if (sizes.empty() || sizes.back() != s) sizes.push_back(s);
  }
  // Printed by CPython 3.11/3.12 for the same loop.
  CHECK(sizes == std::vector<size_t>{224, 352, 632, 1168, 2264, 4688, 9304, 18512, 36952, 73808, 147544,
                                     294992, 589912, 1310800, 2621528});
  for (int i = 0; i < 70000; i += 2) {
    Object* k = I(i);
    REQUIRE(dict_delitem(d, k) == 0);
    decref(k);
  }
  for (int i = 100000; i < 130000; ++i) set(d, I(i), I(i));
  CHECK(getsizeof(d) == 5242960);
  CHECK(dict_size(d) == 65000);
  for (int i = 0; i < 130000; i += 7) {
    Object* k = I(i);
    bool expect = (i < 70000 && i % 2 == 1) || i >= 100000;
    CHECK((dict_getitem(d, k) != nullptr) == expect);
    decref(k);
  }
  decref(d);

  d = dict_new();
  for (int i = 0; i < 1000; ++i) set(d, S(("k" + std::to_string(i)).c_str()), I(i));
  for (int i = 0; i < 1000; i += 3) {
    Object* k = S(("k" + std::to_string(i)).c_str());
    REQUIRE(dict_delitem(d, k) == 0);
    decref(k);
  }
  Object* one = I(1);
  CHECK(dict_contains(d, one) == 0);  // an int looked up in a unicode table
  decref(one);
  for (int i = 0; i < 5; ++i) set(d, I(i), I(i));
  CHECK(getsizeof(d) == 36952);
  Object* k = S("k1");
  CHECK(dict_getitem(d, k) != nullptr);
  decref(k);
  decref(d);
}

TEST_CASE_METHOD(Fixture, "deeply nested dicts are freed without deep recursion", "[dict]") {
  dict_clear_free_lists();
  size_t blocks = rt.heap.allocated_blocks();
  Object* d = dict_new();
  Object* key = S("x");
  for (int i = 0; i < 200000; ++i) {
    Object* outer = dict_new();
    REQUIRE(dict_setitem(outer, key, d) == 0);
    decref(d);
    d = outer;
  }
  decref(key);
  decref(d);
  dict_clear_free_lists();
  CHECK(rt.heap.allocated_blocks() == blocks);
}
