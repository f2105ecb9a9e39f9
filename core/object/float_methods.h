// The methods of float (is_integer, as_integer_ratio, hex, float.fromhex,
// ...) and its attributes real and imag.
#pragma once

namespace heaplab {

void init_float_methods();

}  // namespace heaplab
