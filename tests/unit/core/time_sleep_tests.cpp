// time.sleep never blocks a front end: at the program's top level the VM
// yields (run() returns Paused until the time is up), inside a call from C++
// it sleeps in place.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "core/session/session.h"

using namespace heaplab;

namespace {

std::string output_of(Session& s) {
  std::string out;
  for (const OutputChunk& c : s.take_output()) out += c.text;
  return out;
}

}  // namespace

TEST_CASE("time.sleep at the top level yields instead of blocking") {
  Session s;
  REQUIRE(s.start("import time\nprint('before')\ntime.sleep(30)\nprint('after')\n", SourceMode::File, "<t>") ==
          RunState::Paused);
  REQUIRE(s.run(1'000'000) == RunState::Paused);
  CHECK(output_of(s) == "before\n");
  CHECK(s.sleep_remaining() > 29);
  // Asleep: run() returns at once without running anything.
  CHECK(s.run(1'000'000) == RunState::Paused);
  CHECK(output_of(s).empty());
  // An interrupt ends the sleep with KeyboardInterrupt.
  s.interrupt();
  CHECK(s.sleep_remaining() == 0);
  CHECK(s.run(1'000'000) == RunState::Error);
  CHECK(output_of(s).find("KeyboardInterrupt") != std::string::npos);
}

TEST_CASE("a short time.sleep ends and the program goes on") {
  Session s;
  s.start("import time\ntime.sleep(0.01)\nprint('done')\n", SourceMode::File, "<t>");
  RunState state = RunState::Paused;
  for (int i = 0; i < 1000 && state == RunState::Paused; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    state = s.run(1'000'000);
  }
  CHECK(state == RunState::Done);
  CHECK(output_of(s) == "done\n");
}

TEST_CASE("time.sleep inside a call from C++ sleeps in place") {
  Session s;
  s.start("import time\nclass A:\n    def __repr__(self):\n        time.sleep(0.01)\n        return 'A'\nprint(repr(A()))\n",
          SourceMode::File, "<t>");
  CHECK(s.run(1'000'000) == RunState::Done);
  CHECK(output_of(s) == "A\n");
}
