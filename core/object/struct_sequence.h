// Struct sequences (CPython's structseq): tuples whose items also have names,
// such as sys.version_info. Their repr names every field; programs cannot
// create instances of the types heaplab makes.
#pragma once

#include <initializer_list>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// A new static type `qualified_name` ("sys.version_info") deriving from tuple,
// whose items are named `fields`. Made once per runtime.
TypeObject* new_struct_sequence_type(const char* qualified_name, std::initializer_list<const char*> fields);

// An instance holding `values` (stolen; their count is the type's field
// count); nullptr with MemoryError when a value is missing or memory is out.
Object* new_struct_sequence(TypeObject* type, std::initializer_list<Object*> values);

}  // namespace heaplab
