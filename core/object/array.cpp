#include "core/object/array.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/float_format.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// arrayiterobject: the index, the array (0 once exhausted) and CPython's
// getitem function pointer (unused here, kept for the size).
struct ArrayIterObject : Object {
  int64_t index;
  Ref<Object> ao;
  uint64_t getitem;
};
static_assert(sizeof(ArrayIterObject) == 40);

constexpr std::string_view kTypecodes = "bBuhHiIlLqQfd";

size_t itemsize_of(char c) {
  switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'u': case 'i': case 'I': case 'f': return 4;
    default: return 8;  // l L q Q d
  }
}

ArrayObject* as_array(Object* o) { return static_cast<ArrayObject*>(o); }
char code(const ArrayObject* a) { return char(a->typecode); }
size_t itemsize(const ArrayObject* a) { return itemsize_of(code(a)); }
uint8_t* items(const ArrayObject* a) { return at<uint8_t>(a->ob_item); }
bool is_array(const Object* o) { return is_instance(o, g_rt->types.array); }

// ---- Converting items ----

// The value of an int whose magnitude fits in 64 bits; false when it does not.
bool int_magnitude_u64(const IntObject* v, uint64_t* out) {
  size_t n = int_ndigits(v);
  const uint32_t* digits = v->digit;  // n of them: the array is allocated past its declared size
  if (n > 3 || (n == 3 && digits[2] >= 16)) return false;
  uint64_t m = 0;
  for (size_t i = n; i-- > 0;) m = (m << kDigitBits) | digits[i];
  *out = m;
  return true;
}

// The int value of an array item (__index__), or false with TypeError set.
IntObject* item_int(Object* v) {
  if (int_is_int(v)) return static_cast<IntObject*>(newref(v));
  if (slots_of(v).index) return static_cast<IntObject*>(slots_of(v).index(v));
  set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  return nullptr;
}

// Range checks with the messages of PyArg_Parse's format units, in the order
// CPython's setitem functions apply them.
bool check_signed(IntObject* v, int64_t* out, const char* c_type, int64_t lo, int64_t hi) {
  if (!int_as_i64(v, out)) {
    set_error(g_rt->types.OverflowError, "Python int too large to convert to C long");
    return false;
  }
  if (*out < lo || *out > hi) {
    set_error(g_rt->types.OverflowError, "%s is %s", c_type, *out < lo ? "less than minimum" : "greater than maximum");
    return false;
  }
  return true;
}

template <class T, class V>
void put(uint8_t* p, V v) {
  T t = T(v);
  std::memcpy(p, &t, sizeof(T));
}

