#include "core/object/bytes_format.h"

#include <cstring>
#include <string>

#include "core/object/abstract.h"
#include "core/object/bytearray.h"
#include "core/object/bytes.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace heaplab {

namespace {

// The arguments: a tuple's items in turn, else the one object; a mapping
// (anything subscriptable but a tuple, str or bytes-like) serves %(key)s.
struct Args {
  Object* args;
  TupleObject* tuple = nullptr;
  int64_t index = 0;
  int64_t count = 1;
  Object* mapping = nullptr;

  Object* next() {
    if (index >= count) {
      set_error(g_rt->types.TypeError, "not enough arguments for format string");
      return nullptr;
    }
    return tuple ? tuple_item(tuple, index++) : (index++, args);
  }
};

// %s and %b: the bytes of a bytes-like object or of its __bytes__().
bool bytes_of(Object* arg, std::string* out) {
  std::string_view v;
  if (bytes_like_view(arg, &v)) {
    *out = std::string(v);
    return true;
  }
  Object* name = intern_str("__bytes__");
  if (type_lookup(type_of(arg), name)) {
    Object* method = object_getattr(arg, name);
    Object* r = method ? object_call(method, nullptr, 0, nullptr) : nullptr;
    xdecref(method);
    if (!r) return false;
    bool ok = is_bytes(r);
    if (ok) *out = std::string(bytes_view(r));
    else set_error(g_rt->types.TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
    decref(r);
    return ok;
  }
  set_error(g_rt->types.TypeError,
            "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", type_name(arg));
  return false;
}

// A numeric conversion, formatted by str % with the same spec.
bool numeric(const std::string& spec, Object* arg, std::string* out) {
  Object* fmt = str_from_utf8(spec);
  Object* one = fmt ? tuple_from_array(&arg, 1) : nullptr;
  Object* r = one ? str_percent_format(fmt, one) : nullptr;
  xdecref(fmt);
  xdecref(one);
  if (!r) return false;
  *out = str_to_utf8(static_cast<StrObject*>(r));
  decref(r);
  return true;
}

}  // namespace

bool bytes_percent_format(std::string_view fmt, Object* args, std::string* out) {
  Args pa{args};
  if (is_tuple(args)) {
    pa.tuple = static_cast<TupleObject*>(args);
    pa.count = pa.tuple->size;
  } else if (slots_of(args).getitem && !is_str(args) && !is_bytes(args) && !is_bytearray(args)) {
    pa.mapping = args;
  }
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out->push_back(fmt[i]);
      continue;
    }
    ++i;
    if (i >= fmt.size()) {
      set_error(g_rt->types.ValueError, "incomplete format");
      return false;
    }
    Object* keyed = nullptr;  // owned: the value of %(key)
    if (fmt[i] == '(') {
      if (!pa.mapping) {
        set_error(g_rt->types.TypeError, "format requires a mapping");
        return false;
      }
      int depth = 1;
      size_t k = ++i;
      while (i < fmt.size() && depth) {
        if (fmt[i] == '(') ++depth;
        if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth) {
        set_error(g_rt->types.ValueError, "incomplete format key");
        return false;
      }
      Object* key = bytes_from_data(fmt.substr(k, i - 1 - k));
      keyed = key ? object_getitem(pa.mapping, key) : nullptr;
      xdecref(key);
      if (!keyed) return false;
      pa.count = 0;  // a mapping format consumes no positional argument
    }
    std::string flags;
    for (; i < fmt.size() && std::strchr("-+ #0", fmt[i]); ++i) flags.push_back(fmt[i]);
    // Width and precision, '*' taking them from the arguments.
    auto number = [&](std::string* text) -> bool {
      if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        Object* w = pa.next();
        if (!w) return false;
        if (!int_is_int(w)) {
          set_error(g_rt->types.TypeError, "* wants int");
          return false;
        }
        int64_t n;
        if (!int_as_i64(static_cast<IntObject*>(w), &n)) {
          set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
          return false;
        }
        *text = std::to_string(n);
        return true;
      }
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') text->push_back(fmt[i++]);
      if (text->size() > 9) {
        set_error(g_rt->types.ValueError, "width too big");
        return false;
      }
      return true;
    };
    std::string width, precision;
    bool has_precision = false;
    bool ok = number(&width);
    if (ok && i < fmt.size() && fmt[i] == '.') {
      ++i;
      has_precision = true;
      ok = number(&precision);
    }
    while (ok && i < fmt.size() && std::strchr("hlL", fmt[i])) ++i;  // length modifiers: ignored
    if (ok && i >= fmt.size()) {
      set_error(g_rt->types.ValueError, "incomplete format");
      ok = false;
    }
    if (!ok) {
      xdecref(keyed);
      return false;
    }
    char type = fmt[i];
    if (type == '%') {
      out->push_back('%');
      xdecref(keyed);
      continue;
    }
    Object* arg = keyed ? keyed : pa.next();
    if (!arg) return false;
    std::string body;
    bool left = flags.find('-') != std::string::npos;
    switch (type) {
      case 's': case 'b': case 'r': case 'a': {
        if (type == 's' || type == 'b') {
          ok = bytes_of(arg, &body);
        } else {
          Object* text = object_ascii(arg);
          ok = text != nullptr;
          if (ok) body = str_to_utf8(static_cast<StrObject*>(text));
          xdecref(text);
        }
        if (ok && has_precision) {
          int64_t p = precision.empty() ? 0 : std::stoll(precision);
          if (p >= 0 && size_t(p) < body.size()) body.resize(size_t(p));
        }
        break;
      }
      case 'c': {
        std::string_view v;
        if (bytes_like_view(arg, &v) && v.size() == 1) {
          body = std::string(v);
        } else if (int_is_int(arg)) {
          int64_t c;
          if (!int_as_i64(static_cast<IntObject*>(arg), &c) || c < 0 || c > 255) {
            set_error(g_rt->types.OverflowError, "%%c arg not in range(256)");
            ok = false;
          } else {
            body.push_back(char(c));
          }
        } else {
          set_error(g_rt->types.TypeError, "%%c requires an integer in range(256) or a single byte");
          ok = false;
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'e': case 'E': case 'f': case 'F': case 'g':
      case 'G': {
        std::string spec = "%" + flags + width + (has_precision ? "." + precision : "") + type;
        ok = numeric(spec, arg, &body);
        width.clear();  // applied already
        break;
      }
      default:
        set_error(g_rt->types.ValueError, "unsupported format character '%c' (0x%x) at index %zu", type,
                  unsigned(uint8_t(type)), i);
        ok = false;
    }
    xdecref(keyed);
    if (!ok) return false;
    int64_t w = width.empty() ? 0 : std::stoll(width);
    if (w < 0) {
      left = true;
      w = -w;
    }
    if (w > (int64_t(1) << 30)) {
      set_memory_error();
      return false;
    }
    if (size_t(w) > body.size()) {
      std::string fill(size_t(w) - body.size(), ' ');
      body = left ? body + fill : fill + body;
    }
    *out += body;
  }
  if (pa.index < pa.count && !pa.mapping) {
    set_error(g_rt->types.TypeError, "not all arguments converted during bytes formatting");
    return false;
  }
  return true;
}

}  // namespace heaplab
