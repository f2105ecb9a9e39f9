// The methods of float (is_integer, as_integer_ratio, hex, float.fromhex,
// ...) and its attributes real and imag.
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace heaplab {

// float attribute `name` (real, imag) as a new reference; nullptr without an
// error for any other name.
Object* float_number_attribute(Object* self, std::string_view name);

void init_float_methods();

}  // namespace heaplab
