// The `array` module: array.array (ArrayType) and typecodes.
#pragma once

#include "core/object/object.h"

namespace heaplab {

Object* make_array_module();  // new reference

}  // namespace heaplab
