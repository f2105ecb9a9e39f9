// Traceback objects (PyTracebackObject, 40 bytes + GC header): one per frame
// an exception passed through, outermost first, each holding that frame's
// frame object.
#pragma once

#include "core/object/object.h"

namespace heaplab {

struct TracebackObject : Object {
  Ref<Object> next;  // the next (inner) entry
  Ref<Object> frame;  // the frame object (frame_object.h)
  uint32_t lasti;    // the instruction that raised or called
  uint32_t lineno;
};

// A new entry in front of `next` (borrowed; may be nullptr).
Object* new_traceback(Object* next, Object* frame, uint32_t lasti, uint32_t lineno);

void init_traceback_type();

}  // namespace heaplab
