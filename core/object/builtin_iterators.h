// The iterator types built-in functions return: enumerate (56 bytes), zip
// (48), map, filter and reversed (32 each), all GC types with 3.12's layouts.
// enumerate and zip reuse their result tuple while nobody else holds it.
#pragma once

namespace heaplab {

void init_builtin_iterator_types();

}  // namespace heaplab
