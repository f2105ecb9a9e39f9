#include "core/object/str_translate.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }

// d[key] = value with a fresh int key; false with an exception.
bool set_cp(Object* d, uint32_t cp, Object* value) {
  Object* key = int_from_i64(cp);
  if (!key) return false;
  int r = dict_setitem(d, key, value);
  decref(key);
  return r == 0;
}

// maketrans(dict): the same mapping with its one-character keys as ordinals.
Object* table_from_dict(Object* x) {
  Object* table = dict_new();
  if (!table) return nullptr;
  int64_t pos = 0;
  Object *key, *value;
  while (dict_next(x, &pos, &key, &value)) {
    bool ok;
    if (is_str(key)) {
      if (as_str(key)->length != 1) {
        set_error(g_rt->types.ValueError, "string keys in translate table must be of length 1");
        ok = false;
      } else {
        ok = set_cp(table, str_char(as_str(key), 0), value);
      }
    } else if (int_is_int(key)) {
      ok = dict_setitem(table, key, value) == 0;
    } else {
      set_error(g_rt->types.TypeError, "keys in translate table must be strings or integers");
      ok = false;
    }
    if (!ok) {
      decref(table);
      return nullptr;
    }
  }
  return table;
}

}  // namespace

// maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /), a static method.
Object* str_maketrans(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.maketrans", kwnames) || !check_nargs("maketrans", nargs, 1, 3)) return nullptr;
  if (nargs == 1) {
    if (!is_dict(args[0])) {
      return set_error(g_rt->types.TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    return table_from_dict(args[0]);
  }
  for (size_t i = 1; i < nargs; ++i) {
    if (!is_str(args[i])) {
      return set_error(g_rt->types.TypeError, "maketrans() argument %zu must be str, not %s", i + 1, type_name(args[i]));
    }
  }
  if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "first maketrans argument must be a string if there is a second argument");
  StrObject *x = as_str(args[0]), *y = as_str(args[1]);
  if (x->length != y->length) {
    return set_error(g_rt->types.ValueError, "the first two maketrans arguments must have equal length");
  }
  Object* table = dict_new();
  if (!table) return nullptr;
  for (int64_t i = 0; i < x->length; ++i) {
    Object* to = int_from_i64(str_char(y, i));
    bool ok = to && set_cp(table, str_char(x, i), to);
    xdecref(to);
    if (!ok) {
      decref(table);
      return nullptr;
    }
  }
  if (nargs == 3) {
    StrObject* z = as_str(args[2]);
    for (int64_t i = 0; i < z->length; ++i) {
      if (!set_cp(table, str_char(z, i), none())) {
        decref(table);
        return nullptr;
      }
    }
  }
  return table;
}

// translate(table): each character looked up as table[ord(c)]; a LookupError
// keeps it, None deletes it, an int or a str replaces it.
Object* str_translate(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.translate", kwnames) || !check_nargs("str.translate", nargs, 1, 1)) return nullptr;
  auto* s = as_str(self);
  std::u32string out;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = str_char(s, i);
    Object* key = int_from_i64(c);
    if (!key) return nullptr;
    Object* v = object_getitem(args[0], key);
    decref(key);
    if (!v) {
      if (!error_matches(g_rt->types.LookupError)) return nullptr;
      clear_error();
      out.push_back(c);
      continue;
    }
    bool ok = true;
    if (int_is_int(v)) {
      int64_t cp;
      if (!int_as_i64(static_cast<IntObject*>(v), &cp) || cp < 0 || cp > 0x10ffff) {
        set_error(g_rt->types.ValueError, "character mapping must be in range(0x110000)");
        ok = false;
      } else {
        out.push_back(char32_t(cp));
      }
    } else if (is_str(v)) {
      for (int64_t j = 0; j < as_str(v)->length; ++j) out.push_back(str_char(as_str(v), j));
    } else if (v != none()) {
      set_error(g_rt->types.TypeError, "character mapping must return integer, None or str");
      ok = false;
    }
    decref(v);
    if (!ok) return nullptr;
  }
  return str_from_codepoints(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

}  // namespace heaplab
