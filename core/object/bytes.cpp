#include "core/object/bytes.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytearray.h"
#include "core/object/bytes_format.h"
#include "core/object/bytes_text_methods.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/text_codecs.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

BytesObject* as_bytes(Object* o) { return static_cast<BytesObject*>(o); }

BytesObject* alloc_bytes(size_t n) {
  auto* b = static_cast<BytesObject*>(new_object(g_rt->types.bytes, kBytesHeaderSize + n + 1));
  if (!b) return nullptr;
  b->size = int64_t(n);
  b->hash = -1;
  return b;
}

// A result of self's kind: bytes for bytes, bytearray for bytearray.
Object* like(Object* self, std::string_view data) {
  return is_bytearray(self) ? bytearray_from_data(data) : bytes_from_data(data);
}

// "bytes.join" or "bytearray.join": the name METH_O and METH_NOARGS messages
// and every "takes no keyword arguments" show.
std::string qualname(Object* self, const char* name) {
  return std::string(is_bytearray(self) ? "bytearray." : "bytes.") + name;
}

// find, count, startswith, ... parse their arguments the pre-Clinic way.
bool check_sub_start_end(Object* self, const char* fname, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(qualname(self, fname).c_str(), kwnames)) return false;
  if (nargs >= 1 && nargs <= 3) return true;
  if (nargs < 1) set_error(g_rt->types.TypeError, "%s() takes at least 1 argument (%zu given)", fname, nargs);
  else set_error(g_rt->types.TypeError, "%s() takes at most 3 arguments (%zu given)", fname, nargs);
  return false;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c'; }

bool need_bytes_like(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  set_error(g_rt->types.TypeError, "a bytes-like object is required, not '%s'", type_name(o));
  return false;
}

// ---- slots ----

void bytes_dealloc(Object* o) { free_object(o); }

Object* bytes_repr(Object* o) { return str_from_utf8(bytes_repr_text(bytes_view(o))); }

// FNV-1a over the bytes, the same function heaplab's str hash uses, so a
// Latin-1 str and its bytes hash alike (CPython: both SipHash the data).
int64_t bytes_hash(Object* o) {
  BytesObject* b = as_bytes(o);
  if (b->hash != -1) return b->hash;
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes_view(o)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  int64_t r = int64_t(h) == -1 ? -2 : int64_t(h);
  b->hash = r;
  return r;
}

Object* compare_views(std::string_view x, std::string_view y, CompareOp op) {
  int c = x.compare(y);
  bool r = op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Eq ? c == 0
         : op == CompareOp::Ne ? c != 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
  return bool_obj(r);
}

Object* bytes_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return newref(g_rt->not_implemented);
  return compare_views(bytes_view(a), bytes_view(b), op);
}

int64_t bytes_length(Object* o) { return as_bytes(o)->size; }

Object* bytes_concat(Object* a, Object* b) {
  std::string_view y;
  if (!bytes_like_view(b, &y)) {
    return set_error(g_rt->types.TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  }
  std::string_view x = bytes_view(a);
  if (y.empty() && type_of(a) == g_rt->types.bytes) return newref(a);
  std::string r(x);
  r += y;
  return bytes_from_data(r);
}

Object* bytes_repeat(Object* a, int64_t n) {
  std::string_view x = bytes_view(a);
  if (n <= 0 || x.empty()) return bytes_from_data({});
  if (n == 1 && type_of(a) == g_rt->types.bytes) return newref(a);
  if (n > (int64_t(1) << 36) / int64_t(x.size())) return set_memory_error();
  std::string r;
  r.reserve(x.size() * size_t(n));
  for (int64_t i = 0; i < n; ++i) r += x;
  return bytes_from_data(r);
}

Object* bytes_subscript(Object* o, Object* key) {
  std::string_view v = bytes_view(o);
  if (is_slice(key)) {
    SliceIndices ix;
    if (!slice_indices(key, int64_t(v.size()), &ix)) return nullptr;
    if (ix.step == 1 && ix.length == int64_t(v.size()) && type_of(o) == g_rt->types.bytes) return newref(o);
    std::string r;
    for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) r.push_back(v[size_t(k)]);
    return bytes_from_data(r);
  }
  if (!object_has_index(key)) {
    return set_error(g_rt->types.TypeError, "byte indices must be integers or slices, not %s", type_name(key));
  }
  int64_t i;
  if (!object_as_index(key, &i)) return nullptr;
  if (i < 0) i += int64_t(v.size());
  if (i < 0 || i >= int64_t(v.size())) return set_error(g_rt->types.IndexError, "index out of range");
  return int_from_i64(uint8_t(v[size_t(i)]));
}

}  // namespace

