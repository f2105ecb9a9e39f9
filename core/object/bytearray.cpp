#include "core/object/bytearray.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/bytes.h"
#include "core/object/bytes_format.h"
#include "core/object/bytes_text_methods.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/sequence_iterators.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

using memory::Domain;

ByteArrayObject* as_ba(Object* o) { return static_cast<ByteArrayObject*>(o); }

// PyByteArray_Resize (3.12): over-allocate by 1/8 on moderate growth, exactly
// on a big jump; shrink only below half. The buffer is PyObject_Malloc'ed.
bool resize(ByteArrayObject* b, int64_t requested) {
  if (requested == b->size) return true;
  if (uint64_t(requested) >= SIZE_MAX / 2) {  // more than a 32-bit size_t (wasm) can count
    set_memory_error();
    return false;
  }
  size_t alloc = size_t(b->alloc);
  size_t offset = size_t(b->start - b->bytes);
  size_t size = size_t(requested);
  if (size + offset + 1 <= alloc) {
    if (size < alloc / 2) {
      alloc = size + 1;
    } else {
      b->size = requested;
      bytearray_data(b)[size] = 0;
      return true;
    }
  } else if (double(size) <= double(alloc) * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    alloc = size + 1;
  }
  Addr buf;
  if (offset > 0) {
    buf = g_rt->heap.malloc(Domain::Object, alloc);
    if (!buf) {
      set_memory_error();
      return false;
    }
    std::memcpy(at<uint8_t>(buf), bytearray_data(b), std::min(size, size_t(b->size)));
    g_rt->heap.free(Domain::Object, b->bytes);
  } else {
    buf = b->bytes ? g_rt->heap.realloc(Domain::Object, b->bytes, alloc) : g_rt->heap.malloc(Domain::Object, alloc);
    if (!buf) {
      set_memory_error();
      return false;
    }
  }
  b->bytes = b->start = buf;
  b->size = requested;
  b->alloc = int64_t(alloc);
  at<uint8_t>(buf)[size] = 0;
  return true;
}

ByteArrayObject* new_bytearray() {
  return static_cast<ByteArrayObject*>(new_object(g_rt->types.bytearray, sizeof(ByteArrayObject)));
}

bool byte_value(Object* o, int* out) {
  int64_t v;
  if (!object_as_index(o, &v)) return false;
  if (v < 0 || v > 255) {
    set_error(g_rt->types.ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = int(v);
  return true;
}

// bytearray_setslice_linear: replaces [lo, hi) with `data`; deleting from the
// front advances ob_start instead of moving the tail.
bool set_slice(ByteArrayObject* b, int64_t lo, int64_t hi, std::string_view data) {
  std::string copy(data);  // data may alias the buffer (b[:] = b)
  int64_t needed = int64_t(copy.size());
  int64_t growth = needed - (hi - lo);
  if (growth < 0) {
    if (lo == 0) b->start -= growth;
    else std::memmove(bytearray_data(b) + lo + needed, bytearray_data(b) + hi, size_t(b->size - hi));
    if (!resize(b, b->size + growth)) return false;
  } else if (growth > 0) {
    if (!resize(b, b->size + growth)) return false;
    std::memmove(bytearray_data(b) + lo + needed, bytearray_data(b) + hi, size_t(b->size - lo - needed));
  }
  if (needed > 0) std::memcpy(bytearray_data(b) + lo, copy.data(), size_t(needed));
  return true;
}

bool append_byte(ByteArrayObject* b, int v) {
  if (!resize(b, b->size + 1)) return false;
  bytearray_data(b)[b->size - 1] = uint8_t(v);
  return true;
}

// The bytes an iterable of ints yields; false with the exception set.
bool collect_ints(Object* iterable, std::string* out, const char* fail_format) {
  Object* it = object_iter(iterable);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, fail_format, type_name(iterable));
    }
    return false;
  }
  while (Object* x = iter_next(it)) {
    int v;
    bool ok = byte_value(x, &v);
    decref(x);
    if (!ok) {
      decref(it);
      return false;
    }
    out->push_back(char(v));
  }
  decref(it);
  return !error_occurred();
}

