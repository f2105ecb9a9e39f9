// Frame objects (PyFrameObject), made when something needs a frame as an
// object: a traceback entry. When the frame finishes, the frame object takes
// over its local variables (CPython's take_ownership), so an exception's
// traceback keeps the locals of every frame it passed through alive.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

struct FrameObject : Object {
  Ref<Object> back;
  Ref<Object> code;
  Ref<Object> globals;
  uint64_t lineno;
  uint64_t nlocals;
  Addr locals;  // nlocals references, once the frame has finished
};

Object* new_frame_object(Object* code, Object* globals);
// The finished frame's locals move in (stolen references).
bool frame_object_take_locals(Object* frame, Object* const* locals, size_t n);

void init_frame_object_type();

}  // namespace heaplab
