// The hook every allocation of the heap passes through when installed.
#pragma once

#include <cstddef>

#include "core/memory/domain.h"
#include "core/memory/region.h"

namespace heaplab::memory {

// Sees every allocation made through the heap, with the caller's addresses and
// sizes (tracemalloc's view). Installing none costs one predictable branch.
class AllocObserver {
 public:
  virtual ~AllocObserver() = default;
  // Asked before each allocation: false makes it fail, as when tracemalloc
  // cannot grow its tables (the caller sees MemoryError).
  virtual bool accepts_alloc() const { return true; }
  virtual void on_alloc(Domain domain, Addr addr, size_t size) = 0;
  virtual void on_free(Domain domain, Addr addr) = 0;
  // `old_addr` was released (unless equal to `new_addr`); `new_addr` holds `size` bytes.
  virtual void on_realloc(Domain domain, Addr old_addr, Addr new_addr, size_t size) = 0;
};

}  // namespace heaplab::memory
