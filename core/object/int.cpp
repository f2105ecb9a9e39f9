#include "core/object/int.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

using Digits = std::vector<uint32_t>;

IntObject* alloc_int(size_t ndigits) {
  size_t size = kIntHeaderSize + sizeof(uint32_t) * std::max<size_t>(ndigits, 1);
  return static_cast<IntObject*>(new_object(g_rt->types.int_, size));
}

void trim(Digits& d) {
  while (!d.empty() && d.back() == 0) d.pop_back();
}

int compare_mag(const Digits& a, const Digits& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Digits add_mag(const Digits& a, const Digits& b) {
  const Digits& x = a.size() >= b.size() ? a : b;
  const Digits& y = a.size() >= b.size() ? b : a;
  Digits r(x.size() + 1);
  uint32_t carry = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    uint32_t s = x[i] + (i < y.size() ? y[i] : 0) + carry;
    r[i] = s & kDigitMask;
    carry = s >> kDigitBits;
  }
  r[x.size()] = carry;
  trim(r);
  return r;
}

// |a| - |b| with |a| >= |b|.
Digits sub_mag(const Digits& a, const Digits& b) {
  Digits r(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t d = int64_t(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = d < 0;
    r[i] = uint32_t(d + (borrow << kDigitBits));
  }
  trim(r);
  return r;
}

Digits mul_mag(const Digits& a, const Digits& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<uint64_t> acc(a.size() + b.size(), 0);
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      uint64_t t = acc[i + j] + uint64_t(a[i]) * b[j] + carry;
      acc[i + j] = t & kDigitMask;
      carry = t >> kDigitBits;
    }
    size_t k = i + b.size();
    while (carry) {
      uint64_t t = acc[k] + carry;
      acc[k++] = t & kDigitMask;
      carry = t >> kDigitBits;
    }
  }
  Digits r(acc.begin(), acc.end());
  trim(r);
  return r;
}

// Divides by one digit in place; returns the remainder.
uint32_t divrem_digit(Digits& a, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    uint64_t cur = (rem << kDigitBits) | a[i];
    a[i] = uint32_t(cur / d);
    rem = cur % d;
  }
  trim(a);
  return uint32_t(rem);
}

Digits shift_left_bits(const Digits& a, size_t bits) {
  if (a.empty()) return {};
  size_t whole = bits / kDigitBits, part = bits % kDigitBits;
  Digits r(a.size() + whole + 1, 0);
  uint64_t carry = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t t = (uint64_t(a[i]) << part) | carry;
    r[i + whole] = uint32_t(t & kDigitMask);
    carry = t >> kDigitBits;
  }
  r[a.size() + whole] = uint32_t(carry);
  trim(r);
  return r;
}

Digits shift_right_bits(const Digits& a, size_t bits) {
  size_t whole = bits / kDigitBits, part = bits % kDigitBits;
  if (whole >= a.size()) return {};
  Digits r(a.size() - whole);
  for (size_t i = 0; i < r.size(); ++i) {
    uint64_t lo = a[i + whole] >> part;
    uint64_t hi = i + whole + 1 < a.size() ? (uint64_t(a[i + whole + 1]) << (kDigitBits - part)) : 0;
    r[i] = uint32_t((lo | hi) & kDigitMask);
  }
  trim(r);
  return r;
}

