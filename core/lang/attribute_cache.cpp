#include "core/lang/attribute_cache.h"

#include "core/object/dict.h"
#include "core/object/instance.h"
#include "core/object/instance_dict.h"
#include "core/object/str.h"
#include "core/object/type.h"

namespace heaplab {

namespace {

struct AttributeCacheEntry {
  Addr where;  // the instruction
  Addr type;
  Addr name;   // immortal interned: the instruction's code may die and another take its place
  uint64_t epoch;
  int64_t index;  // -1: the cache cannot answer for this class and name
};
constexpr size_t kAttributeCacheSize = 1024;
AttributeCacheEntry g_attribute_cache[kAttributeCacheSize];
AttributeCacheEntry g_store_cache[kAttributeCacheSize];

// Where instance_getattr would answer from the instance's values: a class
// with the generic getattr and a managed dict, no data descriptor for the
// name along its mro, and the name in its shared keys.
int64_t values_index(TypeObject* t, Object* name) {
  if (slots_of(t).getattr != instance_getattr || !(t->flags & kTypeManagedDict) || !t->cached_keys) return -1;
  if (Object* descr = type_lookup(t, name)) {
    const TypeSlots& ds = slots_of(descr);
    if (ds.descr_get && ds.descr_set) return -1;
  }
  return shared_keys_lookup(at<DictKeysObject>(t->cached_keys), name);
}

// Where object_generic_setattr would store into the instance's values: a
// class with the generic setattr and a managed dict, no descriptor with a
// setter for the name along its mro, and the name in its shared keys.
int64_t store_index(TypeObject* t, Object* name) {
  if (slots_of(t).setattr != instance_setattr || !(t->flags & kTypeManagedDict) || !t->cached_keys) return -1;
  if (Object* descr = type_lookup(t, name); descr && slots_of(descr).descr_set) return -1;
  return shared_keys_lookup(at<DictKeysObject>(t->cached_keys), name);
}

}  // namespace

bool store_instance_attribute(Object* owner, Object* name, Object* value, const Instr* where) {
  Addr wa = addr_of(where), ta = addr_of(type_of(owner)), na = addr_of(name);
  AttributeCacheEntry& e = g_store_cache[((wa >> 2) ^ (ta >> 4)) & (kAttributeCacheSize - 1)];
  if (e.where != wa || e.type != ta || e.name != na || e.epoch != g_type_cache_epoch) {
    if ((static_cast<StrObject*>(name)->state & kStrInternedMask) < 2) return false;
    int64_t ix = store_index(type_of(owner), name);
    if (ix < 0) return false;  // not remembered: the name may join the shared keys soon
    e = {wa, ta, na, g_type_cache_epoch, ix};
  }
  return e.index >= 0 && instance_store_at(owner, e.index, value);
}

Object* load_instance_attribute(Object* owner, Object* name, const Instr* where) {
  Addr wa = addr_of(where), ta = addr_of(type_of(owner)), na = addr_of(name);
  AttributeCacheEntry& e = g_attribute_cache[((wa >> 2) ^ (ta >> 4)) & (kAttributeCacheSize - 1)];
  if (e.where != wa || e.type != ta || e.name != na || e.epoch != g_type_cache_epoch) {
    if ((static_cast<StrObject*>(name)->state & kStrInternedMask) < 2) return nullptr;
    e = {wa, ta, na, g_type_cache_epoch, values_index(type_of(owner), name)};
  }
  if (e.index < 0) return nullptr;
  Object* v = instance_value_at(owner, e.index);
  return v ? newref(v) : nullptr;
}

}  // namespace heaplab
