// Traceback objects (PyTracebackObject, 40 bytes + GC header): one per frame
// an exception passed through, outermost first. heaplab keeps the code
// object where CPython keeps a frame object (frame objects come later);
// the layout's size is CPython's.
#pragma once

#include "core/object/object.h"

namespace heaplab {

struct TracebackObject : Object {
  Ref<Object> next;  // the next (inner) entry
  Ref<Object> code;  // the code object that was running
  uint32_t lasti;    // the instruction that raised or called
  uint32_t lineno;
};

// A new entry in front of `next` (borrowed; may be nullptr).
Object* new_traceback(Object* next, Object* code, uint32_t lasti, uint32_t lineno);

void init_traceback_type();

}  // namespace heaplab
