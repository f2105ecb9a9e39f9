// Alloc/free throughput on the traces of traces.h: heaplab's Object domain
// against glibc malloc in this process and, when given, CPython's obmalloc in
// a subprocess (cpython_obmalloc), the sides alternating run by run. Each
// figure is the median of the runs; ratios are heaplab's throughput over the
// other side's.
//   allocator_traces [--runs N] [--cpython PROG] [--dir TRACE_DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/allocator/traces.h"
#include "core/memory/heap.h"

namespace {

using heaplab::bench::Trace;
using heaplab::bench::TraceOp;
using heaplab::memory::Addr;
using heaplab::memory::Domain;
using heaplab::memory::Heap;
using Clock = std::chrono::steady_clock;

constexpr size_t kHeapLimit = size_t(1) << 30;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double replay_heaplab(const Trace& trace) {
  Heap heap(kHeapLimit);
  std::vector<Addr> slots(trace.slots);
  uint8_t* base = heap.base();
  const auto start = Clock::now();
  for (const TraceOp op : trace.ops) {
    if (op.size != 0) {
      const Addr a = heap.malloc(Domain::Object, op.size);
      base[a] = 1;
      slots[op.slot] = a;
    } else {
      heap.free(Domain::Object, slots[op.slot]);
    }
  }
  return seconds_since(start);
}

double replay_glibc(const Trace& trace) {
  std::vector<void*> slots(trace.slots);
  const auto start = Clock::now();
  for (const TraceOp op : trace.ops) {
    if (op.size != 0) {
      auto* p = static_cast<volatile uint8_t*>(std::malloc(op.size));
      p[0] = 1;
      slots[op.slot] = const_cast<uint8_t*>(p);
    } else {
      std::free(slots[op.slot]);
    }
  }
  return seconds_since(start);
}

// One cpython_obmalloc process replaying every trace file once; false when it
// fails or prints less than one time per trace.
bool replay_cpython(const std::string& prog, const std::vector<std::string>& files, std::vector<double>& secs) {
  std::string cmd = prog;
  for (const std::string& f : files) cmd += " '" + f + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return false;
  secs.clear();
  long long ns;
  while (secs.size() < files.size() && std::fscanf(p, "%lld", &ns) == 1) secs.push_back(double(ns) * 1e-9);
  return pclose(p) == 0 && secs.size() == files.size();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Sides {
  std::vector<double> heaplab, glibc, cpython;  // seconds per run
};

}  // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::string cpython, dir = "/tmp";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--cpython")) cpython = argv[i + 1];
    else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }

  const std::vector<Trace> traces = {heaplab::bench::steady_churn_trace(), heaplab::bench::mixed_sizes_trace(),
                                     heaplab::bench::grow_shrink_trace()};
  std::vector<std::string> files;
  for (size_t i = 0; i < traces.size(); ++i) {
    files.push_back(dir + "/allocator_trace_" + std::to_string(i) + ".bin");
    if (!cpython.empty() && !heaplab::bench::write_trace(traces[i], files.back())) {
      std::fprintf(stderr, "cannot write %s\n", files.back().c_str());
      return 1;
    }
  }

  std::vector<Sides> sides(traces.size());
  std::vector<double> cp;
  for (int run = 0; run < runs; ++run) {
    // Alternate which side goes first so neither always meets a warm cache.
    for (size_t t = 0; t < traces.size(); ++t) {
      if (run % 2 == 0) {
        sides[t].heaplab.push_back(replay_heaplab(traces[t]));
        sides[t].glibc.push_back(replay_glibc(traces[t]));
      } else {
        sides[t].glibc.push_back(replay_glibc(traces[t]));
        sides[t].heaplab.push_back(replay_heaplab(traces[t]));
      }
    }
    if (!cpython.empty()) {
      if (!replay_cpython(cpython, files, cp)) {
        std::fprintf(stderr, "%s failed\n", cpython.c_str());
        return 1;
      }
      for (size_t t = 0; t < traces.size(); ++t) sides[t].cpython.push_back(cp[t]);
    }
  }

  std::printf("median of %d runs; Mops/s = alloc+free ops per microsecond; ratio = heaplab / other\n\n", runs);
  std::printf("%-18s %8s %8s | %8s %7s", "trace", "ops", "heaplab", "glibc", "ratio");
  if (!cpython.empty()) std::printf(" | %8s %7s", "CPython", "ratio");
  std::printf("\n");
  for (size_t t = 0; t < traces.size(); ++t) {
    const double mops = double(traces[t].ops.size()) * 1e-6;
    const double h = mops / median(sides[t].heaplab), g = mops / median(sides[t].glibc);
    std::printf("%-18s %7.1fM %8.1f | %8.1f %6.2fx", traces[t].name.c_str(), mops, h, g, h / g);
    if (!cpython.empty()) {
      const double c = mops / median(sides[t].cpython);
      std::printf(" | %8.1f %6.2fx", c, h / c);
    }
    std::printf("\n");
  }
  for (const std::string& f : files) std::remove(f.c_str());
  return 0;
}
