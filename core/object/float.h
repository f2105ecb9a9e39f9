// float: CPython 3.12's PyFloatObject (24 bytes: header and a double), its
// repr, numeric hash, arithmetic with ints, exact comparisons with ints, and
// its free list of up to 100 objects (PyFloat_MAXFREELIST).
#pragma once

#include <cstddef>
#include <string>

#include "core/object/object.h"

namespace heaplab {

struct FloatObject : Object {
  double value;
};
static_assert(sizeof(FloatObject) == 24);

constexpr int kFloatMaxFreeList = 100;  // PyFloat_MAXFREELIST

// A float (new reference; reuses a freed float first). nullptr + MemoryError on failure.
Object* float_from_double(double v);
bool is_float(const Object* o);  // float or a subclass
inline double float_value(const Object* o) { return static_cast<const FloatObject*>(o)->value; }

// repr(v): the shortest digits that round-trip, in exponent form when the
// decimal exponent is < -4 or >= 16; 'inf', '-inf', 'nan'.
std::string float_repr_string(double v);

// _Py_HashDouble: equal to hash(int) for integral values; NaN hashes by
// identity (the object's address), as in 3.10+.
int64_t float_hash_value(const Object* o, double v);

// Correctly rounded conversion of an int (PyLong_AsDouble); false with
// OverflowError "int too large to convert to float" when out of range.
bool int_to_double_checked(const Object* int_obj, double* out);

// Frees the floats the free list holds (gc.collect(2) and shutdown do this in
// 3.12: _PyFloat_ClearFreeList). Call with the runtime active.
void float_clear_free_list();
int float_free_list_size();

// Registers float's slots; resets this runtime's free list. Once per runtime.
void init_float_type();

}  // namespace heaplab
