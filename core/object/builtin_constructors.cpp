#include "core/object/builtin_constructors.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytes.h"
#include "core/object/dict.h"
#include "core/object/dict_views.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/text_codecs.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

bool is_py_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_py_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_py_space(s.back())) s.remove_suffix(1);
  return s;
}

// The digits of an int literal in `base` (0: from its prefix), with
// underscores allowed between digits; nullptr when the text is not one.
Object* parse_int_text(std::string_view text, int base) {
  std::string_view s = trim(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  auto has_prefix = [&](char p) { return s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == p; };
  int prefix_base = has_prefix('x') ? 16 : has_prefix('o') ? 8 : has_prefix('b') ? 2 : 0;
  bool underscore_ok = false;
  if (base == 0) {
    if (prefix_base) {
      base = prefix_base;
      s.remove_prefix(2);
      underscore_ok = true;
    } else {
      base = 10;
      // Base 0 rejects leading zeros in a nonzero decimal.
      if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos) return nullptr;
    }
  } else if (prefix_base == base) {
    s.remove_prefix(2);
    underscore_ok = true;
  }
  std::string digits;
  bool last_underscore = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (last_underscore && !(underscore_ok && i == 0)) return nullptr;
      last_underscore = true;
      continue;
    }
    digits.push_back(s[i]);
    last_underscore = false;
  }
  if (digits.empty() || last_underscore) return nullptr;
  return int_from_digits(digits, base, negative);
}

Object* int_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"int", {"$x", "base"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  if (!a[0]) {
    if (a[1]) return set_error(g_rt->types.TypeError, "int() missing string argument");
    return int_from_i64(0);
  }
  Object* x = a[0];
  std::string_view text;
  std::string utf8;
  bool textual = false;
  if (is_str(x)) {
    utf8 = str_to_utf8(static_cast<StrObject*>(x));
    text = utf8;
    textual = true;
  } else if (bytes_like_view(x, &text)) {
    textual = true;
  }
  if (a[1]) {
    if (!textual) return set_error(g_rt->types.TypeError, "int() can't convert non-string with explicit base");
  }
  if (textual) {
    int64_t base = 10;
    if (a[1] && !object_as_index(a[1], &base)) return nullptr;
    if ((base != 0 && base < 2) || base > 36) return set_error(g_rt->types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (Object* r = parse_int_text(text, int(base))) {
      // Power-of-two bases convert in linear time and have no limit.
      bool limited = base == 0 ? text.find_first_of("xXoObB") == std::string_view::npos : (base & (base - 1)) != 0;
      size_t ndigits = size_t(std::count_if(text.begin(), text.end(), [](char c) { return std::isalnum(uint8_t(c)); }));
      if (!limited || int_check_parse_digits(ndigits)) return r;
      decref(r);
      return nullptr;
    }
    std::string shown;
    if (!repr_utf8(x, &shown)) return nullptr;
    return set_error(g_rt->types.ValueError, "invalid literal for int() with base %d: %s", int(base), shown.c_str());
  }
  if (int_is_int(x)) {
    if (type_of(x) == g_rt->types.int_) return newref(x);
    return int_from_big(int_to_big(static_cast<IntObject*>(x)));
  }
  if (is_float(x)) return int_from_float(float_value(x));
  return set_error(g_rt->types.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   type_name(x));
}

// float('1_000.5'), float(' inf '), float('-nan').
bool parse_float_text(std::string_view text, double* out) {
  std::string_view s = trim(text);
  std::string clean;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      bool between = i > 0 && i + 1 < s.size() && std::isdigit(uint8_t(s[i - 1])) && std::isdigit(uint8_t(s[i + 1]));
      if (!between) return false;
      continue;
    }
    clean.push_back(s[i]);
  }
  if (clean.empty()) return false;
  std::string lower;
  for (char c : clean) lower.push_back(char(std::tolower(uint8_t(c))));
  std::string_view body = lower;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body == "nan") {
    *out = negative ? -NAN : NAN;
    return true;
  }
  // Only decimal digits, one point and an exponent: strtod also takes hex.
  if (body.find_first_not_of("0123456789.e+-") != std::string_view::npos) return false;
  char* end = nullptr;
  *out = std::strtod(clean.c_str(), &end);
  return end == clean.c_str() + clean.size();
}

