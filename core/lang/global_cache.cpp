#include "core/lang/global_cache.h"

#include "core/object/str.h"

namespace heaplab {

// Entries hold region offsets and key versions, which come from one counter
// for the whole process: a version names one keys object in any runtime, so
// an entry never answers for another runtime's dicts. Names are immortal
// interned strs only: their address is theirs for good.
GlobalCacheEntry g_global_cache[kGlobalCacheSize];

Object* load_global_slow(Object* globals, Object* builtins, Object* name) {
  bool cacheable = (static_cast<StrObject*>(name)->state & kStrInternedMask) >= 2;
  uint32_t gv = cacheable ? dict_keys_version(globals) : 0;
  uint32_t bv = gv ? dict_keys_version(builtins) : 0;
  if (!gv || !bv) {
    if (Object* v = dict_getitem_str(globals, name)) return v;
    return dict_getitem_str(builtins, name);
  }
  Addr na = addr_of(name), ga = addr_of(globals), ba = addr_of(builtins);
  GlobalCacheEntry& e = global_cache_entry(na, ga);
  int64_t ix = dict_str_key_index(globals, name);
  if (ix >= 0) {
    e = {na, ga, ba, gv, 0, ix};
    return dict_unicode_value_at(globals, ix);
  }
  ix = dict_str_key_index(builtins, name);
  if (ix < 0) return nullptr;
  e = {na, ga, ba, gv, bv, ix};
  return dict_unicode_value_at(builtins, ix);
}

}  // namespace heaplab
