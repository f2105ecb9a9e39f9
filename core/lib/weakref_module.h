// The C level of weak references: the `_weakref` module, and for now the
// `weakref` module with the same names (ref, proxy, getweakrefcount, ...),
// a module whose dict the pure-Python parts (WeakValueDictionary,
// WeakKeyDictionary, WeakSet, WeakMethod, finalize) can extend.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// New references to the modules, their dicts filled.
Object* make_weakref_c_module();  // _weakref
Object* make_weakref_module();    // weakref

}  // namespace heaplab
