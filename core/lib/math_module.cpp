#include "core/lib/math_module.h"

#include <cmath>
#include <cstdlib>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/builtin_constructors.h"
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

Object* domain_error() { return set_error(g_rt->types.ValueError, "math domain error"); }
Object* range_error() { return set_error(g_rt->types.OverflowError, "math range error"); }

// PyFloat_AsDouble for the math functions: floats, ints, and objects with
// __float__ or __index__.
bool to_double(Object* o, double* out) {
  if (is_float(o)) {
    *out = float_value(o);
    return true;
  }
  if (int_is_int(o)) return int_to_double_checked(o, out);
  Object* name = intern_str("__float__");
  if (type_lookup(type_of(o), name)) {
    Object* f = object_getattr(o, name);
    Object* r = f ? object_call(f, nullptr, 0, nullptr) : nullptr;
    xdecref(f);
    if (!r) return false;
    bool ok = is_float(r);
    if (ok) *out = float_value(r);
    else set_error(g_rt->types.TypeError, "%s.__float__ returned non-float (type %s)", type_name(o), type_name(r));
    decref(r);
    return ok;
  }
  set_error(g_rt->types.TypeError, "must be real number, not %s", type_name(o));
  return false;
}

// An int argument (new reference): ints as they are, else __index__.
Object* to_int(Object* o) {
  if (int_is_int(o)) return newref(o);
  if (slots_of(o).index) {
    Object* r = slots_of(o).index(o);
    if (r && !int_is_int(r)) {
      std::string t = type_name(r);
      decref(r);
      return set_error(g_rt->types.TypeError, "__index__ returned non-int (type %s)", t.c_str());
    }
    return r;
  }
  return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
}

int int_sign_of(Object* i) { return int_sign(static_cast<IntObject*>(i)); }

// A result double: NaN from non-NaN input is a domain error, an infinity
// from finite input a range error (CPython's math_1 conventions).
Object* checked_result(double r, double x, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_from_double(r);
}

template <double (*F)(double), bool CanOverflow>
Object* unary(const char* name, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return checked_result(F(x), x, CanOverflow);
}

#define MATH_UNARY(fname, cfn, overflow)                                               \
  Object* math_##fname(Object*, Object* const* args, size_t nargs, Object* kwnames) { \
    return unary<cfn, overflow>("math." #fname, args, nargs, kwnames);                        \
  }

double c_sqrt(double x) { return std::sqrt(x); }
double c_exp(double x) { return std::exp(x); }
double c_sin(double x) { return std::isinf(x) ? NAN : std::sin(x); }
double c_cos(double x) { return std::isinf(x) ? NAN : std::cos(x); }
double c_tan(double x) { return std::isinf(x) ? NAN : std::tan(x); }
double c_asin(double x) { return std::asin(x); }
double c_acos(double x) { return std::acos(x); }
double c_atan(double x) { return std::atan(x); }
double c_fabs(double x) { return std::fabs(x); }
double c_degrees(double x) { return x * (180.0 / M_PI); }
double c_radians(double x) { return x * (M_PI / 180.0); }

MATH_UNARY(sqrt, c_sqrt, false)
MATH_UNARY(exp, c_exp, true)
MATH_UNARY(sin, c_sin, false)
MATH_UNARY(cos, c_cos, false)
MATH_UNARY(tan, c_tan, false)
MATH_UNARY(asin, c_asin, false)
MATH_UNARY(acos, c_acos, false)
MATH_UNARY(atan, c_atan, false)
MATH_UNARY(fabs, c_fabs, false)
MATH_UNARY(degrees, c_degrees, true)
MATH_UNARY(radians, c_radians, true)

