#include "core/lib/itertools_module.h"

#include "core/object/dict.h"
#include "core/object/itertools.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

const NativeFunctionDef kTeeDef = {"tee", itertools_tee};

struct Filling {
  Object* dict;
  bool ok;
};

void add_type(const char* name, TypeObject* type, void* arg) {
  auto* f = static_cast<Filling*>(arg);
  f->ok = f->ok && dict_setitem(f->dict, intern_str(name), type) == 0;
}

}  // namespace

Object* make_itertools_module() {
  Object* m = new_module("itertools");
  if (!m) return nullptr;
  Filling filling{module_dict(m), true};
  itertools_public_types(add_type, &filling);
  Object* tee = new_builtin_function(&kTeeDef, m, nullptr);
  bool ok = filling.ok && tee && dict_setitem(module_dict(m), intern_str("tee"), tee) == 0;
  xdecref(tee);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace heaplab
