// Binding the arguments of a native function (positional args, then keyword
// values named by kwnames) to parameter slots, with CPython's messages.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "core/object/object.h"

namespace heaplab {

// Fills out[i] (borrowed, nullptr when not given) for each name in `names`.
// The first `positional` names may be passed by position and the first
// `required` must be given. A name beginning with '$' is positional-only.
struct ArgSpec {
  const char* fname;
  std::initializer_list<const char*> names;
  size_t required;
  size_t positional;
};
bool bind_args(const ArgSpec& spec, Object* const* args, size_t nargs, Object* kwnames, Object** out);

// The value of keyword `name` among the keyword arguments, or nullptr.
Object* keyword_arg(Object* const* args, size_t nargs, Object* kwnames, const char* name);

}  // namespace heaplab
