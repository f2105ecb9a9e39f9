// The sys module: the interpreter's view of its own memory (getsizeof,
// getrefcount, getallocatedblocks, _debugmallocstats) and limits.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_sys_module();

}  // namespace heaplab
