// `heaplab repl`: CPython's interactive loop on one Session. Prompts go to
// stdout, program output to stdout, tracebacks to stderr. A syntax error or an
// uncaught exception ends only the input that raised it, never the session.
// Ctrl-C at a prompt drops the input typed so far; Ctrl-C while a program runs
// raises KeyboardInterrupt in it; Ctrl-D (end of input) leaves.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "cli/interrupt_signal.h"
#include "cli/line_reader.h"
#include "cli/program_driver.h"
#include "cli/terminal_output.h"

namespace heaplab::cli {

namespace {

constexpr std::string_view kPrimaryPrompt = ">>> ";
constexpr std::string_view kContinuationPrompt = "... ";
constexpr std::string_view kInputFilename = "<stdin>";

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\f\r\n") == std::string::npos;
}

void run_input(Session& session, const std::string& input, LineReader& reader) {
  drive_program(session, input, SourceMode::Interactive, kInputFilename, write_to_terminal, {},
                reader.input_source());
}

void report_keyboard_interrupt() { write_to_terminal(Stream::Err, "\nKeyboardInterrupt\n"); }

}  // namespace

int repl_command(const CommandLine& line) {
  install_interrupt_handler();
  const bool interactive = isatty(STDIN_FILENO);
  if (interactive) {
    write_to_terminal(Stream::Err,
                      "heaplab: Python on a model of CPython 3.12's memory. Ctrl-D exits.\n");
  }
  Session session(session_config_for(line));
  LineReader reader(STDIN_FILENO);
  std::string input;
  std::string typed;
  for (;;) {
    if (take_interrupt_request()) {  // Ctrl-C that arrived while no read was waiting
      report_keyboard_interrupt();
      input.clear();
    }
    write_to_terminal(Stream::Out, input.empty() ? kPrimaryPrompt : kContinuationPrompt);
    switch (reader.read_line(typed)) {
      case LineReader::Status::Interrupted:
        report_keyboard_interrupt();
        reader.discard_pending();
        input.clear();
        continue;
      case LineReader::Status::EndOfInput:
        if (interactive) write_to_terminal(Stream::Out, "\n");
        // As CPython does, end of input also ends an unfinished block.
        if (!is_blank(input)) run_input(session, input, reader);
        return 0;
      case LineReader::Status::Line:
        break;
    }
    if (input.empty() && is_blank(typed)) continue;
    input += typed;
    input += '\n';
    // Classified as the lines typed so far joined by newlines: a trailing
    // newline stands for the empty line that ends a block (as on the web).
    if (session.classify(std::string_view(input).substr(0, input.size() - 1)) == InputStatus::Incomplete) continue;
    run_input(session, input, reader);
    input.clear();
  }
}

}  // namespace heaplab::cli
