// Classes: heap types created by `class` statements (type_new), their
// method resolution order, and the behaviour table each class gets: its
// base's behaviour with the dunder methods it defines dispatched to Python.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// sizeof(PyHeapTypeObject) in 3.12: what a class object occupies.
constexpr size_t kHeapTypeSize = 920;

// type(name, bases, namespace): a new class (new reference) or nullptr.
Object* new_class(Object* name, Object* bases, Object* ns);

bool is_heap_type(const TypeObject* t);
// After a dunder was set on or deleted from class `t`: its behaviour and its
// subclasses' follow.
void class_dunder_changed(TypeObject* t);
// Looks `name` up along the mro, like type_lookup, but only in classes (a
// dunder a class defines), borrowed; nullptr when no class defines it.
Object* class_lookup(const TypeObject* t, const char* name);
// intern_str for the dunder names the runtime asks for often, without
// hashing the text each time.
struct StrObject;
StrObject* intern_dunder(const char* name);

// a.__iadd__(b) and the other in-place dunders a class defines; a new
// reference to NotImplemented when a's class does not define it.
Object* class_inplace_op(Object* a, Object* b, BinaryOp op);

// The class object's own behaviour, used by `type`'s slots for classes.
void class_dealloc(Object* o);
void class_traverse(Object* o, VisitFn visit, void* arg);
void class_clear(Object* o);
size_t class_size_of(Object* o);

}  // namespace heaplab
