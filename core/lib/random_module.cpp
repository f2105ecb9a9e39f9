#include "core/lib/random_module.h"

#include <cstring>
#include <string>
#include <vector>

#include "core/object/bytearray.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

constexpr size_t kN = 624;
constexpr size_t kM = 397;
constexpr size_t kStateBytes = (kN + 1) * sizeof(uint32_t);  // the words, then the index

// The generator's state, kept in a bytearray of the Random object (one heap
// block, as CPython keeps it inside its C object): 624 words and the index of
// the next word to temper, each a little-endian uint32.
class State {
 public:
  explicit State(uint8_t* bytes) : bytes_(bytes) {}
  uint32_t word(size_t i) const {
    uint32_t v;
    std::memcpy(&v, bytes_ + 4 * i, 4);
    return v;
  }
  void set_word(size_t i, uint32_t v) { std::memcpy(bytes_ + 4 * i, &v, 4); }
  size_t index() const { return word(kN); }
  void set_index(size_t i) { set_word(kN, uint32_t(i)); }

  void init_genrand(uint32_t s) {
    set_word(0, s);
    for (size_t i = 1; i < kN; ++i) {
      uint32_t prev = word(i - 1);
      set_word(i, 1812433253u * (prev ^ (prev >> 30)) + uint32_t(i));
    }
    set_index(kN);
  }

  void init_by_array(const std::vector<uint32_t>& key) {
    init_genrand(19650218u);
    size_t i = 1, j = 0;
    for (size_t k = kN > key.size() ? kN : key.size(); k; --k) {
      uint32_t prev = word(i - 1);
      set_word(i, (word(i) ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + uint32_t(j));
      ++i;
      ++j;
      if (i >= kN) {
        set_word(0, word(kN - 1));
        i = 1;
      }
      if (j >= key.size()) j = 0;
    }
    for (size_t k = kN - 1; k; --k) {
      uint32_t prev = word(i - 1);
      set_word(i, (word(i) ^ ((prev ^ (prev >> 30)) * 1566083941u)) - uint32_t(i));
      ++i;
      if (i >= kN) {
        set_word(0, word(kN - 1));
        i = 1;
      }
    }
    set_word(0, 0x80000000u);
  }

  // genrand_uint32: the next tempered word, twisting a new block as needed.
  uint32_t next() {
    size_t i = index();
    if (i >= kN) {
      twist();
      i = 0;
    }
    uint32_t y = word(i);
    set_index(i + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
  }

 private:
  void twist() {
    for (size_t k = 0; k < kN; ++k) {
      uint32_t y = (word(k) & 0x80000000u) | (word((k + 1) % kN) & 0x7fffffffu);
      uint32_t v = word((k + kM) % kN) ^ (y >> 1);
      if (y & 1) v ^= 0x9908b0dfu;
      set_word(k, v);
    }
  }

  uint8_t* bytes_;
};

// The state argument: a bytearray of the right size.
bool state_arg(Object* o, State* out) {
  if (!is_bytearray(o) || static_cast<ByteArrayObject*>(o)->size != int64_t(kStateBytes)) {
    set_error(g_rt->types.ValueError, "invalid Random state");
    return false;
  }
  *out = State(bytearray_data(static_cast<ByteArrayObject*>(o)));
  return true;
}

// new_state(): a zeroed state whose index asks for seeding first.
Object* random_new_state(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("new_state", kwnames) || !check_nargs("new_state", nargs, 0, 0)) return nullptr;
  std::string zeros(kStateBytes, '\0');
  Object* s = bytearray_from_data(zeros);
  if (s) State(bytearray_data(static_cast<ByteArrayObject*>(s))).set_index(kN + 1);
  return s;
}

// A non-negative int as little-endian 32-bit words (at least one).
std::vector<uint32_t> int_words(const IntObject* v) {
  BigInt b = int_to_big(v);
  std::vector<uint32_t> words;
  uint64_t acc = 0;
  int bits = 0;
  for (uint32_t d : b.digits) {
    acc |= uint64_t(d) << bits;
    bits += kDigitBits;
    while (bits >= 32) {
      words.push_back(uint32_t(acc));
      acc >>= 32;
      bits -= 32;
    }
  }
  if (bits > 0 && acc) words.push_back(uint32_t(acc));
  while (words.size() > 1 && words.back() == 0) words.pop_back();
  if (words.empty()) words.push_back(0);
  return words;
}

// An int from little-endian 32-bit words.
Object* int_from_words(const std::vector<uint32_t>& words) {
  BigInt b;
  uint64_t acc = 0;
  int bits = 0;
  for (uint32_t w : words) {
    acc |= uint64_t(w) << bits;
    bits += 32;
    while (bits >= kDigitBits) {
      b.digits.push_back(uint32_t(acc & kDigitMask));
      acc >>= kDigitBits;
      bits -= kDigitBits;
    }
  }
  if (bits > 0) b.digits.push_back(uint32_t(acc));
  while (!b.digits.empty() && b.digits.back() == 0) b.digits.pop_back();
  b.sign = b.digits.empty() ? 0 : 1;
  return int_from_big(b);
}

// seed(state, n): init_by_array over the words of the non-negative int n.
Object* random_seed(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("seed", kwnames) || !check_nargs("seed", nargs, 2, 2)) return nullptr;
  State s(nullptr);
  if (!state_arg(args[0], &s)) return nullptr;
  if (!int_is_int(args[1]) || int_sign(static_cast<IntObject*>(args[1])) < 0)
    return set_error(g_rt->types.ValueError, "seed must be a non-negative int");
  s.init_by_array(int_words(static_cast<IntObject*>(args[1])));
  return none();
}

