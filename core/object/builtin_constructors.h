// Calling the built-in types whose files predate their constructors:
// int(x, base), float(x), str(x) / str(b, encoding), tuple(it), dict(...).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// int(v) for a float: OverflowError for infinities, ValueError for NaN.
Object* int_from_float(double v);

void init_builtin_constructors();

}  // namespace heaplab