// Packs `v` into slot i (i < 0: only validates).
bool store(ArrayObject* a, int64_t i, Object* v) {
  char c = code(a);
  uint8_t* p = i >= 0 ? items(a) + size_t(i) * itemsize(a) : nullptr;
  if (c == 'f' || c == 'd') {
    double x;
    if (is_float(v)) {
      x = float_value(v);
    } else if (int_is_int(v)) {
      bool overflow = false;
      x = int_as_double(static_cast<IntObject*>(v), &overflow);
      if (overflow) {
        set_error(g_rt->types.OverflowError, "int too large to convert to float");
        return false;
      }
    } else {
      set_error(g_rt->types.TypeError, "must be real number, not %s", type_name(v));
      return false;
    }
    if (!p) return true;
    if (c == 'f') {
      float f = float(x);
      std::memcpy(p, &f, 4);
    } else {
      std::memcpy(p, &x, 8);
    }
    return true;
  }
  if (c == 'u') {
    auto* str = is_str(v) ? static_cast<StrObject*>(v) : nullptr;
    if (!str || str->length != 1) {
      set_error(g_rt->types.TypeError, "array item must be unicode character");
      return false;
    }
    if (p) put<uint32_t>(p, str_char(str, 0));
    return true;
  }
  IntObject* n = item_int(v);
  if (!n) return false;
  bool ok = true;
  int64_t s = 0;
  uint64_t u = 0;
  switch (c) {
    case 'b':
      ok = check_signed(n, &s, "signed short integer", INT16_MIN, INT16_MAX) &&
           check_signed(n, &s, "signed char", INT8_MIN, INT8_MAX);
      if (ok && p) *reinterpret_cast<int8_t*>(p) = int8_t(s);
      break;
    case 'B':
      ok = check_signed(n, &s, "unsigned byte integer", 0, UINT8_MAX);
      if (ok && p) *p = uint8_t(s);
      break;
    case 'h':
      ok = check_signed(n, &s, "signed short integer", INT16_MIN, INT16_MAX);
      if (ok && p) put<int16_t>(p, s);
      break;
    case 'H':
      ok = check_signed(n, &s, "signed integer", INT32_MIN, INT32_MAX) &&
           check_signed(n, &s, "unsigned short", 0, UINT16_MAX);
      if (ok && p) put<uint16_t>(p, s);
      break;
    case 'i':
      ok = check_signed(n, &s, "signed integer", INT32_MIN, INT32_MAX);
      if (ok && p) put<int32_t>(p, s);
      break;
    case 'l':
      ok = check_signed(n, &s, "C long", INT64_MIN, INT64_MAX);
      if (ok && p) std::memcpy(p, &s, 8);
      break;
    case 'q':
      if (!int_as_i64(n, &s)) {
        set_error(g_rt->types.OverflowError, "int too big to convert");
        ok = false;
      }
      if (ok && p) std::memcpy(p, &s, 8);
      break;
    case 'I':
    case 'L':
      if (int_sign(n) < 0) {
        set_error(g_rt->types.OverflowError, "can't convert negative value to unsigned int");
        ok = false;
      } else if (!int_magnitude_u64(n, &u)) {
        set_error(g_rt->types.OverflowError, "Python int too large to convert to C unsigned long");
        ok = false;
      } else if (c == 'I' && u > UINT32_MAX) {
        set_error(g_rt->types.OverflowError, "unsigned int is greater than maximum");
        ok = false;
      }
      if (ok && p) {
        if (c == 'I') put<uint32_t>(p, u);
        else put<uint64_t>(p, u);
      }
      break;
    default:  // 'Q'
      if (int_sign(n) < 0) {
        set_error(g_rt->types.OverflowError, "can't convert negative int to unsigned");
        ok = false;
      } else if (!int_magnitude_u64(n, &u)) {
        set_error(g_rt->types.OverflowError, "int too big to convert");
        ok = false;
      }
      if (ok && p) std::memcpy(p, &u, 8);
      break;
  }
  decref(n);
  return ok;
}

Object* int_from_u64(uint64_t v) {
  if (v <= uint64_t(INT64_MAX)) return int_from_i64(int64_t(v));
  std::string digits = std::to_string(v);
  return int_from_digits(digits, 10, false);
}

// getarrayitem: a new object for item i.
Object* load(ArrayObject* a, int64_t i) {
  const uint8_t* p = items(a) + size_t(i) * itemsize(a);
  switch (code(a)) {
    case 'b': return int_from_i64(*reinterpret_cast<const int8_t*>(p));
    case 'B': return int_from_i64(*p);
    case 'h': { int16_t v; std::memcpy(&v, p, 2); return int_from_i64(v); }
    case 'H': { uint16_t v; std::memcpy(&v, p, 2); return int_from_i64(v); }
    case 'i': { int32_t v; std::memcpy(&v, p, 4); return int_from_i64(v); }
    case 'I': { uint32_t v; std::memcpy(&v, p, 4); return int_from_i64(v); }
    case 'l': case 'q': { int64_t v; std::memcpy(&v, p, 8); return int_from_i64(v); }
    case 'L': case 'Q': { uint64_t v; std::memcpy(&v, p, 8); return int_from_u64(v); }
    case 'f': { float v; std::memcpy(&v, p, 4); return float_from_double(double(v)); }
    case 'd': { double v; std::memcpy(&v, p, 8); return float_from_double(v); }
    default: { uint32_t cp; std::memcpy(&cp, p, 4); return str_from_codepoints(&cp, 1); }
  }
}

// ---- Storage ----

// array_resize: keeps the block while it is big enough and the array does
// not shrink by 16 or more; else reallocates to newsize + newsize/16 + 3
// (7 once the array holds 8 or more).
bool array_resize(ArrayObject* a, int64_t newsize) {
  if (a->allocated >= newsize && a->size < newsize + 16 && a->ob_item) {
    a->size = newsize;
    return true;
  }
  if (newsize == 0) {
    mem_free(a->ob_item);
    a->ob_item = 0;
    a->size = 0;
    a->allocated = 0;
    return true;
  }
  int64_t new_allocated = (newsize >> 4) + (a->size < 8 ? 3 : 7) + newsize;
  if (new_allocated > (int64_t(1) << 36) / int64_t(itemsize(a))) {
    set_memory_error();
    return false;
  }
  Addr block = mem_realloc(a->ob_item, size_t(new_allocated) * itemsize(a));
  if (!block) {
    set_memory_error();
    return false;
  }
  a->ob_item = block;
  a->size = newsize;
  a->allocated = new_allocated;
  return true;
}

