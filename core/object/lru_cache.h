// functools._lru_cache_wrapper (CPython 3.12's Modules/_functoolsmodule.c):
// the object lru_cache returns. Calling it looks the arguments' key up in a
// dict; a bounded cache also keeps its entries in a circular doubly linked
// list of _lru_list_elem objects, oldest first, whose root is the wrapper
// itself. Being a C++ object, it adds no Python frame to tracebacks or to
// the recursion depth, as in CPython.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

// lru_list_elem: 56 bytes, not a GC type. prev/next are borrowed links.
struct LruListElem : Object {
  Addr prev;
  Addr next;
  int64_t hash;
  Ref<Object> key;
  Ref<Object> result;
};
static_assert(sizeof(LruListElem) == 56);

// lru_cache_object: the list's root element first, then the cache's state.
struct LruCacheObject : LruListElem {
  uint64_t kind;  // which wrapper: uncached, infinite or bounded
  int64_t typed;
  Ref<Object> cache;  // dict: key -> result (infinite) or key -> element (bounded)
  int64_t hits;
  Ref<Object> func;
  int64_t maxsize;  // -1: no limit
  int64_t misses;
  Ref<Object> kwd_mark;
  Ref<Object> lru_list_elem_type;
  Ref<Object> cache_info_type;
  Ref<Object> dict;
  Ref<Object> weakreflist;
};
static_assert(sizeof(LruCacheObject) == 152);

void init_lru_cache_types();

}  // namespace heaplab
