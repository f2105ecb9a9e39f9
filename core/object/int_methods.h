// The methods of int (bit_length, to_bytes, int.from_bytes, ...) and its
// numbers-protocol attributes (real, imag, numerator, denominator).
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace heaplab {

// The value of int attribute `name` (real, imag, numerator, denominator) as a
// new reference; nullptr without an error for any other name.
Object* int_number_attribute(Object* self, std::string_view name);

void init_int_methods();

}  // namespace heaplab
