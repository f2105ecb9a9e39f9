// float: CPython 3.12's Objects/floatobject.c, the parts the subset needs.
#include "core/object/float.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "core/object/errors.h"
#include "core/object/float_format.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;
constexpr int64_t kHashInf = 314159;

// CONVERT_TO_DOUBLE: 1 converted, 0 not a number (NotImplemented), -1 error.
int to_double(Object* o, double* out) {
  if (is_float(o)) {
    *out = float_value(o);
    return 1;
  }
  if (int_is_int(o)) return int_to_double_checked(o, out) ? 1 : -1;
  return 0;
}

#define CONVERT_BOTH(a, b, x, y)                         \
  double x, y;                                           \
  {                                                      \
    int ra = to_double(a, &x);                           \
    if (ra < 0) return nullptr;                          \
    int rb = ra ? to_double(b, &y) : 0;                  \
    if (rb < 0) return nullptr;                          \
    if (!ra || !rb) return newref(g_rt->not_implemented); \
  }

Object* float_add(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  return float_from_double(x + y);
}

Object* float_sub(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  return float_from_double(x - y);
}

Object* float_mul(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  return float_from_double(x * y);
}

Object* float_div(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  if (y == 0.0) return set_error(g_rt->types.ZeroDivisionError, "float division by zero");
  return float_from_double(x / y);
}

// _float_div_mod: floor quotient and remainder with the divisor's sign.
void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  *mod = std::fmod(vx, wx);
  double div = (vx - *mod) / wx;
  if (*mod) {
    if ((wx < 0) != (*mod < 0)) {
      *mod += wx;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, wx);
  }
  if (div) {
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, vx / wx);
  }
}

Object* float_floor_div(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  if (y == 0.0) return set_error(g_rt->types.ZeroDivisionError, "float floor division by zero");
  double q, r;
  float_div_mod(x, y, &q, &r);
  return float_from_double(q);
}

Object* float_rem(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y)
  if (y == 0.0) return set_error(g_rt->types.ZeroDivisionError, "float modulo");
  double mod = std::fmod(x, y);
  if (mod) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return float_from_double(mod);
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }  // DOUBLE_IS_ODD_INTEGER

// float_pow with 3.12's special cases (C99 Annex F where it is sane).
Object* float_pow(Object* a, Object* b) {
  CONVERT_BOTH(a, b, iv, iw)
  if (iw == 0) return float_from_double(1.0);
  if (std::isnan(iv)) return float_from_double(iv);
  if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_from_double(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_from_double(std::fabs(iw));
    return float_from_double(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return float_from_double(odd ? iv : std::fabs(iv));
    return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return set_error(g_rt->types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // CPython returns a complex number here.
      return set_error(g_rt->types.NotImplementedError, "complex numbers are not supported");
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) {
    // PyErr_SetFromErrno(OverflowError) with ERANGE: args (34, strerror).
    return set_error(g_rt->types.OverflowError, "(34, 'Numerical result out of range')");
  }
  return float_from_double(negate ? -ix : ix);
}

Object* float_neg(Object* a) { return float_from_double(-float_value(a)); }

Object* float_pos(Object* a) {
  if (type_of(a) == g_rt->types.float_) return newref(a);
  return float_from_double(float_value(a));
}

int float_truth(Object* a) { return float_value(a) != 0.0; }

Object* float_repr(Object* a) { return str_from_utf8(float_repr_string(float_value(a))); }

int64_t float_hash(Object* a) { return float_hash_value(a, float_value(a)); }

// |n| as 30-bit digits of the integral double `fi` (finite, >= 0).
std::vector<uint32_t> digits_of_integral(double fi) {
  std::vector<uint32_t> d;
  if (fi == 0) return d;
  int ex;
  double m = std::frexp(fi, &ex);  // fi = m * 2**ex, 0.5 <= m < 1
  auto mant = uint64_t(std::ldexp(m, 53));
  int shift = ex - 53;
  if (shift < 0) {
    mant >>= -shift;  // exact: fi is integral
    shift = 0;
  }
  // mant << shift, in base 2**30.
  size_t whole = size_t(shift) / kDigitBits;
  int part = shift % kDigitBits;
  d.assign(whole, 0);
  d.push_back(uint32_t((mant << part) & kDigitMask));
  for (uint64_t rest = mant >> (kDigitBits - part); rest; rest >>= kDigitBits) {
    d.push_back(uint32_t(rest & kDigitMask));
  }
  return d;
}

size_t bit_length(const IntObject* n) {
  size_t nd = int_ndigits(n);
  if (nd == 0) return 0;
  return (nd - 1) * kDigitBits + (32 - __builtin_clz(n->digit[nd - 1]));
}

// Exact comparison of a finite double with an int: -1, 0 or 1.
int compare_double_int(double f, const IntObject* n) {
  int nsign = int_sign(n);
  int fsign = f > 0 ? 1 : f < 0 ? -1 : 0;
  if (fsign != nsign) return fsign < nsign ? -1 : 1;
  if (fsign == 0) return 0;
  double af = std::fabs(f);
  int e;
  std::frexp(af, &e);  // af in [2**(e-1), 2**e)
  int64_t nbits = int64_t(bit_length(n));  // |n| in [2**(nbits-1), 2**nbits)
  int c;
  if (e < nbits) {
    c = -1;
  } else if (e > nbits) {
    c = 1;
  } else {
    double fi = std::floor(af);
    std::vector<uint32_t> fd = digits_of_integral(fi);
    size_t nd = int_ndigits(n);
    c = 0;
    if (fd.size() != nd) {
      c = fd.size() < nd ? -1 : 1;
    } else {
      for (size_t i = nd; i-- > 0;) {
        if (fd[i] != n->digit[i]) {
          c = fd[i] < n->digit[i] ? -1 : 1;
          break;
        }
      }
    }
    if (c == 0 && af != fi) c = 1;  // same integral part, plus a fraction
  }
  return fsign > 0 ? c : -c;
}

bool compare_result(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

Object* float_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_float(v)) return newref(g_rt->not_implemented);
  double i = float_value(v);
  if (is_float(w)) {
    double j = float_value(w);
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = i < j; break;
      case CompareOp::Le: r = i <= j; break;
      case CompareOp::Eq: r = i == j; break;
      case CompareOp::Ne: r = i != j; break;
      case CompareOp::Gt: r = i > j; break;
      case CompareOp::Ge: r = i >= j; break;
    }
    return bool_obj(r);
  }
  if (!int_is_int(w)) return newref(g_rt->not_implemented);
  if (std::isnan(i)) return bool_obj(op == CompareOp::Ne);
  int c = std::isinf(i) ? (i > 0 ? 1 : -1) : compare_double_int(i, static_cast<IntObject*>(w));
  return bool_obj(compare_result(c, op));
}