double c_sinh(double x) { return std::sinh(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_atanh(double x) { return std::fabs(x) >= 1 ? NAN : std::atanh(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_log1p(double x) { return x <= -1 ? NAN : std::log1p(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_cbrt(double x) { return std::cbrt(x); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }

MATH_UNARY(sinh, c_sinh, true)
MATH_UNARY(cosh, c_cosh, true)
MATH_UNARY(tanh, c_tanh, false)
MATH_UNARY(asinh, c_asinh, false)
MATH_UNARY(acosh, c_acosh, false)
MATH_UNARY(atanh, c_atanh, false)
MATH_UNARY(expm1, c_expm1, true)
MATH_UNARY(log1p, c_log1p, false)
MATH_UNARY(exp2, c_exp2, true)
MATH_UNARY(cbrt, c_cbrt, false)
MATH_UNARY(erf, c_erf, false)
MATH_UNARY(erfc, c_erfc, false)

// floor, ceil, trunc: ints come back as they are; floats become ints.
template <double (*F)(double)>
Object* rounding(const char* name, Object* const* args, size_t nargs, Object* kwnames) {
  std::string qualified = std::string("math.") + name;
  if (!check_no_kwargs(qualified.c_str(), kwnames) || !check_nargs(qualified.c_str(), nargs, 1, 1)) return nullptr;
  if (int_is_int(args[0])) return newref(args[0]);
  double x;
  if (!is_float(args[0])) {
    std::string dunder = std::string("__") + name + "__";
    if (type_lookup(type_of(args[0]), intern_str(dunder))) {
      Object* m = object_getattr(args[0], intern_str(dunder));
      Object* r = m ? object_call(m, nullptr, 0, nullptr) : nullptr;
      xdecref(m);
      return r;
    }
    if (std::string(name) == "trunc")
      return set_error(g_rt->types.TypeError, "type %s doesn't define __trunc__ method", type_name(args[0]));
  }
  if (!to_double(args[0], &x)) return nullptr;
  return int_from_float(F(x));
}

double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_trunc(double x) { return std::trunc(x); }

Object* math_floor(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return rounding<c_floor>("floor", args, nargs, kwnames);
}
Object* math_ceil(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return rounding<c_ceil>("ceil", args, nargs, kwnames);
}
Object* math_trunc(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return rounding<c_trunc>("trunc", args, nargs, kwnames);
}

bool two_doubles(const char* name, Object* const* args, size_t nargs, Object* kwnames, double* x, double* y) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, 2, 2) && to_double(args[0], x) &&
         to_double(args[1], y);
}

Object* math_pow(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles("pow", args, nargs, kwnames, &x, &y)) return nullptr;
  if (x == 0 && y < 0 && std::isfinite(y)) return domain_error();
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return domain_error();
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error();
  return float_from_double(r);
}

Object* math_fmod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles("fmod", args, nargs, kwnames, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  if (y == 0 || std::isinf(x)) {
    if (std::isnan(x) || std::isnan(y)) return float_from_double(NAN);
    return domain_error();
  }
  return float_from_double(std::fmod(x, y));
}

Object* math_remainder(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles("remainder", args, nargs, kwnames, &x, &y)) return nullptr;
  if (std::isnan(x) || std::isnan(y)) return float_from_double(NAN);
  if (std::isinf(x) || y == 0) return domain_error();
  return float_from_double(std::remainder(x, y));
}

Object* math_modf(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.modf", kwnames) || !check_nargs("math.modf", nargs, 1, 1)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  double whole;
  double frac = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &whole);
  if (std::isinf(x)) whole = x;
  Object* parts[] = {float_from_double(frac), float_from_double(whole)};
  Object* r = parts[0] && parts[1] ? tuple_from_array(parts, 2) : nullptr;
  for (Object* p : parts) xdecref(p);
  return r;
}

Object* math_frexp(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.frexp", kwnames) || !check_nargs("math.frexp", nargs, 1, 1)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  Object* parts[] = {float_from_double(m), int_from_i64(e)};
  Object* r = parts[0] && parts[1] ? tuple_from_array(parts, 2) : nullptr;
  for (Object* p : parts) xdecref(p);
  return r;
}

Object* math_ldexp(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("ldexp", kwnames) || !check_nargs("ldexp", nargs, 2, 2)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (!int_is_int(args[1])) return set_error(g_rt->types.TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_as_i64(static_cast<IntObject*>(args[1]), &e)) e = int_sign_of(args[1]) < 0 ? INT32_MIN : INT32_MAX;
  if (e > 100000) e = 100000;
  if (e < -100000) e = -100000;
  double r = std::ldexp(x, int(e));
  if (std::isinf(r) && std::isfinite(x)) return range_error();
  return float_from_double(r);
}

// dist(p, q): the Euclidean distance of two points given as sequences.
Object* math_dist(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dist", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "dist expected 2 arguments, got %zu", nargs);
  std::vector<double> coords[2];
  for (int k = 0; k < 2; ++k) {
    if (!is_instance(args[k], g_rt->types.tuple) && !is_instance(args[k], g_rt->types.list)) {
      return set_error(g_rt->types.TypeError, "dist() argument %d must be tuple, not %s", k + 1, type_name(args[k]));
    }
    Object* it = object_iter(args[k]);
    if (!it) return nullptr;
    while (Object* item = iter_next(it)) {
      double v;
      bool ok = to_double(item, &v);
      decref(item);
      if (!ok) {
        decref(it);
        return nullptr;
      }
      coords[k].push_back(v);
    }
    decref(it);
    if (error_occurred()) return nullptr;
  }
  if (coords[0].size() != coords[1].size())
    return set_error(g_rt->types.ValueError, "both points must have the same number of dimensions");
  double r = 0;
  for (size_t i = 0; i < coords[0].size(); ++i) r = std::hypot(r, coords[0][i] - coords[1][i]);
  return float_from_double(r);
}

Object* math_atan2(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  double y, x;
  if (!two_doubles("atan2", args, nargs, kwnames, &y, &x)) return nullptr;
  return float_from_double(std::atan2(y, x));
}

Object* math_copysign(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles("copysign", args, nargs, kwnames, &x, &y)) return nullptr;
  return float_from_double(std::copysign(x, y));
}

