// Runs a learner's program for an exercise in a fresh Session, then each of
// the exercise's checks in that program's globals, and reports what passed.
// The CLI (`heaplab exercise check`) and the playground page both use it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/exercise/exercise.h"
#include "core/session/session.h"

namespace heaplab {

struct CheckOutcome {
  std::string name;
  bool passed = false;
  std::string message;  // why it failed (empty when it passed)
};

// How the program itself ended.
enum class ProgramEnd : uint8_t {
  Finished,      // ran to its end
  Raised,        // ended with an uncaught exception (its traceback is in output)
  OutOfBudget,   // still running after max_instructions: checks were not run
};

struct ExerciseResult {
  ProgramEnd program_end = ProgramEnd::Finished;
  std::string output;  // the program's stdout and stderr, in the order written
  std::vector<CheckOutcome> checks;

  size_t passed_count() const;
  bool all_passed() const { return passed_count() == checks.size(); }
};

struct ExerciseRunOptions {
  SessionConfig session;  // its memory_limit gives way to the exercise's own setting
  std::string filename = "<exercise>";  // the program's name in tracebacks
  // Bounds the program and each check, so a learner's endless loop ends.
  uint64_t max_instructions = 2'000'000'000;
};

ExerciseResult check_exercise(const Exercise& exercise, std::string_view program,
                              const ExerciseRunOptions& options = {});

}  // namespace heaplab
