#include "core/lib/builtins_module.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "core/lang/interpreter.h"
#include "core/lib/gc_module.h"
#include "core/lib/sys_module.h"
#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytearray.h"
#include "core/object/builtin_iterators.h"
#include "core/object/bytes.h"
#include "core/object/dict.h"
#include "core/object/function.h"
#include "core/object/super.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/list_sort.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/set.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/tuple.h"
#include "core/object/union_type.h"

namespace heaplab {

namespace {

// print(*objects, sep=' ', end='\n')
Object* builtin_print(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::string sep = " ", end = "\n";
  Object* file = nullptr;
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t i = 0; i < names->size; ++i) {
      std::string key = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
      Object* v = args[nargs + size_t(i)];
      std::string* target = key == "sep" ? &sep : key == "end" ? &end : nullptr;
      if (key == "file") file = v;
      if (key == "flush" || key == "file") continue;
      if (!target) return set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for print()", key.c_str());
      if (v == none()) continue;
      if (!is_str(v)) return set_error(g_rt->types.TypeError, "%s must be None or a string, not %s", key.c_str(), type_name(v));
      *target = str_to_utf8(static_cast<StrObject*>(v));
    }
  }
  // The pieces print writes: each str(arg), the separators, then end.
  std::vector<std::string> pieces;
  for (size_t i = 0; i < nargs; ++i) {
    if (i) pieces.push_back(sep);
    std::string text;
    if (!str_utf8(args[i], &text)) return nullptr;
    pieces.push_back(std::move(text));
  }
  pieces.push_back(end);
  bool is_stream;
  Stream stream = text_stream_target(file, &is_stream);
  if (is_stream) {
    std::string out;
    for (const std::string& piece : pieces) out += piece;
    g_interpreter->write(stream, out);
    return none();
  }
  Object* write = object_getattr(file, intern_str("write"));
  if (!write) return nullptr;
  for (const std::string& piece : pieces) {
    Object* text = str_from_utf8(piece);
    Object* r = text ? object_call(write, &text, 1, nullptr) : nullptr;
    xdecref(text);
    if (!r) {
      decref(write);
      return nullptr;
    }
    decref(r);
  }
  decref(write);
  return none();
}

// exit([code]) and quit([code]), site's Quitter: raise SystemExit(code).
Object* builtin_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"exit", {"code"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  return set_error_object(g_rt->types.SystemExit, a[0] ? a[0] : none());
}

Object* builtin_len(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return nullptr;
  int64_t n = object_length(args[0]);
  return n < 0 ? nullptr : int_from_i64(n);
}

Object* builtin_repr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return nullptr;
  return object_repr(args[0]);
}

Object* builtin_id(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return nullptr;
  BigInt b;
  uint64_t id = kIdBase + addr_of(args[0]);
  b.sign = 1;
  for (; id; id >>= kDigitBits) b.digits.push_back(uint32_t(id & kDigitMask));
  return int_from_big(b);
}

Object* builtin_hash(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return nullptr;
  int64_t h = object_hash(args[0]);
  return h == -1 ? nullptr : int_from_i64(h);
}

// Calls special method `dunder` of o's class, if it has one; *found says
// whether it did.
Object* call_special(Object* o, const char* dunder, Object* const* args, size_t nargs, bool* found) {
  Object* name = intern_str(dunder);
  *found = type_lookup(type_of(o), name) != nullptr;
  if (!*found) return nullptr;
  Object* method = object_getattr(o, name);
  Object* r = method ? object_call(method, args, nargs, nullptr) : nullptr;
  xdecref(method);
  return r;
}

Object* builtin_abs(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("abs", kwnames) || !check_nargs("abs", nargs, 1, 1)) return nullptr;
  Object* x = args[0];
  bool found;
  Object* r = call_special(x, "__abs__", nullptr, 0, &found);
  if (found) return r;
  if (is_float(x)) return float_from_double(std::fabs(float_value(x)));
  if (int_is_int(x)) {
    auto* v = static_cast<IntObject*>(x);
    if (int_sign(v) < 0) return unary_negative(x);
    return type_of(x) == g_rt->types.int_ ? newref(x) : int_from_big(int_to_big(v));
  }
  return set_error(g_rt->types.TypeError, "bad operand type for abs(): '%s'", type_name(x));
}

Object* builtin_isinstance(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("isinstance", kwnames) || !check_nargs("isinstance", nargs, 2, 2)) return nullptr;
  Object* cls = args[1];
  if (is_union(cls)) cls = union_args(cls);  // isinstance(x, int | str)
  if (is_tuple(cls)) {
    auto* t = static_cast<TupleObject*>(cls);
    for (int64_t i = 0; i < t->size; ++i)
      if (type_of(tuple_item(t, i)) == g_rt->types.type && is_instance(args[0], static_cast<TypeObject*>(tuple_item(t, i))))
        return bool_obj(true);
    return bool_obj(false);
  }
  if (type_of(cls) != g_rt->types.type) {
    return set_error(g_rt->types.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  }
  return bool_obj(is_instance(args[0], static_cast<TypeObject*>(cls)));
}

