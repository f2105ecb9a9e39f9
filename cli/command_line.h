// The parsed arguments of one `heaplab COMMAND ...` invocation.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/session/session.h"

namespace heaplab::cli {

struct CommandLine {
  std::string command;
  std::vector<std::string> operands;
  std::optional<size_t> memory_limit_bytes;  // --memory-limit MB
  std::optional<std::string> filter;         // --filter SUBSTR (check)
  bool no_audit = false;                     // --no-audit (check)
};

struct ParseResult {
  std::optional<CommandLine> command_line;
  std::string error;  // set when command_line is empty
};

// Splits argv after the command name into operands and options. Options may
// appear anywhere after the command; `--` ends option parsing.
ParseResult parse_command_line(const std::string& command, int argc, char** argv);

// The Session configuration the options ask for.
SessionConfig session_config_for(const CommandLine& line);

}  // namespace heaplab::cli
