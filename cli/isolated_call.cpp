#include "cli/isolated_call.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace heaplab::cli {

namespace {

void write_all(int fd, const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    ssize_t count = ::write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return;
    written += size_t(count);
  }
}

// Reads the child's result until it closes the pipe or the deadline passes.
bool read_until_closed(int fd, std::string& text, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd ready{fd, POLLIN, 0};
    int polled = ::poll(&ready, 1, int(left.count()));
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) return false;
    char buffer[4096];
    ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return true;
    text.append(buffer, size_t(count));
  }
}

std::string describe_status(int status) {
  if (WIFSIGNALED(status)) {
    int signal_number = WTERMSIG(status);
    return "crashed: signal " + std::to_string(signal_number) + " (" + strsignal(signal_number) +
           ")";
  }
  return "the case's process exited with status " + std::to_string(WEXITSTATUS(status)) +
         " (its messages are on stderr)";
}

}  // namespace

IsolatedResult call_isolated(const std::function<std::string()>& function,
                             std::chrono::seconds time_limit) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return {std::nullopt, std::string("pipe: ") + std::strerror(errno)};
  std::fflush(nullptr);  // or the child would write the parent's buffered output again
  pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return {std::nullopt, std::string("fork: ") + std::strerror(errno)};
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    write_all(pipe_fds[1], function());
    ::close(pipe_fds[1]);
    std::exit(0);  // exit, not _exit: sanitizers report leaks at exit
  }

  ::close(pipe_fds[1]);
  std::string text;
  const bool finished =
      read_until_closed(pipe_fds[0], text, std::chrono::steady_clock::now() + time_limit);
  ::close(pipe_fds[0]);
  if (!finished) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
    return {std::nullopt,
            "killed: still running after " + std::to_string(time_limit.count()) + " s"};
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {std::move(text), {}};
  return {std::nullopt, describe_status(status)};
}

}  // namespace heaplab::cli
