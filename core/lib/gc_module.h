// The gc module (CPython 3.12's Modules/gcmodule.c interface).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_gc_module();

// Points GCState::hooks at the active interpreter's stderr: gc's DEBUG_*
// messages and the unraisable exceptions of weakref callbacks, gc.callbacks
// and finalizers run by the collector. Both gc and weakref install them.
void install_gc_output_hooks();

}  // namespace heaplab
