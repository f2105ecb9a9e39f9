// input() through the Session API, as the browser's worker drives it: the
// program pauses in WaitingForInput until the host provides a line, end of
// input (EOFError) or an interrupt (KeyboardInterrupt).
#include <catch2/catch.hpp>

#include <string>

#include "core/session/session.h"

using namespace heaplab;

namespace {

constexpr uint64_t kBudget = 100'000;

std::string take(Session& s, Stream stream) {
  std::string text;
  for (const OutputChunk& chunk : s.take_output())
    if (chunk.stream == stream) text += chunk.text;
  return text;
}

RunState run_until_blocked(Session& s, RunState state) {
  for (int i = 0; state == RunState::Paused && i < 1000; ++i) state = s.run(kBudget);
  return state;
}

}  // namespace

TEST_CASE("input() pauses the program until a line is provided") {
  Session s;
  RunState state = s.start("name = input('Name: ')\nprint('Hi', name)\n", SourceMode::File, "prog.py");
  REQUIRE(run_until_blocked(s, state) == RunState::WaitingForInput);
  CHECK(take(s, Stream::Out) == "Name: ");
  CHECK(s.run(kBudget) == RunState::WaitingForInput);  // nothing runs without the line
  CHECK(s.provide_input("Ada") == RunState::Paused);
  CHECK(run_until_blocked(s, RunState::Paused) == RunState::Done);
  CHECK(take(s, Stream::Out) == "Hi Ada\n");
}

TEST_CASE("input() raises EOFError at end of input and KeyboardInterrupt when interrupted") {
  Session s;
  RunState state = s.start("try:\n    input()\nexcept EOFError as e:\n    print('EOF', e)\n", SourceMode::File, "p.py");
  REQUIRE(run_until_blocked(s, state) == RunState::WaitingForInput);
  CHECK(s.provide_input(std::nullopt) == RunState::Paused);
  CHECK(run_until_blocked(s, RunState::Paused) == RunState::Done);
  CHECK(take(s, Stream::Out) == "EOF EOF when reading a line\n");

  state = s.start("input('? ')\n", SourceMode::Interactive, "<stdin>");
  REQUIRE(run_until_blocked(s, state) == RunState::WaitingForInput);
  s.interrupt();
  CHECK(run_until_blocked(s, s.state()) == RunState::Error);
  std::string err;
  for (const OutputChunk& chunk : s.take_output())
    if (chunk.stream == Stream::Err) err += chunk.text;
  CHECK(err.find("KeyboardInterrupt\n") != std::string::npos);
}

TEST_CASE("input() where the VM cannot pause needs a blocking reader") {
  Session s;
  const char* program = "def g():\n    yield input('g> ')\nprint(list(g()))\n";
  CHECK(run_until_blocked(s, s.start(program, SourceMode::File, "p.py")) == RunState::Error);
  CHECK(take(s, Stream::Err).find("NotImplementedError: input() cannot pause") != std::string::npos);
  s.set_blocking_input([] { return std::optional<std::string>("typed"); });
  CHECK(run_until_blocked(s, s.start(program, SourceMode::File, "p.py")) == RunState::Done);
  CHECK(take(s, Stream::Out) == "g> ['typed']\n");
}

TEST_CASE("input() in a method pauses the program too") {
  Session s;
  const char* program = "class Game:\n    def ask(self):\n        return input('move? ')\nprint(Game().ask())\n";
  REQUIRE(run_until_blocked(s, s.start(program, SourceMode::File, "p.py")) == RunState::WaitingForInput);
  CHECK(s.provide_input("e4") == RunState::Paused);
  CHECK(run_until_blocked(s, RunState::Paused) == RunState::Done);
  CHECK(take(s, Stream::Out) == "move? e4\n");
}

TEST_CASE("input() in __init__ pauses the program too") {
  Session s;
  const char* program = "class Player:\n    def __init__(self):\n        self.name = input('name: ')\nprint(Player().name)\n";
  REQUIRE(run_until_blocked(s, s.start(program, SourceMode::File, "p.py")) == RunState::WaitingForInput);
  CHECK(s.provide_input("Zoe") == RunState::Paused);
  CHECK(run_until_blocked(s, RunState::Paused) == RunState::Done);
  CHECK(take(s, Stream::Out) == "name: Zoe\n");
}

TEST_CASE("input() in a generator driven by a for loop or yield from pauses the program") {
  Session s;
  const char* program =
      "def answers():\n    while (a := input('> ')) != 'end':\n        yield a\n"
      "def relay():\n    yield from answers()\n"
      "for a in relay():\n    print('got', a)\n";
  RunState state = run_until_blocked(s, s.start(program, SourceMode::File, "p.py"));
  for (const char* line : {"x", "y", "end"}) {
    REQUIRE(state == RunState::WaitingForInput);
    CHECK(s.provide_input(line) == RunState::Paused);
    state = run_until_blocked(s, RunState::Paused);
  }
  CHECK(state == RunState::Done);
  CHECK(take(s, Stream::Out) == "> got x\n> got y\n> ");
}
