// The dunder attributes of built-in types (CPython's slot wrappers): each
// behaviour a built-in type defines itself shows in its dict as a
// wrapper_descriptor (`object.__init__`, `int.__add__`), which binds to an
// instance as a method-wrapper (`"abc".__str__`); `__new__` is a built-in
// method of the type (`object.__new__`).
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// Adds the wrappers of the behaviour `type` defines (not inherits) to its
// dict; names the dict already has stay (a method of the same name wins).
void add_slot_wrappers(TypeObject* type);

void init_slot_wrapper_types();
// The wrappers of every built-in type, made at runtime start as CPython's
// type initialization makes them (not counted by the collector's gen 0).
void init_builtin_slot_wrappers();

}  // namespace heaplab