// newarrayobject: room for exactly `size` items.
ArrayObject* new_array(TypeObject* type, int64_t size, char c) {
  if (size > (int64_t(1) << 36) / int64_t(itemsize_of(c))) return static_cast<ArrayObject*>(set_memory_error());
  auto* a = static_cast<ArrayObject*>(new_object(type, type->basicsize));
  if (!a) return nullptr;
  a->typecode = uint64_t(uint8_t(c));
  a->size = size;
  a->allocated = size;
  if (size > 0) {
    a->ob_item = mem_alloc(size_t(size) * itemsize_of(c));
    if (!a->ob_item) {
      decref(a);
      return static_cast<ArrayObject*>(set_memory_error());
    }
  }
  gc_track(a);
  return a;
}

// ins1: validates first, then makes room.
bool insert_item(ArrayObject* a, int64_t where, Object* v) {
  if (!store(a, -1, v)) return false;
  int64_t n = a->size;
  if (!array_resize(a, n + 1)) return false;
  if (where < 0) where = std::max<int64_t>(where + n, 0);
  where = std::min(where, n);
  size_t is = itemsize(a);
  std::memmove(items(a) + size_t(where + 1) * is, items(a) + size_t(where) * is, size_t(n - where) * is);
  return store(a, where, v);
}

bool iter_extend(ArrayObject* a, Object* it) {
  while (Object* v = iter_next(it)) {
    bool ok = insert_item(a, a->size, v);
    decref(v);
    if (!ok) return false;
  }
  return !error_occurred();
}

bool del_slice(ArrayObject* a, int64_t lo, int64_t hi) {
  lo = std::clamp<int64_t>(lo, 0, a->size);
  hi = std::clamp<int64_t>(hi, lo, a->size);
  size_t is = itemsize(a);
  std::memmove(items(a) + size_t(lo) * is, items(a) + size_t(hi) * is, size_t(a->size - hi) * is);
  return array_resize(a, a->size - (hi - lo));
}

bool do_extend(ArrayObject* a, Object* bb) {
  if (!is_array(bb)) {
    Object* it = object_iter(bb);
    if (!it) return false;
    bool ok = iter_extend(a, it);
    decref(it);
    return ok;
  }
  ArrayObject* b = as_array(bb);
  if (code(a) != code(b)) {
    set_error(g_rt->types.TypeError, "can only extend with array of same kind");
    return false;
  }
  int64_t old = a->size, n = b->size;
  if (!array_resize(a, old + n)) return false;
  if (n) std::memmove(items(a) + size_t(old) * itemsize(a), items(b), size_t(n) * itemsize(a));
  return true;
}

bool from_bytes(ArrayObject* a, Object* data) {
  std::string_view view;
  if (!bytes_like_view(data, &view)) {
    set_error(g_rt->types.TypeError, "a bytes-like object is required, not '%s'", type_name(data));
    return false;
  }
  size_t is = itemsize(a);
  if (view.size() % is) {
    set_error(g_rt->types.ValueError, "bytes length not a multiple of item size");
    return false;
  }
  int64_t n = int64_t(view.size() / is);
  if (n == 0) return true;
  std::string copy(view);  // the source may be this array's own buffer
  int64_t old = a->size;
  if (!array_resize(a, old + n)) return false;
  std::memcpy(items(a) + size_t(old) * is, copy.data(), copy.size());
  return true;
}

// ---- Slots ----

void array_dealloc(Object* o) {
  gc_untrack(o);
  ArrayObject* a = as_array(o);
  if (a->weakreflist) clear_weakrefs(o);
  mem_free(a->ob_item);
  a->ob_item = 0;
  free_object(o);
}

// Only the type, as CPython's (a heap type there).
void array_traverse(Object* o, VisitFn visit, void* arg) { visit_module_type(o, visit, arg); }

Object* array_repr(Object* o) {
  ArrayObject* a = as_array(o);
  std::string out = short_type_name(o) + "('";
  out += code(a);
  out += "'";
  if (a->size == 0) return str_from_utf8(out + ")");
  std::string body;
  if (code(a) == 'u') {
    Object* s = str_from_codepoints(reinterpret_cast<const uint32_t*>(items(a)), size_t(a->size));
    if (!s) return nullptr;
    bool ok = repr_utf8(s, &body);
    decref(s);
    if (!ok) return nullptr;
  } else {
    Object* list = list_new(0);
    if (!list) return nullptr;
    for (int64_t i = 0; i < a->size; ++i) {
      Object* v = load(a, i);
      if (!v || list_append(list, v) < 0) {
        xdecref(v);
        decref(list);
        return nullptr;
      }
      decref(v);
    }
    bool ok = repr_utf8(list, &body);
    decref(list);
    if (!ok) return nullptr;
  }
  return str_from_utf8(out + ", " + body + ")");
}

