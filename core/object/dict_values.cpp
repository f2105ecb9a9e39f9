// PyDictValues blocks (see dict_values.h): allocation and the insertion-order
// prefix, as Objects/dictobject.c of CPython 3.12.
#include "core/object/dict_values.h"

#include <cstring>

#include "core/object/errors.h"
#include "core/object/runtime.h"

namespace heaplab {

namespace {

// SHARED_KEYS_MAX_SIZE (30) + 2 bytes fits: the prefix size fits one byte.
size_t prefix_size_for(size_t size) { return (size + 2 + 7) & ~size_t(7); }

inline size_t prefix_size_of(Addr values) { return values_prefix_end(values)[-1]; }

}  // namespace

Addr values_new(size_t size) {
  size_t prefix = prefix_size_for(size);
  Addr mem = mem_alloc(prefix + size * sizeof(Addr));
  if (!mem) {
    set_memory_error();
    return 0;
  }
  uint8_t* bytes = at<uint8_t>(mem);
  std::memset(bytes, 0, prefix + size * sizeof(Addr));
  bytes[prefix - 1] = uint8_t(prefix);
  return mem + prefix;
}

void values_free(Addr values) { mem_free(values - prefix_size_of(values)); }

Addr values_copy(Addr src, size_t size) {
  Addr copy = values_new(size);
  if (!copy) return 0;
  size_t prefix = prefix_size_of(copy);
  // The order bytes and the count; the prefix-size byte is the copy's own.
  std::memcpy(values_prefix_end(copy) - prefix, values_prefix_end(src) - prefix, prefix - 1);
  Addr* from = values_slots(src);
  Addr* to = values_slots(copy);
  for (size_t i = 0; i < size; ++i) {
    xincref(at<Object>(from[i]));
    to[i] = from[i];
  }
  return copy;
}

void values_order_append(Addr values, int64_t ix) {
  uint8_t* count = values_prefix_end(values) - 2;
  int n = *count + 1;
  count[-n] = uint8_t(ix);
  *count = uint8_t(n);
}

void values_order_remove(Addr values, int64_t ix) {
  uint8_t* count = values_prefix_end(values) - 2;
  int n = *count;
  int i = 1;
  while (count[-i] != ix) ++i;
  for (; i < n; ++i) count[-i] = count[-i - 1];
  *count = uint8_t(n - 1);
}

}  // namespace heaplab