Object* math_hypot(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("hypot", kwnames)) return nullptr;
  double r = 0;
  bool any_inf = false, any_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x;
    if (!to_double(args[i], &x)) return nullptr;
    any_inf |= std::isinf(x);
    any_nan |= std::isnan(x);
    r = std::hypot(r, x);
  }
  if (any_inf) return float_from_double(INFINITY);
  if (any_nan) return float_from_double(NAN);
  return float_from_double(r);
}

// frexp of a positive int of any size: m in [0.5, 1) and e with x = m * 2**e.
double int_frexp(IntObject* i, int64_t* e) {
  size_t n = int_ndigits(i);
  size_t top = n < 3 ? n : 3;
  double m = 0;
  for (size_t j = n; j-- > n - top;) m = m * double(1u << kDigitBits) + i->digit[j];
  int e0;
  m = std::frexp(m, &e0);
  *e = e0 + int64_t(n - top) * kDigitBits;
  return m;
}

// func(x) for a positive int or float (CPython's loghelper): ints too large
// for a double go by frexp, func(m) + func(2) * e.
bool log_of(Object* o, double (*func)(double), double* out) {
  if (int_is_int(o)) {
    auto* i = static_cast<IntObject*>(o);
    if (int_sign(i) <= 0) {
      domain_error();
      return false;
    }
    bool overflow = false;
    double d = int_as_double(i, &overflow);
    if (!overflow) {
      *out = func(d);
      return true;
    }
    int64_t e;
    double m = int_frexp(i, &e);
    *out = func(m) + func(2.0) * double(e);
    return true;
  }
  double x;
  if (!to_double(o, &x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error();
    return false;
  }
  *out = func(x);
  return true;
}

double c_log(double x) { return std::log(x); }
double c_log2(double x) { return std::log2(x); }
double c_log10(double x) { return std::log10(x); }

Object* math_log(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("log", kwnames) || !check_nargs("log", nargs, 1, 2)) return nullptr;
  double num;
  if (!log_of(args[0], c_log, &num)) return nullptr;
  if (nargs == 1) return float_from_double(num);
  double den;
  if (!log_of(args[1], c_log, &den)) return nullptr;
  if (den == 0) return set_error(g_rt->types.ZeroDivisionError, "float division by zero");
  return float_from_double(num / den);
}

Object* math_log2(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.log2", kwnames) || !check_nargs("math.log2", nargs, 1, 1)) return nullptr;
  double r;
  return log_of(args[0], c_log2, &r) ? float_from_double(r) : nullptr;
}

Object* math_log10(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.log10", kwnames) || !check_nargs("math.log10", nargs, 1, 1)) return nullptr;
  double r;
  return log_of(args[0], c_log10, &r) ? float_from_double(r) : nullptr;
}

