// `heaplab`: the native front end. Picks the command, checks its operands and
// options, and hands over to the command's own file.
#include <cstdio>
#include <string>
#include <string_view>

#include "cli/command_line.h"
#include "cli/commands.h"

namespace heaplab::cli {

namespace {

constexpr int kExitUsage = 2;

struct CommandSpec {
  std::string_view name;
  int min_operands;          // FILE or DIR: 1; repl: 0
  int max_operands;
  bool takes_check_options;  // --filter and --no-audit
  int (*handler)(const CommandLine&);
};

constexpr CommandSpec kCommands[] = {
    {"run", 1, 1, false, run_command},
    {"repl", 0, 0, false, repl_command},
    {"check", 1, 1, true, check_command},
    {"heap", 1, 1, false, heap_command},
    {"exercise", 2, 3, false, exercise_command},
};

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "usage: heaplab COMMAND [OPTIONS]\n"
               "\n"
               "Runs Python on heaplab's model of CPython 3.12's memory system.\n"
               "\n"
               "commands:\n"
               "  run FILE    run FILE as `python FILE` would: output to stdout, tracebacks to\n"
               "              stderr, exit status 1 after an uncaught exception\n"
               "  repl        the interactive prompt (>>> and ...); Ctrl-D leaves it\n"
               "  check DIR   run every X.py in DIR that has an X.out beside it, as if from\n"
               "              inside DIR, compare stdout+stderr with X.out byte for byte and\n"
               "              audit the heap; ends with the line `N passed, N failed`\n"
               "  heap FILE   run FILE with its output on stderr, then print the heap snapshot\n"
               "              JSON to stdout\n"
               "  exercise list DIR\n"
               "              list the exercises (*.json) in DIR: id, topic, title\n"
               "  exercise check FILE [SOLUTION.py]\n"
               "              run SOLUTION.py (the exercise's starter code without it), then\n"
               "              the exercise's checks; prints PASS/FAIL per check and ends with\n"
               "              `N passed, N failed` (exit status 0 only if all passed)\n"
               "\n"
               "options:\n"
               "  --memory-limit MB  the heap never grows past MB MiB (default %zu)\n"
               "  --filter SUBSTR    check: only the cases whose file name contains SUBSTR\n"
               "  --no-audit         check: skip the heap audit after each case\n"
               "  -h, --help         show this help\n",
               SessionConfig{}.memory_limit >> 20);
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "heaplab: %s\n\n", message.c_str());
  print_usage(stderr);
  return kExitUsage;
}

bool asks_for_help(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "-h" || arg == "--help" || (i == 1 && arg == "help")) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (asks_for_help(argc, argv)) {
    print_usage(stdout);
    return 0;
  }
  if (argc < 2) return usage_error("missing command");
  const std::string_view name = argv[1];
  for (const CommandSpec& spec : kCommands) {
    if (spec.name != name) continue;
    ParseResult parsed = parse_command_line(std::string(name), argc - 2, argv + 2);
    if (!parsed.command_line) return usage_error(parsed.error);
    const CommandLine& line = *parsed.command_line;
    const int operands = int(line.operands.size());
    if (operands < spec.min_operands || operands > spec.max_operands) {
      if (spec.max_operands > 1) return usage_error(std::string(name) + " takes `list DIR` or `check FILE [SOLUTION.py]`");
      return usage_error(std::string(name) + " takes " +
                         (spec.max_operands == 0 ? "no operand" : "exactly one operand"));
    }
    if (!spec.takes_check_options && (line.filter || line.no_audit)) {
      return usage_error("--filter and --no-audit apply to check only");
    }
    return spec.handler(line);
  }
  return usage_error("unknown command '" + std::string(name) + "'");
}

}  // namespace heaplab::cli

int main(int argc, char** argv) { return heaplab::cli::main(argc, argv); }
