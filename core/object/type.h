// Type objects. The part a program can observe (name, sizes, flags, base,
// attribute dict, mro) lives in the region like any object; the behaviour
// (CPython's tp_* function slots) lives on the host in a TypeSlots table the
// type refers to by index, because host function pointers differ between the
// native and WebAssembly builds.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };  // CPython's Py_LT..Py_GE order

// The numeric binary operators, in the order of CPython's NB_* opargs.
enum class BinaryOp : uint8_t {
  Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift,
  Subtract, TrueDivide, Xor, Count
};

using VisitFn = void (*)(Object* referent, void* arg);

// Vectorcall: positional args then keyword values; kwnames is a tuple of the
// keyword names (nullptr when there are none).
using CallFn = Object* (*)(Object* callable, Object* const* args, size_t nargs, Object* kwnames);
using BinaryFn = Object* (*)(Object*, Object*);
using UnaryFn = Object* (*)(Object*);

struct TypeSlots {
  const char* name = nullptr;
  void (*dealloc)(Object*) = nullptr;
  // Visits every reference the object owns (tp_traverse, but for all types:
  // the heap audit counts references through it).
  void (*traverse)(Object*, VisitFn, void*) = nullptr;
  // Drops the references that can form cycles (tp_clear), for the collector.
  void (*clear)(Object*) = nullptr;
  // PEP 442 finalizer (tp_finalize): a class's __del__. Called at most once.
  void (*finalize)(Object*) = nullptr;
  Object* (*repr)(Object*) = nullptr;
  Object* (*str)(Object*) = nullptr;
  int64_t (*hash)(Object*) = nullptr;  // -1 with an exception set on error
  Object* (*richcompare)(Object*, Object*, CompareOp) = nullptr;
  int (*truth)(Object*) = nullptr;        // 1, 0, or -1 on error
  int64_t (*length)(Object*) = nullptr;   // -1 on error
  BinaryFn number[size_t(BinaryOp::Count)] = {};
  // In-place operators that mutate their left operand (set |=, dict |=);
  // without one, `a op= b` falls back to the binary operator.
  BinaryFn inplace_number[size_t(BinaryOp::Count)] = {};
  UnaryFn negative = nullptr;
  UnaryFn positive = nullptr;
  UnaryFn invert = nullptr;
  UnaryFn index = nullptr;                // __index__, returns an int
  BinaryFn concat = nullptr;              // sequence + (sq_concat)
  BinaryFn inplace_concat = nullptr;      // sequence += (sq_inplace_concat)
  Object* (*inplace_repeat)(Object*, int64_t) = nullptr;  // sequence *= n (sq_inplace_repeat)
  Object* (*repeat)(Object*, int64_t) = nullptr;  // sequence * n (sq_repeat)
  Object* (*getitem)(Object*, Object*) = nullptr;
  int (*setitem)(Object*, Object* key, Object* value) = nullptr;  // value nullptr: delete
  int (*contains)(Object*, Object*) = nullptr;                      // 1, 0, -1
  Object* (*getattr)(Object*, Object* name) = nullptr;
  int (*setattr)(Object*, Object* name, Object* value) = nullptr;  // value nullptr: delete
  CallFn call = nullptr;
  Object* (*iter)(Object*) = nullptr;
  Object* (*iternext)(Object*) = nullptr;  // nullptr without exception: exhausted
  size_t (*size_of)(Object*) = nullptr;    // __sizeof__; default basicsize + itemsize*size
  // Descriptors (tp_descr_get / tp_descr_set): functions bind to instances,
  // properties compute, slot members read the instance's field.
  Object* (*descr_get)(Object* descr, Object* obj, Object* type) = nullptr;
  int (*descr_set)(Object* descr, Object* obj, Object* value) = nullptr;  // value nullptr: delete
  // Calling the type: tp_new and tp_init in one (int('5'), list(x), ...).
  Object* (*construct)(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) = nullptr;
  // tp_new and tp_init apart, for classes deriving from the type and for its
  // __new__ and __init__ attributes: new_instance makes an instance of `type`
  // (the type itself or a class deriving from it).
  Object* (*new_instance)(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) = nullptr;
  int (*init)(Object* self, Object* const* args, size_t nargs, Object* kwnames) = nullptr;  // -1 on error
};

