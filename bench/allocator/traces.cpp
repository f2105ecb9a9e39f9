#include "bench/allocator/traces.h"

#include <cstdio>

namespace heaplab::bench {

namespace {

// xorshift64*: fixed seed, identical sequence on every host.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  uint32_t below(uint32_t n) { return uint32_t((next() >> 32) % n); }

 private:
  uint64_t state_;
};

// Hands out slot numbers and remembers which are live, so a random live slot
// can be freed in O(1).
class SlotBook {
 public:
  explicit SlotBook(Trace& trace) : trace_(trace) {}
  void alloc(uint32_t size) {
    uint32_t slot;
    if (!spare_.empty()) {
      slot = spare_.back();
      spare_.pop_back();
    } else {
      slot = trace_.slots++;
    }
    live_.push_back(slot);
    trace_.ops.push_back({slot, size});
  }
  void free_random(Rng& rng) {
    const uint32_t i = rng.below(uint32_t(live_.size()));
    const uint32_t slot = live_[i];
    live_[i] = live_.back();
    live_.pop_back();
    spare_.push_back(slot);
    trace_.ops.push_back({slot, 0});
  }
  void free_all(Rng& rng) {
    while (!live_.empty()) free_random(rng);
  }
  size_t live() const { return live_.size(); }

 private:
  Trace& trace_;
  std::vector<uint32_t> live_;
  std::vector<uint32_t> spare_;
};

// Object sizes of a Python-ish workload: mostly small (ints, tuples, frames'
// worth of small containers), a tail of larger dicts and lists.
uint32_t mixed_size(Rng& rng) {
  const uint32_t p = rng.below(100);
  if (p < 45) return 8 + rng.below(57);    // 8..64
  if (p < 75) return 65 + rng.below(64);   // 65..128
  if (p < 92) return 129 + rng.below(128); // 129..256
  return 257 + rng.below(256);             // 257..512
}

}  // namespace

Trace steady_churn_trace() {
  Trace t{"steady churn 64B", 0, {}};
  Rng rng(1);
  SlotBook book(t);
  constexpr size_t kLive = 10'000, kOps = 2'000'000;
  t.ops.reserve(kOps + kLive);
  while (book.live() < kLive) book.alloc(64);
  while (t.ops.size() < kOps) {
    book.free_random(rng);
    book.alloc(64);
  }
  book.free_all(rng);
  return t;
}

Trace mixed_sizes_trace() {
  Trace t{"mixed 8..512", 0, {}};
  Rng rng(2);
  SlotBook book(t);
  constexpr size_t kOps = 2'000'000;
  t.ops.reserve(kOps + 60'000);
  // The live set drifts towards a target that jumps every 50k ops.
  size_t target = 2'000;
  while (t.ops.size() < kOps) {
    if (t.ops.size() % 50'000 == 0) target = 2'000 + rng.below(58'000);
    // Biased coin: 3 in 4 towards the target, so the live set also jitters.
    const bool towards = rng.below(4) != 0;
    const bool grow = (book.live() < target) == towards;
    if (grow || book.live() == 0)
      book.alloc(mixed_size(rng));
    else
      book.free_random(rng);
  }
  book.free_all(rng);
  return t;
}

Trace grow_shrink_trace() {
  Trace t{"grow 1M, shrink", 0, {}};
  Rng rng(3);
  SlotBook book(t);
  constexpr size_t kLive = 1'000'000;
  t.ops.reserve(2 * kLive);
  while (book.live() < kLive) book.alloc(16 + rng.below(113));
  book.free_all(rng);
  return t;
}

bool write_trace(const Trace& trace, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const uint32_t header[2] = {trace.slots, uint32_t(trace.ops.size())};
  bool ok = std::fwrite(header, sizeof header, 1, f) == 1 &&
            std::fwrite(trace.ops.data(), sizeof(TraceOp), trace.ops.size(), f) == trace.ops.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace heaplab::bench
