// A unified-style line diff (Myers' O(ND) algorithm) for showing how a
// program's output differs from the expected one.
#pragma once

#include <string>
#include <string_view>

namespace heaplab::cli {

// Returns "--- expected\n+++ actual\n" followed by `@@` hunks with
// `context_lines` lines of context, or "" when the texts are equal. Output
// beyond `max_lines` diff lines is cut and the cut is said.
std::string unified_line_diff(std::string_view expected, std::string_view actual,
                              size_t context_lines = 3, size_t max_lines = 200);

}  // namespace heaplab::cli
