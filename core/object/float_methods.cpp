#include "core/object/float_methods.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

bool no_args(const char* name, size_t nargs, Object* kwnames) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

// float(self) for a subclass instance, self for an exact float.
Object* exact_float(Object* self) {
  if (type_of(self) == g_rt->types.float_) return newref(self);
  return float_from_double(float_value(self));
}

Object* m_is_integer(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("is_integer", nargs, kwnames)) return nullptr;
  double v = float_value(self);
  return newref(bool_obj(std::isfinite(v) && std::floor(v) == v));
}

Object* m_as_integer_ratio(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("as_integer_ratio", nargs, kwnames)) return nullptr;
  double v = float_value(self);
  if (std::isinf(v)) return set_error(g_rt->types.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(v)) return set_error(g_rt->types.ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(v, &e);  // v = m * 2**e
  auto mant = int64_t(std::ldexp(m, 53));
  e -= 53;
  while (mant != 0 && mant % 2 == 0) {
    mant /= 2;
    ++e;
  }
  if (mant == 0) e = 0;
  Object* num = int_from_i64(mant);
  Object* den = int_from_i64(1);
  Object* shift = int_from_i64(e >= 0 ? e : -e);
  if (!num || !den || !shift) {
    if (num) decref(num);
    if (den) decref(den);
    if (shift) decref(shift);
    return nullptr;
  }
  Object*& scaled = e >= 0 ? num : den;
  Object* shifted = binary_op(scaled, shift, BinaryOp::Lshift);
  decref(shift);
  decref(scaled);
  scaled = shifted;
  Object* result = nullptr;
  if (num && den) {
    Object* items[2] = {num, den};
    result = tuple_from_array(items, 2);
  }
  if (num) decref(num);
  if (den) decref(den);
  return result;
}

// float.hex(): [-]0x1.<13 hex digits>p<exp>; subnormals as 0x0.<digits>p-1022.
Object* m_hex(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("hex", nargs, kwnames)) return nullptr;
  double v = float_value(self);
  if (!std::isfinite(v)) return str_from_utf8(float_repr_string(v));
  const char* sign = std::signbit(v) ? "-" : "";
  if (v == 0) return str_from_utf8(std::string(sign) + "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(v), &e);
  int shift = 1 - std::max(-1021 - e, 0);  // DBL_MIN_EXP is -1021
  m = std::ldexp(m, shift);
  e -= shift;
  std::string out = std::string(sign) + "0x";
  const char* hexdigits = "0123456789abcdef";
  int lead = int(m);
  out.push_back(hexdigits[lead]);
  m -= lead;
  out.push_back('.');
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int d = int(m);
    out.push_back(hexdigits[d]);
    m -= d;
  }
  char exp[16];
  std::snprintf(exp, sizeof exp, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  out += exp;
  return str_from_utf8(out);
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_hex_digit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool equals_ignore_case(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

// float.fromhex(string): validates Python's grammar, then lets strtod round.
Object* m_fromhex(Object* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("fromhex", kwnames) || !check_nargs("fromhex", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "bad argument type for built-in operation");
  }
  std::string text = str_to_utf8(static_cast<StrObject*>(args[0]));
  std::string_view s = text;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  double value;
  bool valid = true;
  if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
    value = HUGE_VAL;
  } else if (equals_ignore_case(s, "nan")) {
    value = std::nan("");
  } else {
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
    std::string mantissa;
    size_t i = 0, ndigits = 0;
    while (i < s.size() && is_hex_digit(s[i])) mantissa.push_back(s[i++]), ++ndigits;
    if (i < s.size() && s[i] == '.') {
      mantissa.push_back(s[i++]);
      while (i < s.size() && is_hex_digit(s[i])) mantissa.push_back(s[i++]), ++ndigits;
    }
    std::string exponent = "0";
    if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
      size_t start = ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      size_t digits_start = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == digits_start) valid = false;
      exponent = std::string(s.substr(start, i - start));
    }
    valid = valid && ndigits > 0 && i == s.size();
    if (!valid) return set_error(g_rt->types.ValueError, "invalid hexadecimal floating-point string");
    std::string literal = "0x" + mantissa + "p" + exponent;
    value = std::strtod(literal.c_str(), nullptr);
    if (std::isinf(value)) {
      return set_error(g_rt->types.OverflowError, "hexadecimal value too large to represent as a float");
    }
  }
  Object* result = float_from_double(negative ? -value : value);
  if (!result || type == g_rt->types.float_) return result;
  Object* instance = object_call(type, &result, 1, nullptr);
  decref(result);
  return instance;
}

Object* m_conjugate(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("conjugate", nargs, kwnames)) return nullptr;
  return exact_float(self);
}

// __trunc__, __floor__, __ceil__: int() of the value rounded the named way.
Object* rounded_to_int(double v) {
  Object* f = float_from_double(v);
  if (!f) return nullptr;
  Object* i = object_call(g_rt->types.int_, &f, 1, nullptr);
  decref(f);
  return i;
}
Object* m_trunc(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("__trunc__", nargs, kwnames)) return nullptr;
  return rounded_to_int(std::trunc(float_value(self)));
}
Object* m_floor(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("__floor__", nargs, kwnames)) return nullptr;
  return rounded_to_int(std::floor(float_value(self)));
}
Object* m_ceil(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("__ceil__", nargs, kwnames)) return nullptr;
  return rounded_to_int(std::ceil(float_value(self)));
}

Object* g_real(Object* self, Object* const*, size_t, Object*) { return exact_float(self); }
Object* g_imag(Object*, Object* const*, size_t, Object*) { return float_from_double(0.0); }

const NativeFunctionDef kFloatGetters[] = {{"real", g_real}, {"imag", g_imag}};

const NativeFunctionDef kFloatMethods[] = {
    {"conjugate", m_conjugate},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"fromhex", m_fromhex, true},
    {"hex", m_hex},
    {"is_integer", m_is_integer},
    {"as_integer_ratio", m_as_integer_ratio},
};

}  // namespace

void init_float_methods() {
  add_methods(g_rt->types.float_, kFloatMethods, std::size(kFloatMethods));
  add_getters(g_rt->types.float_, kFloatGetters, std::size(kFloatGetters));
}

}  // namespace heaplab