// Long division of magnitudes (Knuth's algorithm D on 30-bit digits).
void divmod_mag(const Digits& a, const Digits& b, Digits& q, Digits& r) {
  if (compare_mag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    uint32_t rem = divrem_digit(q, b[0]);
    r.clear();
    if (rem) r.push_back(rem);
    return;
  }
  // Normalize so the divisor's top digit has its high bit set.
  int shift = 0;
  for (uint32_t top = b.back(); !(top & (1u << (kDigitBits - 1))); top <<= 1) ++shift;
  Digits v = shift_left_bits(b, shift);
  Digits u = shift_left_bits(a, shift);
  if (u.size() == a.size()) u.push_back(0);
  if (u.size() < a.size() + 1) u.resize(a.size() + 1, 0);
  size_t n = v.size(), m = u.size() - n;
  q.assign(m, 0);
  const uint64_t base = 1ull << kDigitBits;
  for (size_t j = m; j-- > 0;) {
    uint64_t num = (uint64_t(u[j + n]) << kDigitBits) | u[j + n - 1];
    uint64_t qhat = num / v[n - 1];
    uint64_t rhat = num % v[n - 1];
    while (qhat >= base || qhat * v[n - 2] > ((rhat << kDigitBits) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat >= base) break;
    }
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * v[i] + carry;
      carry = p >> kDigitBits;
      int64_t t = int64_t(u[i + j]) - int64_t(p & kDigitMask) - borrow;
      borrow = t < 0;
      u[i + j] = uint32_t(t + (borrow << kDigitBits));
    }
    int64_t t = int64_t(u[j + n]) - int64_t(carry) - borrow;
    borrow = t < 0;
    u[j + n] = uint32_t(t + (borrow << kDigitBits));
    if (borrow) {  // qhat was one too large: add the divisor back
      --qhat;
      uint32_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint32_t s = u[i + j] + v[i] + c;
        u[i + j] = s & kDigitMask;
        c = s >> kDigitBits;
      }
      u[j + n] = (u[j + n] + c) & kDigitMask;
    }
    q[j] = uint32_t(qhat);
  }
  trim(q);
  u.resize(n);
  trim(u);
  r = shift_right_bits(u, shift);
}

BigInt big_from_i64(int64_t v) {
  BigInt b;
  b.sign = v > 0 ? 1 : v < 0 ? -1 : 0;
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  while (m) {
    b.digits.push_back(uint32_t(m & kDigitMask));
    m >>= kDigitBits;
  }
  return b;
}

BigInt big_add(const BigInt& a, const BigInt& b) {
  if (a.sign == 0) return b;
  if (b.sign == 0) return a;
  BigInt r;
  if (a.sign == b.sign) {
    r.sign = a.sign;
    r.digits = add_mag(a.digits, b.digits);
    return r;
  }
  int c = compare_mag(a.digits, b.digits);
  if (c == 0) return r;
  r.sign = c > 0 ? a.sign : b.sign;
  r.digits = c > 0 ? sub_mag(a.digits, b.digits) : sub_mag(b.digits, a.digits);
  return r;
}

BigInt big_neg(BigInt a) {
  a.sign = -a.sign;
  return a;
}

BigInt big_mul(const BigInt& a, const BigInt& b) {
  BigInt r;
  r.digits = mul_mag(a.digits, b.digits);
  r.sign = r.digits.empty() ? 0 : a.sign * b.sign;
  return r;
}

// Floor division and modulo with Python's signs; b must be non-zero.
void big_divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  Digits qd, rd;
  divmod_mag(a.digits, b.digits, qd, rd);
  BigInt qq{qd.empty() ? 0 : a.sign * b.sign, qd};
  BigInt rr{rd.empty() ? 0 : a.sign, rd};
  if (rr.sign != 0 && rr.sign != b.sign) {  // floor: step toward negative infinity
    qq = big_add(qq, big_from_i64(-1));
    rr = big_add(rr, b);
  }
  if (q) *q = std::move(qq);
  if (r) *r = std::move(rr);
}

// Two's complement view of a value over `n` digits, for the bitwise operators.
Digits twos_complement(const BigInt& a, size_t n) {
  Digits d = a.digits;
  d.resize(n, 0);
  if (a.sign < 0) {
    uint32_t carry = 1;
    for (auto& x : d) {
      uint32_t t = (~x & kDigitMask) + carry;
      x = t & kDigitMask;
      carry = t >> kDigitBits;
    }
  }
  return d;
}

