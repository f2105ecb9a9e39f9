// linecache: the lines of the programs the interpreter ran, for tracebacks
// and tracemalloc's Traceback.format(). CPython reads files from disk; heaplab
// keeps the source of every program and module it compiled.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_linecache_module();

}  // namespace heaplab
