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
// Visits what an instance holds beyond its built-in base's contents: its
// __slots__ fields, its __dict__, its class.
void subtype_traverse_own(Object* o, VisitFn visit, void* arg);

// A class's attribute access: __getattribute__ / __getattr__ / __setattr__
// / __delattr__ where the class defines them, else the generic one.
Object* instance_getattr(Object* o, Object* name);
int instance_setattr(Object* o, Object* name, Object* value);
// object.__getattribute__ and object.__setattr__: descriptors and the
// managed __dict__, no class hook (PyObject_GenericGetAttr/SetAttr).
Object* object_generic_getattr(Object* o, Object* name);
int object_generic_setattr(Object* o, Object* name, Object* value);

// Where a type's __new__ or __init__ comes from: a Python function that a
// class along the mro defines, or else the first built-in type along it
// that has the slot (object at the latest).
struct ConstructorSource {
  Object* function;  // borrowed, or nullptr
  TypeObject* builtin;
};
ConstructorSource find_new(TypeObject* type);
ConstructorSource find_init(TypeObject* type);
// The nearest built-in type along the mro, whose tp_new a class inherits
// (its new_instance may be null: a type only its own constructor makes).
ConstructorSource find_builtin_new(TypeObject* type);

// object.__new__ and object.__init__ (object_new / object_init).
Object* object_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames);
int object_init(Object* self, Object* const* args, size_t nargs, Object* kwnames);

}  // namespace heaplab
