// The table of modules heaplab implements in C++, by import name. Each
// factory returns a new reference to a fully built module.
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace heaplab {

struct BuiltinModule {
  const char* name;
  Object* (*make)();
};

// The factory for `name`, or nullptr when heaplab has no such module.
const BuiltinModule* find_builtin_module(std::string_view name);

}  // namespace heaplab
