// The snapshot's "tracemalloc" object: the live blocks grouped by the line
// that allocated them, in Snapshot.statistics('lineno') order.
#include <catch2/catch.hpp>

#include <string>

#include "core/session/session.h"

using namespace heaplab;

namespace {

std::string tracemalloc_part(const std::string& json) {
  size_t at = json.find("\"tracemalloc\":");
  REQUIRE(at != std::string::npos);
  return json.substr(at);
}

}  // namespace

TEST_CASE("snapshot: tracemalloc is off until a program starts it", "[tracemalloc]") {
  Session session;
  REQUIRE(session.run_to_end("x = 1\n", "prog.py") == RunState::Done);
  CHECK(tracemalloc_part(session.snapshot_json()) ==
        "\"tracemalloc\":{\"tracing\":false,\"traceback_limit\":1,\"traced\":0,\"peak\":0,\"blocks\":0,"
        "\"lines_total\":0,\"lines\":[]}}");
}

TEST_CASE("snapshot: tracemalloc's lines, biggest first", "[tracemalloc]") {
  Session session;
  const char* program =
      "import tracemalloc\n"
      "tracemalloc.start(2)\n"
      "small = bytearray(1000)\n"
      "big = bytearray(50000)\n";
  REQUIRE(session.run_to_end(program, "prog.py") == RunState::Done);
  std::string part = tracemalloc_part(session.snapshot_json());
  CHECK(part.find("\"tracing\":true,\"traceback_limit\":2,") != std::string::npos);
  CHECK(part.find("{\"filename\":\"prog.py\",\"lineno\":4,\"size\":50057,\"count\":2},"
                  "{\"filename\":\"prog.py\",\"lineno\":3,\"size\":1057,\"count\":2}") != std::string::npos);
}