int64_t array_hash(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

int64_t array_length(Object* o) { return as_array(o)->size; }
int array_truth(Object* o) { return as_array(o)->size != 0; }

Object* array_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_array(v) || !is_array(w)) return newref(g_rt->not_implemented);
  ArrayObject *a = as_array(v), *b = as_array(w);
  if (a->size != b->size && (op == CompareOp::Eq || op == CompareOp::Ne)) return bool_obj(op == CompareOp::Ne);
  int64_t i = 0;
  for (; i < a->size && i < b->size; ++i) {
    Object* x = load(a, i);
    Object* y = x ? load(b, i) : nullptr;
    int eq = y ? object_rich_compare_bool(x, y, CompareOp::Eq) : -1;
    if (eq == 0) {
      Object* r = object_rich_compare(x, y, op);
      decref(x);
      decref(y);
      return r;
    }
    xdecref(x);
    xdecref(y);
    if (eq < 0) return nullptr;
  }
  int64_t c = a->size - b->size;
  bool r = op == CompareOp::Lt ? c < 0 : op == CompareOp::Le ? c <= 0 : op == CompareOp::Eq ? c == 0
         : op == CompareOp::Ne ? c != 0 : op == CompareOp::Gt ? c > 0 : c >= 0;
  return bool_obj(r);
}

bool array_index_arg(ArrayObject* a, Object* key, int64_t* out) {
  if (!int_is_int(key) && !slots_of(key).index) {
    set_error(g_rt->types.TypeError, "array indices must be integers");
    return false;
  }
  int64_t i;
  if (!object_as_index(key, &i)) return false;
  if (i < 0) i += a->size;
  *out = i;
  return true;
}

Object* array_getitem(Object* o, Object* key) {
  ArrayObject* a = as_array(o);
  if (is_slice(key)) {
    SliceIndices ix;
    if (!slice_indices(key, a->size, &ix)) return nullptr;
    ArrayObject* r = new_array(g_rt->types.array, ix.length, code(a));
    if (!r) return nullptr;
    size_t is = itemsize(a);
    for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step)
      std::memcpy(items(r) + size_t(i) * is, items(a) + size_t(k) * is, is);
    return r;
  }
  int64_t i;
  if (!array_index_arg(a, key, &i)) return nullptr;
  if (i < 0 || i >= a->size) return set_error(g_rt->types.IndexError, "array index out of range");
  return load(a, i);
}

int array_slice_set(ArrayObject* a, Object* key, Object* value) {
  SliceIndices ix;
  if (!slice_indices(key, a->size, &ix)) return -1;
  ArrayObject* src = nullptr;
  if (value) {
    if (!is_array(value)) {
      set_error(g_rt->types.TypeError, "can only assign array (not \"%s\") to array slice", type_name(value));
      return -1;
    }
    src = as_array(value);
    if (code(src) != code(a)) {
      set_error(g_rt->types.TypeError, "bad argument type for built-in operation");
      return -1;
    }
  }
  size_t is = itemsize(a);
  int64_t needed = src ? src->size : 0;
  std::string copy = src ? std::string(reinterpret_cast<const char*>(items(src)), size_t(needed) * is) : std::string();
  if (ix.step == 1) {
    int64_t lo = ix.start, hi = std::max(ix.stop, ix.start);
    int64_t old = a->size, d = needed - (hi - lo);
    if (d < 0) {
      std::memmove(items(a) + size_t(lo + needed) * is, items(a) + size_t(hi) * is, size_t(old - hi) * is);
      if (!array_resize(a, old + d)) return -1;
    } else if (d > 0) {
      if (!array_resize(a, old + d)) return -1;
      std::memmove(items(a) + size_t(hi + d) * is, items(a) + size_t(hi) * is, size_t(old - hi) * is);
    }
    if (needed) std::memcpy(items(a) + size_t(lo) * is, copy.data(), copy.size());
    return 0;
  }
  if (!src) {
    std::vector<uint8_t> kept;
    for (int64_t i = 0; i < a->size; ++i) {
      bool selected = ix.step > 0 ? i >= ix.start && i < ix.stop && (i - ix.start) % ix.step == 0
                                  : i <= ix.start && i > ix.stop && (ix.start - i) % -ix.step == 0;
      if (!selected) kept.insert(kept.end(), items(a) + size_t(i) * is, items(a) + size_t(i + 1) * is);
    }
    if (!kept.empty()) std::memcpy(items(a), kept.data(), kept.size());
    return array_resize(a, int64_t(kept.size() / is)) ? 0 : -1;
  }
  if (needed != ix.length) {
    set_error(g_rt->types.ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
              (long long)needed, (long long)ix.length);
    return -1;
  }
  for (int64_t i = 0, k = ix.start; i < ix.length; ++i, k += ix.step)
    std::memcpy(items(a) + size_t(k) * is, copy.data() + size_t(i) * is, is);
  return 0;
}

