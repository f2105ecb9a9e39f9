// The heap audit: allocator invariants hold, and every object's refcount
// equals the references a traversal of the heap and the interpreter's roots
// finds (immortal objects aside).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/object/object.h"

namespace heaplab {

class Interpreter;

// Needs the runtime's object registry (Runtime::track_objects). With
// `baseline`, also reports objects alive now that were not alive then (leaks).
std::vector<std::string> audit_heap(const Interpreter& interp, const std::unordered_set<Object*>* baseline);

}  // namespace heaplab