// issubclass's check, item by item through (nested) tuples, as CPython's
// object_issubclass: 1, 0, or -1 with TypeError set.
int is_subclass_of(Object* derived, Object* cls) {
  if (is_union(cls)) cls = union_args(cls);
  if (is_tuple(cls)) {
    auto* t = static_cast<TupleObject*>(cls);
    for (int64_t i = 0; i < t->size; ++i) {
      int r = is_subclass_of(derived, tuple_item(t, i));
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_instance(derived, g_rt->types.type)) {
    set_error(g_rt->types.TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!is_instance(cls, g_rt->types.type)) {
    set_error(g_rt->types.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
}

Object* builtin_issubclass(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("issubclass", kwnames) || !check_nargs("issubclass", nargs, 2, 2)) return nullptr;
  int r = is_subclass_of(args[0], args[1]);
  return r < 0 ? nullptr : bool_obj(r);
}

Object* builtin_sorted(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs != 1) return set_error(g_rt->types.TypeError, "sorted expected 1 argument, got %zu", nargs);
  Object* a[2];
  if (!bind_args({"sort", {"key", "reverse"}, 0, 0}, args + 1, 0, kwnames, a)) return nullptr;
  Object* l = list_new(0);
  if (!l) return nullptr;
  if (list_extend(l, args[0]) < 0) {
    decref(l);
    return nullptr;
  }
  int reverse = a[1] ? object_is_true(a[1]) : 0;
  if (reverse < 0 || list_sort(l, a[0], reverse) < 0) {
    decref(l);
    return nullptr;
  }
  return l;
}

// sum(iterable, /, start=0): exact ints summed in 64 bits while they fit,
// floats with 3.12's compensated (Neumaier) summation.
Object* builtin_sum(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"sum", {"$iterable", "start"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* result = a[1] ? a[1] : g_rt->small_int(0);
  if (is_str(result)) return set_error(g_rt->types.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_bytes(result)) return set_error(g_rt->types.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_bytearray(result)) return set_error(g_rt->types.TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Object* it = object_iter(a[0]);
  if (!it) return nullptr;
  incref(result);
  int64_t i_result;
  if (type_of(result) == g_rt->types.int_ && int_as_i64(static_cast<IntObject*>(result), &i_result)) {
    for (;;) {
      Object* item = iter_next(it);
      if (!item) {
        decref(it);
        decref(result);
        return error_occurred() ? nullptr : int_from_i64(i_result);
      }
      int64_t b;
      if ((type_of(item) == g_rt->types.int_ || type_of(item) == g_rt->types.bool_) &&
          int_as_i64(static_cast<IntObject*>(item), &b) && !__builtin_add_overflow(i_result, b, &b)) {
        i_result = b;
        decref(item);
        continue;
      }
      decref(result);
      result = int_from_i64(i_result);
      Object* sum = binary_op(result, item, BinaryOp::Add);
      decref(result);
      decref(item);
      if (!sum) {
        decref(it);
        return nullptr;
      }
      result = sum;
      break;
    }
  }
  if (type_of(result) == g_rt->types.float_) {
    double f = float_value(result), c = 0.0;
    for (;;) {
      Object* item = iter_next(it);
      if (!item) {
        decref(it);
        decref(result);
        if (error_occurred()) return nullptr;
        if (c != 0.0 && std::isfinite(c)) f += c;
        return float_from_double(f);
      }
      if (type_of(item) == g_rt->types.float_) {
        double x = float_value(item), t = f + x;
        c += std::fabs(f) >= std::fabs(x) ? (f - t) + x : (x - t) + f;
        f = t;
        decref(item);
        continue;
      }
      int64_t v;
      if (int_is_int(item) && int_as_i64(static_cast<IntObject*>(item), &v)) {
        f += double(v);
        decref(item);
        continue;
      }
      if (c != 0.0 && std::isfinite(c)) f += c;
      decref(result);
      result = float_from_double(f);
      Object* sum = binary_op(result, item, BinaryOp::Add);
      decref(result);
      decref(item);
      if (!sum) {
        decref(it);
        return nullptr;
      }
      result = sum;
      break;
    }
  }
  while (Object* item = iter_next(it)) {
    Object* sum = binary_op(result, item, BinaryOp::Add);
    decref(result);
    decref(item);
    if (!sum) {
      decref(it);
      return nullptr;
    }
    result = sum;
  }
  decref(it);
  if (error_occurred()) {
    decref(result);
    return nullptr;
  }
  return result;
}

// min() and max(): one iterable or several arguments; key= and default=.
Object* min_max(const char* name, CompareOp op, Object* const* args, size_t nargs, Object* kwnames) {
  Object* keyfunc = nullptr;
  Object* dflt = nullptr;
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t i = 0; i < names->size; ++i) {
      std::string k = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
      if (k == "key") keyfunc = args[nargs + size_t(i)];
      else if (k == "default") dflt = args[nargs + size_t(i)];
      else return set_error(g_rt->types.TypeError, "%s() got an unexpected keyword argument '%s'", name, k.c_str());
    }
  }
  if (nargs == 0) return set_error(g_rt->types.TypeError, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && dflt) {
    return set_error(g_rt->types.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  }
  if (keyfunc == none()) keyfunc = nullptr;
  Object* source = nargs == 1 ? args[0] : tuple_from_array(args, nargs);
  if (!source) return nullptr;
  Object* it = object_iter(source);
  if (nargs > 1) decref(source);
  if (!it) return nullptr;
  Object* best = nullptr;
  Object* best_key = nullptr;
  while (Object* item = iter_next(it)) {
    Object* key = keyfunc ? object_call(keyfunc, &item, 1, nullptr) : newref(item);
    int better = key ? (best ? object_rich_compare_bool(key, best_key, op) : 1) : -1;
    if (better > 0) {
      xdecref(best);
      xdecref(best_key);
      best = item;
      best_key = key;
      continue;
    }
    decref(item);
    xdecref(key);
    if (better < 0) {
      decref(it);
      xdecref(best);
      xdecref(best_key);
      return nullptr;
    }
  }
  decref(it);
  xdecref(best_key);
  if (error_occurred()) {
    xdecref(best);
    return nullptr;
  }
  if (best) return best;
  if (dflt) return newref(dflt);
  return set_error(g_rt->types.ValueError, "%s() iterable argument is empty", name);
}

Object* builtin_min(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("min", CompareOp::Lt, args, nargs, kwnames);
}
Object* builtin_max(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("max", CompareOp::Gt, args, nargs, kwnames);
}

Object* any_all(const char* name, bool want, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  while (Object* item = iter_next(it)) {
    int t = object_is_true(item);
    decref(item);
    if (t < 0 || (t == 1) == want) {
      decref(it);
      return t < 0 ? nullptr : bool_obj(want);
    }
  }
  decref(it);
  return error_occurred() ? nullptr : bool_obj(!want);
}
Object* builtin_any(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return any_all("any", true, args, nargs, kwnames);
}
Object* builtin_all(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return any_all("all", false, args, nargs, kwnames);
}

// Round half to even, as CPython's round() for floats and ints.
Object* builtin_round(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"round", {"number", "ndigits"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* x = a[0];
  bool found;
  Object* custom = call_special(x, "__round__", &a[1], a[1] ? 1 : 0, &found);
  if (found) return custom;
  bool no_digits = !a[1] || a[1] == none();
  int64_t nd = 0;
  if (!no_digits && !object_as_index(a[1], &nd)) return nullptr;
  if (is_float(x)) {
    double v = float_value(x);
    if (no_digits) {
      if (!std::isfinite(v)) {
        return set_error(std::isnan(v) ? g_rt->types.ValueError : g_rt->types.OverflowError,
                         std::isnan(v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
      }
      double r = std::round(v);
      if (std::fabs(v - r) == 0.5) r = 2.0 * std::round(v / 2.0);
      Object* f = float_from_double(r);
      if (!f) return nullptr;
      Object* args1[1] = {f};
      Object* i = object_call(g_rt->types.int_, args1, 1, nullptr);
      decref(f);
      return i;
    }
    if (!std::isfinite(v) || nd > 323) return float_from_double(v);
    if (nd >= 0) {
      // The correctly rounded decimal string, read back (CPython uses dtoa).
      char buf[512];
      std::snprintf(buf, sizeof buf, "%.*f", int(nd), v);
      return float_from_double(std::strtod(buf, nullptr));
    }
    double p = std::pow(10.0, double(-nd));
    double y = v / p, r = std::round(y);
    if (std::fabs(y - r) == 0.5) r = 2.0 * std::round(y / 2.0);
    return float_from_double(r * p);
  }
  if (int_is_int(x)) {
    if (no_digits || nd >= 0) return int_from_big(int_to_big(static_cast<IntObject*>(x)));
    // x rounded to a multiple of 10**-nd, ties to even.
    Object* ten = int_from_i64(10);
    Object* e = int_from_i64(-nd);
    Object* p = binary_op(ten, e, BinaryOp::Power);
    decref(ten);
    decref(e);
    if (!p) return nullptr;
    Object* q = binary_op(x, p, BinaryOp::FloorDivide);
    Object* r = q ? binary_op(x, p, BinaryOp::Remainder) : nullptr;
    Object* two = int_from_i64(2);
    Object* r2 = r ? binary_op(r, two, BinaryOp::Multiply) : nullptr;
    int c = r2 ? object_rich_compare_bool(r2, p, CompareOp::Gt) : -1;
    int tie = r2 ? object_rich_compare_bool(r2, p, CompareOp::Eq) : -1;
    Object* qmod = q ? binary_op(q, two, BinaryOp::Remainder) : nullptr;
    bool odd = qmod && int_sign(static_cast<IntObject*>(qmod)) != 0;
    Object* result = nullptr;
    if (c >= 0 && tie >= 0) {
      Object* one = int_from_i64(1);
      Object* q2 = (c || (tie && odd)) ? binary_op(q, one, BinaryOp::Add) : newref(q);
      result = q2 ? binary_op(q2, p, BinaryOp::Multiply) : nullptr;
      xdecref(q2);
    }
    for (Object* o : {p, q, r, two, r2, qmod}) xdecref(o);
    return result;
  }
  return set_error(g_rt->types.TypeError, "type %s doesn't define __round__ method", type_name(x));
}

Object* builtin_divmod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("divmod", kwnames) || !check_nargs("divmod", nargs, 2, 2)) return nullptr;
  Object* q = binary_op(args[0], args[1], BinaryOp::FloorDivide);
  if (!q) {
    if (error_matches(g_rt->types.ZeroDivisionError) && (is_float(args[0]) || is_float(args[1]))) {
      clear_error();
      set_error(g_rt->types.ZeroDivisionError, "float divmod()");
    } else if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(args[0]),
                type_name(args[1]));
    }
    return nullptr;
  }
  Object* r = binary_op(args[0], args[1], BinaryOp::Remainder);
  if (!r) {
    decref(q);
    return nullptr;
  }
  Object* items[2] = {q, r};
  Object* t = tuple_from_array(items, 2);
  decref(q);
  decref(r);
  return t;
}

// The inverse of `base` modulo |m| by the extended Euclidean algorithm;
// ValueError when gcd(base, m) != 1.
Object* modular_inverse(Object* base, Object* m) {
  Object* modulus = m;
  if (int_sign(static_cast<IntObject*>(m)) < 0) {
    modulus = unary_negative(m);
    if (!modulus) return nullptr;
  } else {
    incref(modulus);
  }
  // Invariant: x0 * base == a and x1 * base == b (mod |m|).
  Object* a = binary_op(base, modulus, BinaryOp::Remainder);
  Object* b = newref(modulus);
  Object* x0 = int_from_i64(1);
  Object* x1 = int_from_i64(0);
  while (a && b && x0 && x1 && int_sign(static_cast<IntObject*>(b)) != 0) {
    Object* q = binary_op(a, b, BinaryOp::FloorDivide);
    Object* qb = q ? binary_op(q, b, BinaryOp::Multiply) : nullptr;
    Object* r = qb ? binary_op(a, qb, BinaryOp::Subtract) : nullptr;
    Object* qx = q ? binary_op(q, x1, BinaryOp::Multiply) : nullptr;
    Object* x2 = qx ? binary_op(x0, qx, BinaryOp::Subtract) : nullptr;
    for (Object* o : {q, qb, qx, a, x0}) xdecref(o);
    a = b;
    b = r;
    x0 = x1;
    x1 = x2;
  }
  Object* inverse = nullptr;
  if (a && b && x0 && x1) {
    int64_t g;
    if (int_as_i64(static_cast<IntObject*>(a), &g) && g == 1) {
      inverse = binary_op(x0, modulus, BinaryOp::Remainder);
    } else {
      set_error(g_rt->types.ValueError, "base is not invertible for the given modulus");
    }
  }
  for (Object* o : {a, b, x0, x1, modulus}) xdecref(o);
  return inverse;
}

Object* builtin_pow(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"pow", {"base", "exp", "mod"}, 2, 3}, args, nargs, kwnames, a)) return nullptr;
  if (!a[2] || a[2] == none()) return binary_op(a[0], a[1], BinaryOp::Power);
  if (!int_is_int(a[0]) || !int_is_int(a[1]) || !int_is_int(a[2])) {
    return set_error(g_rt->types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (int_sign(static_cast<IntObject*>(a[2])) == 0) return set_error(g_rt->types.ValueError, "pow() 3rd argument cannot be 0");
  // Square and multiply on int objects, reducing modulo m each step; a
  // negative exponent raises the modular inverse of the base instead.
  Object* m = a[2];
  Object* base;
  Object* e;
  if (int_sign(static_cast<IntObject*>(a[1])) < 0) {
    base = modular_inverse(a[0], m);
    e = base ? unary_negative(a[1]) : nullptr;
    if (!e) {
      xdecref(base);
      return nullptr;
    }
  } else {
    base = binary_op(a[0], m, BinaryOp::Remainder);
    e = newref(a[1]);
  }
  Object* result = int_from_i64(1);
  Object* two = int_from_i64(2);
  while (result && base && e && int_sign(static_cast<IntObject*>(e)) > 0) {
    Object* bit = binary_op(e, two, BinaryOp::Remainder);
    if (bit && int_sign(static_cast<IntObject*>(bit)) != 0) {
      Object* prod = binary_op(result, base, BinaryOp::Multiply);
      decref(result);
      result = prod ? binary_op(prod, m, BinaryOp::Remainder) : nullptr;
      xdecref(prod);
    }
    xdecref(bit);
    Object* sq = binary_op(base, base, BinaryOp::Multiply);
    decref(base);
    base = sq ? binary_op(sq, m, BinaryOp::Remainder) : nullptr;
    xdecref(sq);
    Object* half = binary_op(e, two, BinaryOp::FloorDivide);
    decref(e);
    e = half;
  }
  xdecref(base);
  xdecref(e);
  decref(two);
  if (error_occurred()) {
    xdecref(result);
    return nullptr;
  }
  // The result takes the modulus's sign, as %.
  Object* r = binary_op(result, m, BinaryOp::Remainder);
  decref(result);
  return r;
}

bool attr_name(Object* name, const char* fname) {
  if (is_str(name)) return true;
  set_error(g_rt->types.TypeError, "%sattribute name must be string, not '%s'", fname, type_name(name));
  return false;
}

Object* builtin_getattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getattr", kwnames) || !check_nargs("getattr", nargs, 2, 3)) return nullptr;
  if (!attr_name(args[1], "")) return nullptr;
  Object* v = object_getattr(args[0], args[1]);
  if (!v && nargs == 3 && error_matches(g_rt->types.AttributeError)) {
    clear_error();
    return newref(args[2]);
  }
  return v;
}