Object* float_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("float", kwnames) || !check_nargs("float", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return float_from_double(0.0);
  Object* x = args[0];
  if (type_of(x) == g_rt->types.float_) return newref(x);
  if (is_float(x)) return float_from_double(float_value(x));
  if (int_is_int(x)) {
    double d;
    if (!int_to_double_checked(x, &d)) return nullptr;
    return float_from_double(d);
  }
  std::string_view text;
  std::string utf8;
  if (is_str(x)) {
    utf8 = str_to_utf8(static_cast<StrObject*>(x));
    text = utf8;
  } else if (!bytes_like_view(x, &text)) {
    return set_error(g_rt->types.TypeError, "float() argument must be a string or a real number, not '%s'", type_name(x));
  }
  double d;
  if (parse_float_text(text, &d)) return float_from_double(d);
  std::string shown;
  if (!repr_utf8(x, &shown)) return nullptr;
  return set_error(g_rt->types.ValueError, "could not convert string to float: %s", shown.c_str());
}

Object* str_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"str", {"object", "encoding", "errors"}, 0, 3}, args, nargs, kwnames, a)) return nullptr;
  if (!a[0]) return newref(g_rt->empty_str);
  if (!a[1] && !a[2]) return object_str(a[0]);
  // The codec arguments are checked before the object.
  for (int i : {1, 2}) {
    if (a[i] && !is_str(a[i])) {
      return set_error(g_rt->types.TypeError, "str() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                       type_name(a[i]));
    }
  }
  std::string_view data;
  if (!bytes_like_view(a[0], &data)) {
    if (is_str(a[0])) return set_error(g_rt->types.TypeError, "decoding str is not supported");
    return set_error(g_rt->types.TypeError, "decoding to str: need a bytes-like object, %s found", type_name(a[0]));
  }
  return decode_bytes(data, a[1], a[2]);
}

Object* tuple_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("tuple", kwnames) || !check_nargs("tuple", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return newref(g_rt->empty_tuple);
  if (type_of(args[0]) == g_rt->types.tuple) return newref(args[0]);
  if (type_of(args[0]) == g_rt->types.list) {
    auto* l = static_cast<ListObject*>(args[0]);
    std::vector<Object*> items(size_t(l->size));
    for (int64_t i = 0; i < l->size; ++i) items[size_t(i)] = list_item(l, i);
    return tuple_from_array(items.data(), items.size());
  }
  // PySequence_Tuple fills the tuple itself (resizing it as needed), with no
  // list in between: the items wait here, outside the heap, so the heap sees
  // only the iterator and the finished tuple.
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  // PyObject_LengthHint asks the iterable's len() (a class's __len__ runs).
  if (slots_of(args[0]).length && object_length(args[0]) < 0) {
    if (!error_matches(g_rt->types.TypeError)) {
      decref(it);
      return nullptr;
    }
    clear_error();
  }
  std::vector<Object*> items;
  while (Object* item = iter_next(it)) items.push_back(item);
  decref(it);
  TupleObject* t = error_occurred() ? nullptr : tuple_new(int64_t(items.size()));
  if (!t) {
    for (Object* item : items) decref(item);
    return nullptr;
  }
  for (size_t i = 0; i < items.size(); ++i) tuple_set_item(t, int64_t(i), items[i]);
  return t;
}

Object* dict_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) return set_error(g_rt->types.TypeError, "dict expected at most 1 argument, got %zu", nargs);
  Object* d = dict_new_of_type(g_rt->types.dict);
  if (!d) return nullptr;
  if (dict_update_from(d, nargs ? args[0] : nullptr, args + nargs, kwnames) < 0) {
    decref(d);
    return nullptr;
  }
  return d;
}

// _PyType_AllocNoTrack's block for `n` items: room for one more, rounded
// to 8 bytes (the instance's size for sys.getsizeof does not change).
size_t var_alloc_size(TypeObject* type, size_t n) { return (type->basicsize + type->itemsize * (n + 1) + 7) & ~size_t(7); }

