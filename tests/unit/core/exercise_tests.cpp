// Exercise files and the checker: loading with clear errors for bad files,
// and check_exercise running the program, then each check in its globals.
#include <catch2/catch.hpp>

#include <string>

#include "core/exercise/exercise.h"
#include "core/exercise/exercise_check.h"

using namespace heaplab;

namespace {

Exercise exercise_with_checks(std::string checks_json) {
  ExerciseLoadResult loaded = load_exercise(
      R"J({"id": "t", "title": "T", "topic": "testing", "instructions": ["line 1", "line 2"],
          "starter": "x = 1\n", "hints": ["h"], "checks": )J" + checks_json + "}");
  INFO(loaded.error);
  REQUIRE(loaded.exercise);
  return *loaded.exercise;
}

std::string load_error(std::string_view json) {
  ExerciseLoadResult loaded = load_exercise(json);
  REQUIRE_FALSE(loaded.exercise);
  return loaded.error;
}

}  // namespace

TEST_CASE("an exercise file loads with its fields") {
  ExerciseLoadResult loaded = load_exercise(R"J({
    "id": "03_cycles", "title": "Cycles", "topic": "gc", "instructions": ["a", "b"],
    "starter": ["import gc", "x = 1"], "hints": ["one", "two"],
    "settings": {"memory_limit_mb": 32},
    "checks": [{"name": "n", "python": "x == 1", "message": "m"}]})J");
  REQUIRE(loaded.exercise);
  const Exercise& e = *loaded.exercise;
  CHECK(e.id == "03_cycles");
  CHECK(e.instructions == "a\nb\n");
  CHECK(e.starter == "import gc\nx = 1\n");
  CHECK(e.hints.size() == 2);
  CHECK(e.memory_limit == size_t(32) << 20);
  REQUIRE(e.checks.size() == 1);
  CHECK(e.checks[0].message == "m");
}

TEST_CASE("bad exercise files give errors naming the field") {
  CHECK(load_error("[]") == "an exercise must be a JSON object");
  CHECK(load_error("{") == "invalid JSON: line 1, column 2: expected a string key");
  CHECK(load_error(R"J({"id": "x"})J") == "exercise: missing \"title\"");
  CHECK(load_error(R"J({"id": 3, "title": "", "topic": "", "instructions": "", "starter": "", "checks": []})J") ==
        "exercise: \"id\" must be a string, not a number");
  CHECK(load_error(R"J({"id": "", "title": "", "topic": "", "instructions": "", "starter": "", "checks": []})J") ==
        "exercise: \"checks\" must not be empty");
  CHECK(load_error(R"J({"id": "", "title": "", "topic": "", "instructions": "", "starter": [1], "checks": []})J") ==
        "exercise: \"starter\" must be a string or an array of strings");
  CHECK(load_error(R"J({"id": "", "title": "", "topic": "", "instructions": "", "starter": "", "extra": 1})J") ==
        "exercise: unknown key \"extra\"");
  CHECK(load_error(R"J({"id": "", "title": "", "topic": "", "instructions": "", "starter": "",
                      "checks": [{"name": "n"}]})J") == "checks[0]: missing \"python\"");
  CHECK(load_error(R"J({"id": "", "title": "", "topic": "", "instructions": "", "starter": "",
                      "settings": {"memory_limit_mb": 0.5}, "checks": [{"name": "n", "python": "1"}]})J") ==
        "settings: \"memory_limit_mb\" must be a whole number of MB between 1 and 1024");
}

