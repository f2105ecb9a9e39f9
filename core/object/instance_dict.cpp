// Managed __dict__ of instances, as CPython 3.12 (Objects/dictobject.c's
// _PyObject_InitInlineValues, _PyObject_StoreInstanceAttribute,
// _PyObject_GetInstanceAttribute, make_dict_from_instance_attributes,
// _PyObject_ClearManagedDict; Objects/object.c's generic attribute paths and
// PyObject_GenericGetDict).
//
// The pre-header's dict slot holds one of three things:
//   0              no attributes storage (cleared, or never initialized)
//   values - 1     the instance's own values array (an odd offset: values
//                  arrays are 8-byte aligned), as 3.12's tagged _PyDictOrValues
//   a dict         the materialized __dict__ (an even offset)
#include "core/object/instance_dict.h"

#include "core/object/dict.h"
#include "core/object/dict_values.h"
#include "core/object/errors.h"
#include "core/object/runtime.h"

namespace heaplab {

namespace {

inline bool is_values(Addr slot) { return slot & 1; }
inline Addr values_of(Addr slot) { return slot + 1; }
inline Addr tag_values(Addr values) { return values - 1; }

// CACHED_KEYS(Py_TYPE(obj)).
inline DictKeysObject* cached_keys(Object* obj) { return at<DictKeysObject>(type_of(obj)->cached_keys); }

inline bool is_exact_str(Object* o) { return type_of(o) == g_rt->types.str; }

// Replaces the values with a split dict over them (the dict takes them over).
Object* materialize(Object* obj, Addr values) {
  Object* dict = dict_from_values(cached_keys(obj), values);
  if (dict) preheader(obj)->dict = addr_of(dict);
  return dict;
}

// _PyObjectDict_SetItem on an existing dict; a missing key to delete is -1
// with no exception (the caller raises AttributeError).
int set_in_dict(Object* dict, Object* name, Object* value) {
  incref(dict);  // the insertion may run code that replaces obj.__dict__
  int r = value ? dict_setitem(dict, name, value) : dict_delitem(dict, name);
  if (r < 0 && !value && error_matches(g_rt->types.KeyError)) clear_error();
  decref(dict);
  return r;
}

// _PyObject_StoreInstanceAttribute: into the values while the name is (or
// can become) one of the shared keys, else through a dict made from them.
int store_in_values(Object* obj, Addr values, Object* name, Object* value) {
  DictKeysObject* keys = cached_keys(obj);
  int64_t ix = is_exact_str(name) ? shared_keys_insert(keys, name) : kDkixEmpty;
  if (ix == kDkixEmpty) {
    Object* dict = materialize(obj, values);
    if (!dict) return -1;
    return set_in_dict(dict, name, value);
  }
  Addr* slot = &values_slots(values)[ix];
  Object* old = at<Object>(*slot);
  if (value) incref(value);
  *slot = addr_of(value);
  if (!old) {
    if (!value) return -1;
    values_order_append(values, ix);
    return 0;
  }
  if (!value) values_order_remove(values, ix);
  decref(old);
  return 0;
}

// new_dict_with_shared_keys: an empty split dict (the slot held nothing).
Object* new_empty_split_dict(Object* obj) {
  DictKeysObject* keys = cached_keys(obj);
  Addr values = values_new(shared_keys_usable_size(keys));
  if (!values) return nullptr;
  Object* dict = dict_from_values(keys, values);
  if (!dict) {
    values_free(values);
    return nullptr;
  }
  preheader(obj)->dict = addr_of(dict);
  return dict;
}

}  // namespace

Addr new_shared_keys() { return addr_of(dict_new_keys_for_class()); }

void release_shared_keys(Addr keys) { dict_keys_decref(at<DictKeysObject>(keys)); }

size_t shared_keys_size(Addr keys) { return dict_keys_size(at<DictKeysObject>(keys)); }

void shared_keys_traverse(Addr keys, VisitFn visit, void* arg) {
  dict_keys_traverse(at<DictKeysObject>(keys), visit, arg);
}

bool instance_init_values(Object* obj, Addr shared_keys) {
  DictKeysObject* keys = at<DictKeysObject>(shared_keys);
  // Each new instance leaves one slot less for later attribute names, so
  // that a class whose instances differ does not grow the keys for ever.
  if (keys->dk_usable > 1) keys->dk_usable--;
  Addr values = values_new(shared_keys_usable_size(keys));
  if (!values) return false;
  preheader(obj)->dict = tag_values(values);
  return true;
}

Object* instance_dict_get(Object* obj, Object* name) {
  Addr slot = preheader(obj)->dict;
  Object* dict;
  if (is_values(slot)) {
    Addr values = values_of(slot);
    if (is_exact_str(name)) {
      int64_t ix = shared_keys_lookup(cached_keys(obj), name);
      return ix >= 0 ? values_get(values, ix) : nullptr;
    }
    // A str subclass (or any other name) needs a real dict to compare with.
    dict = materialize(obj, values);
    if (!dict) return nullptr;
  } else {
    dict = at<Object>(slot);
    if (!dict) return nullptr;
  }
  return dict_getitem(dict, name);
}

Object* instance_value_at(Object* obj, int64_t ix) {
  Addr slot = preheader(obj)->dict;
  return is_values(slot) ? values_get(values_of(slot), ix) : nullptr;
}

bool instance_store_at(Object* obj, int64_t ix, Object* value) {
  Addr slot = preheader(obj)->dict;
  if (!is_values(slot)) return false;
  Addr values = values_of(slot);
  Addr* item = &values_slots(values)[ix];
  Object* old = at<Object>(*item);
  *item = addr_of(newref(value));
  if (old) {
    decref(old);
  } else {
    values_order_append(values, ix);
  }
  return true;
}

int instance_dict_set(Object* obj, Object* name, Object* value) {
  Addr slot = preheader(obj)->dict;
  if (is_values(slot)) return store_in_values(obj, values_of(slot), name, value);
  Object* dict = at<Object>(slot);
  if (!dict) {
    dict = new_empty_split_dict(obj);
    if (!dict) return -1;
  }
  return set_in_dict(dict, name, value);
}

Object* instance_get_dict(Object* obj) {
  Addr slot = preheader(obj)->dict;
  Object* dict;
  if (is_values(slot)) dict = materialize(obj, values_of(slot));
  else dict = slot ? at<Object>(slot) : new_empty_split_dict(obj);
  return dict ? newref(dict) : nullptr;
}

void instance_dict_traverse(Object* obj, VisitFn visit, void* arg) {
  Addr slot = preheader(obj)->dict;
  if (is_values(slot)) {
    Addr values = values_of(slot);
    for (int64_t i = 0, n = cached_keys(obj)->dk_nentries; i < n; ++i)
      if (Object* v = values_get(values, i)) visit(v, arg);
  } else if (Object* dict = at<Object>(slot)) {
    visit(dict, arg);
  }
}

void instance_dict_clear(Object* obj) {
  Addr slot = preheader(obj)->dict;
  // Detached first: code run by a decref below finds no attributes.
  preheader(obj)->dict = 0;
  if (!is_values(slot)) {
    xdecref(at<Object>(slot));
    return;
  }
  Addr values = values_of(slot);
  for (int64_t i = 0, n = cached_keys(obj)->dk_nentries; i < n; ++i) {
    Object* v = values_get(values, i);
    values_slots(values)[i] = 0;
    xdecref(v);
  }
  values_free(values);
}

}  // namespace heaplab
