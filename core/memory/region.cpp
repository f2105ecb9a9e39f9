#include "core/memory/region.h"

#include <cstdlib>
#include <cstring>

#ifndef __EMSCRIPTEN__
#include <sys/mman.h>
#endif

namespace heaplab::memory {

namespace {

// Keeps every size computation inside size_t: 1 TiB natively, 2 GiB on wasm32.
constexpr size_t kMaxRegionUnits = sizeof(size_t) > 4 ? size_t(1) << 20 : size_t(1) << 11;

uint8_t* reserve_host(size_t bytes) {
#ifdef __EMSCRIPTEN__
  // One aligned block of WebAssembly memory. It may hold an earlier session's
  // bytes: each unit is zeroed when it is mapped (zero_fresh), not all of it
  // here, which would write the whole limit before the first prompt.
  return static_cast<uint8_t*>(std::aligned_alloc(4096, bytes));
#else
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : static_cast<uint8_t*>(p);
#endif
}

void release_host(uint8_t* p, size_t bytes) {
#ifdef __EMSCRIPTEN__
  (void)bytes;
  std::free(p);
#else
  munmap(p, bytes);
#endif
}

// Returns a unit's pages to the host; natively they read as zeros afterwards.
void discard_pages(uint8_t* p, size_t bytes) {
#ifdef __EMSCRIPTEN__
  (void)p, (void)bytes;  // WebAssembly memory never shrinks; zero_fresh clears it when it is mapped again
#else
  madvise(p, bytes, MADV_DONTNEED);
#endif
}

// Makes units about to be mapped read as zeros, as fresh pages do natively.
void zero_fresh(uint8_t* p, size_t bytes) {
#ifdef __EMSCRIPTEN__
  std::memset(p, 0, bytes);
#else
  (void)p, (void)bytes;  // mmap and madvise(MADV_DONTNEED) pages already read as zeros
#endif
}

}  // namespace

Region::Region(size_t limit_bytes) {
  size_t n = limit_bytes / kUnitSize + (limit_bytes % kUnitSize != 0);
  if (n < kMinRegionUnits) n = kMinRegionUnits;
  if (n > kMaxRegionUnits) n = kMaxRegionUnits;
  base_ = reserve_host(n * kUnitSize);
  if (base_ == nullptr) return;
  units_.assign(n, UnitKind::Free);
  limit_ = n * kUnitSize;
  units_[0] = UnitKind::Static;
  mapped_units_ = 1;
  zero_fresh(base_, kUnitSize);
}

Region::~Region() {
  if (base_ != nullptr) release_host(base_, limit());
}

Addr Region::map(size_t n_units, UnitKind kind) {
  if (n_units == 0 || n_units > units_.size()) return 0;
  size_t run = 0;
  for (size_t i = 1; i < units_.size(); ++i) {
    run = units_[i] == UnitKind::Free ? run + 1 : 0;
    if (run == n_units) {
      size_t first = i + 1 - n_units;
      for (size_t u = first; u <= i; ++u) units_[u] = kind;
      mapped_units_ += n_units;
      zero_fresh(base_ + (Addr(first) << kUnitBits), n_units * kUnitSize);
      return Addr(first) << kUnitBits;
    }
  }
  return 0;
}

void Region::unmap(Addr a, size_t n_units) {
  size_t first = size_t(a >> kUnitBits);
  for (size_t u = first; u < first + n_units; ++u) units_[u] = UnitKind::Free;
  mapped_units_ -= n_units;
  discard_pages(base_ + a, n_units * kUnitSize);
}

Addr Region::static_alloc(size_t n) {
  if (units_.empty()) return 0;
  if (n == 0) n = 1;  // distinct addresses even for empty requests
  size_t rounded = (n + 15) & ~size_t(15);
  if (rounded < n || rounded > kUnitSize - static_top_) return 0;
  Addr a = static_top_;
  static_top_ += rounded;
  return a;
}

}  // namespace heaplab::memory
