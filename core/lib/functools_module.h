// _functools: the parts of functools CPython writes in C, here in C++ so
// that they add no Python frames: _lru_cache_wrapper and reduce.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_functools_c_module();

}  // namespace heaplab