int array_setitem(Object* o, Object* key, Object* value) {
  ArrayObject* a = as_array(o);
  if (is_slice(key)) return array_slice_set(a, key, value);
  int64_t i;
  if (!array_index_arg(a, key, &i)) return -1;
  if (i < 0 || i >= a->size) {
    set_error(g_rt->types.IndexError, "array assignment index out of range");
    return -1;
  }
  if (!value) return del_slice(a, i, i + 1) ? 0 : -1;
  return store(a, i, value) ? 0 : -1;
}

int array_contains(Object* o, Object* v) {
  ArrayObject* a = as_array(o);
  for (int64_t i = 0; i < a->size; ++i) {
    Object* x = load(a, i);
    if (!x) return -1;
    int r = object_rich_compare_bool(x, v, CompareOp::Eq);
    decref(x);
    if (r) return r;
  }
  return 0;
}

Object* array_concat(Object* x, Object* y) {
  if (!is_array(y)) return set_error(g_rt->types.TypeError, "can only append array (not \"%s\") to array", type_name(y));
  ArrayObject *a = as_array(x), *b = as_array(y);
  if (code(a) != code(b)) return set_error(g_rt->types.TypeError, "bad argument type for built-in operation");
  ArrayObject* r = new_array(g_rt->types.array, a->size + b->size, code(a));
  if (!r) return nullptr;
  size_t is = itemsize(a);
  if (a->size) std::memcpy(items(r), items(a), size_t(a->size) * is);
  if (b->size) std::memcpy(items(r) + size_t(a->size) * is, items(b), size_t(b->size) * is);
  return r;
}

Object* array_repeat(Object* o, int64_t n) {
  ArrayObject* a = as_array(o);
  if (n < 0) n = 0;
  if (a->size && n > (int64_t(1) << 36) / a->size) return set_memory_error();
  ArrayObject* r = new_array(g_rt->types.array, a->size * n, code(a));
  if (!r) return nullptr;
  size_t bytes = size_t(a->size) * itemsize(a);
  for (int64_t k = 0; k < n; ++k) std::memcpy(items(r) + size_t(k) * bytes, items(a), bytes);
  return r;
}

Object* array_inplace_concat(Object* o, Object* b) {
  if (!is_array(b)) {
    return set_error(g_rt->types.TypeError, "can only extend array with array (not \"%s\")", type_name(b));
  }
  if (!do_extend(as_array(o), b)) return nullptr;
  return newref(o);
}

Object* array_inplace_repeat(Object* o, int64_t n) {
  ArrayObject* a = as_array(o);
  if (n <= 0) {
    if (!array_resize(a, 0)) return nullptr;
    return newref(o);
  }
  int64_t size = a->size;
  if (size == 0 || n == 1) return newref(o);
  if (n > (int64_t(1) << 36) / size) return set_memory_error();
  if (!array_resize(a, size * n)) return nullptr;
  size_t bytes = size_t(size) * itemsize(a);
  for (int64_t k = 1; k < n; ++k) std::memcpy(items(a) + size_t(k) * bytes, items(a), bytes);
  return newref(o);
}

size_t array_size_of(Object* o) {
  ArrayObject* a = as_array(o);
  return size_t(type_of(o)->basicsize) + size_t(a->allocated) * itemsize(a);
}

Object* array_iter(Object* o);

Object* array_getattr(Object* o, Object* name) {
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "typecode") return str_char_object(uint32_t(code(as_array(o))));
  if (n == "itemsize") return int_from_i64(int64_t(itemsize(as_array(o))));
  return generic_getattr(o, name);
}