// random(state): a float in [0, 1) from 53 random bits (genrand_res53).
Object* random_random(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("random", kwnames) || !check_nargs("random", nargs, 1, 1)) return nullptr;
  State s(nullptr);
  if (!state_arg(args[0], &s)) return nullptr;
  uint32_t a = s.next() >> 5, b = s.next() >> 6;
  return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

// getrandbits(state, k): an int of k random bits; words are drawn least
// significant first and the last keeps its top bits.
Object* random_getrandbits(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getrandbits", kwnames) || !check_nargs("getrandbits", nargs, 2, 2)) return nullptr;
  State s(nullptr);
  if (!state_arg(args[0], &s)) return nullptr;
  int64_t k;
  if (!int_is_int(args[1]) || !int_as_i64(static_cast<IntObject*>(args[1]), &k))
    return set_error(g_rt->types.OverflowError, "Python int too large to convert to C int");
  if (k < 0) return set_error(g_rt->types.ValueError, "number of bits must be non-negative");
  if (k == 0) return int_from_i64(0);
  if (k <= 32) return int_from_i64(int64_t(s.next() >> (32 - k)));
  if (k > (int64_t(1) << 31)) return set_error(g_rt->types.OverflowError, "getrandbits() of so many bits is not supported");
  std::vector<uint32_t> words;
  for (int64_t left = k; left > 0; left -= 32) {
    uint32_t r = s.next();
    if (left < 32) r >>= 32 - left;
    words.push_back(r);
  }
  return int_from_words(words);
}

// getstate(state): the 624 words and the index, as CPython's tuple.
Object* random_getstate(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getstate", kwnames) || !check_nargs("getstate", nargs, 1, 1)) return nullptr;
  State s(nullptr);
  if (!state_arg(args[0], &s)) return nullptr;
  std::vector<Object*> items;
  for (size_t i = 0; i <= kN; ++i) {
    Object* v = int_from_i64(int64_t(s.word(i)));
    if (!v) {
      for (Object* o : items) decref(o);
      return nullptr;
    }
    items.push_back(v);
  }
  Object* t = tuple_from_array(items.data(), items.size());
  for (Object* o : items) decref(o);
  return t;
}

// setstate(state, words): the inverse of getstate.
Object* random_setstate(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("setstate", kwnames) || !check_nargs("setstate", nargs, 2, 2)) return nullptr;
  State s(nullptr);
  if (!state_arg(args[0], &s)) return nullptr;
  if (!is_tuple(args[1])) return set_error(g_rt->types.TypeError, "state vector must be a tuple");
  auto* t = static_cast<TupleObject*>(args[1]);
  if (t->size != int64_t(kN + 1)) return set_error(g_rt->types.ValueError, "state vector is the wrong size");
  uint32_t words[kN + 1];
  for (size_t i = 0; i <= kN; ++i) {
    Object* item = tuple_item(t, int64_t(i));
    int64_t v;
    if (!int_is_int(item) || !int_as_i64(static_cast<IntObject*>(item), &v) || v < 0 || v > 0xffffffffLL)
      return set_error(g_rt->types.OverflowError, "Python int too large to convert to C unsigned long");
    words[i] = uint32_t(v);
  }
  if (words[kN] > kN) return set_error(g_rt->types.ValueError, "invalid state");
  for (size_t i = 0; i <= kN; ++i) s.set_word(i, words[i]);
  return none();
}

const NativeFunctionDef kRandomFunctions[] = {
    {"new_state", random_new_state}, {"seed", random_seed},         {"random", random_random},
    {"getrandbits", random_getrandbits}, {"getstate", random_getstate}, {"setstate", random_setstate},
};

}  // namespace

Object* make_random_module() {
  Object* m = new_module("_random");
  if (!m) return nullptr;
  for (const NativeFunctionDef& def : kRandomFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    if (!f || dict_setitem(module_dict(m), intern_str(def.name), f) < 0) {
      xdecref(f);
      decref(m);
      return nullptr;
    }
    decref(f);
  }
  return m;
}

}  // namespace heaplab
