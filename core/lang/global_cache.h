// The cache of global names (3.12 specializes LOAD_GLOBAL and STORE_GLOBAL
// the same way): where a name was found, in the globals or the builtins, by
// the entry index in their keys, valid while neither dict gains or loses a
// key. The check is inline: the interpreter asks for every global name.
#pragma once

#include "core/object/dict.h"
#include "core/object/object.h"

namespace heaplab {

struct GlobalCacheEntry {
  Addr name;
  Addr globals;
  Addr builtins;
  uint32_t globals_version;
  uint32_t builtins_version;  // 0: found in the globals
  int64_t index;
};
constexpr size_t kGlobalCacheSize = 1024;
extern GlobalCacheEntry g_global_cache[kGlobalCacheSize];

inline GlobalCacheEntry& global_cache_entry(Addr name, Addr globals) {
  return g_global_cache[((name >> 4) ^ (globals >> 6)) & (kGlobalCacheSize - 1)];
}

// The lookup when the entry does not answer; fills it when it can.
Object* load_global_slow(Object* globals, Object* builtins, Object* name);

// The value of `name` in `globals`, else in `builtins` (borrowed), or
// nullptr when neither has it (an exception is set only if a lookup failed).
inline Object* load_global(Object* globals, Object* builtins, Object* name) {
  Addr na = addr_of(name), ga = addr_of(globals);
  const GlobalCacheEntry& e = global_cache_entry(na, ga);
  if (e.name == na && e.globals == ga && dict_current_keys_version(globals) == e.globals_version) {
    if (!e.builtins_version) return dict_unicode_value_at(globals, e.index);
    if (e.builtins == addr_of(builtins) && dict_current_keys_version(builtins) == e.builtins_version) {
      return dict_unicode_value_at(builtins, e.index);
    }
  }
  return load_global_slow(globals, builtins, name);
}

// globals[name] = value, as dict_setitem (0, or -1 with an exception set).
inline int store_global(Object* globals, Object* name, Object* value) {
  Addr na = addr_of(name), ga = addr_of(globals);
  const GlobalCacheEntry& e = global_cache_entry(na, ga);
  if (e.name == na && e.globals == ga && !e.builtins_version &&
      dict_current_keys_version(globals) == e.globals_version) {
    dict_store_at_index(globals, e.index, value);
    return 0;
  }
  return dict_setitem(globals, name, value);
}

}  // namespace heaplab
