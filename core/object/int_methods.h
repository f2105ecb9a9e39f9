// The methods of int (bit_length, to_bytes, int.from_bytes, ...) and its
// numbers-protocol attributes (real, imag, numerator, denominator).
#pragma once

namespace heaplab {

void init_int_methods();

}  // namespace heaplab