TEST_CASE("checks run in the program's globals after it ran") {
  Exercise e = exercise_with_checks(R"J([
    {"name": "true", "python": "x == 1"},
    {"name": "falsy", "python": "x - 1", "message": "x should differ from 1"},
    {"name": "raises", "python": "undefined_name"},
    {"name": "bad syntax", "python": "x ==="},
    {"name": "sees program state", "python": "len(items) == 3 and helper() == 6"}])J");
  // The program's own `type` and `str` do not disturb the verdicts.
  ExerciseResult r = check_exercise(
      e, "x = 1\nitems = [1, 2, 3]\ndef helper():\n    return sum(items)\nprint('hi')\ntype = str = repr = None\n");
  CHECK(r.program_end == ProgramEnd::Finished);
  CHECK(r.output == "hi\n");
  REQUIRE(r.checks.size() == 5);
  CHECK(r.checks[0].passed);
  CHECK(r.checks[0].message.empty());
  CHECK_FALSE(r.checks[1].passed);
  CHECK(r.checks[1].message == "x should differ from 1 (got 0)");
  CHECK_FALSE(r.checks[2].passed);
  CHECK(r.checks[2].message == "raised NameError: name 'undefined_name' is not defined");
  CHECK_FALSE(r.checks[3].passed);
  CHECK(r.checks[3].message.find("the check could not run: SyntaxError") == 0);
  CHECK(r.checks[4].passed);
  CHECK(r.passed_count() == 2);
  CHECK_FALSE(r.all_passed());
}

TEST_CASE("a check leaves nothing behind for the next one") {
  Exercise e = exercise_with_checks(R"J([
    {"name": "makes an object", "python": "Thing()"},
    {"name": "it is gone", "python": "weakref.ref(Thing()) and not [o for o in gc.get_objects() if type(o) is Thing]"},
    {"name": "only this check's own name", "python": "[n for n in globals() if n.startswith('__heaplab')] == ['__heaplab_builtins__', '__heaplab_value__']"}])J");
  ExerciseResult r = check_exercise(e, "import gc, weakref\nclass Thing:\n    pass\n");
  for (const CheckOutcome& c : r.checks) {
    INFO(c.name << ": " << c.message);
    CHECK(c.passed);
  }
}

TEST_CASE("a program that raises is reported, and checks still run") {
  Exercise e = exercise_with_checks(R"J([{"name": "a", "python": "a == 1"}, {"name": "b", "python": "b == 2"}])J");
  ExerciseResult r = check_exercise(e, "a = 1\nraise ValueError('boom')\nb = 2\n");
  CHECK(r.program_end == ProgramEnd::Raised);
  CHECK(r.output.find("ValueError: boom") != std::string::npos);
  CHECK(r.checks[0].passed);
  CHECK_FALSE(r.checks[1].passed);
}

TEST_CASE("an endless program is stopped and its checks are not run") {
  Exercise e = exercise_with_checks(R"J([{"name": "a", "python": "True"}])J");
  ExerciseRunOptions options;
  options.max_instructions = 100'000;
  ExerciseResult r = check_exercise(e, "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n",
                                    options);
  CHECK(r.program_end == ProgramEnd::OutOfBudget);
  CHECK_FALSE(r.checks[0].passed);
  CHECK(r.checks[0].message == "not run: the program did not finish");
  // Interrupted after its budget, a plain loop ends with KeyboardInterrupt.
  r = check_exercise(e, "while True:\n    pass\n", options);
  CHECK(r.program_end == ProgramEnd::Raised);
  CHECK(r.output.find("KeyboardInterrupt") != std::string::npos);
  CHECK(r.checks[0].passed);
}

TEST_CASE("the exercise's memory limit applies, and exhausting it is a MemoryError") {
  ExerciseLoadResult loaded = load_exercise(R"J({"id": "m", "title": "M", "topic": "t", "instructions": "",
      "starter": "", "settings": {"memory_limit_mb": 16},
      "checks": [{"name": "caught", "python": "caught"}, {"name": "freed", "python": "len(x) == 0"}]})J");
  REQUIRE(loaded.exercise);
  // Filling the heap with small objects: the MemoryError comes when even its
  // traceback cannot be allocated, and must still be caught cleanly.
  ExerciseResult r = check_exercise(*loaded.exercise,
                                    "x = []\ncaught = False\ntry:\n    for i in range(10**7):\n"
                                    "        x.append('item ' + str(i))\nexcept MemoryError:\n"
                                    "    caught = True\n    x.clear()\n");
  CHECK(r.program_end == ProgramEnd::Finished);
  CHECK(r.all_passed());
}
