// LOAD_ATTR's cache for attributes kept in an instance's values (3.12
// specializes LOAD_ATTR_INSTANCE_VALUE the same way): per instruction, the
// class it last saw and the index of the name in that class's shared keys,
// valid while the type cache's epoch stands (no class changed since).
#pragma once

#include "core/lang/opcodes.h"
#include "core/object/object.h"

namespace heaplab {

// owner.name (new reference) when the cache answers for the instruction at
// `where`, else nullptr without an exception: the caller takes the ordinary
// path. Fills the cache when the attribute is one it can answer for.
Object* load_instance_attribute(Object* owner, Object* name, const Instr* where);
// owner.name = value when the cache answers for the instruction at `where`
// (true), else false with nothing done: the caller takes the ordinary path.
bool store_instance_attribute(Object* owner, Object* name, Object* value, const Instr* where);

}  // namespace heaplab