// Type flags with CPython's bit values.
enum TypeFlags : uint64_t {
  kTypeManagedWeakref = 1ull << 3,  // __weakref__ lives in the pre-header
  kTypeManagedDict = 1ull << 4,     // __dict__ lives in the pre-header
  kTypeHaveGC = 1ull << 14,
  kTypeBaseType = 1ull << 10,
  kTypeIsAbstract = 1ull << 20,  // __abstractmethods__ is non-empty: no instances
  kTypeHeapType = 1ull << 9,
  kTypeLongSubclass = 1ull << 24,
  kTypeListSubclass = 1ull << 25,
  kTypeTupleSubclass = 1ull << 26,
  kTypeBytesSubclass = 1ull << 27,
  kTypeUnicodeSubclass = 1ull << 28,
  kTypeDictSubclass = 1ull << 29,
  kTypeBaseExcSubclass = 1ull << 30,
  kTypeTypeSubclass = 1ull << 31,
};

struct TypeObject : VarObject {
  Ref<Object> name;  // str
  uint64_t basicsize;
  uint64_t itemsize;
  uint64_t flags;
  Ref<TypeObject> base;
  Ref<Object> dict;  // attributes: methods, descriptors, class variables
  Ref<Object> mro;   // tuple of types, this one first
  uint64_t slots_index;
  Ref<Object> bases;     // tuple (classes); static types have only `base`
  Ref<Object> qualname;  // str (classes)
  int64_t weaklistoffset;  // offset of the weakref list field, 0 if none (managed: see flags)
  int64_t dictoffset;      // offset of the __dict__ field, 0 if none (managed: see flags)
  Ref<Object> weakreflist;  // weak references to this type (tp_weaklist)
  Ref<Object> subclasses;   // dict: id -> weak reference to each direct subclass
  Addr cached_keys;        // ht_cached_keys: the shared keys of a managed __dict__ (instance_dict.h)
};

// 3.12's pre-header of instances with a managed __dict__ or __weakref__: two
// fields before the GC header, the weakref list first (_PyObject_GET_WEAKREFS_LISTPTR).
struct PreHeader {
  Addr weakreflist;
  Addr dict;  // the materialized __dict__, or 0
};
constexpr uint64_t kTypePreHeader = kTypeManagedWeakref | kTypeManagedDict;

inline size_t preheader_size(const TypeObject* t) {
  return ((t->flags & kTypeHaveGC) ? 16 : 0) + ((t->flags & kTypePreHeader) ? sizeof(PreHeader) : 0);
}
inline PreHeader* preheader(Object* o) {
  return reinterpret_cast<PreHeader*>(reinterpret_cast<uint8_t*>(o) - preheader_size(o->type.get()));
}

// Host-side behaviour of each type, indexed by TypeObject::slots_index: the
// active runtime's table (built-in types register in a fixed order, so their
// indexes are the same in every runtime; classes append theirs).
extern TypeSlots** g_type_slots;
// Gives a type its behaviour (registered once per runtime).
void register_type_slots(TypeObject* type, TypeSlots* slots);

inline const TypeSlots& slots_of(const TypeObject* t) { return *g_type_slots[t->slots_index]; }
inline const TypeSlots& slots_of(const Object* o) { return slots_of(o->type.get()); }
inline TypeObject* type_of(const Object* o) { return o->type.get(); }
inline bool has_gc(const TypeObject* t) { return t->flags & kTypeHaveGC; }

// True when `t` is `base` or derives from it (walks the mro).
bool is_subtype(const TypeObject* t, const TypeObject* base);
inline bool is_instance(const Object* o, const TypeObject* t) {
  return type_of(o) == t || is_subtype(type_of(o), t);
}

const char* type_name(const TypeObject* t);
inline const char* type_name(const Object* o) { return type_name(type_of(o)); }

// Looks an attribute up along the type's mro (borrowed reference, or nullptr).
Object* type_lookup(const TypeObject* t, Object* name);
// class_lookup (heap_type.h) for an interned name.
Object* class_lookup_interned(const TypeObject* t, Object* name);
// Forgets every cached type_lookup result: a type's namespace, mro or life
// changed (the dicts of types call it themselves, see dict_watch_for_types),
// or another runtime became active.
extern uint64_t g_type_cache_epoch;
inline void type_cache_invalidate() { ++g_type_cache_epoch; }

}  // namespace heaplab
