// JavaScript binding of the exercise checker (core/exercise), for the page's
// worker. In JavaScript:
//
//   heaplab.checkExercise(exerciseJsonText, program)  -> JSON string:
//     {"program_end": "finished" | "raised" | "out_of_budget", "output": "...",
//      "checks": [{"name", "passed", "message"}]}
//   or {"error": "..."} when the exercise text is not a valid exercise.
//
// The program runs to its end in a fresh Session inside this call, so the
// instruction budget is far below the CLI's: an endless loop ends in a few
// seconds as "out_of_budget" instead of freezing the worker for minutes.
#include <emscripten/bind.h>

#include <string>

#include "core/exercise/exercise.h"
#include "core/exercise/exercise_check.h"
#include "core/inspect/json_text.h"

namespace {

constexpr uint64_t kPageInstructionBudget = 300'000'000;

const char* program_end_name(heaplab::ProgramEnd end) {
  switch (end) {
    case heaplab::ProgramEnd::Finished: return "finished";
    case heaplab::ProgramEnd::Raised: return "raised";
    case heaplab::ProgramEnd::OutOfBudget: return "out_of_budget";
  }
  return "raised";
}

std::string check_exercise_json(const std::string& exercise_json, const std::string& program) {
  std::string out;
  const heaplab::ExerciseLoadResult loaded = heaplab::load_exercise(exercise_json);
  if (!loaded.exercise) {
    out = "{\"error\":";
    heaplab::append_json_string(out, loaded.error);
    return out + "}";
  }
  heaplab::ExerciseRunOptions options;
  options.filename = "main.py";
  options.max_instructions = kPageInstructionBudget;
  const heaplab::ExerciseResult result = heaplab::check_exercise(*loaded.exercise, program, options);

  out = "{\"program_end\":\"";
  out += program_end_name(result.program_end);
  out += "\",\"output\":";
  heaplab::append_json_string(out, result.output);
  out += ",\"checks\":[";
  for (size_t i = 0; i < result.checks.size(); i++) {
    const heaplab::CheckOutcome& check = result.checks[i];
    if (i > 0) out += ',';
    out += "{\"name\":";
    heaplab::append_json_string(out, check.name);
    out += ",\"passed\":";
    out += check.passed ? "true" : "false";
    out += ",\"message\":";
    heaplab::append_json_string(out, check.message);
    out += '}';
  }
  return out + "]}";
}

}  // namespace

EMSCRIPTEN_BINDINGS(heaplab_exercise) {
  emscripten::function("checkExercise", &check_exercise_json);
}
