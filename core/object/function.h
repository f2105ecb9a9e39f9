// Python functions (PyFunctionObject, 144 bytes + GC header) and cells
// (PyCellObject), the variables closures share.
#pragma once

#include "core/object/object.h"

namespace heaplab {

struct FunctionObject : Object {
  Ref<Object> globals;
  Ref<Object> builtins;
  Ref<Object> name;
  Ref<Object> qualname;
  Ref<Object> code;
  Ref<Object> defaults;    // tuple or NULL
  Ref<Object> kwdefaults;  // dict or NULL
  Ref<Object> closure;     // tuple of cells or NULL
  Ref<Object> doc;
  Ref<Object> dict;
  Ref<Object> weakreflist;
  Ref<Object> module;
  Ref<Object> annotations;
  Ref<Object> typeparams;
  uint64_t vectorcall;
  uint32_t version;
  uint32_t padding;
};

struct CellObject : Object {
  Ref<Object> ref;  // the variable's value, NULL when unbound
};

bool is_function(const Object* o);
// A new function for `code` (borrowed) with `globals` (borrowed).
FunctionObject* new_function(Object* code, Object* globals, Object* builtins, Object* qualname);

CellObject* new_cell(Object* value);  // value may be nullptr; a new reference is taken

void init_function_types();

}  // namespace heaplab