template <bool (*Test)(double)>
Object* classify(const char* name, Object* const* args, size_t nargs, Object* kwnames) {
  std::string qualified = std::string("math.") + name;
  if (!check_no_kwargs(qualified.c_str(), kwnames) || !check_nargs(qualified.c_str(), nargs, 1, 1)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return bool_obj(Test(x));
}

bool c_isfinite(double x) { return std::isfinite(x); }
bool c_isinf(double x) { return std::isinf(x); }
bool c_isnan(double x) { return std::isnan(x); }

Object* math_isfinite(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return classify<c_isfinite>("isfinite", args, nargs, kwnames);
}
Object* math_isinf(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return classify<c_isinf>("isinf", args, nargs, kwnames);
}
Object* math_isnan(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return classify<c_isnan>("isnan", args, nargs, kwnames);
}

Object* math_isclose(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[4];
  if (!bind_args({"isclose", {"$a", "$b", "rel_tol", "abs_tol"}, 2, 2}, args, nargs, kwnames, a)) return nullptr;
  double x, y, rel = 1e-9, abs_tol = 0.0;
  if (!to_double(a[0], &x) || !to_double(a[1], &y)) return nullptr;
  if ((a[2] && !to_double(a[2], &rel)) || (a[3] && !to_double(a[3], &abs_tol))) return nullptr;
  if (rel < 0.0 || abs_tol < 0.0) return set_error(g_rt->types.ValueError, "tolerances must be non-negative");
  if (x == y) return bool_obj(true);
  if (std::isinf(x) || std::isinf(y)) return bool_obj(false);
  double diff = std::fabs(y - x);
  return bool_obj((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
}

// ---- integer functions, on int objects of any size

// gcd of two non-negative ints (new reference).
Object* gcd2(Object* a, Object* b) {
  Object* x = newref(a);
  Object* y = newref(b);
  while (int_sign_of(y) != 0) {
    Object* r = binary_op(x, y, BinaryOp::Remainder);
    decref(x);
    if (!r) {
      decref(y);
      return nullptr;
    }
    x = y;
    y = r;
  }
  decref(y);
  return x;
}

Object* abs_int(Object* i) { return int_sign_of(i) < 0 ? unary_negative(i) : newref(i); }

Object* math_gcd(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("gcd", kwnames)) return nullptr;
  Object* result = int_from_i64(0);
  for (size_t i = 0; result && i < nargs; ++i) {
    Object* v = to_int(args[i]);
    Object* a = v ? abs_int(v) : nullptr;
    xdecref(v);
    if (!a) {
      decref(result);
      return nullptr;
    }
    Object* g = gcd2(result, a);
    decref(a);
    decref(result);
    result = g;
  }
  return result;
}

Object* math_lcm(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("lcm", kwnames)) return nullptr;
  Object* result = int_from_i64(1);
  for (size_t i = 0; result && i < nargs; ++i) {
    Object* v = to_int(args[i]);
    Object* a = v ? abs_int(v) : nullptr;
    xdecref(v);
    if (!a) {
      decref(result);
      return nullptr;
    }
    if (int_sign_of(a) == 0 || int_sign_of(result) == 0) {
      decref(result);
      result = a;
      if (int_sign_of(a) == 0) continue;
      result = int_from_i64(0);
      decref(a);
      continue;
    }
    Object* g = gcd2(result, a);
    Object* q = g ? binary_op(a, g, BinaryOp::FloorDivide) : nullptr;
    Object* r = q ? binary_op(result, q, BinaryOp::Multiply) : nullptr;
    xdecref(g);
    xdecref(q);
    decref(a);
    decref(result);
    result = r;
  }
  return result;
}

// The product of the ints lo..hi (inclusive; 1 when empty), new reference.
Object* range_product(int64_t lo, int64_t hi) {
  if (lo > hi) return int_from_i64(1);
  if (hi - lo < 8) {
    Object* r = int_from_i64(lo);
    for (int64_t k = lo + 1; r && k <= hi; ++k) {
      Object* f = int_from_i64(k);
      Object* n = f ? binary_op(r, f, BinaryOp::Multiply) : nullptr;
      xdecref(f);
      decref(r);
      r = n;
    }
    return r;
  }
  // Halves keep the operands balanced, so big products stay fast.
  int64_t mid = lo + (hi - lo) / 2;
  Object* a = range_product(lo, mid);
  Object* b = a ? range_product(mid + 1, hi) : nullptr;
  Object* r = b ? binary_op(a, b, BinaryOp::Multiply) : nullptr;
  xdecref(a);
  xdecref(b);
  return r;
}

// An int argument that must fit a C long: *out, or false with an error set.
bool small_int_arg(Object* o, int64_t* out, const char* too_big) {
  Object* i = to_int(o);
  if (!i) return false;
  bool fits = int_as_i64(static_cast<IntObject*>(i), out);
  decref(i);
  if (!fits) set_error(g_rt->types.OverflowError, "%s", too_big);
  return fits;
}

Object* math_factorial(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.factorial", kwnames) || !check_nargs("math.factorial", nargs, 1, 1)) return nullptr;
  int64_t n;
  if (!small_int_arg(args[0], &n, "factorial() argument should not exceed 9223372036854775807")) return nullptr;
  if (n < 0) return set_error(g_rt->types.ValueError, "factorial() not defined for negative values");
  if (n > 100000) return set_error(g_rt->types.NotImplementedError, "factorial() of more than 100000 is not supported yet");
  return range_product(1, n);
}

// perm(n, k) and comb(n, k) for n and k that fit an int64.
Object* perm_comb(const char* name, Object* const* args, size_t nargs, Object* kwnames, bool comb) {
  if (!check_no_kwargs(name, kwnames)) return nullptr;
  if (comb && nargs != 2) return set_error(g_rt->types.TypeError, "comb expected 2 arguments, got %zu", nargs);
  if (!check_nargs(name, nargs, 1, 2)) return nullptr;
  Object* ni = to_int(args[0]);
  if (!ni) return nullptr;
  // perm(n) and perm(n, None) count the orderings of all n.
  bool k_given = nargs == 2 && (comb || args[1] != none());
  Object* ki = k_given ? to_int(args[1]) : newref(ni);
  if (!ki) {
    decref(ni);
    return nullptr;
  }
  int64_t n, k;
  bool n_fits = int_as_i64(static_cast<IntObject*>(ni), &n);
  bool k_fits = int_as_i64(static_cast<IntObject*>(ki), &k);
  int n_sign = int_sign_of(ni), k_sign = int_sign_of(ki);
  decref(ni);
  decref(ki);
  if (n_sign < 0 && !k_given) return set_error(g_rt->types.ValueError, "factorial() not defined for negative values");
  if (n_sign < 0) return set_error(g_rt->types.ValueError, "n must be a non-negative integer");
  if (k_sign < 0) return set_error(g_rt->types.ValueError, "k must be a non-negative integer");
  if (!n_fits || !k_fits) return set_error(g_rt->types.OverflowError, "%s() arguments are too large", name);
  if (k > n) return int_from_i64(0);
  if (n > 1000000) return set_error(g_rt->types.NotImplementedError, "%s() of n above 1000000 is not supported yet", name);
  if (!comb) return range_product(n - k + 1, n);
  if (k > n - k) k = n - k;
  Object* num = range_product(n - k + 1, n);
  Object* den = num ? range_product(1, k) : nullptr;
  Object* r = den ? binary_op(num, den, BinaryOp::FloorDivide) : nullptr;
  xdecref(num);
  xdecref(den);
  return r;
}

Object* math_perm(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return perm_comb("perm", args, nargs, kwnames, false);
}
Object* math_comb(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return perm_comb("comb", args, nargs, kwnames, true);
}

Object* math_isqrt(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.isqrt", kwnames) || !check_nargs("math.isqrt", nargs, 1, 1)) return nullptr;
  Object* n = to_int(args[0]);
  if (!n) return nullptr;
  if (int_sign_of(n) < 0) {
    decref(n);
    return set_error(g_rt->types.ValueError, "isqrt() argument must be nonnegative");
  }
  if (int_sign_of(n) == 0) return n;
  int64_t small;
  if (int_as_i64(static_cast<IntObject*>(n), &small)) {
    decref(n);
    auto r = int64_t(std::sqrt(double(small)));
    while (r > 0 && r > small / r) --r;
    while ((r + 1) <= small / (r + 1)) ++r;
    return int_from_i64(r);
  }
  // Newton's iteration from above: x = (x + n // x) // 2 until it stops falling.
  bool overflow = false;
  double d = int_as_double(static_cast<IntObject*>(n), &overflow);
  Object* two = int_from_i64(2);
  Object* x = nullptr;
  if (!overflow) {
    x = int_from_float(std::sqrt(d) * (1 + 1e-12) + 1);
  } else {
    Object* bits = int_from_i64(int64_t(int_ndigits(static_cast<IntObject*>(n))) * kDigitBits / 2 + 1);
    Object* one = int_from_i64(1);
    x = bits && one ? binary_op(one, bits, BinaryOp::Lshift) : nullptr;
    xdecref(bits);
    xdecref(one);
  }
  while (x) {
    Object* q = binary_op(n, x, BinaryOp::FloorDivide);
    Object* s = q ? binary_op(x, q, BinaryOp::Add) : nullptr;
    Object* y = s ? binary_op(s, two, BinaryOp::FloorDivide) : nullptr;
    xdecref(q);
    xdecref(s);
    if (!y) {
      decref(x);
      x = nullptr;
      break;
    }
    int smaller = object_rich_compare_bool(y, x, CompareOp::Lt);
    if (smaller <= 0) {
      decref(y);
      break;
    }
    decref(x);
    x = y;
  }
  decref(two);
  decref(n);
  return x;
}

Object* math_prod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"prod", {"$iterable", "start"}, 1, 1}, args, nargs, kwnames, a)) return nullptr;
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  Object* result = a[1] ? newref(a[1]) : int_from_i64(1);
  while (result) {
    Object* x = iter_next(it);
    if (!x) break;
    Object* r = binary_op(result, x, BinaryOp::Multiply);
    decref(x);
    decref(result);
    result = r;
  }
  decref(it);
  if (result && error_occurred()) {
    decref(result);
    return nullptr;
  }
  return result;
}