// ---- slots ----

void bytearray_dealloc(Object* o) {
  if (as_ba(o)->bytes) g_rt->heap.free(Domain::Object, as_ba(o)->bytes);
  free_object(o);
}

Object* bytearray_repr(Object* o) {
  return str_from_utf8(std::string(type_name(o)) + "(" + bytes_repr_text(bytearray_view(o)) + ")");
}

Object* bytearray_richcompare(Object* a, Object* b, CompareOp op) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return newref(g_rt->not_implemented);
  int c = x.compare(y);
  bool r = op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Eq ? c == 0
         : op == CompareOp::Ne ? c != 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
  return bool_obj(r);
}

int64_t bytearray_length(Object* o) { return as_ba(o)->size; }

Object* bytearray_concat(Object* a, Object* b) {
  std::string_view y;
  if (!bytes_like_view(b, &y)) return set_error(g_rt->types.TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  std::string r(bytearray_view(a));
  r += y;
  return bytearray_from_data(r);
}

Object* bytearray_inplace_concat(Object* a, Object* b) {
  std::string_view y;
  if (!bytes_like_view(b, &y)) return set_error(g_rt->types.TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  ByteArrayObject* ba = as_ba(a);
  if (!set_slice(ba, ba->size, ba->size, y)) return nullptr;
  return newref(a);
}

Object* bytearray_repeat(Object* a, int64_t n) {
  std::string_view x = bytearray_view(a);
  std::string r;
  if (n > 0 && !x.empty()) {
    if (n > (int64_t(1) << 36) / int64_t(x.size())) return set_memory_error();
    for (int64_t i = 0; i < n; ++i) r += x;
  }
  return bytearray_from_data(r);
}

// bytearray *= n (bytearray_irepeat): resized in place, then filled.
Object* bytearray_inplace_repeat(Object* a, int64_t n) {
  ByteArrayObject* b = as_ba(a);
  if (n < 0) n = 0;
  if (n != 1) {
    int64_t size = b->size;
    if (size && n > (int64_t(1) << 36) / size) return set_memory_error();
    if (!resize(b, size * n)) return nullptr;
    uint8_t* data = bytearray_data(b);
    for (int64_t k = 1; k < n; ++k) std::memcpy(data + k * size, data, size_t(size));
  }
  return newref(a);
}

// bytearray % args: formatted as bytes are, into a new bytearray.
Object* bytearray_remainder(Object* a, Object* b) {
  if (!is_bytearray(a)) return newref(g_rt->not_implemented);
  std::string out;
  if (!bytes_percent_format(bytearray_view(a), b, &out)) return nullptr;
  return bytearray_from_data(out);
}

bool index_of(ByteArrayObject* b, Object* key, int64_t* out) {
  if (!object_as_index(key, out)) return false;
  if (*out < 0) *out += b->size;
  if (*out < 0 || *out >= b->size) {
    set_error(g_rt->types.IndexError, "bytearray index out of range");
    return false;
  }
  return true;
}

Object* bytearray_subscript(Object* o, Object* key) {
  ByteArrayObject* b = as_ba(o);
  if (is_slice(key)) {
    SliceIndices ix;
    if (!slice_indices(key, b->size, &ix)) return nullptr;
    std::string r;
    for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) r.push_back(char(bytearray_data(b)[k]));
    return bytearray_from_data(r);
  }
  if (!object_has_index(key)) {
    return set_error(g_rt->types.TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
  }
  int64_t i;
  if (!index_of(b, key, &i)) return nullptr;
  return int_from_i64(bytearray_data(b)[i]);
}

int bytearray_ass_subscript(Object* o, Object* key, Object* value) {
  ByteArrayObject* b = as_ba(o);
  if (is_slice(key)) {
    SliceIndices ix;
    if (!slice_indices(key, b->size, &ix)) return -1;
    std::string data;
    if (value) {
      std::string_view v;
      if (bytes_like_view(value, &v)) {
        data = std::string(v);
      } else if (int_is_int(value)) {
        set_error(g_rt->types.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
      } else if (!collect_ints(value, &data, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")) {
        return -1;
      }
    }
    if (ix.step == 1) return set_slice(b, ix.start, std::max(ix.start, ix.stop), data) ? 0 : -1;
    if (value && int64_t(data.size()) != ix.length) {
      set_error(g_rt->types.ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", data.size(),
                (long long)ix.length);
      return -1;
    }
    if (value) {
      for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step) bytearray_data(b)[k] = uint8_t(data[size_t(i)]);
      return 0;
    }
    std::string kept;
    std::string_view v = bytearray_view(o);
    for (int64_t i = 0; i < b->size; ++i) {
      bool selected = ix.step > 0 ? i >= ix.start && i < ix.stop && (i - ix.start) % ix.step == 0
                                  : i <= ix.start && i > ix.stop && (ix.start - i) % -ix.step == 0;
      if (!selected) kept.push_back(v[size_t(i)]);
    }
    return set_slice(b, 0, b->size, kept) ? 0 : -1;
  }
  if (!object_has_index(key)) {
    set_error(g_rt->types.TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  int64_t i;
  if (!index_of(b, key, &i)) return -1;
  if (!value) return set_slice(b, i, i + 1, {}) ? 0 : -1;
  int v;
  if (!byte_value(value, &v)) return -1;
  bytearray_data(b)[i] = uint8_t(v);
  return 0;
}

int bytearray_contains(Object* o, Object* x) { return bytes_like_contains(bytearray_view(o), x); }

size_t bytearray_size_of(Object* o) { return type_of(o)->basicsize + size_t(as_ba(o)->alloc); }

// bytearray(): as bytearray___init__ in 3.12, including its list/tuple fast
// path (an exact-size buffer) and the append-one-at-a-time iterable path.
Object* bytearray_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"bytearray", {"source", "encoding", "errors"}, 0, 3}, args, nargs, kwnames, a)) return nullptr;
  ByteArrayObject* b = new_bytearray();
  if (!b) return nullptr;
  Object* source = a[0];
  auto fail = [&]() -> Object* {
    decref(b);
    return nullptr;
  };
  if (!source) {
    if (a[1] || a[2]) {
      set_error(g_rt->types.TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return fail();
    }
    return b;
  }
  if (is_str(source)) {
    if (!a[1]) {
      set_error(g_rt->types.TypeError, "string argument without an encoding");
      return fail();
    }
    Object* bargs[3] = {source, a[1], a[2]};
    Object* encoded = object_call(g_rt->types.bytes, bargs, a[2] ? 3 : 2, nullptr);
    if (!encoded) return fail();
    bool ok = set_slice(b, 0, 0, bytes_view(encoded));
    decref(encoded);
    return ok ? b : fail();
  }
  if (a[1] || a[2]) {
    set_error(g_rt->types.TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
    return fail();
  }
  if (object_has_index(source)) {
    int64_t n;
    if (!object_as_index(source, &n)) return fail();
    if (n < 0) {
      set_error(g_rt->types.ValueError, "negative count");
      return fail();
    }
    if (n > 0) {
      if (!resize(b, n)) return fail();
      std::memset(bytearray_data(b), 0, size_t(n));
    }
    return b;
  }
  std::string_view view;
  if (bytes_like_view(source, &view)) {
    std::string copy(view);
    if (!copy.empty() && !resize(b, int64_t(copy.size()))) return fail();
    if (!copy.empty()) std::memcpy(bytearray_data(b), copy.data(), copy.size());
    return b;
  }
  if (type_of(source) == g_rt->types.list || type_of(source) == g_rt->types.tuple) {
    bool is_l = type_of(source) == g_rt->types.list;
    int64_t n = is_l ? static_cast<ListObject*>(source)->size : static_cast<TupleObject*>(source)->size;
    bool exact_ints = true;
    for (int64_t i = 0; i < n && exact_ints; ++i) {
      Object* x = is_l ? list_item(static_cast<ListObject*>(source), i) : tuple_item(static_cast<TupleObject*>(source), i);
      exact_ints = type_of(x) == g_rt->types.int_;
    }
    if (exact_ints) {
      if (!resize(b, n)) return fail();
      for (int64_t i = 0; i < n; ++i) {
        Object* x = is_l ? list_item(static_cast<ListObject*>(source), i) : tuple_item(static_cast<TupleObject*>(source), i);
        int v;
        if (!byte_value(x, &v)) return fail();
        bytearray_data(b)[i] = uint8_t(v);
      }
      return b;
    }
  }
  Object* it = object_iter(source);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "cannot convert '%s' object to bytearray", type_name(source));
    }
    return fail();
  }
  while (Object* x = iter_next(it)) {
    int v;
    bool ok = byte_value(x, &v);
    decref(x);
    if (ok) {
      if (b->size + 1 < b->alloc) {
        ++b->size;
        bytearray_data(b)[b->size] = 0;
      } else {
        ok = resize(b, b->size + 1);
      }
    }
    if (!ok) {
      decref(it);
      return fail();
    }
    bytearray_data(b)[b->size - 1] = uint8_t(v);
  }
  decref(it);
  if (error_occurred()) return fail();
  return b;
}

