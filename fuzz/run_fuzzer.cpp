// Arbitrary bytes compiled and run as a program in a fresh Session with
// small budgets, as the page runs a pasted program: a few MiB of memory and
// a bounded number of instructions in slices, then Ctrl-C (KeyboardInterrupt)
// if it still runs, then the interpreter's exit. Whatever the program does,
// the host must not crash, and the heap audit (refcounts equal references,
// allocator invariants, nothing left after a reset) must find nothing.
// A program that stored objects in the builtins or sys modules keeps them
// alive past the reset (as it would in CPython), so for it the audit leaves
// out "leaked" objects.
//
// Two things a program can ask for would only make the fuzzer wait: time.sleep
// returns at once here (nanosleep below; a yielded sleep at the top level is
// cut short by the interrupt), and a loop in a call the VM cannot pause in (a
// __del__, a sort key, a generator list() drains) is interrupted by a
// watchdog once the input has run for kWatchdogAfter, as a user's Ctrl-C.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/lang/interpreter.h"
#include "core/object/dict.h"
#include "core/object/module.h"
#include "core/session/session.h"

namespace {

using namespace heaplab;

constexpr size_t kMemoryLimit = size_t(4) << 20;
constexpr uint64_t kSliceInstructions = 10'000;
constexpr int kSlices = 30;
constexpr auto kWatchdogAfter = std::chrono::milliseconds(500);
constexpr auto kWatchdogEvery = std::chrono::milliseconds(100);

// Interrupts the running input's VM, from its own thread, while one runs
// longer than kWatchdogAfter.
class Watchdog {
 public:
  Watchdog() : thread_([this] { loop(); }) { thread_.detach(); }

  void watch(Interpreter* interp) {
    std::lock_guard lock(mutex_);
    interp_ = interp;
    deadline_ = std::chrono::steady_clock::now() + kWatchdogAfter;
    wake_.notify_one();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    interp_ = nullptr;
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (!interp_) {
        wake_.wait(lock);
        continue;
      }
      if (wake_.wait_until(lock, deadline_) == std::cv_status::timeout && interp_) {
        std::atomic_ref<bool>(interp_->rt.interrupt_requested).store(true, std::memory_order_relaxed);
        deadline_ += kWatchdogEvery;
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  Interpreter* interp_ = nullptr;
  std::chrono::steady_clock::time_point deadline_;
  std::thread thread_;
};

// The (name, value) pairs of the modules that outlive a reset.
std::vector<std::pair<Object*, Object*>> interpreter_modules_contents(Interpreter& interp) {
  std::vector<std::pair<Object*, Object*>> contents;
  for (Object* module : {interp.builtins_module(), interp.sys_module()}) {
    int64_t pos = 0;
    Object *name, *value;
    while (dict_next(module_dict(module), &pos, &name, &value)) contents.emplace_back(name, value);
  }
  return contents;
}

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "run_fuzzer: %s\n", what);
  std::abort();
}

}  // namespace

// time.sleep inside a call from C++ sleeps on the host (std::this_thread::sleep_for).
extern "C" int nanosleep(const timespec*, timespec*) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Watchdog* watchdog = new Watchdog;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  SessionConfig config;
  config.memory_limit = kMemoryLimit;
  config.track_objects = true;  // the audit checks every refcount
  Session session(config);
  watchdog->watch(&session.interpreter());

  RunState state = session.start(source, SourceMode::File, "<fuzz>");
  auto modules_at_start = interpreter_modules_contents(session.interpreter());
  for (int slice = 0; slice < kSlices; ++slice) {
    if (state == RunState::WaitingForInput) {
      // Every other input() reads a line, the rest meet the end of input.
      state = session.provide_input(slice % 2 ? std::optional<std::string_view>("1") : std::nullopt);
    } else if (state == RunState::Paused) {
      if (session.sleep_remaining() > 0) session.interrupt();
      state = session.run(kSliceInstructions);
    } else {
      break;
    }
    session.take_output();
  }
  if (state == RunState::Paused || state == RunState::WaitingForInput) {
    session.interrupt();  // KeyboardInterrupt, which the program may catch
    state = session.run(kSliceInstructions);
  }
  if (state == RunState::Done || state == RunState::Error) session.finalize();
  session.take_output();

  bool modules_changed = interpreter_modules_contents(session.interpreter()) != modules_at_start;
  std::vector<std::string> problems = session.audit(true);
  watchdog->stop();
  if (modules_changed) std::erase_if(problems, [](const std::string& p) { return p.starts_with("leaked: "); });
  if (!problems.empty()) {
    for (const std::string& problem : problems) std::fprintf(stderr, "audit: %s\n", problem.c_str());
    fail("the heap audit failed");
  }
  return 0;
}
