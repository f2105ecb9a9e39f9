#include "core/object/int_methods.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <string>
#include <string_view>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

IntObject* as_int(Object* o) { return static_cast<IntObject*>(o); }

// int(self): self itself for an exact int, a plain int copy for bool and
// other subclasses.
Object* exact_int(Object* self) {
  if (type_of(self) == g_rt->types.int_) return newref(self);
  return int_from_big(int_to_big(as_int(self)));
}

size_t magnitude_bits(const BigInt& b) {
  if (b.digits.empty()) return 0;
  return (b.digits.size() - 1) * kDigitBits + size_t(std::bit_width(b.digits.back()));
}

// Little-endian bytes of a magnitude (no leading zero bytes).
std::string magnitude_bytes(const BigInt& b) {
  std::string out;
  uint64_t acc = 0;
  int bits = 0;
  for (uint32_t d : b.digits) {
    acc |= uint64_t(d) << bits;
    bits += kDigitBits;
    while (bits >= 8) {
      out.push_back(char(acc & 0xff));
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push_back(char(acc & 0xff));
  while (!out.empty() && out.back() == 0) out.pop_back();
  return out;
}

// Negates little-endian bytes in two's complement (invert, add one).
void negate_bytes(std::string& bytes) {
  unsigned carry = 1;
  for (char& c : bytes) {
    unsigned v = (~unsigned(uint8_t(c)) & 0xff) + carry;
    c = char(v & 0xff);
    carry = v >> 8;
  }
}

// byteorder must be 'big' or 'little'; *little set accordingly.
bool parse_byteorder(const char* fname, Object* o, bool* little) {
  if (!o) {
    *little = false;
    return true;
  }
  if (!is_str(o)) {
    set_error(g_rt->types.TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(o));
    return false;
  }
  std::string s = str_to_utf8(static_cast<StrObject*>(o));
  if (s != "big" && s != "little") {
    set_error(g_rt->types.ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

Object* m_bit_length(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bit_length", kwnames) || !check_nargs("bit_length", nargs, 0, 0)) return nullptr;
  return int_from_i64(int64_t(magnitude_bits(int_to_big(as_int(self)))));
}

Object* m_bit_count(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bit_count", kwnames) || !check_nargs("bit_count", nargs, 0, 0)) return nullptr;
  int64_t n = 0;
  for (uint32_t d : int_to_big(as_int(self)).digits) n += std::popcount(d);
  return int_from_i64(n);
}

// to_bytes(length=1, byteorder='big', *, signed=False)
Object* m_to_bytes(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"to_bytes", {"length", "byteorder", "signed"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t length = 1;
  if (a[0] && !object_as_index(a[0], &length)) return nullptr;
  if (length < 0) return set_error(g_rt->types.ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder("to_bytes", a[1], &little)) return nullptr;
  int is_signed = a[2] ? object_is_true(a[2]) : 0;
  if (is_signed < 0) return nullptr;
  BigInt b = int_to_big(as_int(self));
  if (b.sign < 0 && !is_signed) return set_error(g_rt->types.OverflowError, "can't convert negative int to unsigned");
  size_t bits = magnitude_bits(b);
  size_t limit = size_t(length) * 8;
  bool fits;
  if (!is_signed) {
    fits = bits <= limit;
  } else if (b.sign >= 0) {
    fits = bits < limit || bits == 0;
  } else {  // down to -2**(limit-1)
    size_t ones = 0;
    for (uint32_t d : b.digits) ones += size_t(std::popcount(d));
    fits = bits < limit || (bits == limit && ones == 1);
  }
  if (!fits) return set_error(g_rt->types.OverflowError, "int too big to convert");
  std::string out = magnitude_bytes(b);
  out.resize(size_t(length), '\0');
  if (b.sign < 0) negate_bytes(out);
  if (!little) std::reverse(out.begin(), out.end());
  return bytes_from_data(out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
Object* m_from_bytes(Object* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"from_bytes", {"bytes", "byteorder", "signed"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  bool little;
  if (!parse_byteorder("from_bytes", a[1], &little)) return nullptr;
  int is_signed = a[2] ? object_is_true(a[2]) : 0;
  if (is_signed < 0) return nullptr;
  std::string data;
  std::string_view view;
  if (bytes_like_view(a[0], &view)) {
    data = view;
  } else {
    Object* converted = object_call(g_rt->types.bytes, &a[0], 1, nullptr);
    if (!converted) return nullptr;
    data = bytes_view(converted);
    decref(converted);
  }
  if (!little) std::reverse(data.begin(), data.end());  // now least significant first
  bool negative = is_signed && !data.empty() && (uint8_t(data.back()) & 0x80);
  if (negative) negate_bytes(data);
  BigInt b;
  uint64_t acc = 0;
  int bits = 0;
  for (char c : data) {
    acc |= uint64_t(uint8_t(c)) << bits;
    bits += 8;
    if (bits >= kDigitBits) {
      b.digits.push_back(uint32_t(acc & kDigitMask));
      acc >>= kDigitBits;
      bits -= kDigitBits;
    }
  }
  if (bits > 0) b.digits.push_back(uint32_t(acc));
  while (!b.digits.empty() && b.digits.back() == 0) b.digits.pop_back();
  b.sign = b.digits.empty() ? 0 : negative ? -1 : 1;
  Object* value = int_from_big(b);
  if (!value || type == g_rt->types.int_) return value;
  Object* result = object_call(type, &value, 1, nullptr);  // a subclass builds its own instance
  decref(value);
  return result;
}

Object* m_as_integer_ratio(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("as_integer_ratio", kwnames) || !check_nargs("as_integer_ratio", nargs, 0, 0)) return nullptr;
  Object* items[2] = {exact_int(self), int_from_i64(1)};
  Object* t = items[0] && items[1] ? tuple_from_array(items, 2) : nullptr;
  if (items[0]) decref(items[0]);
  if (items[1]) decref(items[1]);
  return t;
}

Object* m_is_integer(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("is_integer", kwnames) || !check_nargs("is_integer", nargs, 0, 0)) return nullptr;
  return newref(g_rt->true_obj);
}

// conjugate(), __trunc__(), __floor__(), __ceil__(), __index__(): int(self).
Object* int_self_method(const char* name, Object* self, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 0, 0)) return nullptr;
  return exact_int(self);
}
Object* m_conjugate(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return int_self_method("conjugate", self, nargs, kwnames);
}
Object* m_trunc(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return int_self_method("__trunc__", self, nargs, kwnames);
}
Object* m_floor(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return int_self_method("__floor__", self, nargs, kwnames);
}
Object* m_ceil(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return int_self_method("__ceil__", self, nargs, kwnames);
}

Object* g_real(Object* self, Object* const*, size_t, Object*) { return exact_int(self); }
Object* g_imag(Object*, Object* const*, size_t, Object*) { return int_from_i64(0); }
Object* g_denominator(Object*, Object* const*, size_t, Object*) { return int_from_i64(1); }

const NativeFunctionDef kIntGetters[] = {
    {"real", g_real}, {"imag", g_imag}, {"numerator", g_real}, {"denominator", g_denominator}};

const NativeFunctionDef kIntMethods[] = {
    {"conjugate", m_conjugate},
    {"bit_length", m_bit_length},
    {"bit_count", m_bit_count},
    {"to_bytes", m_to_bytes},
    {"from_bytes", m_from_bytes, true},
    {"as_integer_ratio", m_as_integer_ratio},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"is_integer", m_is_integer},
};

}  // namespace

void init_int_methods() {
  add_methods(g_rt->types.int_, kIntMethods, std::size(kIntMethods));
  add_getters(g_rt->types.int_, kIntGetters, std::size(kIntGetters));
}

}  // namespace heaplab
