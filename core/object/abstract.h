// The generic object protocols (CPython's Objects/abstract.c and object.c):
// what the VM and the built-ins call without knowing an object's type.
// Functions returning Object* return a new reference, or nullptr with an
// exception set; int-returning ones return -1 on error.
#pragma once

#include <cstdint>
#include <string>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

Object* object_repr(Object* o);
Object* object_str(Object* o);
int64_t object_hash(Object* o);
Object* object_rich_compare(Object* a, Object* b, CompareOp op);
// 1 true, 0 false, -1 error. Identity implies equality for Eq/Ne, as CPython.
int object_rich_compare_bool(Object* a, Object* b, CompareOp op);
int object_is_true(Object* o);
int64_t object_length(Object* o);

Object* binary_op(Object* a, Object* b, BinaryOp op);
Object* inplace_op(Object* a, Object* b, BinaryOp op);
Object* unary_negative(Object* o);
Object* unary_positive(Object* o);
Object* unary_invert(Object* o);

Object* object_getitem(Object* o, Object* key);
int object_setitem(Object* o, Object* key, Object* value);
int object_delitem(Object* o, Object* key);
int sequence_contains(Object* container, Object* item);  // the `in` operator

Object* object_getattr(Object* o, Object* name);
int object_setattr(Object* o, Object* name, Object* value);
int object_delattr(Object* o, Object* name);
// Generic attribute lookup on the type (methods and descriptors).
Object* generic_getattr(Object* o, Object* name);

Object* object_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames);
Object* object_iter(Object* o);
// Next item (new reference); nullptr without an exception set when exhausted.
Object* iter_next(Object* it);

// repr/str as UTF-8 for C++ callers; empty with an exception set on error.
bool repr_utf8(Object* o, std::string* out);
bool str_utf8(Object* o, std::string* out);

// o.__sizeof__(): a class's own __sizeof__, else the type's size (new reference).
Object* object_sizeof(Object* o);

// The index of `o` as int64 (__index__), raising TypeError or IndexError.
bool object_as_index(Object* o, int64_t* out);
// An int or an object with __index__ (PyIndex_Check).
bool object_has_index(Object* o);
// PyNumber_Index: the int itself, or what __index__ returns (new reference).
Object* number_index(Object* o);

// CPython's C recursion limit (Py_C_RECURSION_LIMIT) and the units of it in
// use: a repr or comparison nested in itself takes one, a Python function
// run from C++ three (see Interpreter::nested_call_allowed).
constexpr int kNativeRecursionLimit = 1500;
extern int g_native_depth;

}  // namespace heaplab
