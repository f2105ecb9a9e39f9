// Alloc+free pairs of 16..512 bytes: heaplab's Object domain (pymalloc in the
// region) against the host's malloc/free in the same binary.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "core/memory/heap.h"

namespace {

using heaplab::memory::Addr;
using heaplab::memory::Domain;
using heaplab::memory::Heap;

constexpr size_t kLimit = size_t(256) << 20;

void BM_HeaplabObjectAllocFree(benchmark::State& state) {
  Heap heap(kLimit);
  const size_t size = size_t(state.range(0));
  for (auto _ : state) {
    Addr a = heap.malloc(Domain::Object, size);
    benchmark::DoNotOptimize(a);
    heap.free(Domain::Object, a);
  }
}
BENCHMARK(BM_HeaplabObjectAllocFree)->RangeMultiplier(2)->Range(16, 512);

void BM_HostMallocFree(benchmark::State& state) {
  const size_t size = size_t(state.range(0));
  for (auto _ : state) {
    void* p = std::malloc(size);
    benchmark::DoNotOptimize(p);
    std::free(p);
  }
}
BENCHMARK(BM_HostMallocFree)->RangeMultiplier(2)->Range(16, 512);

// A more realistic pattern: 1000 live blocks allocated, then freed in the same
// order (FIFO), so pools fill, empty and move between lists.
constexpr int kBatch = 1000;

void BM_HeaplabObjectBatch(benchmark::State& state) {
  Heap heap(kLimit);
  const size_t size = size_t(state.range(0));
  std::vector<Addr> live(kBatch);
  for (auto _ : state) {
    for (Addr& a : live) a = heap.malloc(Domain::Object, size);
    benchmark::DoNotOptimize(live.data());
    for (Addr a : live) heap.free(Domain::Object, a);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_HeaplabObjectBatch)->RangeMultiplier(2)->Range(16, 512);

void BM_HostBatch(benchmark::State& state) {
  const size_t size = size_t(state.range(0));
  std::vector<void*> live(kBatch);
  for (auto _ : state) {
    for (void*& p : live) p = std::malloc(size);
    benchmark::DoNotOptimize(live.data());
    for (void* p : live) std::free(p);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_HostBatch)->RangeMultiplier(2)->Range(16, 512);

}  // namespace

BENCHMARK_MAIN();
