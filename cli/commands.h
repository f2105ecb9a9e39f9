// The entry point of each `heaplab` command. Each returns the process exit
// status; main() has already checked the operand count and options.
#pragma once

#include "cli/command_line.h"

namespace heaplab::cli {

int run_command(const CommandLine& line);    // heaplab run FILE
int repl_command(const CommandLine& line);   // heaplab repl
int check_command(const CommandLine& line);  // heaplab check DIR
int heap_command(const CommandLine& line);   // heaplab heap FILE
int exercise_command(const CommandLine& line);  // heaplab exercise list DIR | check FILE [SOLUTION.py]

}  // namespace heaplab::cli
