// `heaplab heap FILE`: runs FILE, then prints the heap snapshot JSON (the
// format every web view reads) to stdout. The program's own output and
// tracebacks go to stderr so that stdout is pure JSON; the snapshot is printed
// after an uncaught exception too, and the exit status is then 1.
#include <unistd.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/interrupt_signal.h"
#include "cli/line_reader.h"
#include "cli/program_driver.h"
#include "cli/source_file.h"
#include "cli/terminal_output.h"

namespace heaplab::cli {

int heap_command(const CommandLine& line) {
  const std::string& path = line.operands.at(0);
  SourceFile source = read_source_file(path);
  if (!source.text) {
    report_unreadable_file(path, source.error);
    return 2;
  }
  install_interrupt_handler();
  Session session(session_config_for(line));
  LineReader stdin_reader(STDIN_FILENO);  // the program's input(), as for `run`
  DriveResult result = drive_program(session, *source.text, SourceMode::File,
                                     traceback_filename(path), write_to_stderr, {},
                                     stdin_reader.input_source());
  std::string snapshot = session.snapshot_json();
  if (snapshot.empty() || snapshot.back() != '\n') snapshot += '\n';
  std::fwrite(snapshot.data(), 1, snapshot.size(), stdout);
  std::fflush(stdout);
  return result.state == RunState::Error ? 1 : 0;
}

}  // namespace heaplab::cli
