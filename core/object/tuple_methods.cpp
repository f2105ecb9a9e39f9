#include "core/object/tuple_methods.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

Object* m_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("tuple.count", kwnames) || !check_nargs("tuple.count", nargs, 1, 1)) return nullptr;
  auto* t = static_cast<TupleObject*>(self);
  int64_t count = 0;
  for (int64_t i = 0; i < t->size; ++i) {
    int r = object_rich_compare_bool(tuple_item(t, i), args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_i64(count);
}

// index(value, start=0, stop=sys.maxsize)
Object* m_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("tuple.index", kwnames) || !check_nargs("index", nargs, 1, 3)) return nullptr;
  auto* t = static_cast<TupleObject*>(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !object_as_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !object_as_index(args[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(start + t->size, 0);
  if (stop < 0) stop = std::max<int64_t>(stop + t->size, 0);
  for (int64_t i = start; i < std::min(stop, t->size); ++i) {
    int r = object_rich_compare_bool(tuple_item(t, i), args[0], CompareOp::Eq);
    if (r < 0) return nullptr;
    if (r) return int_from_i64(i);
  }
  return set_error(g_rt->types.ValueError, "tuple.index(x): x not in tuple");
}

const NativeFunctionDef kTupleMethods[] = {{"count", m_count}, {"index", m_index}};

}  // namespace

void init_tuple_methods() { add_methods(g_rt->types.tuple, kTupleMethods, std::size(kTupleMethods)); }

}  // namespace heaplab