// array(typecode[, initializer])
Object* array_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) return set_error(g_rt->types.TypeError, "array.array() takes no keyword arguments");
  if (nargs < 1) return set_error(g_rt->types.TypeError, "array() takes at least 1 argument (0 given)");
  if (nargs > 2) return set_error(g_rt->types.TypeError, "array() takes at most 2 arguments (%zu given)", nargs);
  Object* tc = args[0];
  int64_t tc_len = is_str(tc) ? object_length(tc) : -1;
  if (tc_len != 1) {
    return set_error(g_rt->types.TypeError, "array() argument 1 must be a unicode character, not %s",
                     is_str(tc) ? "str" : type_name(tc));
  }
  std::string tcs = str_to_utf8(static_cast<StrObject*>(tc));
  char c = tcs.size() == 1 ? tcs[0] : '?';
  if (kTypecodes.find(c) == std::string_view::npos) {
    return set_error(g_rt->types.ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  Object* initial = nargs > 1 ? args[1] : nullptr;
  if (initial && c != 'u') {
    if (is_str(initial)) {
      return set_error(g_rt->types.TypeError, "cannot use a str to initialize an array with typecode '%c'", c);
    }
    if (is_array(initial) && code(as_array(initial)) == 'u') {
      return set_error(g_rt->types.TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", c);
    }
  }
  bool direct = !initial || is_list(initial) || is_tuple(initial) || type_of(initial) == g_rt->types.bytes ||
                type_of(initial) == g_rt->types.bytearray || (c == 'u' && is_str(initial)) ||
                (is_array(initial) && code(as_array(initial)) == c);
  Object* it = nullptr;
  if (!direct) {
    it = object_iter(initial);
    if (!it) return nullptr;
    initial = nullptr;
  }
  int64_t len = 0;
  if (initial && (is_list(initial) || is_tuple(initial) || is_array(initial) || is_str(initial))) len = object_length(initial);
  ArrayObject* a = new_array(type, len, c);
  bool ok = a != nullptr;
  if (ok && len > 0 && is_str(initial)) {  // the code points, in a block of exactly their size
    auto* str = static_cast<StrObject*>(initial);
    for (int64_t i = 0; i < len; ++i) put<uint32_t>(items(a) + size_t(i) * 4, str_char(str, i));
  } else if (ok && len > 0 && !is_array(initial)) {
    for (int64_t i = 0; ok && i < len; ++i) {
      Object* v = is_list(initial) ? newref(list_item(static_cast<ListObject*>(initial), i))
                                   : newref(tuple_item(static_cast<TupleObject*>(initial), i));
      ok = store(a, i, v);
      decref(v);
    }
  } else if (ok && initial && (type_of(initial) == g_rt->types.bytes || type_of(initial) == g_rt->types.bytearray)) {
    ok = from_bytes(a, initial);
  } else if (ok && initial && len > 0) {
    std::memcpy(items(a), items(as_array(initial)), size_t(len) * itemsize(a));
  }
  if (ok && it) ok = iter_extend(a, it);
  xdecref(it);
  if (!ok) {
    xdecref(a);
    return nullptr;
  }
  return a;
}

// ---- Methods ----

#define ARRAY_METHOD(name) Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

bool arity(const char* name, Object* kwnames, size_t nargs, size_t min, size_t max) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, min, max);
}

ARRAY_METHOD(m_append) {
  if (!arity("array.append", kwnames, nargs, 1, 1)) return nullptr;
  return insert_item(as_array(self), as_array(self)->size, args[0]) ? none() : nullptr;
}

