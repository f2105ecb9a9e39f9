// The data of the playground's views: stepping by lines, the object graph,
// the arena's hover data, the GC history, the memory chart, and the rule
// that looking never changes the heap.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/exercise/json.h"
#include "core/lang/interpreter.h"
#include "core/session/session.h"

using namespace heaplab;

namespace {

// The JSON objects of the array `key` holds in `json` (flat enough for the
// graph's nodes and edges: no nested arrays inside the entries).
std::vector<std::string> entries(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  size_t at = json.find("\"" + key + "\":[");
  REQUIRE(at != std::string::npos);
  at += key.size() + 4;
  int depth = 0;
  size_t start = 0;
  bool in_string = false;
  for (size_t i = at; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{') {
      if (depth++ == 0) start = i;
    } else if (c == '}') {
      if (--depth == 0) out.push_back(json.substr(start, i - start + 1));
    } else if (c == ']' && depth == 0) {
      break;
    }
  }
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The node whose repr is `repr`.
std::string node(const std::string& graph, const std::string& repr) {
  for (const std::string& n : entries(graph, "nodes"))
    if (has(n, "\"repr\":\"" + repr + "\"")) return n;
  FAIL("no node " << repr << " in " << graph);
  return {};
}

std::string id_of(const std::string& node) {
  size_t at = node.find("\"id\":") + 5;
  return node.substr(at, node.find(',', at) - at);
}

// Starts `program` and runs it to the start of line `line`.
void run_to_line(Session& session, const char* program, int line) {
  REQUIRE(session.start(program, SourceMode::File, "prog.py") == RunState::Paused);
  for (int steps = 0; session.current_line()->line != line; ++steps) {
    REQUIRE(steps < 1000);
    REQUIRE(session.step(10000) == RunState::Paused);
  }
}

}  // namespace

TEST_CASE("step: one line at a time, then into a call", "[inspect]") {
  Session session;
  REQUIRE(session.start("a = 1\nb = 2\nc = a + b\ndef f():\n    return 4\nf()\n", SourceMode::File, "prog.py") ==
          RunState::Paused);
  std::vector<int> lines;
  for (int i = 0; i < 20 && session.state() == RunState::Paused; ++i) {
    auto at = session.current_line();
    REQUIRE(at);
    CHECK(at->filename == "prog.py");
    lines.push_back(at->line);
    session.step(1000);
  }
  CHECK(lines == std::vector<int>{1, 2, 3, 4, 6, 5, 6});
  CHECK(session.state() == RunState::Done);
  CHECK_FALSE(session.current_line());
}

TEST_CASE("step: a loop's line comes back each iteration", "[inspect]") {
  Session session;
  REQUIRE(session.start("for i in range(2):\n    x = i\ny = 0\n", SourceMode::File, "prog.py") == RunState::Paused);
  std::vector<int> lines;
  for (int i = 0; i < 20 && session.state() == RunState::Paused; ++i) {
    lines.push_back(session.current_line()->line);
    session.step(1000);
  }
  CHECK(lines == std::vector<int>{1, 2, 1, 2, 1, 3});
}

TEST_CASE("step: a budget ends a long line paused in it", "[inspect]") {
  Session session;
  REQUIRE(session.start("x = sum([i for i in range(100000)])\ny = 1\n", SourceMode::File, "prog.py") ==
          RunState::Paused);
  CHECK(session.step(50) == RunState::Paused);
  CHECK(session.current_line()->line == 1);
}

TEST_CASE("graph: roots, labels, a cycle, a weak edge, unreachable objects", "[inspect]") {
  Session session;
  const char* program =
      "import weakref, gc\n"
      "class Node:\n"
      "    pass\n"
      "a = Node()\n"
      "b = Node()\n"
      "a.other = b\n"
      "b.other = a\n"
      "items = [a, 'text']\n"
      "r = weakref.ref(b)\n"
      "lost = [1.5]\n"
      "lost.append(lost)\n"
      "del lost\n"
      "def f(n):\n"
      "    local = (n, 2.5)\n"
      "    return local\n"
      "f(7)\n";
  run_to_line(session, program, 15);
  std::string graph = session.graph_json(500);
  INFO(graph);
  CHECK(has(graph, "\"truncated\":false"));

  std::vector<std::string> roots = entries(graph, "roots");
  bool global_items = false, local_in_f = false;
  for (const std::string& r : roots) {
    global_items |= has(r, "\"name\":\"items\",\"scope\":\"global\"");
    local_in_f |= has(r, "\"name\":\"local\",\"scope\":\"local\",\"frame\":\"f\",\"depth\":0");
  }
  CHECK(global_items);
  CHECK(local_in_f);

  std::string items = node(graph, "<list, 2 items>");
  CHECK(has(items, "\"type\":\"list\""));
  CHECK(has(items, "\"cycle\":false"));
  std::string text = node(graph, "'text'");
  CHECK(has(graph, "{\"from\":" + id_of(items) + ",\"to\":" + id_of(text) + ",\"kind\":\"strong\",\"label\":\"[1]\"}"));

  // a and b refer to each other through their __dict__s.
  std::vector<std::string> nodes = entries(graph, "nodes");
  int node_objects = 0;
  for (const std::string& n : nodes) {
    if (!has(n, "\"repr\":\"<Node object>\"")) continue;
    ++node_objects;
    CHECK(has(n, "\"cycle\":true"));
    CHECK(has(n, "\"unreachable\":false"));
    CHECK(has(n, "\"tracked\":true"));
  }
  CHECK(node_objects == 2);
  bool attribute = false;
  for (const std::string& e : entries(graph, "edges")) attribute |= has(e, "\"label\":\".other\"");
  CHECK(attribute);

  std::string ref = node(graph, "<weakref to 'Node'>");
  bool weak_edge = false;
  for (const std::string& e : entries(graph, "edges"))
    weak_edge |= has(e, "{\"from\":" + id_of(ref) + ",") && has(e, "\"kind\":\"weak\"");
  CHECK(weak_edge);

  // The list that holds itself is garbage a collection would find.
  int unreachable = 0;
  for (const std::string& n : nodes) {
    if (!has(n, "\"unreachable\":true")) continue;
    ++unreachable;
    CHECK(has(n, "\"type\":\"list\""));
    CHECK(has(n, "\"cycle\":true"));
  }
  CHECK(unreachable == 1);
  CHECK(has(graph, "\"repr\":\"1.5\""));
}

TEST_CASE("graph: cut at max_nodes", "[inspect]") {
  Session session;
  REQUIRE(session.run_to_end("x = [[i] for i in range(50)]\n", "prog.py") == RunState::Done);
  std::string graph = session.graph_json(10);
  CHECK(has(graph, "\"truncated\":true"));
  CHECK(entries(graph, "nodes").size() == 10);
}

TEST_CASE("pool: the objects in a pool's blocks", "[inspect]") {
  Session session;
  REQUIRE(session.run_to_end("x = 123456.5\n", "prog.py") == RunState::Done);
  std::string graph = session.graph_json(500);
  std::string x = node(graph, "123456.5");
  uint64_t address = std::stoull(id_of(x));
  uint64_t pool = address & ~uint64_t(16 * 1024 - 1);
  std::string blocks = session.pool_json(pool);
  INFO(blocks);
  CHECK(has(blocks, "\"block_size\":32"));
  CHECK(has(blocks, "{\"address\":" + std::to_string(address) + ",\"object\":{\"id\":" + std::to_string(address) +
                        ",\"type\":\"float\",\"repr\":\"123456.5\",\"refcount\":1,\"size\":24,\"tracked\":false,"
                        "\"generation\":-1,\"immortal\":false}}"));
  CHECK(has(session.pool_json(1), "\"error\""));
}

TEST_CASE("snapshot: blocks freed since the previous snapshot", "[inspect]") {
  Session session;
  // A str: floats and lists go to free lists, not back to their pool.
  run_to_line(session, "n = 10\nx = 'abc' * n\ndel x\nz = 0\n", 3);
  std::string graph = session.graph_json(500);
  std::string x = id_of(node(graph, "'abcabcabcabcabcabcabcabcabcabc'"));
  std::string first = session.snapshot_json();
  CHECK(has(first, "\"version\":2"));
  CHECK(has(first, "\"line\":{\"filename\":\"prog.py\",\"line\":3}"));
  CHECK(has(first, "\"stack\":[{\"function\":\"<module>\",\"filename\":\"prog.py\",\"line\":3}]"));
  CHECK(has(first, "\"freed_blocks\":[]"));  // nothing before the first snapshot
  REQUIRE(session.step(1000) == RunState::Paused);
  std::string second = session.snapshot_json();
  std::string freed = second.substr(second.find("\"freed_blocks\":"));
  freed = freed.substr(0, freed.find(']'));
  CHECK(has(freed, x));
}

TEST_CASE("gc: the history after gc.collect(), with object ids of the graph", "[inspect]") {
  Session session;
  const char* program =
      "import gc\n"
      "class Node:\n"
      "    pass\n"
      "n = Node()\n"
      "n.me = n\n"
      "del n\n"
      "gc.collect()\n"
      "x = 0\n";
  run_to_line(session, program, 7);
  std::string graph = session.graph_json(500);
  std::string garbage = id_of(node(graph, "<Node object>"));
  CHECK(has(node(graph, "<Node object>"), "\"unreachable\":true"));
  REQUIRE(session.step(100000) == RunState::Paused);
  std::string snapshot = session.snapshot_json();
  std::string gc = snapshot.substr(snapshot.find("\"gc\":"));
  INFO(gc);
  CHECK(has(gc, ",\"generation\":2,\"collected\":1,\"uncollectable\":0"));
  CHECK(has(gc, "\"collections\":[{\"index\":"));
  CHECK(has(gc, ",\"uncollectable\":0,\"seconds\":0."));
  CHECK(has(gc, "\"address\":" + garbage + ",\"type\":\"Node\""));
}

// A collection over many objects: unfocused, its record fills up (the
// garbage's events are lost) but still names every phase; focused on the
// last graph, it keeps the shown objects and the garbage, whole.
TEST_CASE("gc: a big collection's record, full or focused on the graph", "[inspect]") {
  const char* program =
      "import gc\n"
      "class Node:\n"
      "    pass\n"
      "keep = list(map(list, zip(range(6000))))\n"
      "n = Node()\n"
      "n.me = n\n"
      "del n\n"
      "gc.collect()\n"
      "x = 0\n";
  const char* phases[] = {"update_refs", "subtract_refs", "move_unreachable", "untrack_atomic",
                          "handle_weakrefs", "finalize", "resurrection_check", "clear"};
  for (bool focus : {false, true}) {
    SessionConfig config;
    config.focus_gc_recording_on_graph = focus;
    Session session(config);
    run_to_line(session, program, 8);
    std::string graph = session.graph_json(50);
    std::string shown = id_of(node(graph, "<list, 6000 items>"));
    REQUIRE(session.step(1000000) == RunState::Paused);
    std::string snapshot = session.snapshot_json();
    std::string last = snapshot.substr(snapshot.rfind("{\"index\":"));
    INFO("focus " << focus);
    CHECK(has(last, focus ? "\"truncated\":false" : "\"truncated\":true"));
    for (const char* phase : phases) CHECK(has(last, std::string("{\"phase\":\"") + phase + "\"}"));
    if (!focus) continue;
    CHECK(has(last, "\"address\":" + shown + ",\"type\":\"list\",\"from\":\"tracked\",\"to\":\"collecting\""));
    // The garbage too, though the graph of 50 nodes left it out.
    CHECK(has(last, ",\"type\":\"Node\",\"from\":\"tentatively_unreachable\",\"to\":\"unreachable\""));
  }
}

TEST_CASE("settings: gc thresholds from the host; stats for the chart", "[inspect]") {
  Session session;
  session.set_gc_thresholds(5, 6, 7);
  REQUIRE(session.run_to_end("import gc\nprint(gc.get_threshold())\n", "prog.py") == RunState::Done);
  std::string out;
  for (const OutputChunk& c : session.take_output()) out += c.text;
  CHECK(out == "(5, 6, 7)\n");
  std::string stats = session.stats_json();
  CHECK(has(stats, "\"allocated_blocks\":"));
  CHECK(has(stats, "\"arenas\":"));
  CHECK(has(stats, "\"tracing\":false"));
  CHECK(has(stats, "\"gc_counts\":["));
}

TEST_CASE("inspecting between two statements leaves the heap as it was", "[inspect]") {
  const char* program =
      "import gc, sys\n"
      "class Node:\n"
      "    pass\n"
      "a = Node()\n"
      "a.me = a\n"
      "print(gc.get_count(), sys.getallocatedblocks(), sys.getrefcount(a))\n";
  auto output = [&](bool inspect) {
    Session session;
    run_to_line(session, program, 6);
    if (inspect) {
      session.snapshot_json();
      std::string graph = session.graph_json(500);
      session.pool_json(std::stoull(id_of(node(graph, "<Node object>"))) & ~uint64_t(16 * 1024 - 1));
      session.stats_json();
      session.snapshot_json();
    }
    while (session.state() == RunState::Paused) session.run(100000);
    std::string out;
    for (const OutputChunk& c : session.take_output()) out += c.text;
    return out;
  };
  std::string plain = output(false);
  CHECK(plain.size() > 6);
  CHECK(output(true) == plain);
}

TEST_CASE("settings: the debug allocator runs programs and keeps the heap sound", "[inspect]") {
  SessionConfig config;
  config.debug_allocator = true;
  config.track_objects = true;
  Session session(config);
  const char* program =
      "import gc, sys\n"
      "class Node:\n"
      "    pass\n"
      "nodes = [Node() for i in range(100)]\n"
      "for n in nodes:\n"
      "    n.me = n\n"
      "d = {str(i): [i] * i for i in range(50)}\n"
      "del nodes\n"
      "print(gc.collect(), sys.getsizeof([1, 2, 3]), len(d))\n";
  REQUIRE(session.run_to_end(program, "prog.py") == RunState::Done);
  std::string out;
  for (const OutputChunk& c : session.take_output()) out += c.text;
  CHECK(out == "99 88 50\n");  // `n` keeps the last node
  CHECK(session.interpreter().rt.heap.mode() == memory::HeapMode::Debug);
  std::string graph = session.graph_json(500);
  std::string d = node(graph, "<dict, 50 items>");
  uint64_t id = std::stoull(id_of(d));
  std::string blocks = session.pool_json(id & ~uint64_t(16 * 1024 - 1));
  CHECK(has(blocks, "\"object\":{\"id\":" + std::to_string(id) + ",\"type\":\"dict\""));
  CHECK(session.audit(true).empty());
}

TEST_CASE("every inspection result is strict JSON", "[inspect]") {
  Session session;
  const char* program =
      "import weakref, tracemalloc, gc\n"
      "tracemalloc.start()\n"
      "class C:\n"
      "    pass\n"
      "c = C()\n"
      "c.name = 'quote \\\" back \\\\ tab \\t \u00e9\u4e2d' * 5\n"
      "c.data = {b'\\x00\\xff': [1.5, 10**30, -7, None, True], (1, 'x'): frozenset({1})}\n"
      "c.odd = '\\ud800' + 'x' * 10000\n"
      "setattr(c, '\\udc00', 1)\n"
      "r = weakref.ref(c)\n"
      "gc.collect()\n"
      "def f(a, *args, **kw):\n"
      "    cell = a\n"
      "    def g():\n"
      "        return cell\n"
      "    return g\n"
      "x = f(1)\n";
  run_to_line(session, program, 16);  // in f
  auto valid = [](const std::string& text) {
    JsonParseResult parsed = parse_json(text);
    INFO(parsed.error << " in " << text.substr(0, 2000));
    CHECK(parsed.value);
  };
  std::string snapshot = session.snapshot_json();
  valid(snapshot);
  CHECK(has(snapshot, "\"stack\":[{\"function\":\"f\",\"filename\":\"prog.py\",\"line\":16},"
                      "{\"function\":\"<module>\",\"filename\":\"prog.py\",\"line\":17}]"));
  std::string graph = session.graph_json(500);
  valid(graph);
  valid(session.pool_json(std::stoull(id_of(node(graph, "<C object>"))) & ~uint64_t(16 * 1024 - 1)));
  valid(session.pool_json(12345));
  valid(session.stats_json());
  CHECK(has(graph, "\"repr\":\"'\\\\ud800xxxxxxxxx"));
  CHECK(has(graph, "\"label\":\".\xef\xbf\xbd\""));
  for (const char* label : {"__closure__", "cell_contents", "__code__", "__globals__", "__mro__", ".data"})
    CHECK(has(graph, "\"label\":\"" + std::string(label) + "\""));
  CHECK(has(graph, "\"repr\":\"'quote \\\" back \\\\\\\\ tab \\\\t \u00e9\u4e2d"));
}

TEST_CASE("graph: big containers stay fast and labelled", "[inspect]") {
  Session session;
  REQUIRE(session.run_to_end("class C:\n    pass\nc = C()\nc.__dict__\nc.x = 1\n"
                             "big = [str(i) for i in range(200000)]\nd = dict.fromkeys(big)\nd['k'] = c\n",
                             "prog.py") == RunState::Done);
  std::string graph = session.graph_json(500);
  CHECK(has(graph, "\"truncated\":true"));
  INFO(graph.substr(0, 3000));
  CHECK(has(graph, "\"label\":\"['k']\""));
  CHECK(has(graph, "\"label\":\"[199]\""));
  CHECK(has(graph, "\"label\":\"__dict__\""));
}
