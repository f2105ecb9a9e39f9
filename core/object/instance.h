// Instances of classes: objects whose class was made by a `class`
// statement. Their behaviour is their built-in base's (object, Exception,
// ...) wrapped so that the managed __dict__, __slots__ fields, weak
// references and __del__ are handled as CPython's subtype_dealloc and
// subtype_traverse do.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// The behaviour table a new class starts from when its base is the built-in
// type `base`.
TypeSlots subtype_slots(TypeObject* base);

// Generic attribute access with descriptors and the managed __dict__
// (PyObject_GenericGetAttr / PyObject_GenericSetAttr).
Object* instance_getattr(Object* o, Object* name);
int instance_setattr(Object* o, Object* name, Object* value);

}  // namespace heaplab
