// super objects: attribute lookup that starts after a given class in the
// instance's method resolution order.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

Object* new_super(TypeObject* type, Object* obj);
void init_super_type();

}  // namespace heaplab
