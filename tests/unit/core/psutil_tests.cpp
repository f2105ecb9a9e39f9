// The simulated psutil measures heaplab's own region: rss is the bytes of
// the units in use, vms and virtual_memory().total the region's limit.
#include <catch2/catch.hpp>

#include <string>

#include "core/session/session.h"

using namespace heaplab;

namespace {

std::string run(Session& s, const char* source) {
  s.run_to_end(source, "<t>");
  std::string out;
  for (const OutputChunk& c : s.take_output()) out += c.text;
  return out;
}

}  // namespace

TEST_CASE("psutil reports the region's limit and the units in use") {
  SessionConfig config;
  config.memory_limit = size_t(64) << 20;
  Session s(config);
  std::string out = run(s,
                        "import psutil\n"
                        "p = psutil.Process()\n"
                        "m = p.memory_info()\n"
                        "vm = psutil.virtual_memory()\n"
                        "print(m.vms, vm.total, m.rss % (1 << 20), m.rss == vm.used, vm.used + vm.free == vm.total)\n"
                        "before = m.rss\n"
                        "data = [str(i) * 4 for i in range(100000)]\n"
                        "grown = p.memory_info().rss - before\n"
                        "print(grown >= 4 * 2**20, grown < 32 * 2**20)\n"
                        "print(0 < p.memory_percent() < 100, 0 < psutil.virtual_memory().percent < 100)\n"
                        "print(vm.available <= vm.total, psutil.virtual_memory().available < vm.available)\n"
                        "print(m)\n");
  CHECK(out.substr(0, out.find('\n')) == "67108864 67108864 0 True True");
  CHECK(out.find("True True\nTrue True\nTrue True\npmem(rss=") != std::string::npos);
}
