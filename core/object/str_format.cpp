#include "core/object/str_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/heap_type.h"
#include "core/object/native_function.h"
#include "core/object/float.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// UTF-8 code points, for widths counted in characters.
size_t char_count(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (uint8_t(c) & 0xc0) != 0x80;
  return n;
}

// A float's digits in a printf style ('f', 'e', 'g'), without the sign.
std::string float_digits(double v, char type, int precision, bool alternate) {
  char fmt[8] = "%";
  size_t k = 1;
  if (alternate) fmt[k++] = '#';
  fmt[k++] = '.';
  fmt[k++] = '*';
  fmt[k++] = type;
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, precision, std::fabs(v));
  return buf;
}

std::string special_float(double v, bool upper) {
  std::string s = std::isnan(v) ? "nan" : "inf";
  if (upper) std::transform(s.begin(), s.end(), s.begin(), ::toupper);
  return s;
}

// Separators every `every` digits of the integer part of `digits`.
std::string group_digits(const std::string& digits, char sep, int every) {
  size_t end = digits.find_first_not_of("0123456789abcdefABCDEF");
  if (end == std::string::npos) end = digits.size();
  std::string whole = digits.substr(0, end), out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % size_t(every) == 0) out.push_back(sep);
    out.push_back(whole[i]);
  }
  return out + digits.substr(end);
}

struct Spec {
  uint32_t fill = ' ';
  char align = 0;
  char sign = 0;
  bool alternate = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  char type = 0;
};

