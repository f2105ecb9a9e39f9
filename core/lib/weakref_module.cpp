#include "core/lib/weakref_module.h"

#include <string_view>

#include "core/lang/interpreter.h"
#include "core/lib/embedded_python.h"
#include "core/lib/gc_module.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

Object* weakref_getweakrefcount(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefcount", kwnames) || !check_nargs("_weakref.getweakrefcount", nargs, 1, 1)) return nullptr;
  return int_from_i64(weakref_count(args[0]));
}

Object* weakref_getweakrefs(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefs", kwnames) || !check_nargs("_weakref.getweakrefs", nargs, 1, 1)) return nullptr;
  Object* o = args[0];
  int64_t count = weakref_count(o);
  ListObject* result = list_new(count);
  if (!result || count == 0) return result;
  auto* r = at<WeakrefObject>(*weakref_list_head(o));
  for (int64_t i = 0; i < count; ++i, r = r->wr_next.get()) list_items(result)[i] = addr_of(newref(r));
  return result;
}

Object* weakref_proxy(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_weakref.proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return nullptr;
  return weakref_proxy_new(args[0], nargs > 1 ? args[1] : nullptr);
}

// _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead weakref
// (WeakValueDictionary's cleanup); a missing key is fine.
Object* weakref_remove_dead_weakref(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_weakref._remove_dead_weakref", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "_remove_dead_weakref expected 2 arguments, got %zu", nargs);
  Object* dct = args[0];
  if (!is_dict(dct)) {
    return set_error(g_rt->types.TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", type_name(dct));
  }
  Object* value = dict_getitem(dct, args[1]);
  if (!value) return error_occurred() ? nullptr : none();
  if (!is_weakref(value)) return set_error(g_rt->types.TypeError, "not a weakref");
  if (weakref_referent(static_cast<WeakrefObject*>(value)) == none() && dict_delitem(dct, args[1]) < 0) {
    if (!error_matches(g_rt->types.KeyError)) return nullptr;
    clear_error();
  }
  return none();
}

const NativeFunctionDef kWeakrefFunctions[] = {
    {"getweakrefcount", weakref_getweakrefcount},
    {"getweakrefs", weakref_getweakrefs},
    {"proxy", weakref_proxy},
    {"_remove_dead_weakref", weakref_remove_dead_weakref},
};

Object* make_module(std::string_view name) {
  install_gc_output_hooks();
  Object* m = new_module(name);
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = true;
  auto add = [&](const char* key, Object* value) {
    if (!value || dict_setitem(d, intern_str(key), value) < 0) ok = false;
  };
  const WeakrefTypes& t = g_rt->gc.weakref_types;
  add("ref", t.ref);
  add("ReferenceType", t.ref);
  add("ProxyType", t.proxy);
  add("CallableProxyType", t.callable_proxy);
  for (const NativeFunctionDef& def : kWeakrefFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    add(def.name, f);
    xdecref(f);
  }
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace

Object* make_weakref_c_module() { return make_module("_weakref"); }
// weakref: the C-level names, then the collections and finalize, which
// heaplab writes in Python (core/lib/python/weakref.py).
Object* make_weakref_module() {
  Object* m = make_module("weakref");
  if (!m) return nullptr;
  Object* r = g_interpreter->run_source(embedded_python_source("weakref"), false, "<frozen weakref>", module_dict(m), nullptr);
  if (!r) {
    decref(m);
    return nullptr;
  }
  decref(r);
  return m;
}

}  // namespace heaplab
