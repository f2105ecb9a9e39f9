// The object header and references, laid out as CPython 3.12 on x86-64.
//
// Every Python object lives in the region. Inside the region, a reference is
// an 8-byte offset from the region's base (0 is NULL), never a host pointer,
// so a program builds the same bytes natively and in WebAssembly. C++ code
// works with host pointers (base + offset): the base never moves.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/memory/heap.h"

namespace heaplab {

using memory::Addr;

// The base of the active runtime's region (see Runtime::activate).
extern uint8_t* g_region_base;

template <class T>
inline T* at(Addr a) {
  return a ? reinterpret_cast<T*>(g_region_base + a) : nullptr;
}
inline Addr addr_of(const void* p) {
  return p ? Addr(static_cast<const uint8_t*>(p) - g_region_base) : 0;
}

// A reference field stored in the region.
template <class T>
struct Ref {
  Addr addr;
  T* get() const { return at<T>(addr); }
  void set(const T* p) { addr = addr_of(p); }
  T* operator->() const { return get(); }
  explicit operator bool() const { return addr != 0; }
};

struct TypeObject;

// What id() returns and reprs show: the region offset placed at a fixed,
// address-like base, identical natively and in WebAssembly.
constexpr uint64_t kIdBase = 0x7f0000000000ull;

// PyObject: ob_refcnt, ob_type.
struct Object {
  uint64_t refcnt;
  Ref<TypeObject> type;
};

// PyVarObject: adds ob_size.
struct VarObject : Object {
  int64_t size;
};

// The GC header (PyGC_Head) that precedes every object of a GC type:
// the doubly linked generation list, and the gc_refs scratch of a collection.
struct GCHeader {
  uint64_t next;  // offset of the next GCHeader, low bits hold collector flags
  uint64_t prev;  // offset of the previous GCHeader, low bits hold gc_refs state
};

inline GCHeader* gc_header(Object* o) { return reinterpret_cast<GCHeader*>(o) - 1; }
inline Object* gc_object(GCHeader* g) { return reinterpret_cast<Object*>(g + 1); }

// 3.12 immortal objects: refcount UINT_MAX, incref and decref leave it alone.
constexpr uint64_t kImmortalRefcnt = 0xFFFFFFFFu;

inline bool is_immortal(const Object* o) { return int32_t(uint32_t(o->refcnt)) < 0; }

void dealloc(Object* o);  // calls the type's deallocator (type.cpp)

inline void incref(Object* o) {
  if (is_immortal(o)) return;
  ++o->refcnt;
}
inline void xincref(Object* o) {
  if (o) incref(o);
}
inline void decref(Object* o) {
  if (is_immortal(o)) return;
  if (--o->refcnt == 0) dealloc(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}
template <class T>
inline T* newref(T* o) {
  incref(o);
  return o;
}

// Replaces a reference field's target, releasing the old one last (as
// Py_SETREF: a destructor run by the decref must see the new value).
template <class T>
inline void set_ref(Ref<T>& field, T* value) {
  Object* old = reinterpret_cast<Object*>(field.get());
  field.set(value);
  xdecref(old);
}

}  // namespace heaplab
