// Module objects (PyModuleObject): a namespace dict with a name.
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace heaplab {

struct ModuleObject : Object {
  Ref<Object> dict;
  uint64_t def;
  uint64_t state;
  Ref<Object> weaklist;
  Ref<Object> name;
};

// A new module with `__name__` set in its dict.
Object* new_module(std::string_view name);
inline Object* module_dict(Object* m) { return static_cast<ModuleObject*>(m)->dict.get(); }

void init_module_type();

}  // namespace heaplab
