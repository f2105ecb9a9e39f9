// `heaplab check DIR`: the test runner for Python cases. Every X.py in DIR
// (sorted by name) that has an X.out beside it runs in a fresh Session, as if
// `python X.py` were run from inside DIR: tracebacks name the bare file name.
// stdout and stderr are captured together, in the order written, and must
// equal X.out byte for byte. Unless --no-audit, the heap audit runs after the
// program and any problem it finds fails the case too. A program's input()
// reads the lines of X.in when there is one (end of input otherwise). A case that runs too
// long fails instead of hanging. Each case runs in its own process, so a crash
// fails that case only. Ends with `N passed, N failed`. Ctrl-C keeps its
// default action here: it stops the whole run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/isolated_call.h"
#include "cli/line_diff.h"
#include "cli/program_driver.h"
#include "cli/source_file.h"

namespace heaplab::cli {

namespace {

namespace fs = std::filesystem;

constexpr uint64_t kCaseInstructionBudget = 2'000'000'000;
constexpr auto kCaseTimeout = std::chrono::seconds(20);
// The case's process is killed when one run() slice never returns, so that
// the timeout above, checked between slices, never comes.
constexpr auto kCaseProcessTimeout = kCaseTimeout + std::chrono::seconds(10);

struct TestCase {
  std::string name;  // X.py
  fs::path program;
  fs::path expected;
};

std::vector<TestCase> find_cases(const fs::path& dir, const std::optional<std::string>& filter) {
  std::vector<TestCase> cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const fs::path& program = entry.path();
    if (program.extension() != ".py" || !entry.is_regular_file()) continue;
    fs::path expected = program;
    expected.replace_extension(".out");
    if (!fs::is_regular_file(expected)) continue;
    std::string name = program.filename().string();
    if (filter && name.find(*filter) == std::string::npos) continue;
    cases.push_back({std::move(name), program, std::move(expected)});
  }
  std::sort(cases.begin(), cases.end(),
            [](const TestCase& a, const TestCase& b) { return a.name < b.name; });
  return cases;
}

// Why a case failed, as printed under its FAIL line; empty when it passed.
std::string run_case(const TestCase& test, const CommandLine& line) {
  SourceFile source = read_source_file(test.program.string());
  if (!source.text) return "  cannot read " + test.program.string() + ": " + source.error + "\n";
  SourceFile expected = read_source_file(test.expected.string());
  if (!expected.text)
    return "  cannot read " + test.expected.string() + ": " + expected.error + "\n";

  // X.in, when present, is what the program's input() calls read.
  fs::path input_path = test.program;
  input_path.replace_extension(".in");
  SourceFile input_text = read_source_file(input_path.string());
  std::string pending_input = input_text.text ? *input_text.text : std::string();
  auto input = [&pending_input]() {
    InputLine line;
    if (pending_input.empty()) return line;
    size_t newline = pending_input.find('\n');
    line.kind = InputLine::Kind::Line;
    line.text = pending_input.substr(0, newline);
    pending_input.erase(0, newline == std::string::npos ? std::string::npos : newline + 1);
    return line;
  };

  SessionConfig config = session_config_for(line);
  config.track_objects = !line.no_audit;  // the audit needs the object registry
  Session session(config);
  std::string output;
  auto capture = [&output](Stream, std::string_view text) { output.append(text); };
  DriveLimits limits{kCaseInstructionBudget, kCaseTimeout};
  DriveResult result =
      drive_program(session, *source.text, SourceMode::File, test.name, capture, limits, input);
  if (result.limit_reached == LimitReached::None) {
    session.finalize();  // what `python X.py` prints as it exits counts too
    forward_output(session, capture);
  }

  std::string report;
  switch (result.limit_reached) {
    case LimitReached::None:
      break;
    case LimitReached::Instructions:
      report +=
          "  still running after " + std::to_string(kCaseInstructionBudget) + " instructions\n";
      break;
    case LimitReached::Time:
      report += "  still running after " + std::to_string(kCaseTimeout.count()) + " s\n";
      break;
  }
  report += unified_line_diff(*expected.text, output);
  if (!line.no_audit && result.limit_reached == LimitReached::None) {
    for (const std::string& problem : session.audit(true)) report += "  audit: " + problem + "\n";
  }
  return report;
}

}  // namespace

int check_command(const CommandLine& line) {
  const fs::path dir = line.operands.at(0);
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    std::fprintf(stderr, "heaplab: check: '%s' is not a directory\n", dir.c_str());
    return 2;
  }
  int passed = 0;
  int failed = 0;
  for (const TestCase& test : find_cases(dir, line.filter)) {
    auto run_in_child = [&test, &line]() -> std::string {
      try {
        return run_case(test, line);
      } catch (const std::exception& e) {
        return std::string("  the interpreter threw a C++ exception: ") + e.what() + "\n";
      }
    };
    IsolatedResult isolated = call_isolated(run_in_child, kCaseProcessTimeout);
    const std::string report = isolated.value ? *isolated.value : "  " + isolated.failure + "\n";
    if (report.empty()) {
      ++passed;
      std::printf("PASS %s\n", test.name.c_str());
    } else {
      ++failed;
      std::printf("FAIL %s\n%s", test.name.c_str(), report.c_str());
    }
    std::fflush(stdout);
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace heaplab::cli
