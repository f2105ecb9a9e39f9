// bytes: PyBytesObject (a var-object: 24-byte header, the cached hash, then
// the bytes and a NUL; sys.getsizeof(b"") is 33). b"" and the 256 one-byte
// strings are static, immortal objects, as in 3.12.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/object/native_function.h"
#include "core/object/object.h"

namespace heaplab {

struct BytesObject : VarObject {
  int64_t hash;  // -1 until computed
  char data[1];  // size bytes, then a NUL
};
constexpr size_t kBytesHeaderSize = 32;  // offsetof(PyBytesObject, ob_sval)

bool is_bytes(const Object* o);
inline std::string_view bytes_view(const Object* o) {
  auto* b = static_cast<const BytesObject*>(o);
  return {b->data, size_t(b->size)};
}
// A new bytes object (new reference; the static ones for lengths 0 and 1).
Object* bytes_from_data(std::string_view data);
// The bytes of a bytes-like object (bytes or bytearray); false otherwise.
bool bytes_like_view(Object* o, std::string_view* out);
// `x in data` for a bytes-like container: a byte value or a subsequence.
int bytes_like_contains(std::string_view data, Object* x);
// repr() of a bytes-like value: b'...' with CPython's escapes.
std::string bytes_repr_text(std::string_view data);
// The methods bytes and bytearray share; results have self's type.
extern const NativeFunctionDef kByteStringMethods[];
extern const size_t kByteStringMethodCount;

void init_bytes_type();

}  // namespace heaplab
