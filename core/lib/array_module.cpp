#include "core/lib/array_module.h"

#include "core/object/dict.h"
#include "core/object/module.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

Object* make_array_module() {
  Object* m = new_module("array");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  Object* typecodes = str_from_utf8("bBuhHiIlLqQfd");
  bool ok = typecodes && dict_setitem(d, intern_str("typecodes"), typecodes) == 0 &&
            dict_setitem(d, intern_str("array"), g_rt->types.array) == 0 &&
            dict_setitem(d, intern_str("ArrayType"), g_rt->types.array) == 0;
  xdecref(typecodes);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace heaplab
