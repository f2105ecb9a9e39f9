#include "core/object/str.h"

#include <cstring>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/slice.h"
#include "core/object/unicode_db.h"

namespace heaplab {

namespace {

unsigned kind_for(uint32_t max_cp) { return max_cp < 0x100 ? 1 : max_cp < 0x10000 ? 2 : 4; }

size_t str_alloc_size(int64_t length, uint32_t max_cp) {
  if (max_cp < 0x80) return kAsciiHeaderSize + size_t(length) + 1;
  return kCompactHeaderSize + (size_t(length) + 1) * kind_for(max_cp);
}

void init_header(StrObject* s, int64_t length, uint32_t max_cp) {
  s->length = length;
  s->hash = -1;
  s->state = (kind_for(max_cp) << kStrKindShift) | kStrCompact | (max_cp < 0x80 ? uint32_t(kStrAscii) : 0u);
}

void store_char(StrObject* s, int64_t i, uint32_t cp) {
  switch (str_kind(s)) {
    case 1: static_cast<uint8_t*>(str_data(s))[i] = uint8_t(cp); break;
    case 2: static_cast<uint16_t*>(str_data(s))[i] = uint16_t(cp); break;
    default: static_cast<uint32_t*>(str_data(s))[i] = cp; break;
  }
}

StrObject* alloc_str(int64_t length, uint32_t max_cp) {
  auto* s = static_cast<StrObject*>(new_object(g_rt->types.str, str_alloc_size(length, max_cp)));
  if (s) init_header(s, length, max_cp);
  return s;
}

// Decodes UTF-8 (already validated by the tokenizer or produced by us).
std::vector<uint32_t> decode_utf8(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = uint8_t(s[i]);
    uint32_t cp;
    int extra;
    if (c < 0x80) { cp = c; extra = 0; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; extra = 1; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; extra = 2; }
    else { cp = c & 0x07; extra = 3; }
    ++i;
    for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (uint8_t(s[i]) & 0x3f);
    out.push_back(cp);
  }
  return out;
}


uint32_t max_char(const StrObject* s) {
  if (str_is_ascii(s)) return s->length ? 0x7f : 0;  // the flag is exact: a bound of the same class
  uint32_t m = 0;
  for (int64_t i = 0; i < s->length; ++i) m = std::max(m, str_char(s, i));
  return m;
}

Object* str_repr(Object* o) { return str_repr_of(static_cast<StrObject*>(o)); }

Object* str_str(Object* o) {
  if (type_of(o) == g_rt->types.str) return newref(o);
  auto* s = static_cast<StrObject*>(o);
  std::string u = str_to_utf8(s);
  return str_from_utf8(u);
}

int64_t str_hash_slot(Object* o) { return str_hash(static_cast<StrObject*>(o)); }

int compare_strs(const StrObject* a, const StrObject* b) {
  int64_t n = std::min(a->length, b->length);
  for (int64_t i = 0; i < n; ++i) {
    uint32_t x = str_char(a, i), y = str_char(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return a->length == b->length ? 0 : a->length < b->length ? -1 : 1;
}

Object* str_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return newref(g_rt->not_implemented);
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    bool eq = x == y || str_equal(x, y);
    return bool_obj(op == CompareOp::Eq ? eq : !eq);
  }
  int c = compare_strs(x, y);
  bool r = op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
  return bool_obj(r);
}

int64_t str_length(Object* o) { return static_cast<StrObject*>(o)->length; }
int str_truth(Object* o) { return static_cast<StrObject*>(o)->length != 0; }

Object* str_concat(Object* a, Object* b) {
  if (!is_str(b)) {
    return set_error(g_rt->types.TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
  }
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  if (y->length == 0 && type_of(a) == g_rt->types.str) return newref(a);
  if (x->length == 0 && type_of(b) == g_rt->types.str) return newref(b);
  uint32_t m = std::max(max_char(x), max_char(y));
  StrObject* r = alloc_str(x->length + y->length, m);
  if (!r) return nullptr;
  unsigned kind = str_kind(r);
  if (str_kind(x) == kind && str_kind(y) == kind) {
    auto* data = static_cast<uint8_t*>(str_data(r));
    std::memcpy(data, str_data(x), size_t(x->length) * kind);
    std::memcpy(data + size_t(x->length) * kind, str_data(y), size_t(y->length) * kind);
    return r;
  }
  for (int64_t i = 0; i < x->length; ++i) store_char(r, i, str_char(x, i));
  for (int64_t i = 0; i < y->length; ++i) store_char(r, x->length + i, str_char(y, i));
  return r;
}

Object* str_repeat(Object* a, int64_t n) {
  auto* x = static_cast<StrObject*>(a);
  if (n <= 0) return newref(g_rt->empty_str);
  if (n == 1 && type_of(a) == g_rt->types.str) return newref(a);
  if (x->length && n > (int64_t(1) << 40) / x->length) return set_memory_error();
  StrObject* r = alloc_str(x->length * n, max_char(x));
  if (!r) return nullptr;
  if (str_kind(r) == str_kind(x)) {
    size_t bytes = size_t(x->length) * str_kind(x);
    for (int64_t k = 0; k < n; ++k) std::memcpy(static_cast<uint8_t*>(str_data(r)) + size_t(k) * bytes, str_data(x), bytes);
    return r;
  }
  for (int64_t k = 0; k < n; ++k)
    for (int64_t i = 0; i < x->length; ++i) store_char(r, k * x->length + i, str_char(x, i));
  return r;
}

// str[slice]: the string itself when the slice selects all of it; the
// result takes the narrowest kind its characters need.
Object* str_slice_get(StrObject* s, Object* slice) {
  SliceIndices ix;
  if (!slice_indices(slice, s->length, &ix)) return nullptr;
  if (ix.step == 1 && ix.length == s->length && type_of(s) == g_rt->types.str) return newref(s);
  std::vector<uint32_t> cps(size_t(ix.length));
  for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) cps[size_t(i)] = str_char(s, k);
  return str_from_codepoints(cps.data(), cps.size());
}

Object* str_getitem(Object* a, Object* key) {
  auto* s = static_cast<StrObject*>(a);
  if (is_slice(key)) return str_slice_get(s, key);
  if (!object_has_index(key)) return set_error(g_rt->types.TypeError, "string indices must be integers, not '%s'", type_name(key));
  int64_t i;
  if (!object_as_index(key, &i)) return nullptr;
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return set_error(g_rt->types.IndexError, "string index out of range");
  return str_char_object(str_char(s, i));
}

int str_contains(Object* a, Object* b) {
  if (!is_str(b)) {
    set_error(g_rt->types.TypeError, "'in <string>' requires string as left operand, not %s", type_name(b));
    return -1;
  }
  auto* h = static_cast<StrObject*>(a);
  auto* n = static_cast<StrObject*>(b);
  for (int64_t i = 0; i + n->length <= h->length; ++i) {
    int64_t j = 0;
    while (j < n->length && str_char(h, i + j) == str_char(n, j)) ++j;
    if (j == n->length) return 1;
  }
  return 0;
}

size_t str_size_of(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  if (!str_is_compact(s)) return sizeof(LegacyStrObject) + (size_t(s->length) + 1) * str_kind(s);
  if (str_is_ascii(s)) return kAsciiHeaderSize + size_t(s->length) + 1;
  size_t size = kCompactHeaderSize + (size_t(s->length) + 1) * str_kind(s);
  auto* c = static_cast<CompactStrObject*>(s);
  if (c->utf8) size += size_t(c->utf8_length) + 1;
  return size;
}

void str_dealloc(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  if (!str_is_compact(s)) {
    g_rt->heap.free(memory::Domain::Object, static_cast<LegacyStrObject*>(s)->data);
    free_object(o);
    return;
  }
  if (!str_is_ascii(s) && static_cast<CompactStrObject*>(s)->utf8) mem_free(static_cast<CompactStrObject*>(s)->utf8);
  free_object(o);
}

TypeSlots str_slots;

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xc0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xe0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(char(0xf0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  }
}

bool is_str(const Object* o) { return type_of(o)->flags & kTypeUnicodeSubclass; }

Object* str_from_codepoints(const uint32_t* cps, size_t n) {
  if (n == 1) return str_char_object(cps[0]);
  return str_new_from_codepoints(cps, n);
}

Object* str_new_from_codepoints(const uint32_t* cps, size_t n) {
  if (n == 0) return newref(g_rt->empty_str);
  uint32_t m = 0;
  for (size_t i = 0; i < n; ++i) m = std::max(m, cps[i]);
  StrObject* s = alloc_str(int64_t(n), m);
  if (!s) return nullptr;
  if (str_kind(s) == 1) {
    auto* data = static_cast<uint8_t*>(str_data(s));
    for (size_t i = 0; i < n; ++i) data[i] = uint8_t(cps[i]);
    return s;
  }
  for (size_t i = 0; i < n; ++i) store_char(s, int64_t(i), cps[i]);
  return s;
}

Object* str_new_ascii(std::string_view ascii) {
  StrObject* s = alloc_str(int64_t(ascii.size()), 0x7f);
  if (s) std::memcpy(str_data(s), ascii.data(), ascii.size());
  return s;
}

Object* str_from_ucs1(const uint8_t* chars, size_t n) {
  if (n == 0) return newref(g_rt->empty_str);
  if (n == 1) return str_char_object(chars[0]);
  uint32_t m = 0;
  for (size_t i = 0; i < n; ++i) m = std::max<uint32_t>(m, chars[i]);
  StrObject* s = alloc_str(int64_t(n), m);
  if (s) std::memcpy(str_data(s), chars, n);
  return s;
}

Object* str_from_utf8(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii &= uint8_t(c) < 0x80;
  if (ascii) {
    if (utf8.size() <= 1) return utf8.empty() ? newref(g_rt->empty_str) : newref(g_rt->latin1_chars[uint8_t(utf8[0])]);
    StrObject* s = alloc_str(int64_t(utf8.size()), 0x7f);
    if (!s) return nullptr;
    std::memcpy(str_data(s), utf8.data(), utf8.size());
    return s;
  }
  std::vector<uint32_t> cps = decode_utf8(utf8);
  return str_from_codepoints(cps.data(), cps.size());
}

Object* str_char_object(uint32_t cp) {
  if (cp < 0x100) return newref(g_rt->latin1_chars[cp]);
  StrObject* s = alloc_str(1, cp);
  if (s) store_char(s, 0, cp);
  return s;
}

std::string str_to_utf8(const StrObject* s) {
  if (str_is_ascii(s)) return std::string(str_ascii_view(s));
  std::string out;
  out.reserve(size_t(s->length) * 2);
  for (int64_t i = 0; i < s->length; ++i) append_utf8(out, str_char(s, i));
  return out;
}

bool str_equal(const StrObject* a, const StrObject* b) {
  if (a->length != b->length || str_kind(a) != str_kind(b)) return false;
  return std::memcmp(str_data(a), str_data(b), size_t(a->length) * str_kind(a)) == 0;
}

// FNV-1a over the code points: deterministic, so a program's set and dict
// orders are the same on every run (CPython randomizes its string hash).
int64_t str_hash_compute(StrObject* s) {
  if (s->length == 0) return s->hash = 0;  // as CPython: hash('') is 0
  uint64_t h = 1469598103934665603ull;
  for (int64_t i = 0; i < s->length; ++i) {
    h ^= str_char(s, i);
    h *= 1099511628211ull;
  }
  int64_t r = int64_t(h);
  if (r == -1) r = -2;
  s->hash = r;
  return r;
}

Object* str_repr_of(const StrObject* s) {
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = str_char(s, i);
    has_single |= c == '\'';
    has_double |= c == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  static const char hex[] = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t c = str_char(s, i);
    if (c == uint32_t(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (unicode_is_printable(c)) {
      append_utf8(out, c);
    } else if (c < 0x100) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else if (c < 0x10000) {
      out += "\\u";
      for (int k = 12; k >= 0; k -= 4) out.push_back(hex[(c >> k) & 15]);
    } else {
      out += "\\U";
      for (int k = 28; k >= 0; k -= 4) out.push_back(hex[(c >> k) & 15]);
    }
  }
  out.push_back(quote);
  return str_from_utf8(out);
}

Object* str_subtype_copy(TypeObject* type, StrObject* s) {
  auto* o = static_cast<LegacyStrObject*>(new_object(type, type->basicsize));
  if (!o) return nullptr;
  o->state = kStrCompact | kStrAscii;  // empty until its block is there
  size_t bytes = (size_t(s->length) + 1) * str_kind(s);
  Addr data = g_rt->heap.malloc(memory::Domain::Object, bytes);
  if (!data) {
    decref(o);
    return set_memory_error();
  }
  std::memcpy(at<uint8_t>(data), str_data(s), bytes);
  o->length = s->length;
  o->hash = s->hash;
  o->state = s->state & (uint32_t(7) << kStrKindShift | kStrAscii);
  o->data = data;
  gc_track(o);
  return o;
}

StrObject* intern_existing(StrObject* s) {
  std::string key = str_to_utf8(s);
  auto it = g_rt->interned.find(key);
  if (it != g_rt->interned.end()) return it->second;
  s->refcnt = kImmortalRefcnt;
  s->state = (s->state & ~kStrInternedMask) | 2;
  g_rt->interned.emplace(std::move(key), s);
  return s;
}

StrObject* intern_str(std::string_view utf8) {
  std::string key(utf8);
  auto it = g_rt->interned.find(key);
  if (it != g_rt->interned.end()) return it->second;
  auto* s = static_cast<StrObject*>(str_from_utf8(utf8));
  if (!s) return nullptr;
  if (s->length <= 1 && str_is_ascii(s)) return s;  // the static one-character strings
  s->refcnt = kImmortalRefcnt;
  s->state = (s->state & ~kStrInternedMask) | 2;
  g_rt->interned.emplace(std::move(key), s);
  return s;
}

void init_static_strings() {
  TypeObject* t = g_rt->types.str;
  auto make = [&](uint32_t cp, int64_t length) {
    // One-character strings of 128..255 also carry their static UTF-8 (2
    // bytes and a NUL), which 3.12's sys.getsizeof counts: 61 bytes.
    size_t size = str_alloc_size(length, cp) + (cp >= 0x80 ? 3 : 0);
    auto* s = static_cast<StrObject*>(new_static_object(t, size));
    init_header(s, length, cp);
    s->state |= kStrStatic | 3;
    if (length) store_char(s, 0, cp);
    if (cp >= 0x80) {
      auto* c = static_cast<CompactStrObject*>(s);
      c->utf8_length = 2;
      c->utf8 = addr_of(s) + str_alloc_size(length, cp);
    }
    return s;
  };
  g_rt->empty_str = make(0, 0);
  for (uint32_t cp = 0; cp < 256; ++cp) g_rt->latin1_chars[cp] = make(cp, 1);
}

void init_str_type() {
  TypeSlots& s = str_slots;
  s.name = "str";
  s.dealloc = str_dealloc;
  s.repr = str_repr;
  s.str = str_str;
  s.hash = str_hash_slot;
  s.richcompare = str_richcompare;
  s.length = str_length;
  s.truth = str_truth;
  s.concat = str_concat;
  s.repeat = str_repeat;
  s.getitem = str_getitem;
  s.contains = str_contains;
  s.size_of = str_size_of;
  s.iter = str_iter;
  register_type_slots(g_rt->types.str, &str_slots);
}

}  // namespace heaplab