Object* builtin_hasattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("hasattr", kwnames) || !check_nargs("hasattr", nargs, 2, 2)) return nullptr;
  if (!attr_name(args[1], "")) return nullptr;
  Object* v = object_getattr(args[0], args[1]);
  if (v) {
    decref(v);
    return bool_obj(true);
  }
  if (!error_matches(g_rt->types.AttributeError)) return nullptr;
  clear_error();
  return bool_obj(false);
}

Object* builtin_setattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("setattr", kwnames) || !check_nargs("setattr", nargs, 3, 3)) return nullptr;
  if (!attr_name(args[1], "")) return nullptr;
  return object_setattr(args[0], args[1], args[2]) < 0 ? nullptr : none();
}

Object* builtin_delattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("delattr", kwnames) || !check_nargs("delattr", nargs, 2, 2)) return nullptr;
  if (!attr_name(args[1], "")) return nullptr;
  return object_delattr(args[0], args[1]) < 0 ? nullptr : none();
}

Object* builtin_iter(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("iter", kwnames) || !check_nargs("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 2) return new_callable_iterator(args[0], args[1]);
  return object_iter(args[0]);
}

Object* builtin_next(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("next", kwnames) || !check_nargs("next", nargs, 1, 2)) return nullptr;
  if (!slots_of(args[0]).iternext) {
    return set_error(g_rt->types.TypeError, "'%s' object is not an iterator", type_name(args[0]));
  }
  Object* item = slots_of(args[0]).iternext(args[0]);
  if (item) return item;
  if (error_occurred()) {
    if (nargs < 2 || !error_matches(g_rt->types.StopIteration)) return nullptr;
    clear_error();
  }
  if (nargs == 2) return newref(args[1]);
  set_error_none(g_rt->types.StopIteration);
  return nullptr;
}

