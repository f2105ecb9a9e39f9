#include "core/lib/heaplab_memory_module.h"

#include "core/memory/stats.h"
#include "core/object/dict.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// region_stats() -> (limit, mapped, live): the bytes the region may grow to
// (its reservation), the bytes of its units in use (static area, arenas and
// raw segments: what is committed), and the bytes of live blocks in them.
Object* memory_region_stats(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("region_stats", kwnames) || !check_nargs("region_stats", nargs, 0, 0)) return nullptr;
  const memory::Region& region = g_rt->heap.region();
  memory::MallocStats stats = g_rt->heap.stats();
  size_t live = region.static_used() + stats.bytes_in_allocated_blocks + stats.raw_bytes_used;
  Object* values[] = {int_from_i64(int64_t(region.limit())), int_from_i64(int64_t(region.mapped_bytes())),
                      int_from_i64(int64_t(live))};
  Object* result = values[0] && values[1] && values[2] ? tuple_from_array(values, 3) : nullptr;
  for (Object* v : values) xdecref(v);
  return result;
}

const NativeFunctionDef kRegionStats = {"region_stats", memory_region_stats};

}  // namespace

Object* make_heaplab_memory_module() {
  Object* m = new_module("_heaplab_memory");
  if (!m) return nullptr;
  Object* f = new_builtin_function(&kRegionStats, m, nullptr);
  if (!f || dict_setitem(module_dict(m), intern_str(kRegionStats.name), f) < 0) {
    xdecref(f);
    decref(m);
    return nullptr;
  }
  decref(f);
  return m;
}

}  // namespace heaplab
