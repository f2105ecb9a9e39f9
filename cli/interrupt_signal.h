// Ctrl-C handling. The SIGINT handler only records the request; the command
// loops poll it between run() slices or after an interrupted read and call
// Session::interrupt() themselves, since nothing else is async-signal-safe.
#pragma once

namespace heaplab::cli {

// Installs the SIGINT handler (without SA_RESTART, so a blocking read()
// returns EINTR and the REPL can react at its prompt).
void install_interrupt_handler();

// True once per Ctrl-C: returns whether one arrived since the last call.
bool take_interrupt_request();

}  // namespace heaplab::cli
