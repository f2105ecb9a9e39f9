// Runs a function in a forked child process, so that a crash or an endless
// loop inside one `heaplab check` case cannot take the whole run down with it:
// the case fails, with the reason, and the next one runs.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace heaplab::cli {

struct IsolatedResult {
  std::optional<std::string> value;  // what the function returned
  std::string failure;               // why there is no value: signal, exit status, time
};

// Calls `function` in a child process and returns its result; kills the
// child when it runs longer than `time_limit`.
IsolatedResult call_isolated(const std::function<std::string()>& function,
                             std::chrono::seconds time_limit);

}  // namespace heaplab::cli
