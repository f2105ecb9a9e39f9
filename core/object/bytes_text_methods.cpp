#include "core/object/bytes_text_methods.h"

#include <iterator>
#include <string>
#include <string_view>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytearray.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// "bytes.zfill" or "bytearray.zfill": the name the METH_O / METH_NOARGS
// messages show.
std::string qualname(Object* self, const char* name) {
  return std::string(is_bytearray(self) ? "bytearray." : "bytes.") + name;
}

bool arity(Object* self, const char* name, size_t nargs, Object* kwnames, size_t n) {
  std::string q = qualname(self, name);
  return check_no_kwargs(q.c_str(), kwnames) && check_nargs(q.c_str(), nargs, n, n);
}

std::string_view view_of(Object* self) {
  std::string_view v;
  bytes_like_view(self, &v);
  return v;
}

Object* like(Object* self, std::string_view data) {
  return is_bytearray(self) ? bytearray_from_data(data) : bytes_from_data(data);
}

// self itself for an exact bytes (immutable, so sharing is safe), else a copy.
Object* unchanged(Object* self) {
  if (type_of(self) == g_rt->types.bytes) return newref(self);
  return like(self, view_of(self));
}

bool need_bytes_like(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  set_error(g_rt->types.TypeError, "a bytes-like object is required, not '%s'", type_name(o));
  return false;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char to_upper(char c) { return is_lower(c) ? char(c - 32) : c; }
char to_lower(char c) { return is_upper(c) ? char(c + 32) : c; }

// ---- case mappings ----

Object* m_capitalize(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "capitalize", nargs, kwnames, 0)) return nullptr;
  std::string r(view_of(self));
  for (size_t i = 0; i < r.size(); ++i) r[i] = i == 0 ? to_upper(r[i]) : to_lower(r[i]);
  return like(self, r);
}

Object* m_swapcase(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "swapcase", nargs, kwnames, 0)) return nullptr;
  std::string r(view_of(self));
  for (char& c : r) c = is_upper(c) ? to_lower(c) : to_upper(c);
  return like(self, r);
}

Object* m_title(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "title", nargs, kwnames, 0)) return nullptr;
  std::string r(view_of(self));
  bool previous_cased = false;
  for (char& c : r) {
    bool cased = is_alpha(c);
    c = previous_cased ? to_lower(c) : to_upper(c);
    previous_cased = cased;
  }
  return like(self, r);
}

// ---- predicates ----

Object* m_isalnum(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "isalnum", nargs, kwnames, 0)) return nullptr;
  std::string_view v = view_of(self);
  if (v.empty()) return bool_obj(false);
  for (char c : v)
    if (!is_alpha(c) && !is_digit(c)) return bool_obj(false);
  return bool_obj(true);
}

Object* m_isascii(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "isascii", nargs, kwnames, 0)) return nullptr;
  for (char c : view_of(self))
    if (uint8_t(c) >= 0x80) return bool_obj(false);
  return bool_obj(true);
}

// islower/isupper: some letter of that case and none of the other.
Object* cased(Object* self, const char* name, size_t nargs, Object* kwnames, bool upper) {
  if (!arity(self, name, nargs, kwnames, 0)) return nullptr;
  bool any = false;
  for (char c : view_of(self)) {
    if (upper ? is_lower(c) : is_upper(c)) return bool_obj(false);
    any |= upper ? is_upper(c) : is_lower(c);
  }
  return bool_obj(any);
}
Object* m_islower(Object* s, Object* const*, size_t n, Object* k) { return cased(s, "islower", n, k, false); }
Object* m_isupper(Object* s, Object* const*, size_t n, Object* k) { return cased(s, "isupper", n, k, true); }

Object* m_istitle(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity(self, "istitle", nargs, kwnames, 0)) return nullptr;
  bool any = false, previous_cased = false;
  for (char c : view_of(self)) {
    if (is_upper(c)) {
      if (previous_cased) return bool_obj(false);
      previous_cased = any = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return bool_obj(false);
      previous_cased = any = true;
    } else {
      previous_cased = false;
    }
  }
  return bool_obj(any);
}

// ---- padding ----

