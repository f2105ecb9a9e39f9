#include "core/object/str_methods.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/str_translate.h"
#include "core/object/text_codecs.h"
#include "core/object/tuple.h"
#include "core/object/unicode_db.h"

namespace heaplab {

namespace {

using Text = std::u32string;

StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }

// "str.split" -> "split": the methods pass their qualified names, which some
// messages use and others (Argument Clinic's) do not.
const char* bare_name(const char* qualname) { return std::strchr(qualname, '.') + 1; }

Text text_of(Object* o) {
  auto* s = as_str(o);
  Text t(size_t(s->length), U'\0');
  if (str_kind(s) == 1) {
    auto* data = static_cast<const uint8_t*>(str_data(s));
    for (size_t i = 0; i < t.size(); ++i) t[i] = data[i];
    return t;
  }
  for (int64_t i = 0; i < s->length; ++i) t[size_t(i)] = str_char(s, i);
  return t;
}

Object* make(const Text& t) { return str_from_codepoints(reinterpret_cast<const uint32_t*>(t.data()), t.size()); }

// The unchanged string itself for an exact str, a copy for a subclass.
Object* unchanged(Object* self) {
  if (type_of(self) == g_rt->types.str) return newref(self);
  return make(text_of(self));
}

bool is_space(char32_t c) { return unicode_is_space(c); }
bool is_alnum(char32_t c) {
  return unicode_is_alpha(c) || unicode_is_decimal(c) || unicode_is_digit(c) || unicode_is_numeric(c);
}

bool need_str(Object* o, const char* what) {
  if (is_str(o)) return true;
  set_error(g_rt->types.TypeError, what, type_name(o));
  return false;
}

// ---- join / split ----

Object* m_join(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.join", kwnames) || !check_nargs("str.join", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  // An exact list or tuple (PySequence_Fast) of one exact str is returned as is.
  bool exact_list = type_of(seq) == g_rt->types.list;
  if ((exact_list || type_of(seq) == g_rt->types.tuple) && static_cast<VarObject*>(seq)->size == 1) {
    Object* only = exact_list ? list_item(static_cast<ListObject*>(seq), 0) : tuple_item(static_cast<TupleObject*>(seq), 0);
    if (type_of(only) == g_rt->types.str) return newref(only);
  }
  Object* it = object_iter(seq);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  // Bytes while every piece is one-byte text, code points from the first
  // wider piece on: the same result either way.
  auto* sep = as_str(self);
  bool narrow = str_kind(sep) == 1;
  std::string bytes;
  Text out;
  int64_t i = 0;
  while (Object* x = iter_next(it)) {
    if (!is_str(x)) {
      set_error(g_rt->types.TypeError, "sequence item %lld: expected str instance, %s found", (long long)i, type_name(x));
      decref(x);
      decref(it);
      return nullptr;
    }
    if (narrow && str_kind(as_str(x)) != 1) {
      for (char c : bytes) out.push_back(char32_t(uint8_t(c)));
      narrow = false;
    }
    if (narrow) {
      if (i++) bytes.append(static_cast<const char*>(str_data(sep)), size_t(sep->length));
      bytes.append(static_cast<const char*>(str_data(as_str(x))), size_t(as_str(x)->length));
    } else {
      if (i++) out += text_of(self);
      out += text_of(x);
    }
    decref(x);
  }
  decref(it);
  if (error_occurred()) return nullptr;
  if (narrow) return str_from_ucs1(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return make(out);
}

Object* list_of(const std::vector<Text>& parts) {
  ListObject* l = list_new(int64_t(parts.size()));
  if (!l) return nullptr;
  for (size_t i = 0; i < parts.size(); ++i) {
    Object* p = make(parts[i]);
    if (!p) {
      decref(l);
      return nullptr;
    }
    list_items(l)[i] = addr_of(p);
  }
  return l;
}

// s.split(sep) on one-byte text, without code point copies: the parts are
// counted first, so the list is allocated at its size, then made in order
// (the same objects, sizes and order as list_of).
Object* split_ucs1(StrObject* s, StrObject* sep, int64_t maxsplit) {
  auto* v = static_cast<const uint8_t*>(str_data(s));
  auto* p = static_cast<const uint8_t*>(str_data(sep));
  size_t n = size_t(s->length), m = size_t(sep->length);
  auto next = [&](size_t from) -> size_t {  // the next occurrence of sep at or after `from`, or n
    while (from + m <= n) {
      auto* hit = static_cast<const uint8_t*>(std::memchr(v + from, p[0], n - m + 1 - from));
      if (!hit) return n;
      size_t i = size_t(hit - v);
      if (std::memcmp(v + i, p, m) == 0) return i;
      from = i + 1;
    }
    return n;
  };
  int64_t count = 1;
  for (size_t i = 0, at; count - 1 < maxsplit && (at = next(i)) < n; i = at + m) ++count;
  ListObject* l = list_new(count);
  if (!l) return nullptr;
  size_t start = 0;
  for (int64_t k = 0; k < count; ++k) {
    size_t end = k + 1 < count ? next(start) : n;
    Object* part = str_from_ucs1(v + start, end - start);
    if (!part) {
      decref(l);
      return nullptr;
    }
    list_items(l)[k] = addr_of(part);
    start = end + m;
  }
  return l;
}

Object* split_impl(const char* fname, bool right, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({bare_name(fname), {"sep", "maxsplit"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  int64_t maxsplit = -1;
  if (a[1] && !object_as_index(a[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  bool by_whitespace = !a[0] || a[0] == none();
  if (!by_whitespace) {
    if (!need_str(a[0], "must be str or None, not %s")) return nullptr;
    if (!right && str_kind(as_str(self)) == 1 && str_kind(as_str(a[0])) == 1 && as_str(a[0])->length > 0) {
      return split_ucs1(as_str(self), as_str(a[0]), maxsplit);
    }
  }
  Text v = text_of(self);
  std::vector<Text> parts;
  if (by_whitespace) {
    if (!right) {
      size_t i = 0, n = v.size();
      for (;;) {
        while (i < n && is_space(v[i])) ++i;
        if (i == n) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(v.substr(i));  // trailing whitespace stays
          break;
        }
        size_t j = i;
        while (j < n && !is_space(v[j])) ++j;
        parts.push_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      size_t e = v.size();
      for (;;) {
        while (e > 0 && is_space(v[e - 1])) --e;
        if (e == 0) break;
        if (int64_t(parts.size()) == maxsplit) {
          parts.push_back(v.substr(0, e));  // leading whitespace stays
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
    Text sep = text_of(a[0]);
    if (sep.empty()) return set_error(g_rt->types.ValueError, "empty separator");
    if (!right) {
      size_t i = 0;
      for (size_t p; int64_t(parts.size()) < maxsplit && (p = v.find(sep, i)) != Text::npos; i = p + sep.size())
        parts.push_back(v.substr(i, p - i));
      parts.push_back(v.substr(i));
    } else {
      size_t e = v.size();
      for (size_t p; int64_t(parts.size()) < maxsplit && e >= sep.size() && (p = v.rfind(sep, e - sep.size())) != Text::npos; e = p)
        parts.push_back(v.substr(p + sep.size(), e - p - sep.size()));
      parts.push_back(v.substr(0, e));
      std::reverse(parts.begin(), parts.end());
    }
  }
  return list_of(parts);
}
Object* m_split(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return split_impl("str.split", false, self, args, nargs, kwnames);
}
Object* m_rsplit(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return split_impl("str.rsplit", true, self, args, nargs, kwnames);
}

Object* m_splitlines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"splitlines", {"keepends"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  int keep = a[0] ? object_is_true(a[0]) : 0;
  if (keep < 0) return nullptr;
  Text v = text_of(self);
  std::vector<Text> parts;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && !unicode_is_linebreak(v[j])) ++j;
    size_t eol = j;
    if (j < v.size()) j += v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n' ? 2 : 1;
    parts.push_back(v.substr(i, (keep ? j : eol) - i));
    i = j;
  }
  return list_of(parts);
}

// ---- strip ----

// s[b:e] (new reference): one-byte text is copied as bytes.
Object* substring(StrObject* s, int64_t b, int64_t e) {
  if (str_kind(s) == 1) return str_from_ucs1(static_cast<const uint8_t*>(str_data(s)) + b, size_t(e - b));
  std::vector<uint32_t> cps;
  for (int64_t i = b; i < e; ++i) cps.push_back(str_char(s, i));
  return str_from_codepoints(cps.data(), cps.size());
}

Object* strip_impl(const char* fname, bool left, bool right, Object* self, Object* const* args, size_t nargs,
                   Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(bare_name(fname), nargs, 0, 1)) return nullptr;
  Text chars;
  bool whitespace = !nargs || args[0] == none();
  if (!whitespace) {
    if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "%s arg must be None or str", bare_name(fname));
    chars = text_of(args[0]);
  }
  auto strip_it = [&](char32_t c) { return whitespace ? is_space(c) : chars.find(c) != Text::npos; };
  StrObject* v = as_str(self);
  int64_t b = 0, e = v->length;
  if (left) while (b < e && strip_it(str_char(v, b))) ++b;
  if (right) while (e > b && strip_it(str_char(v, e - 1))) --e;
  if (b == 0 && e == v->length) return unchanged(self);
  return substring(v, b, e);
}
Object* m_strip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("str.strip", true, true, self, args, nargs, kwnames);
}
Object* m_lstrip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("str.lstrip", true, false, self, args, nargs, kwnames);
}
Object* m_rstrip(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return strip_impl("str.rstrip", false, true, self, args, nargs, kwnames);
}

// ---- searching ----

// ADJUST_INDICES for start/end; false with an exception.
bool bounds(Object* start, Object* end, size_t len, int64_t* lo, int64_t* hi) {
  int64_t s = 0, e = int64_t(len), n = int64_t(len);
  for (auto [arg, out] : {std::pair{start, &s}, std::pair{end, &e}}) {
    if (!arg || arg == none()) continue;
    if (!object_has_index(arg)) {
      set_error(g_rt->types.TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    Object* i = number_index(arg);
    if (!i) return false;
    if (!int_as_i64(static_cast<IntObject*>(i), out)) *out = int_sign(static_cast<IntObject*>(i)) < 0 ? -n - 1 : n + 1;
    decref(i);
  }
  if (e > n) e = n;
  else if (e < 0) e = std::max<int64_t>(e + n, 0);
  if (s < 0) s = std::max<int64_t>(s + n, 0);
  *lo = s;
  *hi = e;
  return true;
}

// find, count, startswith, ... still parse their arguments the pre-Clinic way,
// with its own wording: "find() takes at least 1 argument (0 given)".
bool check_sub_start_end(const char* fname, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs >= 1 && nargs <= 3) return true;
  const char* bare = bare_name(fname);
  if (nargs < 1) set_error(g_rt->types.TypeError, "%s() takes at least 1 argument (%zu given)", bare, nargs);
  else set_error(g_rt->types.TypeError, "%s() takes at most 3 arguments (%zu given)", bare, nargs);
  return false;
}

// find/rfind/index/rindex/count: position (-1 absent), or -2 on error.
// find/count over the window [lo, hi) of v: the position (-1 absent), or
// the count in *count.
template <typename View>
int64_t search_window(View v, View sub, int64_t lo, int64_t hi, bool reverse, int64_t* count) {
  if (count) *count = 0;
  if (lo > int64_t(v.size()) || hi - lo < int64_t(sub.size())) return -1;
  View w = v.substr(size_t(lo), size_t(hi - lo));
  if (count) {
    int64_t n = 0;
    if (sub.empty()) n = int64_t(w.size()) + 1;
    else
      for (size_t p = w.find(sub); p != View::npos; p = w.find(sub, p + sub.size())) ++n;
    *count = n;
    return 0;
  }
  size_t p = reverse ? w.rfind(sub) : w.find(sub);
  return p == View::npos ? -1 : lo + int64_t(p);
}

int64_t search(const char* fname, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool reverse,
               int64_t* count) {
  if (!check_sub_start_end(fname, nargs, kwnames)) return -2;
  if (!is_str(args[0])) {
    set_error(g_rt->types.TypeError, "must be str, not %s", type_name(args[0]));
    return -2;
  }
  StrObject *s = as_str(self), *sub = as_str(args[0]);
  int64_t lo, hi;
  if (!bounds(nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, size_t(s->length), &lo, &hi)) return -2;
  if (str_kind(s) == 1 && str_kind(sub) == 1) {
    // One byte per character on both sides: search the stored bytes.
    std::string_view v(static_cast<const char*>(str_data(s)), size_t(s->length));
    std::string_view w(static_cast<const char*>(str_data(sub)), size_t(sub->length));
    return search_window(v, w, lo, hi, reverse, count);
  }
  Text v = text_of(self), w = text_of(args[0]);
  return search_window(std::u32string_view(v), std::u32string_view(w), lo, hi, reverse, count);
}
Object* m_find(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("str.find", self, args, nargs, kwnames, false, nullptr);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_rfind(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("str.rfind", self, args, nargs, kwnames, true, nullptr);
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("str.index", self, args, nargs, kwnames, false, nullptr);
  if (r == -1) return set_error(g_rt->types.ValueError, "substring not found");
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_rindex(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t r = search("str.rindex", self, args, nargs, kwnames, true, nullptr);
  if (r == -1) return set_error(g_rt->types.ValueError, "substring not found");
  return r == -2 ? nullptr : int_from_i64(r);
}
Object* m_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  int64_t n = 0;
  if (search("str.count", self, args, nargs, kwnames, false, &n) == -2) return nullptr;
  return int_from_i64(n);
}

Object* starts_ends(const char* fname, bool ends, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_sub_start_end(fname, nargs, kwnames)) return nullptr;
  Text v = text_of(self);
  int64_t lo, hi;
  if (!bounds(nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, v.size(), &lo, &hi)) return nullptr;
  auto test = [&](Object* p) {
    Text t = text_of(p);
    if (lo > int64_t(v.size())) return false;
    if (hi - lo < int64_t(t.size())) return false;
    size_t at_pos = ends ? size_t(hi) - t.size() : size_t(lo);
    return v.compare(at_pos, t.size(), t) == 0;
  };
  if (is_tuple(args[0])) {
    auto* t = static_cast<TupleObject*>(args[0]);
    for (int64_t i = 0; i < t->size; ++i) {
      Object* p = tuple_item(t, i);
      if (!is_str(p)) {
        return set_error(g_rt->types.TypeError, "tuple for %s must only contain str, not %s", bare_name(fname), type_name(p));
      }
      if (test(p)) return bool_obj(true);
    }
    return bool_obj(false);
  }
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "%s first arg must be str or a tuple of str, not %s", bare_name(fname), type_name(args[0]));
  }
  return bool_obj(test(args[0]));
}
Object* m_startswith(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return starts_ends("str.startswith", false, self, args, nargs, kwnames);
}
Object* m_endswith(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return starts_ends("str.endswith", true, self, args, nargs, kwnames);
}

Object* m_replace(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.replace", kwnames) || !check_nargs("replace", nargs, 2, 3)) return nullptr;
  if (!need_str(args[0], "replace() argument 1 must be str, not %s") ||
      !need_str(args[1], "replace() argument 2 must be str, not %s"))
    return nullptr;
  int64_t count = -1;
  if (nargs == 3 && !object_as_index(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  if (args[0] == args[1]) return unchanged(self);  // the same object: nothing changes
  StrObject *self_s = as_str(self), *old_s = as_str(args[0]), *rep_s = as_str(args[1]);
  if (str_kind(self_s) == 1 && str_kind(old_s) == 1 && str_kind(rep_s) == 1 && old_s->length > 0) {
    // One byte per character throughout: replace in the stored bytes.
    std::string_view v(static_cast<const char*>(str_data(self_s)), size_t(self_s->length));
    std::string_view old(static_cast<const char*>(str_data(old_s)), size_t(old_s->length));
    std::string_view rep(static_cast<const char*>(str_data(rep_s)), size_t(rep_s->length));
    std::string out;
    int64_t done = 0;
    size_t i = 0;
    for (size_t p; done < count && (p = v.find(old, i)) != std::string_view::npos; ++done, i = p + old.size()) {
      out += v.substr(i, p - i);
      out += rep;
    }
    if (done == 0) return unchanged(self);
    out += v.substr(i);
    return str_from_ucs1(reinterpret_cast<const uint8_t*>(out.data()), out.size());
  }
  Text v = text_of(self), old = text_of(args[0]), rep = text_of(args[1]), out;
  int64_t done = 0;
  size_t i = 0;
  if (old.empty()) {
    for (; done < count && i <= v.size(); ++done, ++i) {
      out += rep;
      if (i < v.size()) out.push_back(v[i]);
    }
    if (i < v.size()) out += v.substr(i);
  } else {
    for (size_t p; done < count && (p = v.find(old, i)) != Text::npos; ++done, i = p + old.size()) {
      out += v.substr(i, p - i);
      out += rep;
    }
    out += v.substr(i);
  }
  if (done == 0) return unchanged(self);
  return make(out);
}

// ---- case ----

using CaseFn = void (*)(const Text&, Text&);

// AsciiCase: how the mapping changes ASCII text (upper and lower keep it
// ASCII, one byte for one byte, as CPython's ascii_upper_or_lower).
enum class AsciiCase { General, Upper, Lower };

Object* case_method(const char* fname, Object* self, size_t nargs, Object* kwnames, CaseFn f,
                    AsciiCase ascii_case = AsciiCase::General) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) return nullptr;
  if (ascii_case != AsciiCase::General && str_is_ascii(as_str(self))) {
    if (as_str(self)->length == 0) return newref(g_rt->empty_str);
    std::string ascii(str_ascii_view(as_str(self)));
    char first = ascii_case == AsciiCase::Upper ? 'a' : 'A';
    for (char& c : ascii) {
      if (c >= first && c <= first + 25) c = char(c ^ 0x20);
    }
    return str_new_ascii(ascii);
  }
  Text out;
  f(text_of(self), out);
  return str_new_from_codepoints(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

// Lowercasing v[i]: a capital sigma becomes the final form ς when it ends a
// word (a cased letter before it, none after, skipping case-ignorables).
void append_lower_at(const Text& v, size_t i, Text& out) {
  if (v[i] != 0x3a3) {
    unicode_append_lower(out, v[i]);
    return;
  }
  size_t j = i;
  while (j > 0 && unicode_is_case_ignorable(v[j - 1])) --j;
  bool final_sigma = j > 0 && unicode_is_cased(v[j - 1]);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < v.size() && unicode_is_case_ignorable(v[k])) ++k;
    final_sigma = k == v.size() || !unicode_is_cased(v[k]);
  }
  out.push_back(final_sigma ? 0x3c2 : 0x3c3);
}

void do_upper(const Text& v, Text& out) {
  for (char32_t c : v) unicode_append_upper(out, c);
}
void do_lower(const Text& v, Text& out) {
  for (size_t i = 0; i < v.size(); ++i) append_lower_at(v, i, out);
}
void do_casefold(const Text& v, Text& out) {
  for (char32_t c : v) unicode_append_casefold(out, c);
}
void do_swapcase(const Text& v, Text& out) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (unicode_is_upper(v[i])) append_lower_at(v, i, out);
    else if (unicode_is_lower(v[i])) unicode_append_upper(out, v[i]);
    else out.push_back(v[i]);
  }
}
void do_title(const Text& v, Text& out) {
  bool previous_cased = false;
  for (size_t i = 0; i < v.size(); ++i) {
    if (previous_cased) append_lower_at(v, i, out);
    else unicode_append_title(out, v[i]);
    previous_cased = unicode_is_cased(v[i]);
  }
}
void do_capitalize(const Text& v, Text& out) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (i == 0) unicode_append_title(out, v[0]);
    else append_lower_at(v, i, out);
  }
}
Object* m_upper(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.upper", self, nargs, kwnames, do_upper, AsciiCase::Upper); }
Object* m_lower(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.lower", self, nargs, kwnames, do_lower, AsciiCase::Lower); }
Object* m_casefold(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.casefold", self, nargs, kwnames, do_casefold); }
Object* m_swapcase(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.swapcase", self, nargs, kwnames, do_swapcase); }
Object* m_title(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.title", self, nargs, kwnames, do_title); }
Object* m_capitalize(Object* self, Object* const*, size_t nargs, Object* kwnames) { return case_method("str.capitalize", self, nargs, kwnames, do_capitalize); }

// ---- predicates ----

Object* all_chars(const char* fname, Object* self, size_t nargs, Object* kwnames, bool (*f)(char32_t)) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) return nullptr;
  Text v = text_of(self);
  if (v.empty()) return bool_obj(false);
  return bool_obj(std::all_of(v.begin(), v.end(), f));
}
Object* m_isdigit(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isdigit", s, n, k, unicode_is_digit); }
Object* m_isdecimal(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isdecimal", s, n, k, unicode_is_decimal); }
Object* m_isnumeric(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isnumeric", s, n, k, unicode_is_numeric); }
Object* m_isalpha(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isalpha", s, n, k, unicode_is_alpha); }
Object* m_isalnum(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isalnum", s, n, k, is_alnum); }
Object* m_isspace(Object* s, Object* const*, size_t n, Object* k) { return all_chars("str.isspace", s, n, k, unicode_is_space); }

Object* m_isascii(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.isascii", kwnames) || !check_nargs("str.isascii", nargs, 0, 0)) return nullptr;
  return bool_obj(str_is_ascii(as_str(self)));
}

// isupper/islower: at least one cased character, none of the other case or
// titlecase.
Object* cased(const char* fname, Object* self, size_t nargs, Object* kwnames, bool upper) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 0)) return nullptr;
  bool any = false;
  for (char32_t c : text_of(self)) {
    if ((upper ? unicode_is_lower(c) : unicode_is_upper(c)) || unicode_is_title(c)) return bool_obj(false);
    any |= upper ? unicode_is_upper(c) : unicode_is_lower(c);
  }
  return bool_obj(any);
}
Object* m_isupper(Object* s, Object* const*, size_t n, Object* k) { return cased("str.isupper", s, n, k, true); }

// istitle: upper/titlecase only after uncased characters, lowercase only after
// cased ones, and at least one cased character.
Object* m_istitle(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.istitle", kwnames) || !check_nargs("str.istitle", nargs, 0, 0)) return nullptr;
  bool any = false, previous_cased = false;
  for (char32_t c : text_of(self)) {
    if (unicode_is_upper(c) || unicode_is_title(c)) {
      if (previous_cased) return bool_obj(false);
      previous_cased = any = true;
    } else if (unicode_is_lower(c)) {
      if (!previous_cased) return bool_obj(false);
      previous_cased = any = true;
    } else {
      previous_cased = false;
    }
  }
  return bool_obj(any);
}

Object* m_isprintable(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.isprintable", kwnames) || !check_nargs("str.isprintable", nargs, 0, 0)) return nullptr;
  Text v = text_of(self);
  return bool_obj(std::all_of(v.begin(), v.end(), [](char32_t c) { return unicode_is_printable(c); }));
}
Object* m_islower(Object* s, Object* const*, size_t n, Object* k) { return cased("str.islower", s, n, k, false); }

Object* m_isidentifier(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.isidentifier", kwnames) || !check_nargs("str.isidentifier", nargs, 0, 0)) return nullptr;
  Text v = text_of(self);
  if (v.empty() || !unicode_is_xid_start(v[0])) return bool_obj(false);
  return bool_obj(std::all_of(v.begin() + 1, v.end(), unicode_is_xid_continue));
}

// ---- padding ----

Object* pad_impl(const char* fname, char where, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(bare_name(fname), nargs, 1, 2)) return nullptr;
  int64_t width;
  if (!object_as_index(args[0], &width)) return nullptr;
  char32_t fill = ' ';
  if (nargs == 2) {
    if (!is_str(args[1]) || as_str(args[1])->length != 1) {
      if (!is_str(args[1])) {
        return set_error(g_rt->types.TypeError, "The fill character must be a unicode character, not %s", type_name(args[1]));
      }
      return set_error(g_rt->types.TypeError, "The fill character must be exactly one character long");
    }
    fill = str_char(as_str(args[1]), 0);
  }
  Text v = text_of(self);
  if (width <= int64_t(v.size())) return unchanged(self);
  size_t marg = size_t(width) - v.size();
  size_t left = where == '<' ? 0 : where == '>' ? marg : marg / 2 + (marg & size_t(width) & 1);
  return make(Text(left, fill) + v + Text(marg - left, fill));
}
Object* m_center(Object* s, Object* const* a, size_t n, Object* k) { return pad_impl("str.center", '^', s, a, n, k); }
Object* m_ljust(Object* s, Object* const* a, size_t n, Object* k) { return pad_impl("str.ljust", '<', s, a, n, k); }
Object* m_rjust(Object* s, Object* const* a, size_t n, Object* k) { return pad_impl("str.rjust", '>', s, a, n, k); }

Object* m_zfill(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.zfill", kwnames) || !check_nargs("str.zfill", nargs, 1, 1)) return nullptr;
  int64_t width;
  if (!object_as_index(args[0], &width)) return nullptr;
  Text v = text_of(self);
  if (width <= int64_t(v.size())) return unchanged(self);
  size_t fill = size_t(width) - v.size();
  size_t at_pos = !v.empty() && (v[0] == '+' || v[0] == '-') ? 1 : 0;
  v.insert(at_pos, Text(fill, U'0'));
  return make(v);
}

// removeprefix / removesuffix: self without the affix when it has it.
Object* remove_affix(const char* fname, bool suffix, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "%s() argument must be str, not %s", bare_name(fname), type_name(args[0]));
  }
  Text v = text_of(self), affix = text_of(args[0]);
  if (affix.empty() || affix.size() > v.size()) return unchanged(self);
  size_t at_pos = suffix ? v.size() - affix.size() : 0;
  if (v.compare(at_pos, affix.size(), affix) != 0) return unchanged(self);
  return make(suffix ? v.substr(0, at_pos) : v.substr(affix.size()));
}
Object* m_removeprefix(Object* s, Object* const* a, size_t n, Object* k) { return remove_affix("str.removeprefix", false, s, a, n, k); }
Object* m_removesuffix(Object* s, Object* const* a, size_t n, Object* k) { return remove_affix("str.removesuffix", true, s, a, n, k); }

Object* m_expandtabs(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"expandtabs", {"tabsize"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  int64_t tab = 8;
  if (a[0] && !object_as_index(a[0], &tab)) return nullptr;
  Text out;
  size_t column = 0;
  for (char32_t c : text_of(self)) {
    if (c == '\t') {
      if (tab > 0) {
        size_t n = size_t(tab) - column % size_t(tab);
        out.append(n, U' ');
        column += n;
      }
    } else {
      out.push_back(c);
      column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
  }
  return make(out);
}

Object* partition_impl(const char* fname, bool right, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return nullptr;
  if (!need_str(args[0], "must be str, not %s")) return nullptr;
  Text v = text_of(self), sep = text_of(args[0]);
  if (sep.empty()) return set_error(g_rt->types.ValueError, "empty separator");
  size_t p = right ? v.rfind(sep) : v.find(sep);
  Object* items[3];
  if (p == Text::npos) {
    Object* whole = unchanged(self);
    items[0] = right ? newref(g_rt->empty_str) : whole;
    items[1] = newref(g_rt->empty_str);
    items[2] = right ? whole : newref(g_rt->empty_str);
  } else {
    items[0] = make(v.substr(0, p));
    items[1] = newref(args[0]);
    items[2] = make(v.substr(p + sep.size()));
  }
  Object* t = tuple_from_array(items, 3);
  for (Object* o : items) xdecref(o);
  return t;
}
Object* m_partition(Object* s, Object* const* a, size_t n, Object* k) { return partition_impl("str.partition", false, s, a, n, k); }
Object* m_rpartition(Object* s, Object* const* a, size_t n, Object* k) { return partition_impl("str.rpartition", true, s, a, n, k); }

// encode(encoding='utf-8', errors='strict'): text_codecs.h's codecs.
Object* m_encode(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"encode", {"encoding", "errors"}, 0, 2}, args, nargs, kwnames, a)) return nullptr;
  return encode_str(as_str(self), a[0], a[1]);
}

// str.format: {} / {0} / {name}, .attr and [key] lookups, !r !s !a, and a
// format spec that may itself hold replacement fields.
// Named fields come from the keyword arguments, or from `mapping` (format_map).
bool format_into(const Text& fmt, Object* const* args, size_t nargs, Object* kwnames, Object* mapping, int depth,
                 int64_t* auto_index, Text* out) {
  if (depth > 2) {
    set_error(g_rt->types.ValueError, "Max string recursion exceeded");
    return false;
  }
  for (size_t i = 0; i < fmt.size(); ++i) {
    char32_t c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out->push_back('}');
        ++i;
        continue;
      }
      set_error(g_rt->types.ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      out->push_back(c);
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out->push_back('{');
      ++i;
      continue;
    }
    if (i + 1 == fmt.size()) {
      set_error(g_rt->types.ValueError, "Single '{' encountered in format string");
      return false;
    }
    // Find the matching '}' (format specs may nest one level of braces).
    size_t j = i + 1;
    int level = 1;
    for (; j < fmt.size(); ++j) {
      if (fmt[j] == '{') ++level;
      else if (fmt[j] == '}' && --level == 0) break;
    }
    if (j >= fmt.size()) {
      set_error(g_rt->types.ValueError, level > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
      return false;
    }
    Text field = fmt.substr(i + 1, j - i - 1);
    i = j;
    Text spec;
    char32_t conversion = 0;
    size_t colon = Text::npos, bang = Text::npos;
    for (size_t k = 0, brackets = 0; k < field.size(); ++k) {
      if (field[k] == '[') ++brackets;
      else if (field[k] == ']') brackets = brackets ? brackets - 1 : 0;
      else if (!brackets && field[k] == ':') { colon = k; break; }
      else if (!brackets && field[k] == '!' && bang == Text::npos) bang = k;
    }
    if (colon != Text::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    if (bang != Text::npos && bang < field.size()) {
      if (bang + 2 != field.size()) {
        set_error(g_rt->types.ValueError, "expected ':' after conversion specifier");
        return false;
      }
      conversion = field[bang + 1];
      field = field.substr(0, bang);
    }
    size_t name_end = 0;
    while (name_end < field.size() && field[name_end] != '.' && field[name_end] != '[') ++name_end;
    Text name = field.substr(0, name_end);
    Object* value;
    bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](char32_t d) { return d >= '0' && d <= '9'; });
    if (name.empty() || numeric) {
      if (mapping) {
        set_error(g_rt->types.ValueError, "Format string contains positional fields");
        return false;
      }
      int64_t index;
      if (name.empty()) {
        if (*auto_index < 0) {
          set_error(g_rt->types.ValueError, "cannot switch from manual field specification to automatic field numbering");
          return false;
        }
        index = (*auto_index)++;
      } else {
        if (*auto_index > 0) {
          set_error(g_rt->types.ValueError, "cannot switch from automatic field numbering to manual field specification");
          return false;
        }
        *auto_index = -1;
        index = 0;
        for (char32_t d : name) index = std::min<int64_t>(index * 10 + (d - '0'), INT32_MAX);
      }
      if (index >= int64_t(nargs)) {
        set_error(g_rt->types.IndexError, "Replacement index %lld out of range for positional args tuple", (long long)index);
        return false;
      }
      value = newref(args[index]);
    } else {
      Object* key = make(name);
      if (!key) return false;
      if (mapping) {
        value = object_getitem(mapping, key);
        decref(key);
        if (!value) return false;
      } else {
        value = nullptr;
        std::string key_text = str_to_utf8(as_str(key));
        if (kwnames) {
          auto* names = static_cast<TupleObject*>(kwnames);
          for (int64_t k = 0; k < names->size && !value; ++k)
            if (str_to_utf8(as_str(tuple_item(names, k))) == key_text) value = newref(args[nargs + size_t(k)]);
        }
        if (!value) set_error_object(g_rt->types.KeyError, key);
        decref(key);
        if (!value) return false;
      }
    }
    // .attr and [key] accessors.
    for (size_t k = name_end; k < field.size();) {
      Object* next = nullptr;
      if (field[k] == '.') {
        size_t e = k + 1;
        while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
        Object* attr = make(field.substr(k + 1, e - k - 1));
        next = attr ? object_getattr(value, attr) : nullptr;
        xdecref(attr);
        k = e;
      } else {
        size_t e = field.find(']', k);
        if (e == Text::npos) {
          decref(value);
          set_error(g_rt->types.ValueError, "Missing ']' in format string");
          return false;
        }
        Text inner = field.substr(k + 1, e - k - 1);
        bool digits = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char32_t d) { return d >= '0' && d <= '9'; });
        Object* key = nullptr;
        if (digits) {
          int64_t n = 0;
          for (char32_t d : inner) n = std::min<int64_t>(n * 10 + (d - '0'), INT32_MAX);
          key = int_from_i64(n);
        } else {
          key = make(inner);
        }
        next = key ? object_getitem(value, key) : nullptr;
        xdecref(key);
        k = e + 1;
      }
      decref(value);
      if (!next) return false;
      value = next;
    }
    if (conversion) {
      Object* converted = nullptr;
      if (conversion == 's') converted = object_str(value);
      else if (conversion == 'r') converted = object_repr(value);
      else if (conversion == 'a') {
        std::string r;
        if (repr_utf8(value, &r)) converted = str_from_utf8(ascii_escape(r));
      } else {
        set_error(g_rt->types.ValueError, "Unknown conversion specifier %c", char(conversion));
      }
      decref(value);
      if (!converted) return false;
      value = converted;
    }
    Text expanded_spec;
    if (!format_into(spec, args, nargs, kwnames, mapping, depth + 1, auto_index, &expanded_spec)) {
      decref(value);
      return false;
    }
    Object* spec_obj = make(expanded_spec);
    Object* formatted = spec_obj ? format_value(value, str_to_utf8(as_str(spec_obj))) : nullptr;
    xdecref(spec_obj);
    decref(value);
    if (!formatted) return false;
    *out += text_of(formatted);
    decref(formatted);
  }
  return true;
}