BigInt from_twos_complement(Digits d, bool negative) {
  BigInt r;
  if (negative) {
    uint32_t carry = 1;
    for (auto& x : d) {
      uint32_t t = (~x & kDigitMask) + carry;
      x = t & kDigitMask;
      carry = t >> kDigitBits;
    }
  }
  trim(d);
  r.sign = d.empty() ? 0 : negative ? -1 : 1;
  r.digits = std::move(d);
  return r;
}

bool as_big(Object* o, BigInt* out) {
  if (!int_is_int(o)) return false;
  *out = int_to_big(static_cast<IntObject*>(o));
  return true;
}

// The value of an int of at most two digits (|v| < 2**60): the fast paths
// below compute on these in int64 without overflow, except * and <<, which
// check.
inline int64_t small_value(const IntObject* v) {
  uint64_t tag = v->lv_tag;
  int64_t m = (tag >> 3) == 2 ? int64_t(v->digit[0]) | (int64_t(v->digit[1]) << kDigitBits)
            : (tag >> 3) == 1 ? int64_t(v->digit[0]) : 0;
  return (tag & 3) == 2 ? -m : m;
}
inline bool is_small(const Object* o) { return static_cast<const IntObject*>(o)->lv_tag >> 3 <= 2; }

bool both_small(Object* a, Object* b, int64_t* x, int64_t* y) {
  if (!int_is_int(a) || !int_is_int(b) || !is_small(a) || !is_small(b)) return false;
  *x = small_value(static_cast<IntObject*>(a));
  *y = small_value(static_cast<IntObject*>(b));
  return true;
}

#define INT_BINARY_PROLOGUE       \
  BigInt x, y;                    \
  if (!as_big(a, &x) || !as_big(b, &y)) return newref(g_rt->not_implemented);

Object* int_add(Object* a, Object* b) {
  int64_t sx, sy;
  if (both_small(a, b, &sx, &sy)) return int_from_i64(sx + sy);
  INT_BINARY_PROLOGUE
  return int_from_big(big_add(x, y));
}

Object* int_sub(Object* a, Object* b) {
  int64_t sx, sy;
  if (both_small(a, b, &sx, &sy)) return int_from_i64(sx - sy);
  INT_BINARY_PROLOGUE
  return int_from_big(big_add(x, big_neg(y)));
}

Object* int_mul(Object* a, Object* b) {
  int64_t sx, sy, product;
  if (both_small(a, b, &sx, &sy) && !__builtin_mul_overflow(sx, sy, &product)) return int_from_i64(product);
  INT_BINARY_PROLOGUE
  return int_from_big(big_mul(x, y));
}

Object* zero_division(const char* msg) { return set_error(g_rt->types.ZeroDivisionError, "%s", msg); }

Object* int_floordiv(Object* a, Object* b) {
  int64_t sx, sy;
  if (both_small(a, b, &sx, &sy) && sy != 0) {
    int64_t q = sx / sy;
    if (sx % sy != 0 && (sx < 0) != (sy < 0)) --q;
    return int_from_i64(q);
  }
  INT_BINARY_PROLOGUE
  if (y.sign == 0) return zero_division("integer division or modulo by zero");
  BigInt q;
  big_divmod(x, y, &q, nullptr);
  return int_from_big(q);
}

Object* int_mod(Object* a, Object* b) {
  int64_t sx, sy;
  if (both_small(a, b, &sx, &sy) && sy != 0) {
    int64_t r = sx % sy;
    if (r != 0 && (r < 0) != (sy < 0)) r += sy;
    return int_from_i64(r);
  }
  INT_BINARY_PROLOGUE
  if (y.sign == 0) return zero_division("integer modulo by zero");
  BigInt r;
  big_divmod(x, y, nullptr, &r);
  return int_from_big(r);
}

