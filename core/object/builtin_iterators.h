// The iterator types built-in functions return: enumerate (56 bytes), zip
// (48), map, filter and reversed (32 each), all GC types with 3.12's layouts.
// enumerate and zip reuse their result tuple while nobody else holds it.
#pragma once

#include "core/object/object.h"

namespace heaplab {

void init_builtin_iterator_types();

// iter(callable, sentinel): a callable_iterator (32 bytes, GC) calling
// `callable` until it returns `sentinel`. New reference.
Object* new_callable_iterator(Object* callable, Object* sentinel);

}  // namespace heaplab
