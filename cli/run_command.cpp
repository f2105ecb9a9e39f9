// `heaplab run FILE`: behaves like `python FILE`. Program output goes to
// stdout, tracebacks to stderr; the exit status is 0, 1 after an uncaught
// exception, or 130 when Ctrl-C ended the program (CPython dies of the
// re-raised SIGINT, which a shell reports as 130).
#include <unistd.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/interrupt_signal.h"
#include "cli/line_reader.h"
#include "cli/program_driver.h"
#include "cli/source_file.h"
#include "cli/terminal_output.h"

namespace heaplab::cli {

namespace {

constexpr int kExitInterrupted = 130;

}  // namespace

int run_command(const CommandLine& line) {
  const std::string& path = line.operands.at(0);
  SourceFile source = read_source_file(path);
  if (!source.text) {
    report_unreadable_file(path, source.error);
    return 2;
  }
  install_interrupt_handler();
  Session session(session_config_for(line));
  LineReader stdin_reader(STDIN_FILENO);
  DriveResult result = drive_program(session, *source.text, SourceMode::File,
                                     traceback_filename(path), write_to_terminal, {},
                                     stdin_reader.input_source());
  session.finalize();
  forward_output(session, write_to_terminal);
  if (result.state != RunState::Error) return 0;
  return result.interrupted ? kExitInterrupted : 1;
}

}  // namespace heaplab::cli