Object* builtin_callable(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("callable", kwnames) || !check_nargs("callable", nargs, 1, 1)) return nullptr;
  return bool_obj(slots_of(args[0]).call != nullptr);
}

Object* builtin_chr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("chr", kwnames) || !check_nargs("chr", nargs, 1, 1)) return nullptr;
  if (!int_is_int(args[0])) {
    return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  }
  int64_t cp;
  if (!int_as_i64(static_cast<IntObject*>(args[0]), &cp)) return set_error(g_rt->types.OverflowError, "Python int too large to convert to C int");
  if (cp < 0 || cp > 0x10ffff) return set_error(g_rt->types.ValueError, "chr() arg not in range(0x110000)");
  return str_char_object(uint32_t(cp));
}

Object* builtin_ord(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("ord", kwnames) || !check_nargs("ord", nargs, 1, 1)) return nullptr;
  Object* c = args[0];
  std::string_view b;
  if (is_str(c)) {
    auto* s = static_cast<StrObject*>(c);
    if (s->length == 1) return int_from_i64(str_char(s, 0));
    return set_error(g_rt->types.TypeError, "ord() expected a character, but string of length %lld found", (long long)s->length);
  }
  if (bytes_like_view(c, &b)) {
    if (b.size() == 1) return int_from_i64(uint8_t(b[0]));
    return set_error(g_rt->types.TypeError, "ord() expected a character, but string of length %zu found", b.size());
  }
  return set_error(g_rt->types.TypeError, "ord() expected string of length 1, but %s found", type_name(c));
}

