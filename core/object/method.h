// Bound methods (PyMethodObject, 48 bytes + GC header): a function and the
// instance it was looked up on; calling it passes the instance first.
#pragma once

#include "core/object/object.h"

namespace heaplab {

struct MethodObject : Object {
  Ref<Object> func;
  Ref<Object> self;
  Ref<Object> weakreflist;
  uint64_t vectorcall;
};

Object* new_method(Object* func, Object* self);
bool is_method(const Object* o);

void init_method_type();

}  // namespace heaplab
