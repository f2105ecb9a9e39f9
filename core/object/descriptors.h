// Descriptor types: __slots__ members (member_descriptor), property,
// staticmethod and classmethod.
#pragma once

#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// A __slots__ field of `owner` at `offset` from the instance start.
Object* new_member_descriptor(TypeObject* owner, Object* name, int64_t offset);
// The `__dict__` and `__weakref__` attributes of a class's instances
// (getset_descriptor): the managed dict and the first weak reference.
enum class InstanceAttribute : uint8_t { Dict, Weakref };
Object* new_getset_descriptor(TypeObject* owner, InstanceAttribute which);
bool is_function_object(const Object* o);  // Python function (binds like a method)

void init_descriptor_types();

}  // namespace heaplab