Object* int_text(const char* fname, int base, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return nullptr;
  if (!int_is_int(args[0])) {
    return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  }
  return str_from_utf8(int_to_base_text(static_cast<IntObject*>(args[0]), base, true));
}
Object* builtin_hex(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return int_text("hex", 16, args, nargs, kwnames);
}
Object* builtin_oct(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return int_text("oct", 8, args, nargs, kwnames);
}
Object* builtin_bin(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return int_text("bin", 2, args, nargs, kwnames);
}

Object* builtin_format(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("format", kwnames) || !check_nargs("format", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_str(args[1])) {
    return set_error(g_rt->types.TypeError, "format() argument 2 must be str, not %s", type_name(args[1]));
  }
  return object_format(args[0], nargs == 2 ? args[1] : nullptr);
}

Object* builtin_ascii(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("ascii", kwnames) || !check_nargs("ascii", nargs, 1, 1)) return nullptr;
  std::string r;
  if (!repr_utf8(args[0], &r)) return nullptr;
  return str_from_utf8(ascii_escape(r));
}

// __build_class__(func, name, *bases): runs the class body with a fresh
// namespace as its locals, creates the class, and fills the __class__ cell
// that zero-argument super() reads.
Object* builtin_build_class(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 2) return set_error(g_rt->types.TypeError, "__build_class__: not enough arguments");
  if (kwnames) return set_error(g_rt->types.NotImplementedError, "class keyword arguments (metaclass=...) are not supported yet");
  Object* func = args[0];
  Object* name = args[1];
  Object* bases = tuple_from_array(args + 2, nargs - 2);
  Object* ns = bases ? dict_new() : nullptr;
  if (!ns) {
    xdecref(bases);
    return nullptr;
  }
  Object* cell = g_interpreter->call_function(func, nullptr, 0, nullptr, ns);
  Object* cls = cell ? object_call(g_rt->types.type, std::array<Object*, 3>{name, bases, ns}.data(), 3, nullptr) : nullptr;
  if (cls && cell && type_of(cell) == g_rt->types.cell) set_ref(static_cast<CellObject*>(cell)->ref, newref(cls));
  xdecref(cell);
  decref(bases);
  decref(ns);
  return cls;
}