Object* int_truediv(Object* a, Object* b) {
  if (!int_is_int(a) || !int_is_int(b)) return newref(g_rt->not_implemented);
  auto* ia = static_cast<IntObject*>(a);
  auto* ib = static_cast<IntObject*>(b);
  if (int_sign(ib) == 0) return zero_division("division by zero");
  bool ovf_a = false, ovf_b = false;
  double x = int_as_double(ia, &ovf_a), y = int_as_double(ib, &ovf_b);
  if (ovf_a || ovf_b) return set_error(g_rt->types.OverflowError, "integer division result too large for a float");
  return float_from_double(x / y);
}

// The largest power or left shift computed (in 30-bit digits, 16 MiB): the
// digits are built in host memory before the region can refuse the result.
constexpr size_t kMaxPowerDigits = size_t(1) << 22;

Object* int_pow(Object* a, Object* b) {
  INT_BINARY_PROLOGUE
  if (y.sign < 0) {
    bool ovf = false;
    double base = int_as_double(static_cast<IntObject*>(a), &ovf);
    double exp = int_as_double(static_cast<IntObject*>(b), &ovf);
    if (base == 0.0) return zero_division("0.0 cannot be raised to a negative power");
    return float_from_double(std::pow(base, exp));
  }
  BigInt result = big_from_i64(1);
  BigInt base = x;
  Digits e = y.digits;
  size_t bits = e.empty() ? 0 : (e.size() - 1) * kDigitBits + (32 - __builtin_clz(e.back()));
  // Each product is refused before it is made: the result is at least as
  // large as every power of the base it needs, and squaring a big base a few
  // dozen times would fill the host's memory long before the result exists.
  auto too_big = [](const BigInt& p, const BigInt& q) { return p.digits.size() + q.digits.size() > kMaxPowerDigits + 1; };
  for (size_t i = 0; i < bits; ++i) {
    if ((e[i / kDigitBits] >> (i % kDigitBits)) & 1) {
      if (too_big(result, base)) return set_memory_error();
      result = big_mul(result, base);
    }
    if (i + 1 < bits) {
      if (too_big(base, base)) return set_memory_error();
      base = big_mul(base, base);
    }
  }
  if (result.digits.size() > kMaxPowerDigits) return set_memory_error();
  // A one-digit power comes from long_mul's compact fast path.
  if (result.digits.size() <= 1) return int_from_i64(result.sign * int64_t(result.digits.empty() ? 0 : result.digits[0]));
  return int_from_big(result);
}

Object* int_bitwise(Object* a, Object* b, char op) {
  int64_t sx, sy;  // two's complement in int64 is Python's infinite one, truncated
  if (both_small(a, b, &sx, &sy)) return int_from_i64(op == '&' ? (sx & sy) : op == '|' ? (sx | sy) : (sx ^ sy));
  INT_BINARY_PROLOGUE
  size_t n = std::max(x.digits.size(), y.digits.size()) + 1;
  Digits dx = twos_complement(x, n), dy = twos_complement(y, n);
  bool nx = x.sign < 0, ny = y.sign < 0, neg;
  for (size_t i = 0; i < n; ++i) {
    dx[i] = op == '&' ? (dx[i] & dy[i]) : op == '|' ? (dx[i] | dy[i]) : (dx[i] ^ dy[i]);
  }
  neg = op == '&' ? (nx && ny) : op == '|' ? (nx || ny) : (nx != ny);
  return int_from_big(from_twos_complement(dx, neg));
}

Object* int_and(Object* a, Object* b) { return int_bitwise(a, b, '&'); }
Object* int_or(Object* a, Object* b) { return int_bitwise(a, b, '|'); }
Object* int_xor(Object* a, Object* b) { return int_bitwise(a, b, '^'); }

