// str.maketrans and str.translate: character translation through a mapping
// from code points to code points, strings or None.
#pragma once

#include <cstddef>

namespace heaplab {

struct Object;

Object* str_maketrans(Object* type, Object* const* args, size_t nargs, Object* kwnames);
Object* str_translate(Object* self, Object* const* args, size_t nargs, Object* kwnames);

}  // namespace heaplab