// super(): in a method, the class the method was defined in (its __class__
// cell) and the method's first argument.
Object* builtin_super(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) return set_error(g_rt->types.TypeError, "super() takes no keyword arguments");
  Object* type = nullptr;
  Object* obj = nullptr;
  if (nargs == 2) {
    type = args[0];
    obj = args[1];
  } else if (nargs == 0) {
    const Frame* f = g_interpreter->current_frame();
    if (!f || !f->func) return set_error(g_rt->types.RuntimeError, "super(): no arguments");
    auto* code = f->code;
    auto* names = static_cast<TupleObject*>(code->localsplusnames.get());
    Object* const* locals = g_interpreter->frame_locals(*f);
    if (code->argcount == 0) return set_error(g_rt->types.RuntimeError, "super(): no arguments");
    obj = locals[0];
    if (obj && type_of(obj) == g_rt->types.cell && (code_local_kinds(code)[0] & kLocalCell))
      obj = static_cast<CellObject*>(obj)->ref.get();
    for (int64_t i = 0; i < names->size; ++i) {
      if (str_to_utf8(static_cast<StrObject*>(tuple_item(names, i))) != "__class__") continue;
      type = static_cast<CellObject*>(locals[i])->ref.get();
    }
    if (!type) return set_error(g_rt->types.RuntimeError, "super(): __class__ cell not found");
    if (!obj) return set_error(g_rt->types.RuntimeError, "super(): arg[0] deleted");
  } else {
    return set_error(g_rt->types.TypeError, "super() takes 0 or 2 arguments");
  }
  return new_super(static_cast<TypeObject*>(type), obj);
}

// globals(): the current frame's module dict.
// __import__(name, globals=None, locals=None, fromlist=(), level=0): the
// module `name` names, or for a dotted name without a fromlist its top-level
// package, as the import statement binds it.
Object* builtin_import(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[5] = {};
  if (!bind_args({"__import__", {"name", "globals", "locals", "fromlist", "level"}, 1, 5}, args, nargs, kwnames, a))
    return nullptr;
  if (!is_str(a[0])) return set_error(g_rt->types.TypeError, "module name must be a string");
  int64_t level = 0;
  if (a[4] && !(int_is_int(a[4]) && int_as_i64(static_cast<IntObject*>(a[4]), &level) && level == 0)) {
    return set_error(g_rt->types.NotImplementedError, "relative imports are not supported yet");
  }
  Object* m = g_interpreter->import_module(a[0]);
  if (!m) return nullptr;
  std::string n = str_to_utf8(static_cast<StrObject*>(a[0]));
  size_t dot = n.find('.');
  bool fromlist = a[3] && object_is_true(a[3]) > 0;
  if (dot == std::string::npos || fromlist) return newref(m);
  Object* top = g_interpreter->import_module(intern_str(n.substr(0, dot)));
  return top ? newref(top) : nullptr;
}

Object* builtin_globals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("globals", kwnames) || !check_nargs("globals", nargs, 0, 0)) return nullptr;
  const Frame* f = g_interpreter->current_frame();
  return f ? newref(f->globals) : newref(none());
}

