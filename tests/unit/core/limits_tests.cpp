// The limits a pasted program meets (README, "Limits"): each one raises a
// Python-level error, and the same session then goes on running code with
// its heap intact (the audit finds every refcount right and the allocator's
// invariants holding).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/session/session.h"

using namespace heaplab;

namespace {

constexpr uint64_t kBudget = 1'000'000;

struct Output {
  std::string out, err;
};

Output take(Session& s) {
  Output o;
  for (const OutputChunk& chunk : s.take_output()) (chunk.stream == Stream::Out ? o.out : o.err) += chunk.text;
  return o;
}

SessionConfig audited(size_t memory_limit = size_t(256) << 20) {
  SessionConfig config;
  config.memory_limit = memory_limit;
  config.track_objects = true;
  return config;
}

// Runs a program to its end. Each one goes on in the globals of the ones
// before, as the shell goes on after Run.
RunState run(Session& s, const std::string& source, SourceMode mode = SourceMode::File) {
  RunState state = s.start(source, mode, mode == SourceMode::File ? "main.py" : "<stdin>");
  while (state == RunState::Paused) state = s.run(kBudget);
  return state;
}

// The session still works: it runs more code, and the heap audit is clean.
void check_still_works(Session& s) {
  take(s);
  REQUIRE(run(s, "after = [str(i) for i in range(1000)]\nprint(len(after), after[-1])\n") == RunState::Done);
  CHECK(take(s).out == "1000 999\n");
  CHECK(s.audit(false) == std::vector<std::string>{});
}

}  // namespace

