// `heaplab exercise list DIR` and `heaplab exercise check FILE [SOLUTION.py]`:
// the course's exercises (examples/exercises/*.json) at the terminal. `check`
// runs the solution (the exercise's starter code without one) through
// core/exercise's checker and prints the program's output, then each check as
// PASS or FAIL, then `N passed, N failed`; the exit status is 0 only when
// every check passed (1 otherwise, 2 when a file cannot be read or loaded).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/source_file.h"
#include "core/exercise/exercise_check.h"

namespace heaplab::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kExitFailed = 1;
constexpr int kExitUnusable = 2;

std::optional<Exercise> read_exercise(const std::string& path) {
  SourceFile file = read_source_file(path);
  if (!file.text) {
    report_unreadable_file(path, file.error);
    return std::nullopt;
  }
  ExerciseLoadResult loaded = load_exercise(*file.text);
  if (!loaded.exercise) std::fprintf(stderr, "heaplab: %s: %s\n", path.c_str(), loaded.error.c_str());
  return std::move(loaded.exercise);
}

int list_exercises(const std::string& dir) {
  std::error_code error;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".json" && it->is_regular_file()) files.push_back(it->path());
  }
  if (error) {
    std::fprintf(stderr, "heaplab: can't list '%s': %s\n", dir.c_str(), error.message().c_str());
    return kExitUnusable;
  }
  std::sort(files.begin(), files.end());
  int status = 0;
  for (const fs::path& file : files) {
    std::optional<Exercise> exercise = read_exercise(file.string());
    if (!exercise) {
      status = kExitUnusable;
      continue;
    }
    std::printf("%-22s %-28s %s\n", exercise->id.c_str(), exercise->topic.c_str(), exercise->title.c_str());
  }
  return status;
}

int check_solution(const std::string& exercise_path, const std::optional<std::string>& solution_path,
                   const CommandLine& line) {
  std::optional<Exercise> exercise = read_exercise(exercise_path);
  if (!exercise) return kExitUnusable;
  ExerciseRunOptions options;
  options.session = session_config_for(line);
  std::string program = exercise->starter;
  if (solution_path) {
    SourceFile solution = read_source_file(*solution_path);
    if (!solution.text) {
      report_unreadable_file(*solution_path, solution.error);
      return kExitUnusable;
    }
    program = std::move(*solution.text);
    options.filename = traceback_filename(*solution_path);
  } else {
    options.filename = "<starter>";
  }

  const ExerciseResult result = check_exercise(*exercise, program, options);
  std::printf("%s: %s (%s)\n", exercise->id.c_str(), exercise->title.c_str(),
              solution_path ? solution_path->c_str() : "starter code");
  if (!result.output.empty()) {
    std::printf("--- program output ---\n%s", result.output.c_str());
    if (result.output.back() != '\n') std::printf("\n");
    std::printf("---\n");
  }
  if (result.program_end == ProgramEnd::Raised) std::printf("the program ended with an uncaught exception\n");
  if (result.program_end == ProgramEnd::OutOfBudget) std::printf("the program did not finish\n");
  for (const CheckOutcome& check : result.checks) {
    if (check.passed) {
      std::printf("PASS  %s\n", check.name.c_str());
    } else {
      std::printf("FAIL  %s: %s\n", check.name.c_str(), check.message.c_str());
    }
  }
  const size_t passed = result.passed_count();
  std::printf("%zu passed, %zu failed\n", passed, result.checks.size() - passed);
  return result.all_passed() ? 0 : kExitFailed;
}

}  // namespace

int exercise_command(const CommandLine& line) {
  const std::vector<std::string>& operands = line.operands;
  if (operands.size() == 2 && operands[0] == "list") return list_exercises(operands[1]);
  if (operands.size() >= 2 && operands.size() <= 3 && operands[0] == "check") {
    return check_solution(operands[1], operands.size() == 3 ? std::optional(operands[2]) : std::nullopt, line);
  }
  std::fprintf(stderr,
               "heaplab: exercise takes `list DIR` or `check FILE [SOLUTION.py]`\n");
  return kExitUnusable;
}

}  // namespace heaplab::cli