// A dict of the current frame's bound fast locals (a snapshot, as 3.12's
// locals() in a function), or the namespace of a module or class body.
Object* frame_locals_dict(const Frame* f) {
  if (f->locals) return newref(f->locals);
  Object* d = dict_new();
  if (!d) return nullptr;
  auto* names = static_cast<TupleObject*>(f->code->localsplusnames.get());
  Object* const* slots = g_interpreter->frame_locals(*f);
  const uint8_t* kinds = code_local_kinds(f->code);
  for (int64_t i = 0; i < names->size; ++i) {
    Object* v = slots[i];
    if (v && (kinds[i] & (kLocalCell | kLocalFree))) v = static_cast<CellObject*>(v)->ref.get();
    if (v && dict_setitem(d, tuple_item(names, i), v) < 0) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

Object* builtin_locals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("locals", kwnames) || !check_nargs("locals", nargs, 0, 0)) return nullptr;
  const Frame* f = g_interpreter->current_frame();
  return f ? frame_locals_dict(f) : dict_new();
}

// vars(obj): obj.__dict__; vars(): locals().
Object* builtin_vars(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("vars", kwnames) || !check_nargs("vars", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return builtin_locals(self, args, 0, nullptr);
  Object* d = object_getattr(args[0], intern_str("__dict__"));
  if (!d && error_matches(g_rt->types.AttributeError)) {
    clear_error();
    return set_error(g_rt->types.TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// dir(obj): the sorted names of its attributes (instance dict, then the class's mro).
Object* builtin_dir(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dir", kwnames) || !check_nargs("dir", nargs, 0, 1)) return nullptr;
  Object* names = set_new(nullptr);
  if (!names) return nullptr;
  auto add_keys = [&](Object* d) {
    int64_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
      if (set_add(names, k) < 0) return false;
    return true;
  };
  bool ok = true;
  if (nargs == 0) {
    Object* d = builtin_locals(self, args, 0, nullptr);
    ok = d && add_keys(d);
    xdecref(d);
  } else {
    Object* o = args[0];
    TypeObject* t = type_of(o) == g_rt->types.type ? static_cast<TypeObject*>(o) : type_of(o);
    if (t != o && (t->flags & kTypeManagedDict)) {
      Object* d = object_getattr(o, intern_str("__dict__"));
      ok = d && add_keys(d);
      xdecref(d);
    } else if (type_of(o) == g_rt->types.module) {
      ok = add_keys(module_dict(o));
      t = nullptr;
    }
    if (ok && t) {
      if (auto* mro = static_cast<TupleObject*>(t->mro.get())) {
        for (int64_t i = 0; ok && i < mro->size; ++i) {
          auto* k = static_cast<TypeObject*>(tuple_item(mro, i));
          if (k->dict) ok = add_keys(k->dict.get());
        }
      } else {
        for (TypeObject* k = t; ok && k; k = k->base.get())
          if (k->dict) ok = add_keys(k->dict.get());
      }
    }
  }
  if (!ok) {
    decref(names);
    return nullptr;
  }
  Object* sorted = dict_getitem_str(module_dict(g_interpreter->builtins_module()), intern_str("sorted"));
  Object* r = object_call(sorted, &names, 1, nullptr);
  decref(names);
  return r;
}

// exec(source, globals=None, locals=None) and eval(...): source text run in
// the given namespaces, or the caller's; globals gain __builtins__ as in CPython.
Object* run_builtin(const char* fname, bool expression, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 3)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  const Frame* f = g_interpreter->current_frame();
  Object* globals = nargs > 1 && args[1] != none() ? args[1] : (f ? f->globals : nullptr);
  Object* locals = nargs > 2 && args[2] != none() ? args[2] : (nargs > 1 ? nullptr : (f ? f->locals : nullptr));
  if (!globals || !is_dict(globals)) {
    return set_error(g_rt->types.TypeError, "%s() globals must be a dict, not %s", fname,
                     globals ? type_name(globals) : "None");
  }
  Object* key = intern_str("__builtins__");
  if (!dict_getitem_str(globals, key) && dict_setitem(globals, key, g_interpreter->builtins_module()) < 0) return nullptr;
  std::string source = str_to_utf8(static_cast<StrObject*>(args[0]));
  // In a function, the default locals are a snapshot of its fast locals, as
  // locals() gives (names the code binds do not reach the function).
  Object* snapshot = nullptr;
  if (nargs == 1 && f && !locals && f->globals == globals) {
    snapshot = frame_locals_dict(f);
    if (!snapshot) return nullptr;
    locals = snapshot;
  }
  Object* result = g_interpreter->run_source(source, expression, "<string>", globals, locals);
  xdecref(snapshot);
  return result;
}

Object* builtin_exec(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return run_builtin("exec", false, args, nargs, kwnames);
}

Object* builtin_eval(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return run_builtin("eval", true, args, nargs, kwnames);
}

// input([prompt]) where the VM cannot pause (see Interpreter::execute's CALL):
// the prompt, then a line from the host's blocking reader.
Object* builtin_input(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("input", kwnames)) return nullptr;
  if (nargs > 1) return set_error(g_rt->types.TypeError, "input expected at most 1 argument, got %zu", nargs);
  if (nargs == 1) {
    std::string prompt;
    if (!str_utf8(args[0], &prompt)) return nullptr;
    g_interpreter->write(Stream::Out, prompt);
  }
  return g_interpreter->read_input_blocking();
}

const NativeFunctionDef kBuiltinFunctions[] = {
    {"exec", builtin_exec}, {"eval", builtin_eval},
    {"__import__", builtin_import}, {"globals", builtin_globals}, {"locals", builtin_locals}, {"vars", builtin_vars}, {"dir", builtin_dir},
    {"__build_class__", builtin_build_class}, {"super", builtin_super},
    {"print", builtin_print}, {"exit", builtin_exit}, {"quit", builtin_exit}, {"len", builtin_len},   {"repr", builtin_repr},
    {"id", builtin_id},       {"hash", builtin_hash}, {"abs", builtin_abs},
    {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
    {"sorted", builtin_sorted}, {"sum", builtin_sum}, {"min", builtin_min}, {"max", builtin_max},
    {"any", builtin_any}, {"all", builtin_all}, {"round", builtin_round}, {"divmod", builtin_divmod},
    {"pow", builtin_pow}, {"getattr", builtin_getattr}, {"hasattr", builtin_hasattr}, {"setattr", builtin_setattr},
    {"delattr", builtin_delattr}, {"iter", builtin_iter}, {"next", builtin_next}, {"callable", builtin_callable},
    {"chr", builtin_chr}, {"ord", builtin_ord}, {"hex", builtin_hex}, {"oct", builtin_oct}, {"bin", builtin_bin},
    {"format", builtin_format}, {"ascii", builtin_ascii}, {"input", builtin_input},
};

}  // namespace

bool is_builtin_input(const Object* o) {
  return type_of(o) == g_rt->types.builtin_function &&
         native_def(static_cast<const BuiltinFunctionObject*>(o)->def_index).fn == builtin_input;
}

Object* make_builtins_module() {
  install_gc_output_hooks();  // unraisable exceptions print from the start
  Object* m = new_module("builtins");
  Object* d = module_dict(m);
  for (const NativeFunctionDef& def : kBuiltinFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    dict_setitem(d, intern_str(def.name), f);
    decref(f);
  }
  const BuiltinTypes& t = g_rt->types;
  TypeObject* const exposed[] = {
      t.object, t.type, t.property, t.staticmethod, t.classmethod, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict,
      t.range, t.set, t.frozenset, t.bytes, t.bytearray, t.slice, t.enumerate, t.zip, t.map, t.filter, t.reversed,
      t.BaseException, t.Exception, t.ArithmeticError, t.ZeroDivisionError, t.OverflowError, t.LookupError,
      t.IndexError, t.KeyError, t.TypeError, t.ValueError, t.NameError, t.UnboundLocalError, t.AttributeError,
      t.RuntimeError, t.RecursionError, t.NotImplementedError, t.MemoryError, t.KeyboardInterrupt, t.SystemExit,
      t.StopIteration, t.SyntaxError, t.IndentationError, t.TabError, t.ImportError, t.ModuleNotFoundError,
      t.AssertionError, t.UnicodeError, t.GeneratorExit, t.SystemError, t.OSError, t.FileNotFoundError,
      t.FileExistsError, t.PermissionError, t.IsADirectoryError, t.NotADirectoryError, t.TimeoutError,
      t.ConnectionError, t.BrokenPipeError, t.ConnectionResetError, t.ConnectionRefusedError,
      t.ConnectionAbortedError, t.BlockingIOError, t.ChildProcessError, t.InterruptedError, t.ProcessLookupError,
      t.UnicodeEncodeError, t.UnicodeDecodeError, t.UnicodeTranslateError, t.BufferError, t.FloatingPointError,
      t.StopAsyncIteration, t.EOFError, t.Warning, t.UserWarning, t.DeprecationWarning, t.PendingDeprecationWarning,
      t.SyntaxWarning, t.RuntimeWarning, t.FutureWarning, t.ImportWarning, t.UnicodeWarning, t.BytesWarning,
      t.ResourceWarning, t.EncodingWarning,
  };
  for (TypeObject* type : exposed) dict_setitem(d, intern_str(type_name(type)), type);
  dict_setitem(d, intern_str("ReferenceError"), g_rt->gc.weakref_types.reference_error);
  dict_setitem(d, intern_str("IOError"), t.OSError);
  dict_setitem(d, intern_str("EnvironmentError"), t.OSError);
  dict_setitem(d, intern_str("None"), none());
  dict_setitem(d, intern_str("True"), g_rt->true_obj);
  dict_setitem(d, intern_str("False"), g_rt->false_obj);
  dict_setitem(d, intern_str("NotImplemented"), g_rt->not_implemented);
  dict_setitem(d, intern_str("Ellipsis"), g_rt->ellipsis);
  return m;
}

}  // namespace heaplab
