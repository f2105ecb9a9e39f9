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
#include "core/object/float.h"
#include "core/object/native_function.h"
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
  int n = std::snprintf(nullptr, 0, fmt, precision, std::fabs(v));
  std::string out(size_t(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, precision, std::fabs(v));
  out.resize(size_t(n));
  return out;
}

std::string special_float(double v, bool upper) {
  std::string s = std::isnan(v) ? "nan" : "inf";
  if (upper) std::transform(s.begin(), s.end(), s.begin(), ::toupper);
  return s;
}

// A float formatted without a presentation type but with a precision, or
// with '#' alone: CPython's format_float_short in 'g' mode (or repr's
// shortest digits) with "add .0 to an integer" on. The digits and the
// decimal point's position are laid out by its rules: an exponent from
// 1e-4 down or from 10**(precision-1) (10**16 for repr) up.
std::string float_general(double a, int precision, bool repr_digits, bool alternate, bool upper) {
  std::string digits;
  int decpt;
  if (repr_digits) {
    std::string r = float_repr_string(a);
    size_t e = r.find('e');
    int exp = e == std::string::npos ? 0 : std::atoi(r.c_str() + e + 1);
    std::string mantissa = r.substr(0, e);
    size_t dot = mantissa.find('.');
    int intlen = int(dot == std::string::npos ? mantissa.size() : dot);
    if (dot != std::string::npos) mantissa.erase(dot, 1);
    size_t first = mantissa.find_first_not_of('0');
    if (first == std::string::npos) {
      digits = "0";
      decpt = 1;
    } else {
      digits = mantissa.substr(first);
      decpt = intlen - int(first) + exp;
    }
  } else {
    if (precision == 0) precision = 1;
    std::string e = float_digits(a, 'e', precision - 1, false);
    size_t epos = e.find('e');
    decpt = std::atoi(e.c_str() + epos + 1) + 1;
    digits = e.substr(0, epos);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    if (a == 0) decpt = 1;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int ndigits = int(digits.size());
  bool use_exp = repr_digits ? (decpt <= -4 || decpt > 16) : (decpt <= -4 || decpt > precision - 1);
  int vend = (!repr_digits && alternate) ? precision : ndigits;
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vstart = decpt <= 0 ? decpt - 1 : 0;
  vend = !use_exp ? std::max(vend, decpt + 1) : std::max(vend, decpt);
  std::string out;
  if (decpt <= 0) {
    out.append(size_t(decpt - vstart), '0');
    out += '.';
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vstart), '0');
  }
  if (decpt > 0 && decpt <= ndigits) {
    out += digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
  } else {
    out += digits;
  }
  if (ndigits < decpt) {
    out.append(size_t(decpt - ndigits), '0');
    out += '.';
    out.append(size_t(vend - decpt), '0');
  } else {
    out.append(size_t(vend - ndigits), '0');
  }
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
    out += buf;
  }
  return out;
}

// Separators every `every` digits of the leading run of digits in `text`
// (hex digits too when `hex`).
std::string group_digits(const std::string& text, char sep, int every, bool hex) {
  size_t end = text.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789");
  if (end == std::string::npos) end = text.size();
  std::string whole = text.substr(0, end), out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % size_t(every) == 0) out.push_back(sep);
    out.push_back(whole[i]);
  }
  return out + text.substr(end);
}

// A width or precision whose text could never fit in the heap: MemoryError
// at once, before the host builds it.
bool exceeds_heap(int64_t n) { return n > 0 && uint64_t(n) > g_rt->heap.region().limit(); }

// A parsed format spec ([[fill]align][sign][z][#][0][width][grouping][.precision][type]).
struct Spec {
  uint32_t fill = ' ';
  char align = 0;
  char sign = 0;
  bool no_neg_zero = false;
  bool alternate = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  uint32_t type = 0;
};

std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < s.size();) {
    auto c = uint8_t(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    uint32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1f : extra == 2 ? c & 0x0f : c & 0x07;
    for (int k = 1; k <= extra && i + size_t(k) < s.size(); ++k) cp = (cp << 6) | (uint8_t(s[i + size_t(k)]) & 0x3f);
    cps.push_back(cp);
    i += size_t(extra) + 1;
  }
  return cps;
}

bool invalid_grouping(char grouping, uint32_t type) {
  if (type > 32 && type < 128) {
    set_error(g_rt->types.ValueError, "Cannot specify '%c' with '%c'.", grouping, char(type));
  } else {
    set_error(g_rt->types.ValueError, "Cannot specify '%c' with '\\x%x'.", grouping, unsigned(type));
  }
  return false;
}

