// list.sort(*, key=None, reverse=False): a stable sort that only asks `<`,
// comparing a later item with an earlier one as timsort does, so failing
// comparisons raise CPython's errors.
#pragma once

#include <cstddef>

#include "core/object/object.h"

namespace heaplab {

Object* list_method_sort(Object* self, Object* const* args, size_t nargs, Object* kwnames);
// Sorts `list` in place: 0, or -1 with the exception set.
int list_sort(Object* list, Object* key, bool reverse);

}  // namespace heaplab
