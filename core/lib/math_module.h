// The math module: CPython's float functions with its domain and range
// errors, and the exact integer functions (gcd, factorial, comb, isqrt...).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_math_module();

}  // namespace heaplab
