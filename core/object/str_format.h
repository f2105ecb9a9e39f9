// String formatting: printf-style `str % args`, and the format-spec
// mini-language that format(), str.format and f-strings use for int,
// float and str (fill, align, sign, #, 0, width, grouping, precision, type).
#pragma once

#include <string>
#include <string_view>

#include "core/object/int.h"
#include "core/object/object.h"

namespace heaplab {

// `format % args` (new reference).
Object* str_percent_format(Object* format, Object* args);
// format(value, spec) as PyObject_Format: a class's __format__, else the
// built-in types' format-spec mini-language (objects without one accept only
// an empty spec: str(value)). `spec` may be nullptr (empty).
Object* object_format(Object* value, Object* spec);
Object* format_value(Object* value, std::string_view spec);
// Gives object, int, float and str their __format__ methods.
void init_format_methods();
// The digits of an int in base 2, 8, 10 or 16 with Python's prefix when
// `prefix` is set ('-0x1f'), as hex(), oct() and bin() print them.
std::string int_to_base_text(const IntObject* v, int base, bool prefix, bool upper = false);
// ascii(): repr with every non-ASCII character escaped.
std::string ascii_escape(std::string_view repr_utf8);
// ascii(o) as a str object (new reference).
Object* object_ascii(Object* o);

}  // namespace heaplab
