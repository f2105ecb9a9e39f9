#include "core/lang/global_cache.h"

#include "core/object/dict.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

struct GlobalCacheEntry {
  Addr name;
  Addr globals;
  Addr builtins;
  uint32_t globals_version;
  uint32_t builtins_version;  // 0: found in the globals
  int64_t index;
};
constexpr size_t kGlobalCacheSize = 1024;
GlobalCacheEntry g_global_cache[kGlobalCacheSize];

Object* load_global_uncached(Object* globals, Object* builtins, Object* name) {
  if (Object* v = dict_getitem_str(globals, name)) return v;
  return dict_getitem_str(builtins, name);
}

}  // namespace

Object* load_global(Object* globals, Object* builtins, Object* name) {
  // Only immortal interned names: their address is theirs for good. Key
  // versions come from one counter for the whole process, so a version
  // names one keys object in any runtime.
  if ((static_cast<StrObject*>(name)->state & kStrInternedMask) < 2) {
    return load_global_uncached(globals, builtins, name);
  }
  Addr na = addr_of(name), ga = addr_of(globals), ba = addr_of(builtins);
  GlobalCacheEntry& e = g_global_cache[((na >> 4) ^ (ga >> 6)) & (kGlobalCacheSize - 1)];
  if (e.name == na && e.globals == ga && e.globals_version && dict_current_keys_version(globals) == e.globals_version) {
    if (!e.builtins_version) return dict_unicode_value_at(globals, e.index);
    if (e.builtins == ba && dict_current_keys_version(builtins) == e.builtins_version) {
      return dict_unicode_value_at(builtins, e.index);
    }
  }
  uint32_t gv = dict_keys_version(globals);
  uint32_t bv = gv ? dict_keys_version(builtins) : 0;
  if (!gv || !bv) return load_global_uncached(globals, builtins, name);
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