// tuple.__new__ for a class (tuple_subtype_new): the instance copies the
// tuple made from the arguments; its block has room for one item more, as
// _PyType_AllocNoTrack allocates.
Object* tuple_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = tuple_construct(g_rt->types.tuple, args, nargs, kwnames);
  if (!made || type == g_rt->types.tuple) return made;
  auto* src = static_cast<TupleObject*>(made);
  auto* t = static_cast<TupleObject*>(new_object(type, var_alloc_size(type, size_t(src->size))));
  if (t) {
    t->size = src->size;
    for (int64_t i = 0; i < src->size; ++i) tuple_set_item(t, i, newref(tuple_item(src, i)));
    gc_track(t);
  }
  decref(made);
  return t;
}

Object* str_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = str_construct(g_rt->types.str, args, nargs, kwnames);
  if (!made || type == g_rt->types.str) return made;
  Object* o = str_subtype_copy(type, static_cast<StrObject*>(made));
  decref(made);
  return o;
}

// bool.__new__: bool cannot be subclassed, so its constructor serves.
Object* bool_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  return slots_of(type).construct(type, args, nargs, kwnames);
}

// dict.__new__ makes an empty dict; dict.__init__ fills it.
Object* dict_new_instance(TypeObject* type, Object* const*, size_t, Object*) { return dict_new_of_type(type); }

int dict_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    set_error(g_rt->types.TypeError, "dict expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  return dict_update_from(self, nargs ? args[0] : nullptr, args + nargs, kwnames);
}

// int.__new__ for a class (long_subtype_new): a copy of the int made from
// the arguments, with at least one digit.
Object* int_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = int_construct(g_rt->types.int_, args, nargs, kwnames);
  if (!made || type == g_rt->types.int_) return made;
  auto* src = static_cast<IntObject*>(made);
  size_t n = std::max<size_t>(int_ndigits(src), 1);
  auto* o = static_cast<IntObject*>(new_object(type, var_alloc_size(type, n)));
  if (o) {
    o->lv_tag = src->lv_tag;
    for (size_t i = 0; i < n; ++i) o->digit[i] = src->digit[i];
    gc_track(o);
  }
  decref(made);
  return o;
}

// float.__new__ for a class (float_subtype_new).
Object* float_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = float_construct(g_rt->types.float_, args, nargs, kwnames);
  if (!made || type == g_rt->types.float_) return made;
  auto* o = static_cast<FloatObject*>(new_object(type, type->basicsize));
  if (o) {
    o->value = float_value(made);
    gc_track(o);
  }
  decref(made);
  return o;
}

// The types' slot tables are filled by their own files; the constructors
// are the slots added here.
void set_construct(TypeObject* t, Object* (*construct)(TypeObject*, Object* const*, size_t, Object*)) {
  g_type_slots[t->slots_index]->construct = construct;
}
void set_new_and_init(TypeObject* t, Object* (*new_instance)(TypeObject*, Object* const*, size_t, Object*),
                      int (*init)(Object*, Object* const*, size_t, Object*)) {
  g_type_slots[t->slots_index]->new_instance = new_instance;
  g_type_slots[t->slots_index]->init = init;
}

}  // namespace

Object* int_from_float(double v) {
  if (std::isinf(v)) return set_error(g_rt->types.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(v)) return set_error(g_rt->types.ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(v);
  if (std::fabs(t) < 9.2e18) return int_from_i64(int64_t(t));
  BigInt b;
  b.sign = t < 0 ? -1 : 1;
  t = std::fabs(t);
  while (t >= 1) {
    double q = std::floor(t / double(1u << kDigitBits));
    b.digits.push_back(uint32_t(t - q * double(1u << kDigitBits)));
    t = q;
  }
  return int_from_big(b);
}

void init_builtin_constructors() {
  const BuiltinTypes& t = g_rt->types;
  set_construct(t.int_, int_construct);
  set_construct(t.float_, float_construct);
  set_construct(t.str, str_construct);
  set_construct(t.tuple, tuple_construct);
  set_construct(t.dict, dict_construct);
  set_new_and_init(t.int_, int_new_instance, nullptr);
  set_new_and_init(t.float_, float_new_instance, nullptr);
  set_new_and_init(t.bool_, bool_new_instance, nullptr);
  set_new_and_init(t.str, str_new_instance, nullptr);
  set_new_and_init(t.tuple, tuple_new_instance, nullptr);
  set_new_and_init(t.dict, dict_new_instance, dict_init);
}

}  // namespace heaplab
