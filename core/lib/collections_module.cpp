#include "core/lib/collections_module.h"

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for
// each x (Counter's tally, in C in CPython too).
Object* count_elements(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_count_elements", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "_count_elements expected 2 arguments, got %zu", nargs);
  Object* mapping = args[0];
  Object* it = object_iter(args[1]);
  if (!it) return nullptr;
  Object* get = object_getattr(mapping, intern_str("get"));
  Object* zero = int_from_i64(0);
  Object* one = int_from_i64(1);
  bool ok = get && zero && one;
  while (ok) {
    Object* key = iter_next(it);
    if (!key) break;
    Object* get_args[2] = {key, zero};
    Object* old = object_call(get, get_args, 2, nullptr);
    Object* count = old ? binary_op(old, one, BinaryOp::Add) : nullptr;
    ok = count && object_setitem(mapping, key, count) == 0;
    xdecref(count);
    xdecref(old);
    decref(key);
  }
  decref(it);
  xdecref(get);
  xdecref(zero);
  xdecref(one);
  return ok && !error_occurred() ? none() : nullptr;
}

const NativeFunctionDef kCountElements = {"_count_elements", count_elements};

}  // namespace

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
  Object* f = new_builtin_function(&kCountElements, m, nullptr);
  if (!f || dict_setitem(module_dict(m), intern_str(kCountElements.name), f) < 0) {
    xdecref(f);
    decref(m);
    return nullptr;
  }
  decref(f);
  for (const auto& entry : kNames) {
    if (dict_setitem(module_dict(m), intern_str(entry.name), entry.type) < 0) {
      decref(m);
      return nullptr;
    }
  }
  return m;
}

}  // namespace heaplab
