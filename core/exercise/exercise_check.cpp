#include "core/exercise/exercise_check.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace heaplab {

namespace {

constexpr uint64_t kSliceInstructions = uint64_t(1) << 20;
// The line each check program prints with its verdict; nothing a program
// prints by accident starts with a control character.
constexpr std::string_view kVerdictMarker = "\x01heaplab-check ";

// Runs the started program to its end, input() meeting end of input. Past
// the budget the program is interrupted (KeyboardInterrupt) and given one more
// budget to unwind; false if even that does not end it.
bool run_to_end(Session& session, RunState state, uint64_t budget) {
  uint64_t executed = 0;
  bool interrupted = false;
  for (;;) {
    if (state == RunState::WaitingForInput) state = session.provide_input(std::nullopt);
    if (state != RunState::Paused) return true;
    if (executed >= budget) {
      if (interrupted) return false;
      session.interrupt();
      interrupted = true;
      executed = 0;
    }
    if (double left = session.sleep_remaining(); left > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(left));
    }
    const uint64_t slice = std::min(kSliceInstructions, budget - executed);
    state = session.run(slice);
    executed += slice;
  }
}

std::string take_all_output(Session& session) {
  std::string text;
  for (const OutputChunk& chunk : session.take_output()) text += chunk.text;
  return text;
}

// The check as a program run in the main module after the learner's: it
// prints one verdict line and leaves no name behind (so the value it saw
// keeps nothing alive for the next check). Built-ins are reached through the
// module, as a program may well have a global named `type` or `str`.
std::string check_program(const ExerciseCheck& check) {
  return "import builtins as __heaplab_builtins__\n"
         "__heaplab_value__ = None\n"
         "try:\n"
         "    __heaplab_value__ = (\n" +
         check.python +
         "\n)\n"
         "    __heaplab_builtins__.print(\"\\x01heaplab-check\", \"pass\" if __heaplab_value__ else \"fail\",\n"
         "                               __heaplab_builtins__.repr(__heaplab_value__)[:200])\n"
         "except BaseException as __heaplab_error__:\n"
         "    __heaplab_message__ = __heaplab_builtins__.str(__heaplab_error__)[:200]\n"
         "    __heaplab_builtins__.print(\"\\x01heaplab-check\", \"error\",\n"
         "                               __heaplab_builtins__.type(__heaplab_error__).__name__ +\n"
         "                               (\": \" + __heaplab_message__ if __heaplab_message__ else \"\"))\n"
         "    del __heaplab_message__\n"
         "finally:\n"
         "    del __heaplab_value__, __heaplab_builtins__\n";
}

// The last line of a traceback: "NameError: name 'x' is not defined".
std::string last_line(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  const size_t newline = text.rfind('\n');
  return std::string(newline == std::string_view::npos ? text : text.substr(newline + 1));
}

CheckOutcome run_check(Session& session, const ExerciseCheck& check, uint64_t budget) {
  CheckOutcome outcome{check.name, false, {}};
  const RunState started = session.start(check_program(check), SourceMode::File, "<check>");
  const bool ended = run_to_end(session, started, budget);
  const std::string output = take_all_output(session);
  if (!ended) {
    outcome.message = "the check did not finish";
    return outcome;
  }
  const size_t marker = output.rfind(kVerdictMarker);
  if (marker == std::string::npos) {
    outcome.message = "the check could not run: " + last_line(output);
    return outcome;
  }
  std::string verdict = output.substr(marker + kVerdictMarker.size());
  verdict = verdict.substr(0, verdict.find('\n'));
  const size_t space = verdict.find(' ');
  const std::string kind = verdict.substr(0, space);
  const std::string detail = space == std::string::npos ? std::string() : verdict.substr(space + 1);
  outcome.passed = kind == "pass";
  if (outcome.passed) return outcome;
  outcome.message = kind == "error" ? "raised " + detail : "got " + detail;
  if (!check.message.empty()) outcome.message = check.message + " (" + outcome.message + ")";
  return outcome;
}

}  // namespace

size_t ExerciseResult::passed_count() const {
  return size_t(std::count_if(checks.begin(), checks.end(), [](const CheckOutcome& c) { return c.passed; }));
}

ExerciseResult check_exercise(const Exercise& exercise, std::string_view program,
                              const ExerciseRunOptions& options) {
  SessionConfig config = options.session;
  if (exercise.memory_limit) config.memory_limit = *exercise.memory_limit;
  Session session(config);
  ExerciseResult result;

  const RunState started = session.start(program, SourceMode::File, options.filename);
  const bool ended = run_to_end(session, started, options.max_instructions);
  result.output = take_all_output(session);
  if (!ended) {
    result.program_end = ProgramEnd::OutOfBudget;
    for (const ExerciseCheck& check : exercise.checks) {
      result.checks.push_back({check.name, false, "not run: the program did not finish"});
    }
    return result;
  }
  result.program_end = session.state() == RunState::Error ? ProgramEnd::Raised : ProgramEnd::Finished;
  for (const ExerciseCheck& check : exercise.checks) {
    result.checks.push_back(run_check(session, check, options.max_instructions));
  }
  return result;
}

}  // namespace heaplab
