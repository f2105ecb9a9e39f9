// The ASCII text methods bytes and bytearray share beyond searching and
// splitting (bytes.cpp): case mappings and predicates, padding, partition,
// splitlines, affixes, expandtabs, translate/maketrans and fromhex.
// Results have self's type, as in bytes.cpp.
#pragma once

#include <cstddef>

#include "core/object/native_function.h"

namespace heaplab {

extern const NativeFunctionDef kByteStringTextMethods[];
extern const size_t kByteStringTextMethodCount;

}  // namespace heaplab
