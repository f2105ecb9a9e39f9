#include "core/lib/builtin_modules.h"

#include <iterator>

#include "core/lib/array_module.h"
#include "core/lib/builtins_module.h"
#include "core/lib/collections_module.h"
#include "core/lib/functools_module.h"
#include "core/lib/gc_module.h"
#include "core/lib/heaplab_memory_module.h"
#include "core/lib/linecache_module.h"
#include "core/lib/math_module.h"
#include "core/lib/random_module.h"
#include "core/lib/itertools_module.h"
#include "core/lib/sys_module.h"
#include "core/lib/time_module.h"
#include "core/lib/tracemalloc_module.h"
#include "core/lib/weakref_module.h"

namespace heaplab {

namespace {

// One line per module.
const BuiltinModule kModules[] = {
    {"builtins", make_builtins_module},
    {"sys", make_sys_module},
    {"time", make_time_module},
    {"gc", make_gc_module},
    {"_weakref", make_weakref_c_module},
    {"weakref", make_weakref_module},
    // The container modules.
    {"_collections", make_collections_c_module},
    {"_tracemalloc", make_tracemalloc_c_module},
    {"linecache", make_linecache_module},
    // stdlib
    {"math", make_math_module},
    {"_heaplab_memory", make_heaplab_memory_module},
    {"_random", make_random_module},
    {"_functools", make_functools_c_module},
    {"array", make_array_module},
    {"itertools", make_itertools_module},
};

}  // namespace

const BuiltinModule* find_builtin_module(std::string_view name) {
  for (const BuiltinModule& m : kModules)
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace heaplab
