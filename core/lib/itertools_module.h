// The `itertools` module: the iterator types (core/object/itertools.h) and tee.
#pragma once

#include "core/object/object.h"

namespace heaplab {

Object* make_itertools_module();  // new reference

}  // namespace heaplab
