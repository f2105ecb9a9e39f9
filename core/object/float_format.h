// Python's repr of a float: the shortest digit string that reads back as the
// same double, laid out in fixed or exponent notation by repr's rules.
// Plain C++ with no object dependencies, so the AST dumper can use it too.
#pragma once

#include <string>

namespace heaplab {

// repr(float): '1.5', '100.0', '1e+16', '1e-05', 'inf', 'nan', '-0.0'.
// `drop_point_zero` omits the ".0" of integral values (complex's repr).
std::string format_float_repr(double v, bool drop_point_zero = false);

}  // namespace heaplab
