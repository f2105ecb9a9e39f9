// object, None, NotImplemented, Ellipsis and bool: the types whose instances
// are static, immortal singletons (plus object itself).
#pragma once

#include <cstddef>

namespace heaplab {

// Small ints are laid out consecutively, one 32-byte static block each.
constexpr size_t kSmallIntStride = 32;

void init_object_type();
void init_object_methods();  // object.__sizeof__ (needs dict and str)
void init_singleton_types();
// Creates None, True, False, NotImplemented, Ellipsis and the small ints.
void init_singletons();

}  // namespace heaplab