// A format string without braces comes back as itself, a str subclass too
// (the writer hands back the one string it was given).
bool has_braces(Object* self) {
  Text v = text_of(self);
  return v.find_first_of(U"{}") != Text::npos;
}

Object* m_format(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!has_braces(self)) return newref(self);
  Text out;
  int64_t auto_index = 0;
  if (!format_into(text_of(self), args, nargs, kwnames, nullptr, 0, &auto_index, &out)) return nullptr;
  return make(out);
}

Object* m_format_map(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("str.format_map", kwnames) || !check_nargs("str.format_map", nargs, 1, 1)) return nullptr;
  if (!has_braces(self)) return newref(self);
  Text out;
  int64_t auto_index = 0;
  if (!format_into(text_of(self), nullptr, 0, nullptr, args[0], 0, &auto_index, &out)) return nullptr;
  return make(out);
}

Object* str_remainder(Object* a, Object* b) {
  if (!is_str(a)) return newref(g_rt->not_implemented);
  return str_percent_format(a, b);
}

const NativeFunctionDef kStrMethods[] = {
    {"join", m_join},
    {"split", m_split},
    {"rsplit", m_rsplit},
    {"splitlines", m_splitlines},
    {"strip", m_strip},
    {"lstrip", m_lstrip},
    {"rstrip", m_rstrip},
    {"startswith", m_startswith},
    {"endswith", m_endswith},
    {"find", m_find},
    {"rfind", m_rfind},
    {"index", m_index},
    {"rindex", m_rindex},
    {"count", m_count},
    {"replace", m_replace},
    {"upper", m_upper},
    {"lower", m_lower},
    {"title", m_title},
    {"capitalize", m_capitalize},
    {"swapcase", m_swapcase},
    {"casefold", m_casefold},
    {"isdigit", m_isdigit},
    {"isalpha", m_isalpha},
    {"isalnum", m_isalnum},
    {"isspace", m_isspace},
    {"isupper", m_isupper},
    {"islower", m_islower},
    {"isidentifier", m_isidentifier},
    {"isnumeric", m_isnumeric},
    {"isdecimal", m_isdecimal},
    {"isascii", m_isascii},
    {"istitle", m_istitle},
    {"isprintable", m_isprintable},
    {"removeprefix", m_removeprefix},
    {"removesuffix", m_removesuffix},
    {"format_map", m_format_map},
    {"maketrans", str_maketrans, true},
    {"translate", str_translate},
    {"center", m_center},
    {"ljust", m_ljust},
    {"rjust", m_rjust},
    {"zfill", m_zfill},
    {"partition", m_partition},
    {"rpartition", m_rpartition},
    {"encode", m_encode},
    {"format", m_format},
    {"expandtabs", m_expandtabs},
};

}  // namespace

void init_str_methods() {
  add_methods(g_rt->types.str, kStrMethods, std::size(kStrMethods));
  // str % args (unicode_mod); str.cpp's slot table predates it.
  g_type_slots[g_rt->types.str->slots_index]->number[size_t(BinaryOp::Remainder)] = str_remainder;
}

}  // namespace heaplab
