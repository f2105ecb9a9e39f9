// str's methods (join, split, strip, find, replace, the case mappings and
// predicates, padding, partition, encode, format, ...) and the `%` operator.
// Case mappings and character classes cover ASCII, Latin-1, Greek and
// Cyrillic exactly; other scripts are treated as caseless.
#pragma once

namespace heaplab {

void init_str_methods();

}  // namespace heaplab
