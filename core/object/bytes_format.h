// printf-style `bytes % args` and `bytearray % args` (PEP 461): %s and %b take
// bytes-like objects or __bytes__, %r and %a give ascii(), %c one byte; the
// numeric conversions format as str % does.
#pragma once

#include <string>
#include <string_view>

#include "core/object/object.h"

namespace heaplab {

// Appends the formatted bytes to out; false with an exception set.
bool bytes_percent_format(std::string_view format, Object* args, std::string* out);

}  // namespace heaplab
