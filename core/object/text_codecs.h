// The codecs str.encode, bytes.decode and str(bytes, encoding) know: UTF-8,
// UTF-16 and UTF-32 (with or without a BOM), ASCII and Latin-1, with the
// error handlers strict, ignore, replace, backslashreplace and (encoding)
// xmlcharrefreplace; messages as CPython's.
#pragma once

#include <string_view>

#include "core/object/object.h"
#include "core/object/str.h"

namespace heaplab {

// encoding and errors may be nullptr (utf-8, strict); new reference.
Object* decode_bytes(std::string_view data, Object* encoding, Object* errors);
Object* encode_str(StrObject* s, Object* encoding, Object* errors);

}  // namespace heaplab