// Shewchuk's exactly rounded sum, as CPython's math.fsum: partials that
// never overlap, then a careful final rounding.
Object* math_fsum(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("math.fsum", kwnames) || !check_nargs("math.fsum", nargs, 1, 1)) return nullptr;
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  while (Object* item = iter_next(it)) {
    double x;
    bool ok = to_double(item, &x);
    decref(item);
    if (!ok) {
      decref(it);
      return nullptr;
    }
    double xsave = x;
    size_t i = 0;
    for (double y : p) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // An infinity or NaN among the inputs, or an intermediate overflow.
        if (std::isfinite(xsave)) {
          decref(it);
          return set_error(g_rt->types.OverflowError, "intermediate overflow in fsum");
        }
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  decref(it);
  if (error_occurred()) return nullptr;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return set_error(g_rt->types.ValueError, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the rest of the partials push it.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_from_double(hi);
}

const NativeFunctionDef kMathFunctions[] = {
    {"sqrt", math_sqrt},         {"exp", math_exp},           {"sin", math_sin},
    {"cos", math_cos},           {"tan", math_tan},           {"asin", math_asin},
    {"acos", math_acos},         {"atan", math_atan},         {"fabs", math_fabs},
    {"degrees", math_degrees},   {"radians", math_radians},   {"floor", math_floor},
    {"ceil", math_ceil},         {"trunc", math_trunc},       {"pow", math_pow},
    {"atan2", math_atan2},       {"copysign", math_copysign}, {"hypot", math_hypot},
    {"log", math_log},           {"log2", math_log2},         {"log10", math_log10},
    {"isfinite", math_isfinite}, {"isinf", math_isinf},       {"isnan", math_isnan},
    {"isclose", math_isclose},   {"gcd", math_gcd},           {"lcm", math_lcm},
    {"factorial", math_factorial}, {"perm", math_perm},       {"comb", math_comb},
    {"isqrt", math_isqrt},       {"prod", math_prod},         {"fsum", math_fsum},
    {"sinh", math_sinh},         {"cosh", math_cosh},         {"tanh", math_tanh},
    {"asinh", math_asinh},       {"acosh", math_acosh},       {"atanh", math_atanh},
    {"expm1", math_expm1},       {"log1p", math_log1p},       {"exp2", math_exp2},
    {"cbrt", math_cbrt},         {"erf", math_erf},           {"erfc", math_erfc},
    {"fmod", math_fmod},         {"remainder", math_remainder}, {"modf", math_modf},
    {"frexp", math_frexp},       {"ldexp", math_ldexp},       {"dist", math_dist},
};

}  // namespace

Object* make_math_module() {
  Object* m = new_module("math");
  if (!m) return nullptr;
  for (const NativeFunctionDef& def : kMathFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    if (!f || dict_setitem(module_dict(m), intern_str(def.name), f) < 0) {
      xdecref(f);
      decref(m);
      return nullptr;
    }
    decref(f);
  }
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
  for (const auto& c : constants) {
    Object* v = float_from_double(c.value);
    if (!v || dict_setitem(module_dict(m), intern_str(c.name), v) < 0) {
      xdecref(v);
      decref(m);
      return nullptr;
    }
    decref(v);
  }
  return m;
}

}  // namespace heaplab