// center/ljust/rjust(width, fillchar=b' ', /)
Object* pad(const char* name, char align, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(qualname(self, name).c_str(), kwnames) || !check_nargs(name, nargs, 1, 2)) return nullptr;
  int64_t width;
  if (!object_as_index(args[0], &width)) return nullptr;
  char fill = ' ';
  if (nargs == 2) {
    std::string_view f;
    if (!bytes_like_view(args[1], &f) || f.size() != 1) {
      return set_error(g_rt->types.TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                       type_name(args[1]));
    }
    fill = f[0];
  }
  std::string_view v = view_of(self);
  if (width <= int64_t(v.size())) return unchanged(self);
  size_t total = size_t(width) - v.size();
  // center puts the odd byte on the left when the width is odd (CPython's pad).
  size_t left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & size_t(width) & 1);
  std::string r(left, fill);
  r += v;
  r.append(total - left, fill);
  return like(self, r);
}
Object* m_center(Object* s, Object* const* a, size_t n, Object* k) { return pad("center", '^', s, a, n, k); }
Object* m_ljust(Object* s, Object* const* a, size_t n, Object* k) { return pad("ljust", '<', s, a, n, k); }
Object* m_rjust(Object* s, Object* const* a, size_t n, Object* k) { return pad("rjust", '>', s, a, n, k); }

Object* m_zfill(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, "zfill", nargs, kwnames, 1)) return nullptr;
  int64_t width;
  if (!object_as_index(args[0], &width)) return nullptr;
  std::string r(view_of(self));
  if (width <= int64_t(r.size())) return unchanged(self);
  size_t at_pos = !r.empty() && (r[0] == '+' || r[0] == '-') ? 1 : 0;
  r.insert(at_pos, size_t(width) - r.size(), '0');
  return like(self, r);
}

// ---- partition, splitlines, affixes ----

Object* partition(const char* name, bool right, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, name, nargs, kwnames, 1)) return nullptr;
  std::string_view sep;
  if (!need_bytes_like(args[0], &sep)) return nullptr;
  if (sep.empty()) return set_error(g_rt->types.ValueError, "empty separator");
  std::string_view v = view_of(self);
  size_t p = right ? v.rfind(sep) : v.find(sep);
  Object* items[3];
  if (p == std::string_view::npos) {
    // Not found: bytes (a subclass too) hands back itself, bytearray a copy.
    items[right ? 2 : 0] = is_bytearray(self) ? like(self, v) : newref(self);
    items[1] = like(self, {});
    items[right ? 0 : 2] = like(self, {});
  } else {
    items[0] = like(self, v.substr(0, p));
    // bytes hands back the separator itself when it is an exact bytes.
    items[1] = !is_bytearray(self) && type_of(args[0]) == g_rt->types.bytes ? newref(args[0]) : like(self, sep);
    items[2] = like(self, v.substr(p + sep.size()));
  }
  Object* t = items[0] && items[1] && items[2] ? tuple_from_array(items, 3) : nullptr;
  for (Object* o : items) xdecref(o);
  return t;
}
Object* m_partition(Object* s, Object* const* a, size_t n, Object* k) { return partition("partition", false, s, a, n, k); }
Object* m_rpartition(Object* s, Object* const* a, size_t n, Object* k) { return partition("rpartition", true, s, a, n, k); }

// splitlines(keepends=False): lines end at \n, \r or \r\n.
Object* m_splitlines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"splitlines", {"keepends"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  int keepends = 0;
  if (a[0] && (keepends = object_is_true(a[0])) < 0) return nullptr;
  std::string_view v = view_of(self);
  Object* lines = list_new(0);
  if (!lines) return nullptr;
  for (size_t i = 0; i < v.size();) {
    size_t e = i;
    while (e < v.size() && v[e] != '\n' && v[e] != '\r') ++e;
    size_t next = e;
    if (next < v.size()) next += v[next] == '\r' && next + 1 < v.size() && v[next + 1] == '\n' ? 2 : 1;
    Object* line = like(self, v.substr(i, (keepends ? next : e) - i));
    int r = line ? list_append(lines, line) : -1;
    xdecref(line);
    if (r < 0) {
      decref(lines);
      return nullptr;
    }
    i = next;
  }
  return lines;
}

Object* remove_affix(const char* name, bool suffix, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!arity(self, name, nargs, kwnames, 1)) return nullptr;
  std::string_view affix;
  if (!need_bytes_like(args[0], &affix)) return nullptr;
  std::string_view v = view_of(self);
  bool has = affix.size() <= v.size() && (suffix ? v.substr(v.size() - affix.size()) : v.substr(0, affix.size())) == affix;
  if (!has || affix.empty()) return unchanged(self);
  return like(self, suffix ? v.substr(0, v.size() - affix.size()) : v.substr(affix.size()));
}
Object* m_removeprefix(Object* s, Object* const* a, size_t n, Object* k) { return remove_affix("removeprefix", false, s, a, n, k); }
Object* m_removesuffix(Object* s, Object* const* a, size_t n, Object* k) { return remove_affix("removesuffix", true, s, a, n, k); }

