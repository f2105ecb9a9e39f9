// The cache of global names (3.12 specializes LOAD_GLOBAL the same way):
// where a name was found, in the globals or the builtins, by the entry
// index in their keys, valid while neither dict gains or loses a key.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// The value of `name` in `globals`, else in `builtins` (borrowed), or
// nullptr when neither has it (an exception is set only if a lookup failed).
Object* load_global(Object* globals, Object* builtins, Object* name);

}  // namespace heaplab
