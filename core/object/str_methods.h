// str's methods (join, split, strip, find, replace, the case mappings and
// predicates, padding, partition, encode, format, ...) and the `%` operator.
// Case mappings and character classes come from unicode_db.h.
#pragma once

namespace heaplab {

void init_str_methods();

}  // namespace heaplab
