// The ids of the course's built-in exercises: the names of
// examples/exercises/*.json, the files the page's catalog
// (web/exercises/catalog.js) bundles. CMake generates the table from that
// directory, so it is the one list; a share link may name any of them.
#pragma once

#include <cstddef>
#include <string_view>

namespace heaplab {

extern const std::string_view kBuiltinExerciseIds[];
extern const size_t kBuiltinExerciseIdCount;

}  // namespace heaplab