Object* m_expandtabs(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"expandtabs", {"tabsize"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  int64_t tab = 8;
  if (a[0] && !object_as_index(a[0], &tab)) return nullptr;
  std::string out;
  size_t column = 0;
  for (char c : view_of(self)) {
    if (c == '\t') {
      if (tab > 0) {
        size_t n = size_t(tab) - column % size_t(tab);
        out.append(n, ' ');
        column += n;
      }
    } else {
      out.push_back(c);
      column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
  }
  return like(self, out);
}

// ---- translate, maketrans, fromhex ----

// translate(table, /, delete=b''): table is None or 256 bytes.
Object* m_translate(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"translate", {"$table", "delete"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  std::string_view table, del;
  if (a[0] != none()) {
    if (!need_bytes_like(a[0], &table)) return nullptr;
    if (table.size() != 256) return set_error(g_rt->types.ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && !need_bytes_like(a[1], &del)) return nullptr;
  std::string out;
  for (char c : view_of(self)) {
    if (del.find(c) != std::string_view::npos) continue;
    out.push_back(table.empty() ? c : table[uint8_t(c)]);
  }
  if (out == view_of(self)) return unchanged(self);
  return like(self, out);
}

// maketrans(frm, to, /), a static method: the 256-byte identity table with
// frm's bytes mapped to to's.
Object* m_maketrans(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("maketrans", kwnames) || !check_nargs("maketrans", nargs, 2, 2)) return nullptr;
  std::string_view from, to;
  if (!need_bytes_like(args[0], &from) || !need_bytes_like(args[1], &to)) return nullptr;
  if (from.size() != to.size()) return set_error(g_rt->types.ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (size_t i = 0; i < 256; ++i) table[i] = char(i);
  for (size_t i = 0; i < from.size(); ++i) table[uint8_t(from[i])] = to[i];
  return bytes_from_data(table);
}

int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

// fromhex(string, /), a class method: pairs of hex digits, ASCII whitespace
// allowed between pairs.
Object* m_fromhex(Object* type, Object* const* args, size_t nargs, Object* kwnames) {
  bool bytearray = is_subtype(static_cast<TypeObject*>(type), g_rt->types.bytearray);
  const char* name = bytearray ? "bytearray.fromhex" : "bytes.fromhex";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "fromhex() argument must be str, not %s", type_name(args[0]));
  auto* s = static_cast<StrObject*>(args[0]);
  std::string out;
  for (int64_t i = 0; i < s->length;) {
    uint32_t c = str_char(s, i);
    if (c < 0x80 && is_space(char(c))) {
      ++i;
      continue;
    }
    int hi = hex_value(c);
    int lo = i + 1 < s->length ? hex_value(str_char(s, i + 1)) : -1;
    if (hi < 0 || lo < 0) {
      return set_error(g_rt->types.ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                       (long long)(hi < 0 ? i : i + 1));
    }
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  Object* made = bytearray ? bytearray_from_data(out) : bytes_from_data(out);
  if (!made || type == g_rt->types.bytes || type == g_rt->types.bytearray) return made;
  // A subclass: type(made), as CPython calls the class on the result.
  Object* r = object_call(type, &made, 1, nullptr);
  decref(made);
  return r;
}

}  // namespace

const NativeFunctionDef kByteStringTextMethods[] = {
    {"capitalize", m_capitalize},     {"swapcase", m_swapcase},       {"title", m_title},
    {"isalnum", m_isalnum},           {"isascii", m_isascii},         {"islower", m_islower},
    {"isupper", m_isupper},           {"istitle", m_istitle},         {"center", m_center},
    {"ljust", m_ljust},               {"rjust", m_rjust},             {"zfill", m_zfill},
    {"partition", m_partition},       {"rpartition", m_rpartition},   {"splitlines", m_splitlines},
    {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix}, {"expandtabs", m_expandtabs},
    {"translate", m_translate},       {"maketrans", m_maketrans, true}, {"fromhex", m_fromhex, true},
};
const size_t kByteStringTextMethodCount = std::size(kByteStringTextMethods);

}  // namespace heaplab