size_t float_size_of(Object* o) { return type_of(o)->basicsize; }

void float_dealloc(Object* o) {
  auto& free_list = g_rt->free_lists.floats;
  if (type_of(o) == g_rt->types.float_ && free_list.size() < size_t(kFloatMaxFreeList)) {
    // The memory stays allocated; the object is gone.
    note_object_dead(o);
    free_list.push_back(o);
    return;
  }
  free_object(o);
}

TypeSlots float_slots;

}  // namespace

bool is_float(const Object* o) { return is_instance(o, g_rt->types.float_); }

Object* float_from_double(double v) {
  auto& free_list = g_rt->free_lists.floats;
  FloatObject* op;
  if (!free_list.empty()) {
    op = static_cast<FloatObject*>(free_list.back());
    free_list.pop_back();
    op->refcnt = 1;  // _Py_NewReference
    note_object_reborn(op);
  } else {
    op = static_cast<FloatObject*>(new_object(g_rt->types.float_, sizeof(FloatObject)));
    if (!op) return nullptr;
  }
  op->value = v;
  return op;
}

std::string float_repr_string(double v) { return format_float_repr(v); }

int64_t float_hash_value(const Object* o, double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    // _Py_HashPointer on the object's address in the region.
    uint64_t y = addr_of(o);
    y = (y >> 4) | (y << 60);
    auto h = int64_t(y);
    return h == -1 ? -2 : h;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * uint64_t(int64_t(sign));
  if (x == uint64_t(-1)) x = uint64_t(-2);
  return int64_t(x);
}

bool int_to_double_checked(const Object* int_obj, double* out) {
  auto* n = static_cast<const IntObject*>(int_obj);
  size_t nd = int_ndigits(n);
  int sign = int_sign(n);
  size_t nbits = bit_length(n);
  double r;
  if (nbits <= 64) {
    uint64_t m = 0;  // the value fits: no bits are shifted out
    for (size_t i = nd; i-- > 0;) m = (m << kDigitBits) | n->digit[i];
    r = double(m);  // one correctly rounded conversion
  } else {
    // The top 63 bits and a sticky bit for everything below: rounding that
    // 64-bit value to 53 bits rounds the whole magnitude correctly.
    size_t drop = nbits - 63;
    uint64_t top = 0;
    bool sticky = false;
    for (size_t bit = nbits; bit-- > drop;) {
      top = (top << 1) | ((n->digit[bit / kDigitBits] >> (bit % kDigitBits)) & 1);
    }
    for (size_t i = 0; i < drop / kDigitBits && !sticky; ++i) sticky = n->digit[i] != 0;
    if (!sticky && drop % kDigitBits) sticky = (n->digit[drop / kDigitBits] & ((1u << (drop % kDigitBits)) - 1)) != 0;
    top = (top << 1) | (sticky ? 1 : 0);
    r = nbits > 1100 ? HUGE_VAL : std::ldexp(double(top), int(drop) - 1);
  }
  if (std::isinf(r)) {
    set_error(g_rt->types.OverflowError, "int too large to convert to float");
    return false;
  }
  *out = sign < 0 ? -r : r;
  return true;
}

void float_clear_free_list() {
  auto& free_list = g_rt->free_lists.floats;
  while (!free_list.empty()) {
    Object* o = free_list.back();
    free_list.pop_back();
    note_object_reborn(o);  // free_object takes it out of the registry again
    free_object(o);
  }
}

int float_free_list_size() { return int(g_rt->free_lists.floats.size()); }

void init_float_type() {
  TypeObject* t = g_rt->types.float_;
  TypeSlots& s = float_slots;
  s.name = "float";
  s.dealloc = float_dealloc;
  s.repr = float_repr;
  s.hash = float_hash;
  s.richcompare = float_richcompare;
  s.truth = float_truth;
  s.number[size_t(BinaryOp::Add)] = float_add;
  s.number[size_t(BinaryOp::Subtract)] = float_sub;
  s.number[size_t(BinaryOp::Multiply)] = float_mul;
  s.number[size_t(BinaryOp::TrueDivide)] = float_div;
  s.number[size_t(BinaryOp::FloorDivide)] = float_floor_div;
  s.number[size_t(BinaryOp::Remainder)] = float_rem;
  s.number[size_t(BinaryOp::Power)] = float_pow;
  s.negative = float_neg;
  s.positive = float_pos;
  s.size_of = float_size_of;
  register_type_slots(t, &float_slots);
}

}  // namespace heaplab
