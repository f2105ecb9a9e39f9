// C++ functions callable from Python: the built-in functions (print, len)
// and the methods of built-in types (list.append). Their definitions live in
// a host-side table; objects in the region refer to a definition by index.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// self is the bound object (the module for a builtin function, the instance
// for a method); args are positional, then keyword values named by kwnames.
using NativeFn = Object* (*)(Object* self, Object* const* args, size_t nargs, Object* kwnames);

struct NativeFunctionDef {
  const char* name;
  NativeFn fn;
  // A method of the class rather than of instances (classmethod_descriptor,
  // e.g. dict.fromkeys): `self` is the type it was looked up on.
  bool classmethod = false;
};

// builtin_function_or_method (PyCFunctionObject, 56 bytes + GC header).
struct BuiltinFunctionObject : Object {
  uint64_t def_index;
  Ref<Object> self;
  Ref<Object> module;
  Ref<Object> weakreflist;
  uint64_t vectorcall;
};

// method_descriptor (PyMethodDescrObject, 56 bytes + GC header): a method
// of a built-in type, found in the type's dict.
struct MethodDescriptorObject : Object {
  Ref<TypeObject> owner;
  Ref<Object> name;
  Ref<Object> qualname;
  uint64_t def_index;
  uint64_t vectorcall;
};

const NativeFunctionDef& native_def(uint64_t index);

// A builtin function bound to `self` (new reference).
Object* new_builtin_function(const NativeFunctionDef* def, Object* self, Object* module);
// Adds methods to a built-in type's dict (at runtime start).
void add_methods(TypeObject* type, const NativeFunctionDef* defs, size_t n);
// Adds read-only attributes computed by the getters (getset descriptors in
// CPython, e.g. int.real) as properties over them, so dir() and subclasses
// see them.
void add_getters(TypeObject* type, const NativeFunctionDef* defs, size_t n);

bool is_method_descriptor(const Object* o);
// Calls a method descriptor with `self` as the first of `args`.
Object* call_method_descriptor(Object* descr, Object* const* args, size_t nargs, Object* kwnames);

void init_native_function_types();

// Argument checking helpers with CPython's messages.
bool check_no_kwargs(const char* fname, Object* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);

}  // namespace heaplab