// parse_internal_render_format_spec: `default_type` is 's' for str, 'd'
// for int, 0 for float; strings align left by default, numbers right.
bool parse_spec(Object* value, std::string_view s, uint32_t default_type, char default_align, Spec* out) {
  Spec sp;
  sp.align = default_align;
  sp.type = default_type;
  std::vector<uint32_t> cps = code_points(s);
  size_t i = 0, n = cps.size();
  auto is_align = [](uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  bool fill_given = false, align_given = false;
  if (n >= 2 && is_align(cps[1])) {
    sp.fill = cps[0];
    sp.align = char(cps[1]);
    fill_given = align_given = true;
    i = 2;
  } else if (n >= 1 && is_align(cps[0])) {
    sp.align = char(cps[0]);
    align_given = true;
    i = 1;
  }
  if (i < n && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) sp.sign = char(cps[i++]);
  if (i < n && cps[i] == 'z') {
    sp.no_neg_zero = true;
    ++i;
  }
  if (i < n && cps[i] == '#') {
    sp.alternate = true;
    ++i;
  }
  if (!fill_given && i < n && cps[i] == '0') {
    sp.fill = '0';
    if (!align_given && default_align == '>') sp.align = '=';
    ++i;
  }
  auto number = [&](int64_t* v) {
    bool any = false;
    int64_t x = 0;
    while (i < n && cps[i] >= '0' && cps[i] <= '9') {
      x = x * 10 + (cps[i++] - '0');
      if (x > INT32_MAX) {
        set_error(g_rt->types.ValueError, "Too many decimal digits in format string");
        return -1;
      }
      any = true;
    }
    if (any) *v = x;
    return any ? 1 : 0;
  };
  if (number(&sp.width) < 0) return false;
  if (i < n && cps[i] == ',') {
    sp.grouping = ',';
    ++i;
  }
  if (i < n && cps[i] == '_') {
    if (sp.grouping) return set_error(g_rt->types.ValueError, "Cannot specify both ',' and '_'."), false;
    sp.grouping = '_';
    ++i;
  }
  if (i < n && cps[i] == ',' && sp.grouping == '_') {
    return set_error(g_rt->types.ValueError, "Cannot specify both ',' and '_'."), false;
  }
  if (i < n && cps[i] == '.') {
    ++i;
    int r = number(&sp.precision);
    if (r < 0) return false;
    if (r == 0) return set_error(g_rt->types.ValueError, "Format specifier missing precision"), false;
  }
  if (n - i > 1) {
    set_error(g_rt->types.ValueError, "Invalid format specifier '%s' for object of type '%s'", std::string(s).c_str(),
              type_name(value));
    return false;
  }
  if (n - i == 1) sp.type = cps[i];
  if (exceeds_heap(sp.width) || exceeds_heap(sp.precision)) return set_memory_error(), false;
  if (sp.grouping) {
    switch (sp.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (sp.grouping == '_') break;
        return invalid_grouping(sp.grouping, sp.type);
      default:
        return invalid_grouping(sp.grouping, sp.type);
    }
  }
  *out = sp;
  return true;
}

// Lays out sign/prefix, digits (grouped) and fill to the width, as
// fill_number / fill_padding: '=' pads between the sign and the digits, and
// a '0' fill with grouping groups the padding too.
std::string pad_number(const Spec& sp, const std::string& prefix, const std::string& digits, bool hex, int every) {
  size_t width = sp.width > 0 ? size_t(sp.width) : 0;
  std::string body = digits;
  if (sp.grouping) {
    if (sp.align == '=' && sp.fill == '0') {
      // Zeros are added to the integer part until the grouped whole fills the width.
      while (char_count(prefix) + group_digits(body, sp.grouping, every, hex).size() < width) body.insert(body.begin(), '0');
    }
    body = group_digits(body, sp.grouping, every, hex);
  }
  size_t len = char_count(prefix) + char_count(body);
  if (len >= width) return prefix + body;
  size_t fill_n = width - len;
  auto fill = [&](size_t count) {
    if (sp.fill < 0x80) return std::string(count, char(sp.fill));
    std::string one, f;
    append_utf8(one, sp.fill);
    f.reserve(one.size() * count);
    for (size_t k = 0; k < count; ++k) f += one;
    return f;
  };
  switch (sp.align) {
    case '<': return prefix + body + fill(fill_n);
    case '^': return fill(fill_n / 2) + prefix + body + fill(fill_n - fill_n / 2);
    case '=': return prefix + fill(fill_n) + body;
    default: return fill(fill_n) + prefix + body;
  }
}

std::string sign_of(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

Object* unknown_code(uint32_t type, Object* value) {
  if (type > 32 && type < 128) {
    return set_error(g_rt->types.ValueError, "Unknown format code '%c' for object of type '%s'", char(type),
                     type_name(value));
  }
  return set_error(g_rt->types.ValueError, "Unknown format code '\\x%x' for object of type '%s'", unsigned(type),
                   type_name(value));
}

// format_float_internal.
Object* format_float_spec(double v, Spec sp) {
  uint32_t type = sp.type;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  bool percent = type == '%';
  if (type == 'n') type = 'g';
  if (percent) v *= 100;
  bool negative = std::signbit(v) && !std::isnan(v);
  std::string body;
  if (!std::isfinite(v)) {
    body = special_float(v, upper);
    sp.grouping = 0;  // no digits to group, nor zero padding
  } else if (type == 0) {
    // No type: repr, or 'g'-like with at least one digit after the point.
    body = sp.precision < 0 && !sp.alternate ? float_repr_string(std::fabs(v))
                                             : float_general(std::fabs(v), int(sp.precision), sp.precision < 0,
                                                             sp.alternate, false);
  } else {
    int precision = sp.precision < 0 ? 6 : int(sp.precision);
    char code = percent ? 'f' : char(type);
    if (code == 'F') code = 'f';
    body = float_digits(v, code, precision, sp.alternate);
    if (upper) std::transform(body.begin(), body.end(), body.begin(), ::toupper);
  }
  if (percent) body += "%";
  if (negative && sp.no_neg_zero && body.find_first_of("123456789") == std::string::npos &&
      std::isfinite(v)) {
    negative = false;
  }
  return str_from_utf8(pad_number(sp, sign_of(negative, sp.sign), body, false, 3));
}

// format_long_internal (after the types that convert to float).
Object* format_int_spec(Object* value, Spec sp) {
  auto* v = static_cast<IntObject*>(value);
  uint32_t type = sp.type;
  if (sp.precision >= 0) return set_error(g_rt->types.ValueError, "Precision not allowed in integer format specifier");
  if (sp.no_neg_zero) {
    return set_error(g_rt->types.ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (type == 'c') {
    if (sp.sign) return set_error(g_rt->types.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp.alternate) return set_error(g_rt->types.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_as_i64(v, &cp)) return set_error(g_rt->types.OverflowError, "Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10ffff) return set_error(g_rt->types.OverflowError, "%%c arg not in range(0x110000)");
    std::string body;
    append_utf8(body, uint32_t(cp));
    return str_from_utf8(pad_number(sp, "", body, false, 3));
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
  std::string digits;
  if (base != 10) {
    digits = int_to_base_text(v, base, false, type == 'X');
  } else if (!int_to_decimal_limited(v, &digits)) {
    return nullptr;
  }
  bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  std::string prefix = sign_of(negative, sp.sign);
  if (sp.alternate && base != 10) prefix += base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x";
  return str_from_utf8(pad_number(sp, prefix, digits, base == 16, base == 10 ? 3 : 4));
}

// format_string_internal.
Object* format_str_spec(Object* value, Spec sp) {
  if (sp.type != 's') return unknown_code(sp.type, value);
  if (sp.sign == ' ') return set_error(g_rt->types.ValueError, "Space not allowed in string format specifier");
  if (sp.sign) return set_error(g_rt->types.ValueError, "Sign not allowed in string format specifier");
  if (sp.no_neg_zero) {
    return set_error(g_rt->types.ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (sp.alternate) return set_error(g_rt->types.ValueError, "Alternate form (#) not allowed in string format specifier");
  if (sp.align == '=') return set_error(g_rt->types.ValueError, "'=' alignment not allowed in string format specifier");
  auto* s = static_cast<StrObject*>(value);
  std::string text;
  if (sp.precision >= 0 && sp.precision < s->length) {
    for (int64_t i = 0; i < sp.precision; ++i) append_utf8(text, str_char(s, i));
  } else {
    text = str_to_utf8(s);
  }
  sp.grouping = 0;
  return str_from_utf8(pad_number(sp, "", text, false, 3));
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
  if (base == 10) {
    bool ok = int_to_decimal_limited(static_cast<IntObject*>(v), digits);
    decref(v);
    if (!ok) return false;
  } else {
    *digits = int_to_base_text(static_cast<IntObject*>(v), base, false, type == 'X');
    decref(v);
  }
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

namespace {

// The built-in types' __format__ (int, bool, float, str and their
// subclasses), else object.__format__: str(value) for an empty spec.
Object* builtin_format(Object* value, std::string_view spec) {
  bool builtin = int_is_int(value) || is_float(value) || is_str(value);
  if (!builtin) {
    if (!spec.empty()) {
      return set_error(g_rt->types.TypeError, "unsupported format string passed to %s.__format__", type_name(value));
    }
    return object_str(value);
  }
  if (spec.empty()) return object_str(value);
  Spec sp;
  if (is_str(value)) {
    if (!parse_spec(value, spec, 's', '<', &sp)) return nullptr;
    return format_str_spec(value, sp);
  }
  if (is_float(value)) {
    if (!parse_spec(value, spec, 0, '>', &sp)) return nullptr;
    if (sp.type && (sp.type > 127 || !std::strchr("eEfFgGn%", int(sp.type)))) return unknown_code(sp.type, value);
    return format_float_spec(float_value(value), sp);
  }
  if (!parse_spec(value, spec, 'd', '>', &sp)) return nullptr;
  switch (sp.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_int_spec(value, sp);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!int_to_double_checked(value, &d)) return nullptr;
      return format_float_spec(d, sp);
    }
    default:
      return unknown_code(sp.type, value);
  }
}

// X.__format__(self, spec) of the built-in types, as methods.
Object* format_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "__format__() argument must be str, not %s", type_name(args[0]));
  }
  return builtin_format(self, str_to_utf8(static_cast<StrObject*>(args[0])));
}

const NativeFunctionDef kFormatMethod[] = {{"__format__", format_method}};

}  // namespace

Object* object_ascii(Object* o) {
  std::string r;
  if (!repr_utf8(o, &r)) return nullptr;
  return str_from_utf8(ascii_escape(r));
}

Object* object_format(Object* value, Object* spec) {
  if (spec && !is_str(spec)) {
    return set_error(g_rt->types.TypeError, "Format specifier must be a string, not %s", type_name(spec));
  }
  bool empty = !spec || static_cast<StrObject*>(spec)->length == 0;
  if (empty && type_of(value) == g_rt->types.str) return newref(value);
  if (empty && type_of(value) == g_rt->types.int_) return object_str(value);
  // A class's own __format__, bound to the value; the built-in types'
  // formatting otherwise.
  Object* meth = type_lookup(type_of(value), intern_str("__format__"));
  if (!meth || is_method_descriptor(meth)) {
    return builtin_format(value, empty ? std::string_view() : std::string_view(str_to_utf8(static_cast<StrObject*>(spec))));
  }
  Object* bound = slots_of(meth).descr_get ? slots_of(meth).descr_get(meth, value, type_of(value)) : newref(meth);
  if (!bound) return nullptr;
  Object* spec_arg = spec ? newref(spec) : str_from_utf8("");
  Object* r = spec_arg ? object_call(bound, &spec_arg, 1, nullptr) : nullptr;
  xdecref(spec_arg);
  decref(bound);
  if (r && !is_str(r)) {
    std::string t = type_name(r);
    decref(r);
    return set_error(g_rt->types.TypeError, "__format__ must return a str, not %s", t.c_str());
  }
  return r;
}

Object* format_value(Object* value, std::string_view spec) {
  Object* s = str_from_utf8(spec);
  if (!s) return nullptr;
  Object* r = object_format(value, s);
  decref(s);
  return r;
}

void init_format_methods() {
  const BuiltinTypes& t = g_rt->types;
  for (TypeObject* type : {t.object, t.int_, t.float_, t.str}) add_methods(type, kFormatMethod, 1);
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
    auto read_number = [&](int64_t* out_n, const char* what) -> bool {
      if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        Object* w = pa.next();
        if (!w) return false;
        if (!int_is_int(w)) {
          set_error(g_rt->types.TypeError, "* wants int");
          return false;
        }
        if (!int_as_i64(static_cast<IntObject*>(w), out_n) || exceeds_heap(*out_n < 0 ? -*out_n : *out_n)) {
          set_memory_error();
          return false;
        }
        return true;
      }
      int64_t x = -1;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        x = std::max<int64_t>(x, 0) * 10 + (fmt[i++] - '0');
        if (x > INT32_MAX) {
          set_error(g_rt->types.ValueError, "%s too big", what);
          return false;
        }
      }
      *out_n = x;
      if (exceeds_heap(x)) {
        set_memory_error();
        return false;
      }
      return true;
    };
    if (!read_number(&sp.width, "width")) {
      xdecref(keyed);
      return nullptr;
    }
    if (sp.width < -1) {
      left = true;
      sp.width = -sp.width;
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      if (!read_number(&sp.precision, "precision")) {
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

}  // namespace heaplab
