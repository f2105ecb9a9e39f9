// The attribute storage of instances with a managed __dict__ (3.12): the
// class keeps one shared keys object (TypeObject::cached_keys, CPython's
// ht_cached_keys); each instance starts
// with an inline values array of its own (PyDictValues, in the pre-header's
// dict slot, tagged) and gets a real dict object only when something asks
// for `__dict__` — a split-table dict sharing the keys and taking over the
// values. Until then the collector sees one object, not two.
#pragma once

#include <cstddef>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// The shared keys of a class whose instances have a managed dict
// (_PyDict_NewKeysForClass); 0 on failure with MemoryError set.
Addr new_shared_keys();
// Releases a class's shared keys (the class is being freed).
void release_shared_keys(Addr keys);
// _PyDict_KeysSize of the shared keys, for type.__sizeof__.
size_t shared_keys_size(Addr keys);
// Visits the key strs the shared keys hold, for the class's traverse (the
// heap audit counts them; the collector ignores strs).
void shared_keys_traverse(Addr keys, VisitFn visit, void* arg);

// _PyObject_InitInlineValues: gives a new instance its values array.
// `shared_keys` is its type's cached_keys. False with MemoryError set.
bool instance_init_values(Object* obj, Addr shared_keys);
// The attribute's value (borrowed) or nullptr if the instance has none, or
// on error (exception set: a name that is not an exact str materializes the
// dict, as 3.12, and its comparison may raise).
Object* instance_dict_get(Object* obj, Object* name);
// The value at index `ix` of the class's shared keys in the instance's
// values (borrowed), or nullptr when that slot is empty or the instance's
// dict is a real dict by now (LOAD_ATTR's cache, attribute_cache.h).
Object* instance_value_at(Object* obj, int64_t ix);
// Stores `value` (not nullptr) at index `ix` of the class's shared keys in
// the instance's values, as instance_dict_set does for a name already in the
// shared keys: true, or false (nothing done) when the instance's dict is a
// real dict by now (STORE_ATTR's cache, attribute_cache.h).
bool instance_store_at(Object* obj, int64_t ix, Object* value);
// Sets (value != nullptr) or deletes an attribute; deleting a missing one
// returns -1 with no exception set (the caller raises AttributeError).
int instance_dict_set(Object* obj, Object* name, Object* value);
// `obj.__dict__`: materializes the split dict on first use (new reference).
Object* instance_get_dict(Object* obj);
// Visits the values or the dict; drops them (tp_clear and dealloc).
void instance_dict_traverse(Object* obj, VisitFn visit, void* arg);
void instance_dict_clear(Object* obj);
// (3.12's object.__sizeof__ is tp_basicsize alone: the values array is not
// counted, so sys.getsizeof of an instance stays 16 + 16 + 16 = 48.)

}  // namespace heaplab