int bytes_like_contains(std::string_view v, Object* x) {
  if (int_is_int(x)) {
    int64_t c;
    if (!int_as_i64(static_cast<IntObject*>(x), &c) || c < 0 || c > 255) {
      set_error(g_rt->types.ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return v.find(char(c)) != std::string_view::npos;
  }
  std::string_view sub;
  if (!bytes_like_view(x, &sub)) {
    set_error(g_rt->types.TypeError, "a bytes-like object is required, not '%s'", type_name(x));
    return -1;
  }
  return v.find(sub) != std::string_view::npos;
}

namespace {

int bytes_contains(Object* o, Object* x) { return bytes_like_contains(bytes_view(o), x); }

size_t bytes_size_of(Object* o) { return kBytesHeaderSize + size_t(as_bytes(o)->size) + 1; }

// bytes(): from nothing, a size, a str with an encoding, a bytes-like object
// or an iterable of ints.
Object* bytes_from_ints(Object* iterable) {
  Object* it = object_iter(iterable);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      return set_error(g_rt->types.TypeError, "cannot convert '%s' object to bytes", type_name(iterable));
    }
    return nullptr;
  }
  std::string out;
  while (Object* x = iter_next(it)) {
    int64_t v;
    bool ok = object_as_index(x, &v);
    decref(x);
    if (ok && (v < 0 || v > 255)) {
      set_error(g_rt->types.ValueError, "bytes must be in range(0, 256)");
      ok = false;
    }
    if (!ok) {
      decref(it);
      return nullptr;
    }
    out.push_back(char(v));
  }
  decref(it);
  if (error_occurred()) return nullptr;
  return bytes_from_data(out);
}

Object* bytes_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"bytes", {"source", "encoding", "errors"}, 0, 3}, args, nargs, kwnames, a)) return nullptr;
  Object* source = a[0];
  if (!source) {
    if (a[1] || a[2]) {
      return set_error(g_rt->types.TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
    }
    return bytes_from_data({});
  }
  if (is_str(source)) {
    if (!a[1]) return set_error(g_rt->types.TypeError, "string argument without an encoding");
    Object* margs[2] = {a[1], a[2]};
    Object* name = intern_str("encode");
    Object* encode = object_getattr(source, name);
    if (!encode) return nullptr;
    Object* r = object_call(encode, margs, a[2] ? 2 : 1, nullptr);
    decref(encode);
    return r;
  }
  if (a[1] || a[2]) {
    return set_error(g_rt->types.TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
  }
  if (type_of(source) == g_rt->types.bytes) return newref(source);
  std::string_view view;
  if (bytes_like_view(source, &view)) return bytes_from_data(view);
  if (object_has_index(source)) {
    int64_t n;
    if (!object_as_index(source, &n)) return nullptr;
    if (n < 0) return set_error(g_rt->types.ValueError, "negative count");
    if (n > (int64_t(1) << 36)) return set_memory_error();
    return bytes_from_data(std::string(size_t(n), '\0'));
  }
  return bytes_from_ints(source);
}

// ---- the shared methods ----

// ADJUST_INDICES for the optional start and end arguments.
bool bounds(Object* start, Object* end, size_t len, size_t* lo, size_t* hi) {
  int64_t s = 0, e = int64_t(len);
  for (auto [arg, out] : {std::pair{start, &s}, std::pair{end, &e}}) {
    if (!arg || arg == none()) continue;
    if (!object_has_index(arg)) {
      set_error(g_rt->types.TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    Object* i = number_index(arg);
    if (!i) return false;
    if (!int_as_i64(static_cast<IntObject*>(i), out)) *out = int_sign(static_cast<IntObject*>(i)) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    decref(i);
  }
  int64_t n = int64_t(len);
  if (e > n) e = n;
  else if (e < 0) e = std::max<int64_t>(e + n, 0);
  if (s < 0) s = std::max<int64_t>(s + n, 0);
  *lo = size_t(s);
  *hi = size_t(std::max(e, s));
  return true;
}

// The needle of count/find/index: a byte value or a bytes-like object.
bool needle(Object* o, std::string* out) {
  std::string_view v;
  if (bytes_like_view(o, &v)) {
    *out = std::string(v);
    return true;
  }
  if (int_is_int(o)) {
    int64_t c;
    if (!int_as_i64(static_cast<IntObject*>(o), &c) || c < 0 || c > 255) {
      set_error(g_rt->types.ValueError, "byte must be in range(0, 256)");
      return false;
    }
    *out = std::string(1, char(c));
    return true;
  }
  set_error(g_rt->types.TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(o));
  return false;
}

std::string_view self_view(Object* self) {
  std::string_view v;
  bytes_like_view(self, &v);
  return v;
}

// find/rfind/index/rindex/count share this: -1 when absent, -2 on error.
int64_t search(const char* fname, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool reverse,
               int64_t* count) {
  if (!check_sub_start_end(self, fname, nargs, kwnames)) return -2;
  std::string sub;
  if (!needle(args[0], &sub)) return -2;
  std::string_view v = self_view(self);
  size_t lo, hi;
  if (!bounds(nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, v.size(), &lo, &hi)) return -2;
  if (lo > v.size() || hi - lo < sub.size()) {
    if (count) *count = 0;
    return -1;
  }
  std::string_view w = v.substr(lo, hi - lo);
  if (count) {
    int64_t n = 0;
    if (sub.empty()) {
      n = int64_t(w.size()) + 1;
    } else {
      for (size_t p = w.find(sub); p != std::string_view::npos; p = w.find(sub, p + sub.size())) ++n;
    }
    *count = n;
    return 0;
  }
  size_t p = reverse ? w.rfind(sub) : w.find(sub);
  return p == std::string_view::npos ? -1 : int64_t(lo + p);
}

Object* m_find(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("find", self, args, nargs, kwnames, false, nullptr);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_rfind(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("rfind", self, args, nargs, kwnames, true, nullptr);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("index", self, args, nargs, kwnames, false, nullptr);
  if (r == -1) return set_error(g_rt->types.ValueError, "subsection not found");
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_rindex(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("rindex", self, args, nargs, kwnames, true, nullptr);
  if (r == -1) return set_error(g_rt->types.ValueError, "subsection not found");
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t n = 0;
  if (search("count", self, args, nargs, kwnames, false, &n) == -2) return nullptr;
  return int_from_i64(n);
}

Object* starts_or_ends(const char* fname, bool ends, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_sub_start_end(self, fname, nargs, kwnames)) return nullptr;
  std::string_view v = self_view(self);
  size_t lo, hi;
  if (!bounds(nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, v.size(), &lo, &hi)) return nullptr;
  std::string_view w = lo <= v.size() ? v.substr(lo, hi - lo) : std::string_view();
  bool lo_ok = lo <= v.size();
  auto test = [&](Object* prefix, bool* hit) {
    std::string_view p;
    if (!bytes_like_view(prefix, &p)) return false;
    *hit = lo_ok && w.size() >= p.size() && (ends ? w.substr(w.size() - p.size()) == p : w.substr(0, p.size()) == p);
    return true;
  };
  bool hit = false;
  if (is_tuple(args[0])) {
    auto* t = static_cast<TupleObject*>(args[0]);
    for (int64_t i = 0; i < t->size && !hit; ++i) {
      if (!test(tuple_item(t, i), &hit)) {
        return set_error(g_rt->types.TypeError, "a bytes-like object is required, not '%s'", type_name(tuple_item(t, i)));
      }
    }
    return bool_obj(hit);
  }
  if (!test(args[0], &hit)) {
    return set_error(g_rt->types.TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                     type_name(args[0]));
  }
  return bool_obj(hit);
}
Object* m_startswith(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return starts_or_ends("startswith", false, self, args, nargs, kwnames);
}
Object* m_endswith(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return starts_or_ends("endswith", true, self, args, nargs, kwnames);
}

Object* m_join(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  std::string name = qualname(self, "join");
  if (!check_no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
  std::string_view sep = self_view(self);
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  std::string out;
  int64_t i = 0;
  while (Object* x = iter_next(it)) {
    std::string_view v;
    if (!bytes_like_view(x, &v)) {
      set_error(g_rt->types.TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                type_name(x));
      decref(x);
      decref(it);
      return nullptr;
    }
    if (i++) out += sep;
    out += v;
    decref(x);
  }
  decref(it);
  if (error_occurred()) return nullptr;
  return like(self, out);
}

Object* split_impl(const char* fname, bool right, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({fname, {"sep", "maxsplit"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t maxsplit = -1;
  if (a[1] && !object_as_index(a[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string_view v = self_view(self);
  std::vector<std::string_view> parts;
  if (!a[0] || a[0] == none()) {
    // Runs of whitespace separate; ends are trimmed, but not the far end of
    // what is left once maxsplit is reached.
    if (!right) {
      size_t i = 0, n = v.size();
      while (true) {
        while (i < n && is_space(v[i])) ++i;
        if (i == n) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(v.substr(i));
          break;
        }
        size_t j = i;
        while (j < n && !is_space(v[j])) ++j;
        parts.push_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      size_t e = v.size();
      while (true) {
        while (e > 0 && is_space(v[e - 1])) --e;
        if (e == 0) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(v.substr(0, e));
          break;
        }
        size_t j = e;
        while (j > 0 && !is_space(v[j - 1])) --j;
        parts.push_back(v.substr(j, e - j));
        e = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    std::string_view sep;
    if (!need_bytes_like(a[0], &sep)) return nullptr;
    if (sep.empty()) return set_error(g_rt->types.ValueError, "empty separator");
    if (!right) {
      size_t i = 0;
      for (size_t p; int64_t(parts.size()) < maxsplit && (p = v.find(sep, i)) != std::string_view::npos; i = p + sep.size())
        parts.push_back(v.substr(i, p - i));
      parts.push_back(v.substr(i));
    } else {
      size_t e = v.size();
      for (size_t p; int64_t(parts.size()) < maxsplit && e >= sep.size() && (p = v.substr(0, e).rfind(sep)) != std::string_view::npos; e = p)
        parts.push_back(v.substr(p + sep.size(), e - p - sep.size()));
      parts.push_back(v.substr(0, e));
      std::reverse(parts.begin(), parts.end());
    }
  }
  ListObject* l = list_new(int64_t(parts.size()));
  if (!l) return nullptr;
  for (size_t i = 0; i < parts.size(); ++i) {
    Object* p = like(self, parts[i]);
    if (!p) {
      decref(l);
      return nullptr;
    }
    list_items(l)[i] = addr_of(p);
  }
  return l;
}
Object* m_split(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return split_impl("split", false, self, args, nargs, kwnames);
}
Object* m_rsplit(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return split_impl("rsplit", true, self, args, nargs, kwnames);
}

Object* strip_impl(const char* fname, bool left, bool right, Object* self, Object* const* args, size_t nargs,
                   Object* kwnames) {
  if (!check_no_kwargs(qualname(self, fname).c_str(), kwnames) || !check_nargs(fname, nargs, 0, 1)) return nullptr;
  std::string_view chars = " \t\n\r\x0b\x0c";
  if (nargs && args[0] != none() && !need_bytes_like(args[0], &chars)) return nullptr;
  std::string_view v = self_view(self);
  size_t b = 0, e = v.size();
  if (left) while (b < e && chars.find(v[b]) != std::string_view::npos) ++b;
  if (right) while (e > b && chars.find(v[e - 1]) != std::string_view::npos) --e;
  if (b == 0 && e == v.size() && type_of(self) == g_rt->types.bytes) return newref(self);
  return like(self, v.substr(b, e - b));
}
Object* m_strip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("strip", true, true, self, args, nargs, kwnames);
}
Object* m_lstrip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("lstrip", true, false, self, args, nargs, kwnames);
}
Object* m_rstrip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("rstrip", false, true, self, args, nargs, kwnames);
}

Object* map_bytes(const char* fname, Object* self, size_t nargs, Object* kwnames, char (*f)(char)) {
  std::string name = qualname(self, fname);
  if (!check_no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
  std::string r(self_view(self));
  for (char& c : r) c = f(c);
  return like(self, r);
}
char to_upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; }
Object* m_upper(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return map_bytes("upper", self, nargs, kwnames, to_upper);
}
Object* m_lower(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return map_bytes("lower", self, nargs, kwnames, to_lower);
}

Object* test_bytes(const char* fname, Object* self, size_t nargs, Object* kwnames, bool (*f)(char)) {
  std::string name = qualname(self, fname);
  if (!check_no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
  std::string_view v = self_view(self);
  if (v.empty()) return bool_obj(false);
  for (char c : v)
    if (!f(c)) return bool_obj(false);
  return bool_obj(true);
}
Object* m_isdigit(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return test_bytes("isdigit", self, nargs, kwnames, [](char c) { return c >= '0' && c <= '9'; });
}
Object* m_isalpha(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return test_bytes("isalpha", self, nargs, kwnames, [](char c) { return to_lower(c) >= 'a' && to_lower(c) <= 'z'; });
}
Object* m_isspace(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  return test_bytes("isspace", self, nargs, kwnames, is_space);
}

Object* m_replace(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(qualname(self, "replace").c_str(), kwnames) || !check_nargs("replace", nargs, 2, 3)) return nullptr;
  std::string_view old, rep;
  if (!need_bytes_like(args[0], &old) || !need_bytes_like(args[1], &rep)) return nullptr;
  int64_t count = -1;
  if (nargs == 3 && !object_as_index(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  std::string_view v = self_view(self);
  std::string out;
  size_t i = 0;
  int64_t done = 0;
  if (old.empty()) {
    for (; done < count && i <= v.size(); ++done) {
      out += rep;
      if (i < v.size()) out.push_back(v[i]);
      ++i;
    }
    if (i < v.size()) out += v.substr(i);
  } else {
    for (size_t p; done < count && (p = v.find(old, i)) != std::string_view::npos; ++done, i = p + old.size()) {
      out += v.substr(i, p - i);
      out += rep;
    }
    out += v.substr(i);
  }
  if (done == 0 && type_of(self) == g_rt->types.bytes) return newref(self);
  return like(self, out);
}

Object* m_decode(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"decode", {"encoding", "errors"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  return decode_bytes(self_view(self), a[0], a[1]);
}

Object* m_hex(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"hex", {"sep", "bytes_per_sep"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  std::string sep;
  if (a[0]) {
    std::string_view s;
    if (is_str(a[0])) sep = str_to_utf8(static_cast<StrObject*>(a[0]));
    else if (bytes_like_view(a[0], &s)) sep = std::string(s);
    else return set_error(g_rt->types.TypeError, "sep must be str or bytes.");
    if (sep.size() != 1) return set_error(g_rt->types.ValueError, "sep must be length 1.");
  }
  int64_t group = 1;
  if (a[1] && !object_as_index(a[1], &group)) return nullptr;
  static const char digits[] = "0123456789abcdef";
  std::string_view v = self_view(self);
  std::string out;
  size_t n = v.size();
  size_t g = size_t(group < 0 ? -group : group);
  for (size_t i = 0; i < n; ++i) {
    // A positive group counts from the right, a negative one from the left.
    if (!sep.empty() && i > 0 && g > 0 && (group > 0 ? (n - i) % g == 0 : i % g == 0)) out += sep;
    out.push_back(digits[uint8_t(v[i]) >> 4]);
    out.push_back(digits[uint8_t(v[i]) & 15]);
  }
  return str_from_utf8(out);
}

// bytes.__new__ for a class (bytes_subtype_new): a copy of the bytes made
// from the arguments, in a block with room for one byte more.
Object* bytes_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = bytes_construct(g_rt->types.bytes, args, nargs, kwnames);
  if (!made || type == g_rt->types.bytes) return made;
  std::string_view data = bytes_view(made);
  size_t block = (type->basicsize + data.size() + 1 + 7) & ~size_t(7);
  auto* b = static_cast<BytesObject*>(new_object(type, block));
  if (b) {
    b->size = int64_t(data.size());
    b->hash = -1;
    std::memcpy(b->data, data.data(), data.size());
    gc_track(b);
  }
  decref(made);
  return b;
}

// bytes % args
Object* bytes_remainder(Object* a, Object* b) {
  if (!is_bytes(a)) return newref(g_rt->not_implemented);
  std::string out;
  if (!bytes_percent_format(bytes_view(a), b, &out)) return nullptr;
  return bytes_from_data(out);
}

TypeSlots bytes_slots;

}  // namespace

const NativeFunctionDef kByteStringMethods[] = {
    {"decode", m_decode},       {"hex", m_hex},         {"count", m_count},     {"find", m_find},
    {"rfind", m_rfind},         {"index", m_index},     {"rindex", m_rindex},   {"startswith", m_startswith},
    {"endswith", m_endswith},   {"join", m_join},       {"split", m_split},     {"rsplit", m_rsplit},
    {"strip", m_strip},         {"lstrip", m_lstrip},   {"rstrip", m_rstrip},   {"upper", m_upper},
    {"lower", m_lower},         {"replace", m_replace}, {"isdigit", m_isdigit}, {"isalpha", m_isalpha},
    {"isspace", m_isspace},
};
const size_t kByteStringMethodCount = sizeof(kByteStringMethods) / sizeof(kByteStringMethods[0]);

bool is_bytes(const Object* o) { return type_of(o)->flags & kTypeBytesSubclass; }

Object* bytes_from_data(std::string_view data) {
  if (data.size() <= 1) {
    Object* b = g_rt->bytes_chars[data.empty() ? 0 : 1 + uint8_t(data[0])];
    return newref(b);
  }
  BytesObject* b = alloc_bytes(data.size());
  if (!b) return nullptr;
  std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = 0;
  return b;
}

bool bytes_like_view(Object* o, std::string_view* out) {
  if (is_bytes(o)) {
    *out = bytes_view(o);
    return true;
  }
  if (is_bytearray(o)) {
    *out = bytearray_view(o);
    return true;
  }
  return false;
}

std::string bytes_repr_text(std::string_view data) {
  bool single = data.find('\'') != std::string_view::npos;
  bool dbl = data.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  std::string out = "b";
  out.push_back(quote);
  for (char ch : data) {
    auto c = uint8_t(ch);
    if (c == uint8_t(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
  out.push_back(quote);
  return out;
}


void init_bytes_type() {
  // b'' and the one-byte strings, static and immortal as in 3.12.
  for (int i = 0; i < 257; ++i) {
    size_t n = i == 0 ? 0 : 1;
    auto* b = static_cast<BytesObject*>(new_static_object(g_rt->types.bytes, kBytesHeaderSize + n + 1));
    b->size = int64_t(n);
    b->hash = -1;
    if (n) b->data[0] = char(i - 1);
    g_rt->bytes_chars[i] = b;
  }
  TypeSlots& s = bytes_slots;
  s.name = "bytes";
  s.dealloc = bytes_dealloc;
  s.repr = bytes_repr;
  s.str = bytes_repr;  // bytes_str: a subclass's __repr__ does not change str()
  s.hash = bytes_hash;
  s.richcompare = bytes_richcompare;
  s.length = bytes_length;
  s.concat = bytes_concat;
  s.number[size_t(BinaryOp::Remainder)] = bytes_remainder;
  s.repeat = bytes_repeat;
  s.getitem = bytes_subscript;
  s.contains = bytes_contains;
  s.iter = bytes_iter;
  s.size_of = bytes_size_of;
  s.construct = bytes_construct;
  s.new_instance = bytes_new_instance;
  register_type_slots(g_rt->types.bytes, &bytes_slots);
  add_methods(g_rt->types.bytes, kByteStringMethods, kByteStringMethodCount);
  add_methods(g_rt->types.bytes, kByteStringTextMethods, kByteStringTextMethodCount);
}

}  // namespace heaplab
