// Weak references (CPython 3.12's Objects/weakrefobject.c): weakref.ref,
// weakref.proxy and the callable proxy, the per-object list of weak
// references, and PyObject_ClearWeakRefs, which deallocators of weakly
// referenceable types call first.
//
// An object's weak references form a doubly linked list whose head lives in
// the object: at `weaklistoffset` for built-in types that have the field, or
// in the pre-header for classes (kTypeManagedWeakref). The list starts with
// the shared callback-less ref, then the shared callback-less proxy, then
// the others, newest first.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// PyWeakReference: 64 bytes + the GC header.
struct WeakrefObject : Object {
  Ref<Object> wr_object;    // the referent, borrowed; None once dead
  Ref<Object> wr_callback;  // strong, or 0
  int64_t hash;             // cached hash of the referent, -1 before
  Ref<WeakrefObject> wr_prev;
  Ref<WeakrefObject> wr_next;
  uint64_t vectorcall;
};
static_assert(sizeof(WeakrefObject) == 64);

// The offset of an object struct's weakref list field, for
// TypeObject::weaklistoffset (offsetof is only conditionally supported on
// structs that extend Object).
template <class T, class F>
int64_t weaklist_field_offset(F T::*field) {
  T probe{};
  return reinterpret_cast<const uint8_t*>(&(probe.*field)) - reinterpret_cast<const uint8_t*>(&probe);
}

bool type_supports_weakrefs(const TypeObject* t);
// The field holding the head of `o`'s weakref list (its type must support weakrefs).
Addr* weakref_list_head(Object* o);

// PyWeakref_Check: a ref (or subclass), a proxy or a callable proxy.
bool is_weakref(const Object* o);
// The referent (borrowed), or None once it died.
inline Object* weakref_referent(const WeakrefObject* r) { return r->wr_object.get(); }

// weakref.ref(ob, callback) for `type` (ReferenceType or a subclass):
// a new reference, or nullptr with TypeError set.
Object* weakref_new(TypeObject* type, Object* ob, Object* callback);
// weakref.proxy(ob, callback).
Object* weakref_proxy_new(Object* ob, Object* callback);

// The number of weak references to `o` (0 when its type has none).
int64_t weakref_count(Object* o);

// _PyWeakref_ClearRef: detaches `r` from its referent but keeps the
// callback (the collector decides whether to call it).
void weakref_clear_ref(WeakrefObject* r);
// Calls `callback(r)`, reporting an error as unraisable (handle_callback).
void weakref_call_callback(WeakrefObject* r, Object* callback);

// PyObject_ClearWeakRefs: `o` is being deallocated (refcount 0): clears its
// weak references and calls their callbacks, in list order.
void clear_weakrefs(Object* o);

// Creates ReferenceType, ProxyType, CallableProxyType and ReferenceError.
void init_weakref_types();

}  // namespace heaplab
