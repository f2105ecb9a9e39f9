// Helpers for the types of heaplab's C++ modules (_collections, array,
// itertools), which CPython makes heap types and heaplab static ones.
#pragma once

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/object.h"
#include "core/object/runtime.h"
#include "core/object/type.h"

namespace heaplab {

// CPython's heap types' traverse reports the type first. heaplab's module
// types are static (immortal); visiting them keeps gc.get_referents as
// CPython's. A class's instance reports its class through the class's own
// traverse instead, so that one is left to it.
inline void visit_module_type(Object* o, VisitFn visit, void* arg) {
  if (!(type_of(o)->flags & kTypeHeapType)) visit(type_of(o), arg);
}

// _PyType_Name: the name reprs use ("deque" for collections.deque, a
// subclass's own name for its instances).
inline std::string short_type_name(const Object* o) {
  std::string name = type_name(o);
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

// A Py_ssize_t argument (PyNumber_AsSsize_t with OverflowError): an int too
// big for it raises CPython's OverflowError.
inline bool ssize_arg(Object* o, int64_t* out) {
  if (object_as_index(o, out)) return true;
  if (error_matches(g_rt->types.IndexError)) {
    clear_error();
    set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
  }
  return false;
}

}  // namespace heaplab