ARRAY_METHOD(m_insert) {
  if (!check_no_kwargs("insert", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "insert expected 2 arguments, got %zu", nargs);
  int64_t i;
  if (!object_as_index(args[0], &i)) return nullptr;
  return insert_item(as_array(self), i, args[1]) ? none() : nullptr;
}

ARRAY_METHOD(m_extend) {
  if (!check_no_kwargs("extend", kwnames)) return nullptr;
  if (nargs != 1) return set_error(g_rt->types.TypeError, "extend() takes exactly 1 positional argument (%zu given)", nargs);
  return do_extend(as_array(self), args[0]) ? none() : nullptr;
}

ARRAY_METHOD(m_pop) {
  if (!arity("pop", kwnames, nargs, 0, 1)) return nullptr;
  ArrayObject* a = as_array(self);
  int64_t i = -1;
  if (nargs && !ssize_arg(args[0], &i)) return nullptr;
  if (a->size == 0) return set_error(g_rt->types.IndexError, "pop from empty array");
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return set_error(g_rt->types.IndexError, "pop index out of range");
  Object* v = load(a, i);
  if (!v) return nullptr;
  if (!del_slice(a, i, i + 1)) {
    decref(v);
    return nullptr;
  }
  return v;
}

// The first index of x at or after `start`, -1 when absent, -2 on error.
int64_t find(ArrayObject* a, Object* x, int64_t start, int64_t stop) {
  for (int64_t i = start; i < std::min(stop, a->size); ++i) {
    Object* v = load(a, i);
    if (!v) return -2;
    int r = object_rich_compare_bool(v, x, CompareOp::Eq);
    decref(v);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

ARRAY_METHOD(m_remove) {
  if (!arity("array.remove", kwnames, nargs, 1, 1)) return nullptr;
  ArrayObject* a = as_array(self);
  int64_t i = find(a, args[0], 0, a->size);
  if (i == -2) return nullptr;
  if (i < 0) return set_error(g_rt->types.ValueError, "array.remove(x): x not in array");
  return del_slice(a, i, i + 1) ? none() : nullptr;
}

ARRAY_METHOD(m_index) {
  if (!arity("index", kwnames, nargs, 1, 3)) return nullptr;
  ArrayObject* a = as_array(self);
  int64_t start = 0, stop = a->size;
  if (nargs > 1 && !object_as_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !object_as_index(args[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(start + a->size, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + a->size, 0);
  int64_t i = find(a, args[0], start, stop);
  if (i == -2) return nullptr;
  if (i < 0) return set_error(g_rt->types.ValueError, "array.index(x): x not in array");
  return int_from_i64(i);
}

ARRAY_METHOD(m_count) {
  if (!arity("array.count", kwnames, nargs, 1, 1)) return nullptr;
  ArrayObject* a = as_array(self);
  int64_t count = 0;
  for (int64_t i = 0; i < a->size; ++i) {
    Object* v = load(a, i);
    if (!v) return nullptr;
    int r = object_rich_compare_bool(v, args[0], CompareOp::Eq);
    decref(v);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_i64(count);
}

Object* m_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.reverse", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  size_t is = itemsize(a);
  uint8_t tmp[8];
  for (int64_t i = 0, j = a->size - 1; i < j; ++i, --j) {
    std::memcpy(tmp, items(a) + size_t(i) * is, is);
    std::memcpy(items(a) + size_t(i) * is, items(a) + size_t(j) * is, is);
    std::memcpy(items(a) + size_t(j) * is, tmp, is);
  }
  return none();
}

Object* m_byteswap(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.byteswap", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  size_t is = itemsize(a);
  for (int64_t i = 0; i < a->size; ++i) std::reverse(items(a) + size_t(i) * is, items(a) + size_t(i + 1) * is);
  return none();
}

Object* m_tolist(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.tolist", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  ListObject* list = list_new(a->size);
  if (!list) return nullptr;
  for (int64_t i = 0; i < a->size; ++i) {
    Object* v = load(a, i);
    if (!v) {
      decref(list);
      return nullptr;
    }
    list_items(list)[i] = addr_of(v);
  }
  return list;
}

ARRAY_METHOD(m_fromlist) {
  if (!arity("array.fromlist", kwnames, nargs, 1, 1)) return nullptr;
  ArrayObject* a = as_array(self);
  if (!is_list(args[0])) return set_error(g_rt->types.TypeError, "arg must be list");
  auto* list = static_cast<ListObject*>(args[0]);
  int64_t n = list->size, old = a->size;
  if (n == 0) return none();
  if (!array_resize(a, old + n)) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    if (!store(a, old + i, list_item(list, i))) {
      array_resize(a, old);
      return nullptr;
    }
  }
  return none();
}

Object* m_tobytes(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.tobytes", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  return bytes_from_data({reinterpret_cast<const char*>(items(a)), size_t(a->size) * itemsize(a)});
}

ARRAY_METHOD(m_frombytes) {
  if (!arity("array.frombytes", kwnames, nargs, 1, 1)) return nullptr;
  return from_bytes(as_array(self), args[0]) ? none() : nullptr;
}

Object* m_tounicode(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.tounicode", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  if (code(a) != 'u') return set_error(g_rt->types.ValueError, "tounicode() may only be called on unicode type arrays");
  return str_from_codepoints(reinterpret_cast<const uint32_t*>(items(a)), size_t(a->size));
}

ARRAY_METHOD(m_fromunicode) {
  if (!arity("array.fromunicode", kwnames, nargs, 1, 1)) return nullptr;
  ArrayObject* a = as_array(self);
  if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]));
  if (code(a) != 'u') return set_error(g_rt->types.ValueError, "fromunicode() may only be called on unicode type arrays");
  auto* str = static_cast<StrObject*>(args[0]);
  int64_t old = a->size;
  if (str->length == 0) return none();
  if (!array_resize(a, old + str->length)) return nullptr;
  for (int64_t i = 0; i < str->length; ++i) put<uint32_t>(items(a) + size_t(old + i) * 4, str_char(str, i));
  return none();
}

// buffer_info(): the address of the items (region offsets shown at the id base, as id()) and the length.
Object* m_buffer_info(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.buffer_info", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  Object* pair[2] = {int_from_i64(a->ob_item ? int64_t(kIdBase + a->ob_item) : 0), int_from_i64(a->size)};
  if (!pair[0] || !pair[1]) {
    xdecref(pair[0]);
    xdecref(pair[1]);
    return nullptr;
  }
  Object* r = tuple_from_array(pair, 2);
  decref(pair[0]);
  decref(pair[1]);
  return r;
}

Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.__copy__", kwnames, nargs, 0, 0)) return nullptr;
  ArrayObject* a = as_array(self);
  ArrayObject* r = new_array(g_rt->types.array, a->size, code(a));
  if (r && a->size) std::memcpy(items(r), items(a), size_t(a->size) * itemsize(a));
  return r;
}

Object* m_sizeof(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!arity("array.__sizeof__", kwnames, nargs, 0, 0)) return nullptr;
  return int_from_i64(int64_t(array_size_of(self)));
}

