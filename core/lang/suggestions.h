// "Did you mean: ...?": CPython 3.12's suggestion for a NameError, the
// closest name by its case-aware Levenshtein distance (Python/suggestions.c).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace heaplab {

// The best candidate for `name` among `candidates` (in order), or "" if none
// is close enough.
std::string suggest_name(std::string_view name, const std::vector<std::string>& candidates);

// Whether `name` is in sys.stdlib_module_names: a NameError for it adds
// "Did you forget to import 'name'?".
bool is_stdlib_module_name(std::string_view name);

}  // namespace heaplab
