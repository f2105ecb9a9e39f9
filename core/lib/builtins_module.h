// The builtins module: built-in functions, types and exceptions.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_builtins_module();
// True for the builtin input function (the VM pauses in its calls).
bool is_builtin_input(const Object* o);

}  // namespace heaplab