const NativeFunctionDef kArrayMethods[] = {
    {"append", m_append},       {"insert", m_insert},     {"extend", m_extend},   {"pop", m_pop},
    {"remove", m_remove},       {"index", m_index},       {"count", m_count},     {"reverse", m_reverse},
    {"byteswap", m_byteswap},   {"tolist", m_tolist},     {"fromlist", m_fromlist}, {"tobytes", m_tobytes},
    {"frombytes", m_frombytes}, {"tounicode", m_tounicode},   {"fromunicode", m_fromunicode},
    {"buffer_info", m_buffer_info}, {"__copy__", m_copy}, {"__sizeof__", m_sizeof},
};

// ---- arrayiterator ----

Object* array_iter(Object* o) {
  auto* it = static_cast<ArrayIterObject*>(new_object(g_rt->types.array_iterator, sizeof(ArrayIterObject)));
  if (!it) return nullptr;
  it->ao.set(newref(o));
  gc_track(it);
  return it;
}

Object* arrayiter_next(Object* o) {
  auto* it = static_cast<ArrayIterObject*>(o);
  Object* ao = it->ao.get();
  if (!ao) return nullptr;
  if (it->index < as_array(ao)->size) return load(as_array(ao), it->index++);
  it->ao.set(nullptr);
  decref(ao);
  return nullptr;
}

Object* arrayiter_self(Object* o) { return newref(o); }

void arrayiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* it = static_cast<ArrayIterObject*>(o);
  Object* ao = it->ao.get();
  it->ao.set(nullptr);
  xdecref(ao);
  free_object(o);
}

void arrayiter_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  if (Object* ao = static_cast<ArrayIterObject*>(o)->ao.get()) visit(ao, arg);
}

TypeSlots array_slots, arrayiter_slots;

TypeObject* new_type(TypeSlots& slots, uint64_t basicsize, uint64_t flags) {
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = basicsize;
  t->flags = flags;
  register_type_slots(t, &slots);
  return t;
}

}  // namespace

void init_array_types() {
  TypeSlots& s = array_slots;
  s.name = "array.array";
  s.dealloc = array_dealloc;
  s.traverse = array_traverse;
  s.repr = array_repr;
  s.hash = array_hash;
  s.richcompare = array_richcompare;
  s.length = array_length;
  s.truth = array_truth;
  s.getitem = array_getitem;
  s.setitem = array_setitem;
  s.contains = array_contains;
  s.concat = array_concat;
  s.repeat = array_repeat;
  s.inplace_concat = array_inplace_concat;
  s.inplace_repeat = array_inplace_repeat;
  s.getattr = array_getattr;
  s.iter = array_iter;
  s.size_of = array_size_of;
  s.construct = via_tp_call<array_construct>;
  s.new_instance = array_construct;  // array has no __init__: __new__ does it all
  BuiltinTypes& t = g_rt->types;
  t.array = new_type(s, sizeof(ArrayObject), kTypeHaveGC | kTypeBaseType);
  t.array->weaklistoffset = weaklist_field_offset(&ArrayObject::weakreflist);
  add_methods(t.array, kArrayMethods, std::size(kArrayMethods));

  TypeSlots& i = arrayiter_slots;
  i.name = "array.arrayiterator";
  i.dealloc = arrayiter_dealloc;
  i.traverse = arrayiter_traverse;
  i.iter = arrayiter_self;
  i.iternext = arrayiter_next;
  t.array_iterator = new_type(i, sizeof(ArrayIterObject), kTypeHaveGC);
}

}  // namespace heaplab