TEST_CASE("limits: an endless loop stops with KeyboardInterrupt when interrupted") {
  Session s(audited());
  REQUIRE(run(s, "x = 0\n") == RunState::Done);
  RunState state = s.start("while True:\n    x += 1\n", SourceMode::File, "main.py");
  for (int slice = 0; slice < 5; ++slice) {
    REQUIRE(state == RunState::Paused);  // each slice returns when its budget is spent
    state = s.run(10'000);
  }
  s.interrupt();
  CHECK(s.run(10'000) == RunState::Error);
  std::string err = take(s).err;
  CHECK(err.find("Traceback (most recent call last):\n  File \"main.py\", line ") == 0);
  CHECK(err.ends_with("KeyboardInterrupt\n"));
  REQUIRE(run(s, "print(x > 0)\n") == RunState::Done);
  CHECK(take(s).out == "True\n");
  check_still_works(s);
}

TEST_CASE("limits: the memory limit raises MemoryError and leaves the region intact") {
  Session s(audited(size_t(32) << 20));
  SECTION("one huge allocation") {
    REQUIRE(run(s, "b = bytearray(100 * 2**20)\n") == RunState::Error);
    CHECK(take(s).err.ends_with("MemoryError\n"));
  }
  SECTION("a list growing for ever") {
    REQUIRE(run(s, "grow = []\nwhile True:\n    grow.append([0] * 10)\n") == RunState::Error);
    CHECK(take(s).err.ends_with("MemoryError\n"));
    REQUIRE(run(s, "print(len(grow) > 10000)\ndel grow\n") == RunState::Done);
    CHECK(take(s).out == "True\n");
  }
  SECTION("a string doubling") {
    REQUIRE(run(s, "text = 'ab'\nwhile True:\n    text = text + text\n") == RunState::Error);
    CHECK(take(s).err.ends_with("MemoryError\n"));
    REQUIRE(run(s, "print(len(text) >= 2**20)\ndel text\n") == RunState::Done);
    CHECK(take(s).out == "True\n");
  }
  SECTION("caught by the program") {
    REQUIRE(run(s, "try:\n    b = b'x' * 2**30\nexcept MemoryError:\n    print('caught')\n") == RunState::Done);
    CHECK(take(s).out == "caught\n");
  }
  CHECK(s.audit(false) == std::vector<std::string>{});
  // Most of the region is free again: a big allocation fits.
  REQUIRE(run(s, "big = bytearray(16 * 2**20)\nprint(len(big))\ndel big\n") == RunState::Done);
  CHECK(take(s).out == "16777216\n");
  check_still_works(s);
}

TEST_CASE("limits: deep Python recursion raises RecursionError") {
  Session s(audited());
  const char* program =
      "def down(n):\n    return down(n + 1)\n"
      "try:\n    down(0)\nexcept RecursionError as e:\n    print(e)\n";
  REQUIRE(run(s, program) == RunState::Done);
  CHECK(take(s).out == "maximum recursion depth exceeded\n");
  // Recursion through C++ (a __repr__ calling repr) stops too.
  const char* through_repr =
      "class R:\n    def __repr__(self):\n        return repr(self)\n"
      "try:\n    repr(R())\nexcept RecursionError as e:\n    print(type(e).__name__)\n";
  REQUIRE(run(s, through_repr) == RunState::Done);
  CHECK(take(s).out == "RecursionError\n");
  check_still_works(s);
}

// The collector traverses and frees a cycle a million deep; what CPython
// itself overflows its stack on (a million-deep frozenset, a hashed tuple
// nested a million deep) raises RecursionError or is freed iteratively.
TEST_CASE("limits: data nested a million deep never overflows the host stack") {
  Session s(audited(size_t(1) << 30));
  const char* program =
      "import gc\ngc.disable()\nN = 1000000\n"
      "bottom = x = []\nfor i in range(N): x = [x]\nbottom.append(x)\nprint(gc.collect())\n"
      "del x, bottom\nprint(gc.collect())\n"
      "t = ()\nfor i in range(N): t = (t,)\n"
      "try:\n    hash(t)\nexcept RecursionError as e:\n    print('hash', e)\n"
      "try:\n    {t}\nexcept RecursionError as e:\n    print('set', e)\n"
      "del t\n"
      "x = frozenset()\nfor i in range(N): x = frozenset([x])\ndel x\n"
      "x = None\nfor i in range(N): x = staticmethod(x)\ndel x\n"
      "x = None\nfor i in range(N): x = property(x)\ndel x\n"
      "x = []\nfor i in range(N): x = enumerate(x)\ndel x\n"
      "def g(v):\n    yield v\nx = None\nfor i in range(N): x = g(x)\ndel x\n"
      "gc.enable()\nprint('freed')\n";
  REQUIRE(run(s, program) == RunState::Done);
  CHECK(take(s).out ==
        "0\n1000001\n"
        "hash maximum recursion depth exceeded while hashing a tuple\n"
        "set maximum recursion depth exceeded while hashing a tuple\n"
        "freed\n");
  check_still_works(s);
}

TEST_CASE("limits: an uncaught exception chained 100,000 deep prints without overflowing the host stack") {
  Session s(audited());
  const char* program =
      "e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n"
      "    except ValueError as err:\n        e = err\nraise e\n";
  REQUIRE(run(s, program) == RunState::Error);
  std::string err = take(s).err;
  CHECK(err.ends_with("    raise e\n  File \"main.py\", line 4, in <module>\n"
                      "    raise ValueError(i) from e\nValueError: 99999\n"));
  CHECK(err.find("The above exception was the direct cause of the following exception:") != std::string::npos);
  check_still_works(s);
}

TEST_CASE("limits: endless output pauses the run until the front end takes it") {
  Session s(audited());
  RunState state = s.start("while True:\n    print('x' * 1000)\n", SourceMode::File, "main.py");
  for (int slice = 0; slice < 20; ++slice) {
    REQUIRE(state == RunState::Paused);
    state = s.run(UINT64_MAX);  // no budget: only the output buffer stops it
    size_t bytes = 0;
    for (const OutputChunk& chunk : s.take_output()) bytes += chunk.text.size();
    CHECK(bytes >= kOutputPauseBytes);
    CHECK(bytes < kOutputPauseBytes + 2000);
  }
  s.interrupt();
  CHECK(s.run(kBudget) == RunState::Error);
  CHECK(take(s).err.ends_with("KeyboardInterrupt\n"));
  check_still_works(s);
}

TEST_CASE("limits: output where the VM cannot pause is dropped past the cap, with a notice") {
  Session s(audited());
  // The loop runs in a __repr__ called from C++: no pause is possible there.
  const char* program =
      "class Loud:\n    def __repr__(self):\n"
      "        for i in range(20000):\n            print('y' * 1000)\n        return 'Loud'\n"
      "print(repr(Loud()))\n";
  REQUIRE(run(s, program) == RunState::Done);
  Output o = take(s);
  CHECK(o.out.size() + 1001 >= kMaxPendingOutputBytes);
  CHECK(o.out.size() < kMaxPendingOutputBytes + 1001);
  CHECK(o.err == "\n[heaplab: more than 16 MiB of output waited to be shown; the rest of it was dropped]\n");
  check_still_works(s);
}

TEST_CASE("limits: source code and input lines have a maximum size") {
  Session s(audited());
  std::string big = "x = 1\n";
  while (big.size() <= kMaxSourceBytes) big += big;
  CHECK(s.start(big, SourceMode::File, "main.py") == RunState::Error);
  CHECK(take(s).err == "MemoryError: source code too long: " + std::to_string(big.size()) +
                           " bytes (heaplab runs at most 1048576)\n");
  // exec() of a string built by the program meets the same limit.
  REQUIRE(run(s, "try:\n    exec('x = 1\\n' * 200000)\nexcept MemoryError as e:\n    print(e)\n") == RunState::Done);
  CHECK(take(s).out == "source code too long: 1200000 bytes (heaplab runs at most 1048576)\n");

  RunState state = run(s, "try:\n    line = input()\nexcept MemoryError as e:\n    print(e)\n");
  REQUIRE(state == RunState::WaitingForInput);
  CHECK(s.provide_input(std::string(kMaxInputLineBytes + 1, 'a')) == RunState::Paused);
  while (state != RunState::Done && state != RunState::Error) state = s.run(kBudget);
  CHECK(state == RunState::Done);
  CHECK(take(s).out == "input line too long: 1048577 bytes (heaplab reads at most 1048576)\n");
  // A line of exactly the limit is read.
  state = run(s, "line = input()\nprint(len(line))\n");
  REQUIRE(state == RunState::WaitingForInput);
  s.provide_input(std::string(kMaxInputLineBytes, 'a'));
  while (state != RunState::Done && state != RunState::Error) state = s.run(kBudget);
  CHECK(take(s).out == "1048576\n");
  check_still_works(s);
}

TEST_CASE("limits: a reset after a big program leaves only the static objects") {
  Session s(audited());
  const char* program =
      "class Node:\n    def __init__(self, nxt):\n        self.next = nxt\n"
      "chain = None\nfor i in range(100000):\n    chain = Node(chain)\n"
      "ring = [[i, str(i), {i: float(i)}] for i in range(20000)]\nring.append(ring)\n"
      "table = {str(i): (i, [i]) for i in range(20000)}\n"
      "import collections, functools\ncache = functools.lru_cache(maxsize=None)(lambda n: [n])\n"
      "kept = [cache(i) for i in range(1000)]\n";
  REQUIRE(run(s, program) == RunState::Done);
  CHECK(s.audit(true) == std::vector<std::string>{});
  // The region is empty of the program's objects, and the session goes on.
  REQUIRE(run(s, "print('chain' in globals(), 'ring' in globals())\n") == RunState::Done);
  CHECK(take(s).out == "False False\n");
  check_still_works(s);
  CHECK(s.audit(true) == std::vector<std::string>{});
}