Object* int_shift(Object* a, Object* b, bool left) {
  int64_t sx, sy;
  if (both_small(a, b, &sx, &sy) && sy >= 0) {
    if (!left) return int_from_i64(sy >= 63 ? (sx < 0 ? -1 : 0) : sx >> sy);  // arithmetic shift: floor
    if (sy < 63 && (sx << sy) >> sy == sx) return int_from_i64(sx << sy);
  }
  INT_BINARY_PROLOGUE
  if (y.sign < 0) return set_error(g_rt->types.ValueError, "negative shift count");
  int64_t count;
  if (!int_as_i64(static_cast<IntObject*>(b), &count) || count > (int64_t(1) << 32)) {
    if (!left) return int_from_i64(x.sign < 0 ? -1 : 0);
    return set_error(g_rt->types.OverflowError, "too many digits in integer");
  }
  if (left) {
    if (x.digits.size() + size_t(count) / kDigitBits > kMaxPowerDigits) return set_memory_error();
    return int_from_big(BigInt{x.sign, shift_left_bits(x.digits, size_t(count))});
  }
  if (x.sign >= 0) {
    Digits d = shift_right_bits(x.digits, size_t(count));
    return int_from_big(BigInt{d.empty() ? 0 : 1, d});
  }
  // Floor for negatives: -((|x| - 1) >> n) - 1.
  BigInt m = big_add(big_neg(x), big_from_i64(-1));
  Digits d = shift_right_bits(m.digits, size_t(count));
  return int_from_big(big_add(big_neg(BigInt{d.empty() ? 0 : 1, d}), big_from_i64(-1)));
}

Object* int_lshift(Object* a, Object* b) { return int_shift(a, b, true); }
Object* int_rshift(Object* a, Object* b) { return int_shift(a, b, false); }

Object* int_neg(Object* a) {
  if (is_small(a)) return int_from_i64(-small_value(static_cast<IntObject*>(a)));
  return int_from_big(big_neg(int_to_big(static_cast<IntObject*>(a))));
}
Object* int_pos(Object* a) {
  if (type_of(a) == g_rt->types.int_) return newref(a);
  return int_from_big(int_to_big(static_cast<IntObject*>(a)));
}
Object* int_invert(Object* a) {
  if (is_small(a)) return int_from_i64(~small_value(static_cast<IntObject*>(a)));
  return int_from_big(big_add(big_neg(int_to_big(static_cast<IntObject*>(a))), big_from_i64(-1)));
}

}  // namespace

