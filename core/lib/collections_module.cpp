#include "core/lib/collections_module.h"

#include "core/object/dict.h"
#include "core/object/module.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

Object* make_collections_c_module() {
  Object* m = new_module("_collections");
  if (!m) return nullptr;
  const BuiltinTypes& t = g_rt->types;
  const struct {
    const char* name;
    TypeObject* type;
  } kNames[] = {
      {"deque", t.deque},
      {"_deque_iterator", t.deque_iterator},
      {"_deque_reverse_iterator", t.deque_reverse_iterator},
      {"defaultdict", t.defaultdict},
      {"OrderedDict", t.ordered_dict},
      {"_tuplegetter", t.tuplegetter},
  };
  for (const auto& entry : kNames) {
    if (dict_setitem(module_dict(m), intern_str(entry.name), entry.type) < 0) {
      decref(m);
      return nullptr;
    }
  }
  return m;
}

}  // namespace heaplab
