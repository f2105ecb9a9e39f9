#include "core/memory/region.h"

#include <cstdlib>

#ifndef __EMSCRIPTEN__
#include <sys/mman.h>
#endif

namespace heaplab::memory {

namespace {

// Keeps every size computation inside size_t: 1 TiB natively, 2 GiB on wasm32.
constexpr size_t kMaxRegionUnits = sizeof(size_t) > 4 ? size_t(1) << 20 : size_t(1) << 11;

uint8_t* reserve_host(size_t bytes) {
#ifdef __EMSCRIPTEN__
  // WebAssembly memory is committed anyway: one aligned block, zeroed so that
  // fresh units read as zeros as they do natively.
  void* p = std::aligned_alloc(4096, bytes);
  if (p != nullptr) std::memset(p, 0, bytes);
  return static_cast<uint8_t*>(p);
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

// Returns a unit's pages to the host; afterwards they read as zeros.
void discard_pages(uint8_t* p, size_t bytes) {
#ifdef __EMSCRIPTEN__
  std::memset(p, 0, bytes);
#else
  madvise(p, bytes, MADV_DONTNEED);
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