// ---- methods ----

Object* m_append(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.append", kwnames) || !check_nargs("bytearray.append", nargs, 1, 1)) return nullptr;
  int v;
  if (!byte_value(args[0], &v) || !append_byte(as_ba(self), v)) return nullptr;
  return none();
}

// bytearray.extend: a buffer goes in at once; an iterable is gathered in a
// temporary bytearray grown by half each time, trimmed, then appended.
Object* m_extend(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.extend", kwnames) || !check_nargs("bytearray.extend", nargs, 1, 1)) return nullptr;
  ByteArrayObject* b = as_ba(self);
  std::string_view view;
  if (bytes_like_view(args[0], &view)) return set_slice(b, b->size, b->size, view) ? none() : nullptr;
  std::string data;
  if (!collect_ints(args[0], &data, "can't extend bytearray with %s")) return nullptr;
  return set_slice(b, b->size, b->size, data) ? none() : nullptr;
}

Object* m_pop(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.pop", kwnames) || !check_nargs("pop", nargs, 0, 1)) return nullptr;
  ByteArrayObject* b = as_ba(self);
  int64_t i = -1;
  if (nargs && !object_as_index(args[0], &i)) return nullptr;
  if (b->size == 0) return set_error(g_rt->types.IndexError, "pop from empty bytearray");
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return set_error(g_rt->types.IndexError, "pop index out of range");
  uint8_t* buf = bytearray_data(b);
  int v = buf[i];
  std::memmove(buf + i, buf + i + 1, size_t(b->size - i));
  if (!resize(b, b->size - 1)) return nullptr;
  return int_from_i64(v);
}

