// Helpers for the types of heaplab's C++ modules (_collections, array,
// itertools), which CPython makes heap types and heaplab static ones.
#pragma once

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/object.h"
#include "core/object/runtime.h"
#include "core/object/tuple.h"
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

// CPython calls these types (none has a vectorcall) through tp_call, which
// packs the arguments into a tuple and the keywords into a dict for the
// call's duration. heaplab passes an array; making the same tuple and dict
// keeps gc.get_count() and the free lists as CPython's.
template <Object* (*Construct)(TypeObject*, Object* const*, size_t, Object*)>
Object* via_tp_call(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* tuple = tuple_from_array(args, nargs);
  if (!tuple) return nullptr;
  Object* kwargs = nullptr;
  if (kwnames && static_cast<TupleObject*>(kwnames)->size) {
    auto* names = static_cast<TupleObject*>(kwnames);
    kwargs = dict_new_presized(names->size, true);
    for (int64_t i = 0; kwargs && i < names->size; ++i) {
      if (dict_setitem(kwargs, tuple_item(names, i), args[nargs + size_t(i)]) < 0) {
        decref(kwargs);
        kwargs = nullptr;
      }
    }
    if (!kwargs) {
      decref(tuple);
      return nullptr;
    }
  }
  Object* r = Construct(type, args, nargs, kwnames);
  decref(tuple);
  xdecref(kwargs);
  return r;
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
