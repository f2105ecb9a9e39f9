// The `_collections` module: deque, its iterators, defaultdict and
// OrderedDict (C types in CPython too); core/lib/python/collections.py
// re-exports them beside namedtuple and Counter.
#pragma once

#include "core/object/object.h"

namespace heaplab {

Object* make_collections_c_module();  // new reference

}  // namespace heaplab