Object* m_insert(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.insert", kwnames) || !check_nargs("insert", nargs, 2, 2)) return nullptr;
  ByteArrayObject* b = as_ba(self);
  int64_t i;
  int v;
  if (!object_as_index(args[0], &i) || !byte_value(args[1], &v)) return nullptr;
  int64_t n = b->size;
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  if (!resize(b, n + 1)) return nullptr;
  uint8_t* buf = bytearray_data(b);
  std::memmove(buf + i + 1, buf + i, size_t(n - i));
  buf[i] = uint8_t(v);
  return none();
}

Object* m_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.remove", kwnames) || !check_nargs("bytearray.remove", nargs, 1, 1)) return nullptr;
  ByteArrayObject* b = as_ba(self);
  int v;
  if (!byte_value(args[0], &v)) return nullptr;
  std::string_view view = bytearray_view(self);
  size_t p = view.find(char(v));
  if (p == std::string_view::npos) return set_error(g_rt->types.ValueError, "value not found in bytearray");
  uint8_t* buf = bytearray_data(b);
  std::memmove(buf + p, buf + p + 1, size_t(b->size) - p);
  return resize(b, b->size - 1) ? none() : nullptr;
}

Object* m_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.clear", kwnames) || !check_nargs("bytearray.clear", nargs, 0, 0)) return nullptr;
  return resize(as_ba(self), 0) ? none() : nullptr;
}

Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.copy", kwnames) || !check_nargs("bytearray.copy", nargs, 0, 0)) return nullptr;
  return bytearray_from_data(bytearray_view(self));
}

