#include "core/lib/functools_module.h"

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

// reduce(function, iterable[, initial]): function applied cumulatively.
Object* functools_reduce(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("reduce", kwnames) || !check_nargs("reduce", nargs, 2, 3)) return nullptr;
  Object* it = object_iter(args[1]);
  if (!it) {
    if (error_matches(g_rt->types.TypeError)) {
      clear_error();
      set_error(g_rt->types.TypeError, "reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Object* value = nargs == 3 ? newref(args[2]) : nullptr;
  while (Object* item = iter_next(it)) {
    if (!value) {
      value = item;
      continue;
    }
    Object* pair[] = {value, item};
    Object* next = object_call(args[0], pair, 2, nullptr);
    decref(value);
    decref(item);
    value = next;
    if (!value) break;
  }
  decref(it);
  if (error_occurred()) {
    xdecref(value);
    return nullptr;
  }
  if (!value) return set_error(g_rt->types.TypeError, "reduce() of empty iterable with no initial value");
  return value;
}

const NativeFunctionDef kReduce = {"reduce", functools_reduce};

}  // namespace

Object* make_functools_c_module() {
  Object* m = new_module("_functools");
  if (!m) return nullptr;
  Object* reduce = new_builtin_function(&kReduce, m, nullptr);
  if (!reduce || dict_setitem(module_dict(m), intern_str("reduce"), reduce) < 0 ||
      dict_setitem(module_dict(m), intern_str("_lru_cache_wrapper"), g_rt->types.lru_cache_wrapper) < 0) {
    xdecref(reduce);
    decref(m);
    return nullptr;
  }
  decref(reduce);
  return m;
}

}  // namespace heaplab
