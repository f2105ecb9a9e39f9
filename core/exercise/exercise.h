// An exercise of the course: a JSON data file (examples/exercises/*.json)
// with the task, the code the learner starts from, hints, and the checks the
// finished program must pass. Shared by `heaplab exercise` and the playground.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heaplab {

// One check: a Python expression evaluated in the program's globals after the
// program ran; it passes when its value is truthy.
struct ExerciseCheck {
  std::string name;     // what it verifies, shown as PASS/FAIL name
  std::string python;   // the expression
  std::string message;  // optional: shown when it fails (what to look at)
};

struct Exercise {
  std::string id;            // "03_cycles"
  std::string title;
  std::string topic;
  std::string instructions;  // plain text, may use simple markdown
  std::string starter;       // the code the learner starts from
  std::vector<std::string> hints;
  std::optional<size_t> memory_limit;  // bytes; settings.memory_limit_mb
  std::vector<ExerciseCheck> checks;   // at least one
};

struct ExerciseLoadResult {
  std::optional<Exercise> exercise;
  std::string error;  // set when exercise is empty
};

struct JsonValue;

// Reads an exercise file's text. Long texts (instructions, starter) may be a
// string or an array of lines, joined with newlines. Unknown keys, missing
// fields, wrong types and texts over their bounds (lengths counted as
// JavaScript counts them, since a teacher's exercise can arrive in a share
// link) are errors naming the field. web/exercises/exercise.js applies the
// same rules to the page's exercises.
ExerciseLoadResult load_exercise(std::string_view json_text);

// The same, for an already parsed document (a share link's exercise object).
ExerciseLoadResult load_exercise(const JsonValue& root);

}  // namespace heaplab