Object* m_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("bytearray.reverse", kwnames) || !check_nargs("bytearray.reverse", nargs, 0, 0)) return nullptr;
  ByteArrayObject* b = as_ba(self);
  if (b->size) std::reverse(bytearray_data(b), bytearray_data(b) + b->size);
  return none();
}

const NativeFunctionDef kByteArrayMethods[] = {
    {"append", m_append}, {"extend", m_extend}, {"pop", m_pop},   {"insert", m_insert},
    {"remove", m_remove}, {"clear", m_clear},   {"copy", m_copy}, {"reverse", m_reverse},
};

// bytearray.__new__ makes an empty bytearray; bytearray.__init__ replaces
// its contents with those the arguments describe.
Object* bytearray_new_instance(TypeObject* type, Object* const*, size_t, Object*) {
  if (type == g_rt->types.bytearray) return new_bytearray();
  Object* b = new_object(type, type->basicsize);
  if (b) gc_track(b);
  return b;
}

int bytearray_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* made = bytearray_construct(g_rt->types.bytearray, args, nargs, kwnames);
  if (!made) return -1;
  ByteArrayObject* b = as_ba(self);
  bool ok = set_slice(b, 0, b->size, bytearray_view(made));
  decref(made);
  return ok ? 0 : -1;
}

TypeSlots bytearray_slots;

}  // namespace

bool is_bytearray(const Object* o) { return is_instance(o, g_rt->types.bytearray); }

Object* bytearray_from_data(std::string_view data) {
  ByteArrayObject* b = new_bytearray();
  if (!b) return nullptr;
  if (data.empty()) return b;
  // PyByteArray_FromStringAndSize: exactly size + 1 bytes.
  Addr buf = g_rt->heap.malloc(Domain::Object, data.size() + 1);
  if (!buf) {
    decref(b);
    return set_memory_error();
  }
  std::memcpy(at<uint8_t>(buf), data.data(), data.size());
  at<uint8_t>(buf)[data.size()] = 0;
  b->bytes = b->start = buf;
  b->size = int64_t(data.size());
  b->alloc = int64_t(data.size() + 1);
  return b;
}

void init_bytearray_type() {
  TypeSlots& s = bytearray_slots;
  s.name = "bytearray";
  s.dealloc = bytearray_dealloc;
  s.repr = bytearray_repr;
  s.str = bytearray_repr;  // bytearray_str, as bytes_str
  s.richcompare = bytearray_richcompare;
  s.length = bytearray_length;
  s.concat = bytearray_concat;
  s.number[size_t(BinaryOp::Remainder)] = bytearray_remainder;
  s.inplace_concat = bytearray_inplace_concat;
  s.repeat = bytearray_repeat;
  s.inplace_repeat = bytearray_inplace_repeat;
  s.getitem = bytearray_subscript;
  s.setitem = bytearray_ass_subscript;
  s.contains = bytearray_contains;
  s.iter = bytearray_iter;
  s.size_of = bytearray_size_of;
  s.construct = bytearray_construct;
  s.new_instance = bytearray_new_instance;
  s.init = bytearray_init;
  register_type_slots(g_rt->types.bytearray, &bytearray_slots);
  add_methods(g_rt->types.bytearray, kByteStringMethods, kByteStringMethodCount);
  add_methods(g_rt->types.bytearray, kByteStringTextMethods, kByteStringTextMethodCount);
  add_methods(g_rt->types.bytearray, kByteArrayMethods, std::size(kByteArrayMethods));
}

}  // namespace heaplab
