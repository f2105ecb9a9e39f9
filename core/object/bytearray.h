// bytearray: PyByteArrayObject (56 bytes, not a GC type) with its buffer in
// a separate PyObject_Malloc block grown by 3.12's PyByteArray_Resize.
// ob_start may run ahead of ob_bytes after deleting from the front.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/object/object.h"

namespace heaplab {

struct ByteArrayObject : VarObject {
  int64_t alloc;  // bytes allocated, including the trailing NUL
  Addr bytes;     // the allocation
  Addr start;     // the logical beginning
  int64_t exports;
};
static_assert(sizeof(ByteArrayObject) == 56);

inline uint8_t* bytearray_data(const ByteArrayObject* b) { return at<uint8_t>(b->start); }
inline std::string_view bytearray_view(const Object* o) {
  auto* b = static_cast<const ByteArrayObject*>(o);
  return b->size ? std::string_view(reinterpret_cast<const char*>(bytearray_data(b)), size_t(b->size)) : std::string_view();
}

bool is_bytearray(const Object* o);
Object* bytearray_from_data(std::string_view data);

void init_bytearray_type();

}  // namespace heaplab