int int_compare(const IntObject* a, const IntObject* b) {
  int sa = int_sign(a), sb = int_sign(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  size_t na = int_ndigits(a), nb = int_ndigits(b);
  int c = 0;
  if (na != nb) {
    c = na < nb ? -1 : 1;
  } else {
    for (size_t i = na; i-- > 0;) {
      if (a->digit[i] != b->digit[i]) {
        c = a->digit[i] < b->digit[i] ? -1 : 1;
        break;
      }
    }
  }
  return sa < 0 ? -c : c;
}

namespace {

Object* int_richcompare(Object* a, Object* b, CompareOp op) {
  if (!int_is_int(a) || !int_is_int(b)) return newref(g_rt->not_implemented);
  int c = int_compare(static_cast<IntObject*>(a), static_cast<IntObject*>(b));
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return bool_obj(r);
}

// CPython's numeric hash: the value modulo the Mersenne prime 2**61 - 1.
int64_t int_hash(Object* o) {
  auto* v = static_cast<IntObject*>(o);
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  uint64_t x = 0;
  for (size_t i = int_ndigits(v); i-- > 0;) {
    x = ((x << kDigitBits) & kModulus) | (x >> (61 - kDigitBits));
    x += v->digit[i];
    if (x >= kModulus) x -= kModulus;
  }
  int64_t h = int_sign(v) < 0 ? -int64_t(x) : int64_t(x);
  return h == -1 ? -2 : h;
}

int64_t g_max_str_digits = 4300;  // sys.set_int_max_str_digits

Object* int_repr(Object* o) {
  std::string s;
  if (!int_to_decimal_limited(static_cast<IntObject*>(o), &s)) return nullptr;
  return str_new_ascii(s);
}

int int_truth(Object* o) { return int_sign(static_cast<IntObject*>(o)) != 0; }

Object* int_index(Object* o) { return int_pos(o); }

size_t int_size_of(Object* o) {
  return kIntHeaderSize + sizeof(uint32_t) * std::max<size_t>(int_ndigits(static_cast<IntObject*>(o)), 1);
}

void int_dealloc(Object* o) { free_object(o); }

TypeSlots int_slots;

}  // namespace

bool int_is_int(const Object* o) { return type_of(o)->flags & kTypeLongSubclass; }

// PyLong_FromLong: a one-digit value comes from _PyLong_FromMedium, which
// requests sizeof(PyLongObject), 32 bytes, where _PyLong_New(1) requests 28
// (tracemalloc sees the difference; sys.getsizeof says 28 for both).
Object* int_from_i64(int64_t v) {
  if (v >= kSmallIntMin && v <= kSmallIntMax) return g_rt->small_int(v);
  if (v >= -int64_t(kDigitMask) && v <= int64_t(kDigitMask)) {
    auto* r = static_cast<IntObject*>(new_object(g_rt->types.int_, sizeof(IntObject)));
    if (!r) return nullptr;
    r->lv_tag = (uint64_t(1) << 3) | (v < 0 ? 2 : 0);
    r->digit[0] = uint32_t(v < 0 ? -v : v);
    return r;
  }
  uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  size_t n = 0;
  for (uint64_t x = m; x; x >>= kDigitBits) ++n;
  IntObject* r = alloc_int(n);
  if (!r) return nullptr;
  r->lv_tag = (uint64_t(n) << 3) | (v < 0 ? 2u : 0u);
  for (size_t i = 0; i < n; ++i, m >>= kDigitBits) r->digit[i] = uint32_t(m & kDigitMask);
  return r;
}

Object* int_from_big(const BigInt& b) {
  if (b.digits.size() <= 2) {
    int64_t m = 0;
    for (size_t i = b.digits.size(); i-- > 0;) m = (m << kDigitBits) | b.digits[i];
    int64_t v = b.sign < 0 ? -m : m;
    if (v >= kSmallIntMin && v <= kSmallIntMax) return g_rt->small_int(v);
  }
  IntObject* r = alloc_int(b.digits.size());
  if (!r) return nullptr;
  size_t n = b.sign == 0 ? 0 : b.digits.size();
  r->lv_tag = (uint64_t(n) << 3) | uint64_t(1 - b.sign);
  if (n) std::memcpy(r->digit, b.digits.data(), n * sizeof(uint32_t));
  return r;
}

BigInt int_to_big(const IntObject* v) {
  BigInt b;
  b.sign = int_sign(v);
  b.digits.assign(v->digit, v->digit + int_ndigits(v));
  return b;
}

bool int_as_i64(const IntObject* v, int64_t* out) {
  uint64_t m = 0;
  for (size_t i = int_ndigits(v); i-- > 0;) {
    if (m >> (64 - kDigitBits)) return false;  // the shift would overflow 64 bits
    m = (m << kDigitBits) | v->digit[i];
  }
  if (int_sign(v) < 0) {
    if (m > (uint64_t(1) << 63)) return false;
    *out = int64_t(uint64_t(0) - m);
  } else {
    if (m > uint64_t(INT64_MAX)) return false;
    *out = int64_t(m);
  }
  return true;
}

double int_as_double(const IntObject* v, bool* overflow) {
  double r = 0;
  for (size_t i = int_ndigits(v); i-- > 0;) r = r * double(1u << kDigitBits) + v->digit[i];
  if (std::isinf(r)) *overflow = true;
  return int_sign(v) < 0 ? -r : r;
}

Object* int_from_digits(std::string_view text, int base, bool negative) {
  if (text.empty()) return nullptr;
  BigInt b;
  for (char c : text) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    if (d >= base) return nullptr;
    // b = b * base + d, on the magnitude.
    uint64_t carry = uint64_t(d);
    for (auto& x : b.digits) {
      uint64_t t = uint64_t(x) * uint64_t(base) + carry;
      x = uint32_t(t & kDigitMask);
      carry = t >> kDigitBits;
    }
    while (carry) {
      b.digits.push_back(uint32_t(carry & kDigitMask));
      carry >>= kDigitBits;
    }
  }
  trim(b.digits);
  b.sign = b.digits.empty() ? 0 : negative ? -1 : 1;
  return int_from_big(b);
}

