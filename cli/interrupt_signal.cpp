#include "cli/interrupt_signal.h"

#include <atomic>
#include <csignal>

namespace heaplab::cli {

namespace {

std::atomic<bool> interrupt_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_sigint(int) { interrupt_requested.store(true); }

}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
}

bool take_interrupt_request() { return interrupt_requested.exchange(false); }

}  // namespace heaplab::cli
