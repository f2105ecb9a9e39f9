// Deterministic allocation traces shared by the allocator benchmarks. A trace
// is a list of ops on numbered slots: alloc(slot, size) or free(slot). Every
// trace ends with all slots freed. The C side (cpython_obmalloc.c) reads the
// same traces from the binary files write_trace() produces.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace heaplab::bench {

struct TraceOp {
  uint32_t slot;
  uint32_t size;  // 0 = free the slot
};

struct Trace {
  std::string name;
  uint32_t slots = 0;  // slot numbers are below this
  std::vector<TraceOp> ops;
};

// (1) 64-byte blocks, a live set of 10k, random frees and re-allocs.
Trace steady_churn_trace();
// (2) Sizes 8..512 skewed to small, the live set swinging between 2k and 60k.
Trace mixed_sizes_trace();
// (3) 1M blocks of 16..128 bytes allocated, then freed in random order.
Trace grow_shrink_trace();

// File layout (little-endian): u32 slots, u32 op count, then (u32 slot, u32 size) per op.
bool write_trace(const Trace& trace, const std::string& path);

}  // namespace heaplab::bench