std::string int_to_decimal(const IntObject* v) {
  if (int_ndigits(v) <= 2) return std::to_string(small_value(v));
  BigInt b = int_to_big(v);
  if (b.sign == 0) return "0";
  std::string out;
  Digits m = b.digits;
  while (!m.empty()) {
    uint32_t chunk = divrem_digit(m, 1000000000u);
    for (int i = 0; i < 9; ++i) {
      out.push_back(char('0' + chunk % 10));
      chunk /= 10;
      if (m.empty() && chunk == 0) break;
    }
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  if (b.sign < 0) out.push_back('-');
  std::reverse(out.begin(), out.end());
  return out;
}

int64_t int_max_str_digits() { return g_max_str_digits; }
void set_int_max_str_digits(int64_t limit) { g_max_str_digits = limit; }

bool int_to_decimal_limited(const IntObject* v, std::string* out) {
  // Past ~limit/3 bits the text is certainly too long: refuse before the
  // quadratic conversion, as CPython does.
  size_t limit = size_t(g_max_str_digits);
  if (limit && int_ndigits(v) * kDigitBits / 4 > limit + 2) {
    set_error(g_rt->types.ValueError, "Exceeds the limit (%zu digits) for integer string conversion; "
              "use sys.set_int_max_str_digits() to increase the limit", limit);
    return false;
  }
  *out = int_to_decimal(v);
  if (limit && out->size() - (int_sign(v) < 0 ? 1 : 0) > limit) {
    set_error(g_rt->types.ValueError, "Exceeds the limit (%zu digits) for integer string conversion; "
              "use sys.set_int_max_str_digits() to increase the limit", limit);
    return false;
  }
  return true;
}

bool int_check_parse_digits(size_t ndigits) {
  if (!g_max_str_digits || ndigits <= size_t(g_max_str_digits)) return true;
  set_error(g_rt->types.ValueError, "Exceeds the limit (%lld digits) for integer string conversion: value has %zu "
            "digits; use sys.set_int_max_str_digits() to increase the limit", static_cast<long long>(g_max_str_digits),
            ndigits);
  return false;
}

void init_int_type() {
  g_max_str_digits = 4300;
  TypeSlots& s = int_slots;
  s.name = "int";
  s.dealloc = int_dealloc;
  s.repr = int_repr;
  s.hash = int_hash;
  s.richcompare = int_richcompare;
  s.truth = int_truth;
  s.number[size_t(BinaryOp::Add)] = int_add;
  s.number[size_t(BinaryOp::Subtract)] = int_sub;
  s.number[size_t(BinaryOp::Multiply)] = int_mul;
  s.number[size_t(BinaryOp::FloorDivide)] = int_floordiv;
  s.number[size_t(BinaryOp::Remainder)] = int_mod;
  s.number[size_t(BinaryOp::TrueDivide)] = int_truediv;
  s.number[size_t(BinaryOp::Power)] = int_pow;
  s.number[size_t(BinaryOp::And)] = int_and;
  s.number[size_t(BinaryOp::Or)] = int_or;
  s.number[size_t(BinaryOp::Xor)] = int_xor;
  s.number[size_t(BinaryOp::Lshift)] = int_lshift;
  s.number[size_t(BinaryOp::Rshift)] = int_rshift;
  s.negative = int_neg;
  s.positive = int_pos;
  s.invert = int_invert;
  s.index = int_index;
  s.size_of = int_size_of;
  register_type_slots(g_rt->types.int_, &int_slots);
}

}  // namespace heaplab