bool parse_spec(std::string_view s, Spec* out) {
  Spec sp;
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < s.size();) {
    auto c = uint8_t(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    uint32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1f : extra == 2 ? c & 0x0f : c & 0x07;
    for (int k = 1; k <= extra && i + size_t(k) < s.size(); ++k) cp = (cp << 6) | (uint8_t(s[i + size_t(k)]) & 0x3f);
    cps.push_back(cp);
    i += size_t(extra) + 1;
  }
  size_t i = 0, n = cps.size();
  auto is_align = [](uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  if (n >= 2 && is_align(cps[1])) {
    sp.fill = cps[0];
    sp.align = char(cps[1]);
    i = 2;
  } else if (n >= 1 && is_align(cps[0])) {
    sp.align = char(cps[0]);
    i = 1;
  }
  if (i < n && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) sp.sign = char(cps[i++]);
  if (i < n && cps[i] == 'z') ++i;
  if (i < n && cps[i] == '#') {
    sp.alternate = true;
    ++i;
  }
  if (i < n && cps[i] == '0') {
    sp.zero = true;
    ++i;
  }
  auto number = [&](int64_t* v) {
    bool any = false;
    int64_t x = 0;
    while (i < n && cps[i] >= '0' && cps[i] <= '9') {
      x = std::min<int64_t>(x * 10 + (cps[i++] - '0'), int64_t(1) << 40);
      any = true;
    }
    if (any) *v = x;
    return any;
  };
  number(&sp.width);
  if (i < n && (cps[i] == ',' || cps[i] == '_')) sp.grouping = char(cps[i++]);
  if (i < n && cps[i] == '.') {
    ++i;
    if (!number(&sp.precision)) {
      set_error(g_rt->types.ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (i < n) sp.type = char(cps[i++]);
  if (i < n) {
    set_error(g_rt->types.ValueError, "Invalid format specifier '%s' for object of type '%%s'", std::string(s).c_str());
    return false;
  }
  if (sp.zero && !sp.align) {
    sp.fill = '0';
    sp.align = '=';
  }
  *out = sp;
  return true;
}

// Pads `body` (after `sign_prefix`, e.g. "-0x") to the width.
std::string pad(const Spec& sp, const std::string& prefix, const std::string& body, char default_align) {
  char align = sp.align ? sp.align : default_align;
  size_t len = char_count(prefix) + char_count(body);
  size_t width = sp.width > 0 ? size_t(sp.width) : 0;
  if (len >= width) return prefix + body;
  size_t fill_n = width - len;
  std::string fill;
  for (size_t k = 0; k < fill_n; ++k) append_utf8(fill, sp.fill);
  auto part = [&](size_t count) {
    std::string f;
    for (size_t k = 0; k < count; ++k) append_utf8(f, sp.fill);
    return f;
  };
  switch (align) {
    case '<': return prefix + body + fill;
    case '^': return part(fill_n / 2) + prefix + body + part(fill_n - fill_n / 2);
    case '=': return prefix + fill + body;
    default: return fill + prefix + body;
  }
}

// '0' fill with grouping: CPython groups the zero padding too.
std::string zero_grouped(const Spec& sp, const std::string& prefix, std::string digits, int every) {
  size_t width = sp.width > 0 ? size_t(sp.width) : 0;
  while (prefix.size() + group_digits(digits, sp.grouping, every).size() < width) digits.insert(digits.begin(), '0');
  std::string g = group_digits(digits, sp.grouping, every);
  return prefix + g;
}

std::string sign_of(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

Object* unknown_code(char type, Object* value) {
  if (type >= 0x20 && type < 0x7f) {
    return set_error(g_rt->types.ValueError, "Unknown format code '%c' for object of type '%s'", type, type_name(value));
  }
  return set_error(g_rt->types.ValueError, "Unknown format code '\\x%x' for object of type '%s'", unsigned(uint8_t(type)),
                   type_name(value));
}

Object* format_float_spec(Object* value, double v, Spec sp) {
  char type = sp.type;
  if (!std::strchr("eEfFgGn%", type) && type) return unknown_code(type, value);
  if (sp.grouping && type == 'n') return set_error(g_rt->types.ValueError, "Cannot specify ',' with 'n'.");
  bool negative = std::signbit(v) && !std::isnan(v);
  std::string body;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (!std::isfinite(v)) {
    body = special_float(v, upper);
    if (type == '%') body += "%";
  } else if (type == 0 && sp.precision < 0) {
    body = float_repr_string(std::fabs(v));
  } else {
    int precision = sp.precision < 0 ? 6 : int(sp.precision);
    switch (type) {
      case 'e': case 'E': case 'f': case 'F':
        body = float_digits(v, type, precision, sp.alternate);
        break;
      case '%':
        body = float_digits(v * 100, 'f', precision, sp.alternate) + "%";
        break;
      default: {  // g, G, n, and no type with a precision
        if (precision == 0) precision = 1;
        body = float_digits(v, type == 'G' ? 'G' : 'g', precision, sp.alternate);
        if (type == 0 && body.find_first_of(".eEn") == std::string::npos) body += ".0";
        if (type == 0 && body.find('e') != std::string::npos && body.find('.') == std::string::npos && sp.alternate) {
          body.insert(body.find('e'), ".");
        }
      }
    }
  }
  std::string prefix = sign_of(negative, sp.sign);
  if (sp.grouping && std::isfinite(v)) {
    if (sp.align == '=' && sp.fill == '0') return str_from_utf8(zero_grouped(sp, prefix, body, 3));
    body = group_digits(body, sp.grouping, 3);
  }
  return str_from_utf8(pad(sp, prefix, body, '>'));
}

Object* format_int_spec(Object* value, Spec sp) {
  auto* v = static_cast<IntObject*>(value);
  char type = sp.type ? sp.type : 'd';
  if (std::strchr("eEfFgG%", type)) {
    double d;
    if (!int_to_double_checked(value, &d)) return nullptr;
    return format_float_spec(value, d, sp);
  }
  if (!std::strchr("bcdoxXn", type)) return unknown_code(type, value);
  if (sp.precision >= 0) return set_error(g_rt->types.ValueError, "Precision not allowed in integer format specifier");
  if (type == 'c') {
    if (sp.sign) return set_error(g_rt->types.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp.alternate) return set_error(g_rt->types.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_as_i64(v, &cp) || cp < 0 || cp > 0x10ffff) return set_error(g_rt->types.OverflowError, "%%c arg not in range(0x110000)");
    std::string body;
    append_utf8(body, uint32_t(cp));
    return str_from_utf8(pad(sp, "", body, '>'));
  }
  if (sp.grouping == ',' && type != 'd') return set_error(g_rt->types.ValueError, "Cannot specify ',' with '%c'.", type);
  if (sp.grouping && type == 'n') return set_error(g_rt->types.ValueError, "Cannot specify ',' with 'n'.");
  int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
  std::string digits = int_to_base_text(v, base, false, type == 'X');
  bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  std::string prefix = sign_of(negative, sp.sign);
  if (sp.alternate && base != 10) prefix += base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x";
  int every = base == 10 ? 3 : 4;
  if (sp.grouping) {
    if (sp.align == '=' && sp.fill == '0') return str_from_utf8(zero_grouped(sp, prefix, digits, every));
    digits = group_digits(digits, sp.grouping, every);
  }
  return str_from_utf8(pad(sp, prefix, digits, '>'));
}

Object* format_str_spec(Object* value, Spec sp) {
  if (sp.type && sp.type != 's') return unknown_code(sp.type, value);
  if (sp.sign) return set_error(g_rt->types.ValueError, "Sign not allowed in string format specifier");
  if (sp.alternate) return set_error(g_rt->types.ValueError, "Alternate form (#) not allowed in string format specifier");
  if (sp.align == '=') return set_error(g_rt->types.ValueError, "'=' alignment not allowed in string format specifier");
  if (sp.grouping) return set_error(g_rt->types.ValueError, "Cannot specify '%c' with 's'.", sp.grouping);
  auto* s = static_cast<StrObject*>(value);
  std::string text = str_to_utf8(s);
  if (sp.precision >= 0 && sp.precision < s->length) {
    std::string cut;
    for (int64_t i = 0; i < sp.precision; ++i) append_utf8(cut, str_char(s, i));
    text = cut;
  }
  return str_from_utf8(pad(sp, "", text, '<'));
}

// ---- printf-style ----

struct PercentArgs {
  Object* args;
  TupleObject* tuple = nullptr;  // positional arguments when args is a tuple
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

bool percent_int(Object* arg, char type, std::string* digits, bool* negative) {
  Object* v = nullptr;
  if (int_is_int(arg)) {
    v = newref(arg);
  } else if (is_float(arg) && (type == 'd' || type == 'i' || type == 'u')) {
    double d = float_value(arg);
    if (!std::isfinite(d)) {
      set_error(std::isnan(d) ? g_rt->types.ValueError : g_rt->types.OverflowError,
                std::isnan(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
      return false;
    }
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", std::trunc(d));
    *digits = buf;
    *negative = digits->front() == '-';
    if (*negative) digits->erase(0, 1);
    if (*digits == "0") *negative = false;
    return true;
  } else {
    if (type == 'd' || type == 'i' || type == 'u') {
      set_error(g_rt->types.TypeError, "%%%c format: a real number is required, not %s", type, type_name(arg));
    } else {
      set_error(g_rt->types.TypeError, "%%%c format: an integer is required, not %s", type, type_name(arg));
    }
    return false;
  }
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
  *digits = int_to_base_text(static_cast<IntObject*>(v), base, false, type == 'X');
  decref(v);
  *negative = digits->front() == '-';
  if (*negative) digits->erase(0, 1);
  return true;
}

}  // namespace

std::string int_to_base_text(const IntObject* v, int base, bool prefix, bool upper) {
  std::string out;
  if (base == 10) {
    out = int_to_decimal(v);
  } else {
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    BigInt b = int_to_big(v);
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t total_bits = b.digits.size() * kDigitBits;
    std::string mag;
    for (size_t pos = 0; pos < total_bits; pos += size_t(bits)) {
      unsigned d = 0;
      for (int k = 0; k < bits; ++k) {
        size_t bit = pos + size_t(k);
        if (bit < total_bits && (b.digits[bit / kDigitBits] >> (bit % kDigitBits)) & 1) d |= 1u << k;
      }
      mag.push_back(digits[d]);
    }
    while (mag.size() > 1 && mag.back() == '0') mag.pop_back();
    if (mag.empty()) mag = "0";
    std::reverse(mag.begin(), mag.end());
    out = (b.sign < 0 ? "-" : "") + mag;
  }
  if (prefix && base != 10) {
    const char* p = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    out.insert(out[0] == '-' ? 1 : 0, p);
  }
  return out;
}

std::string ascii_escape(std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    auto c = uint8_t(text[i]);
    if (c < 0x80) {
      out.push_back(char(c));
      ++i;
      continue;
    }
    int extra = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    uint32_t cp = extra == 1 ? c & 0x1f : extra == 2 ? c & 0x0f : c & 0x07;
    for (int k = 1; k <= extra && i + size_t(k) < text.size(); ++k) cp = (cp << 6) | (uint8_t(text[i + size_t(k)]) & 0x3f);
    i += size_t(extra) + 1;
    int n = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    out += n == 2 ? "\\x" : n == 4 ? "\\u" : "\\U";
    for (int k = (n - 1) * 4; k >= 0; k -= 4) out.push_back(hex[(cp >> k) & 15]);
  }
  return out;
}

Object* format_value(Object* value, std::string_view spec) {
  // A class's own __format__ (PyObject_Format calls the type's method).
  TypeObject* t = type_of(value);
  if (t->flags & kTypeHeapType) {
    if (Object* f = class_lookup(t, "__format__")) {
      Object* spec_str = str_from_utf8(spec);
      if (!spec_str) return nullptr;
      Object* args[] = {value, spec_str};
      Object* r = object_call(f, args, 2, nullptr);
      decref(spec_str);
      if (r && !is_str(r)) {
        std::string name = type_name(r);
        decref(r);
        return set_error(g_rt->types.TypeError, "__format__ must return a str, not %s", name.c_str());
      }
      return r;
    }
  }
  return format_builtin(value, spec);
}

Object* format_builtin(Object* value, std::string_view spec) {
  bool builtin = int_is_int(value) || is_float(value) || is_str(value);
  if (!builtin) {
    if (!spec.empty()) {
      return set_error(g_rt->types.TypeError, "unsupported format string passed to %s.__format__", type_name(value));
    }
    return object_str(value);
  }
  if (spec.empty()) return object_str(value);
  Spec sp;
  if (!parse_spec(spec, &sp)) {
    if (error_matches(g_rt->types.ValueError)) {
      Object* exc = fetch_error();
      std::string msg = exception_message(exc);
      decref(exc);
      size_t p = msg.find("%s");
      if (p != std::string::npos) msg.replace(p, 2, type_name(value));
      set_error(g_rt->types.ValueError, "%s", msg.c_str());
    }
    return nullptr;
  }
  if (is_str(value)) return format_str_spec(value, sp);
  if (is_float(value)) return format_float_spec(value, float_value(value), sp);
  if (type_of(value) == g_rt->types.bool_ && !sp.type) return format_str_spec(object_str(value), sp);
  return format_int_spec(value, sp);
}

Object* str_percent_format(Object* format, Object* args) {
  std::string fmt = str_to_utf8(static_cast<StrObject*>(format));
  PercentArgs pa{args};
  if (is_tuple(args)) {
    pa.tuple = static_cast<TupleObject*>(args);
    pa.count = pa.tuple->size;
  } else if (is_dict(args)) {
    pa.mapping = args;
  }
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out.push_back(fmt[i]);
      continue;
    }
    ++i;
    if (i >= fmt.size()) return set_error(g_rt->types.ValueError, "incomplete format");
    Object* arg = nullptr;
    Object* keyed = nullptr;
    if (fmt[i] == '(') {
      if (!pa.mapping) return set_error(g_rt->types.TypeError, "format requires a mapping");
      int depth = 1;
      size_t k = ++i;
      while (i < fmt.size() && depth) {
        if (fmt[i] == '(') ++depth;
        if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth) return set_error(g_rt->types.ValueError, "incomplete format key");
      Object* key = str_from_utf8(std::string_view(fmt).substr(k, i - 1 - k));
      if (!key) return nullptr;
      keyed = object_getitem(pa.mapping, key);
      decref(key);
      if (!keyed) return nullptr;
      arg = keyed;
      pa.count = 0;  // a mapping format consumes no positional argument
    }
    Spec sp;
    bool left = false, zero = false;
    for (; i < fmt.size() && std::strchr("-+ #0", fmt[i]); ++i) {
      if (fmt[i] == '-') left = true;
      else if (fmt[i] == '+') sp.sign = '+';
      else if (fmt[i] == ' ' && sp.sign != '+') sp.sign = ' ';
      else if (fmt[i] == '#') sp.alternate = true;
      else zero = true;
    }
    auto read_number = [&](int64_t* out_n) -> bool {
      if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        Object* w = pa.next();
        if (!w) return false;
        if (!int_is_int(w)) {
          set_error(g_rt->types.TypeError, "* wants int");
          return false;
        }
        int_as_i64(static_cast<IntObject*>(w), out_n);
        return true;
      }
      int64_t x = -1;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') x = std::max<int64_t>(x, 0) * 10 + (fmt[i++] - '0');
      *out_n = x;
      return true;
    };
    if (!read_number(&sp.width)) {
      xdecref(keyed);
      return nullptr;
    }
    if (sp.width < -1) {
      left = true;
      sp.width = -sp.width;
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      if (!read_number(&sp.precision)) {
        xdecref(keyed);
        return nullptr;
      }
      if (sp.precision < 0) sp.precision = 0;
    }
    if (i >= fmt.size()) {
      xdecref(keyed);
      return set_error(g_rt->types.ValueError, "incomplete format");
    }
    char type = fmt[i];
    if (type == '%') {
      out.push_back('%');
      xdecref(keyed);
      continue;
    }
    if (!arg && !(arg = pa.next())) return nullptr;
    std::string prefix, body;
    bool numeric = false;
    switch (type) {
      case 's': case 'r': case 'a': {
        bool ok = type == 's' ? str_utf8(arg, &body) : repr_utf8(arg, &body);
        if (!ok) {
          xdecref(keyed);
          return nullptr;
        }
        if (type == 'a') body = ascii_escape(body);
        if (sp.precision >= 0) {
          size_t cut = 0, chars = 0;
          while (cut < body.size() && chars < size_t(sp.precision)) {
            ++chars;
            ++cut;
            while (cut < body.size() && (uint8_t(body[cut]) & 0xc0) == 0x80) ++cut;
          }
          body.resize(cut);
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        bool negative = false;
        if (!percent_int(arg, type, &body, &negative)) {
          xdecref(keyed);
          return nullptr;
        }
        if (sp.precision > int64_t(body.size())) body.insert(0, size_t(sp.precision) - body.size(), '0');
        prefix = sign_of(negative, sp.sign);
        if (sp.alternate && (type == 'x' || type == 'X' || type == 'o')) prefix += type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
        numeric = true;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (is_float(arg)) {
          d = float_value(arg);
        } else if (int_is_int(arg)) {
          if (!int_to_double_checked(arg, &d)) {
            xdecref(keyed);
            return nullptr;
          }
        } else {
          xdecref(keyed);
          return set_error(g_rt->types.TypeError, "must be real number, not %s", type_name(arg));
        }
        int precision = sp.precision < 0 ? 6 : int(sp.precision);
        body = std::isfinite(d) ? float_digits(d, type, precision, sp.alternate) : special_float(d, std::isupper(type));
        prefix = sign_of(std::signbit(d) && !std::isnan(d), sp.sign);
        numeric = true;
        break;
      }
      case 'c': {
        if (is_str(arg) && static_cast<StrObject*>(arg)->length == 1) {
          body = str_to_utf8(static_cast<StrObject*>(arg));
        } else if (int_is_int(arg)) {
          int64_t cp;
          if (!int_as_i64(static_cast<IntObject*>(arg), &cp) || cp < 0 || cp > 0x10ffff) {
            xdecref(keyed);
            return set_error(g_rt->types.OverflowError, "%%c arg not in range(0x110000)");
          }
          append_utf8(body, uint32_t(cp));
        } else {
          xdecref(keyed);
          return set_error(g_rt->types.TypeError, "%%c requires int or char");
        }
        break;
      }
      default:
        xdecref(keyed);
        if (uint8_t(type) < 0x80) {
          return set_error(g_rt->types.ValueError, "unsupported format character '%c' (0x%x) at index %zu", type,
                           unsigned(uint8_t(type)), i);
        }
        return set_error(g_rt->types.ValueError, "unsupported format character at index %zu", i);
    }
    xdecref(keyed);
    size_t len = char_count(prefix) + char_count(body);
    size_t width = sp.width > 0 ? size_t(sp.width) : 0;
    if (len < width) {
      size_t n = width - len;
      if (left) body += std::string(n, ' ');
      else if (zero && numeric) body.insert(0, std::string(n, '0'));
      else prefix.insert(0, std::string(n, ' '));
    }
    out += prefix + body;
  }
  if (pa.index < pa.count && !pa.mapping) {
    return set_error(g_rt->types.TypeError, "not all arguments converted during string formatting");
  }
  return str_from_utf8(out);
}

namespace {

// object.__format__, int.__format__, float.__format__, str.__format__.
Object* format_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  }
  return format_builtin(self, str_to_utf8(static_cast<StrObject*>(args[0])));
}

const NativeFunctionDef kFormatMethod[] = {{"__format__", format_method}};

}  // namespace

void init_format_methods() {
  const BuiltinTypes& t = g_rt->types;
  for (TypeObject* type : {t.object, t.int_, t.float_, t.str}) add_methods(type, kFormatMethod, 1);
}

}  // namespace heaplab
