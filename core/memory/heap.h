// The heap the object layer allocates from: CPython 3.12's PyMem/PyObject
// allocator families over one region. Mem and Object requests of 1..512 bytes
// go to pymalloc, everything else (larger, size 0, the Raw domain) to the raw
// allocator, as in 3.12. Failure (the region's limit) returns 0; nothing here
// aborts or throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/memory/alloc_observer.h"
#include "core/memory/debug_hooks.h"
#include "core/memory/domain.h"
#include "core/memory/pool_allocator.h"
#include "core/memory/raw_allocator.h"
#include "core/memory/region.h"
#include "core/memory/stats.h"
#include "core/memory/tracer.h"
#include "core/memory/walk.h"

namespace heaplab::memory {

enum class HeapMode : uint8_t {
  Normal,
  Debug,  // PYTHONMALLOC=debug: every block is wrapped in the debug hooks' pads
};

class Heap {
 public:
  explicit Heap(size_t limit_bytes, HeapMode mode = HeapMode::Normal);
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  Addr malloc(Domain domain, size_t nbytes);
  // Zeroed memory for nelem * elsize bytes; 0 on overflow or failure.
  Addr calloc(Domain domain, size_t nelem, size_t elsize);
  // realloc(d, 0, n) is malloc(d, n). On failure returns 0 and `addr` stays valid.
  Addr realloc(Domain domain, Addr addr, size_t nbytes);
  void free(Domain domain, Addr addr);

  // The region: base pointer, offset helpers, the static area.
  Region& region() { return region_; }
  const Region& region() const { return region_; }
  uint8_t* base() const { return region_.base(); }
  template <class T>
  T* at(Addr a) const {
    return region_.at<T>(a);
  }
  Addr addr_of(const void* p) const { return region_.addr_of(p); }
  Addr static_alloc(size_t n) { return region_.static_alloc(n); }

  HeapMode mode() const { return debug_ ? HeapMode::Debug : HeapMode::Normal; }
  void set_observer(AllocObserver* observer) {
    observer_ = observer;
    hooked_ = debug_ || observer_ != nullptr;
  }

  // tracemalloc: while tracing, every block allocated gets a trace.
  Tracer& tracer() { return tracer_; }
  const Tracer& tracer() const { return tracer_; }
  // The tables may take as much host memory as the region may map.
  void start_tracing(size_t max_nframe, FrameSource source) {
    tracer_.start(max_nframe, source, region_.limit());
    set_observer(&tracer_);
  }
  void stop_tracing() {
    if (observer_ == &tracer_) set_observer(nullptr);
    tracer_.stop();
  }

  // sys.getallocatedblocks(): pymalloc blocks plus Mem/Object blocks the raw
  // allocator holds (Raw-domain blocks are not counted, as in CPython).
  size_t allocated_blocks() const {
    return pool_.blocks_in_use() + raw_.blocks_in(Domain::Mem) + raw_.blocks_in(Domain::Object);
  }
  // Usable bytes of a live block: the size class for pymalloc, the chunk's
  // payload for raw blocks, the requested size under the debug hooks.
  size_t block_size(Addr addr) const;
  bool is_pymalloc(Addr addr) const;

  MallocStats stats() const { return collect_malloc_stats(pool_, raw_); }
  // The obmalloc part of sys._debugmallocstats(), in 3.12's format.
  std::string debug_malloc_stats() const { return format_debug_malloc_stats(stats()); }
  // Problems found by a full consistency check; empty when all is well.
  std::vector<std::string> check_invariants() const;

  std::vector<UnitView> units() const { return walk_units(region_); }
  std::vector<ArenaView> arenas() const { return walk_arenas(pool_); }
  std::vector<RawChunkView> raw_chunks() const { return walk_raw_chunks(raw_); }

  const PoolAllocator& pool_allocator() const { return pool_; }
  const RawAllocator& raw_allocator() const { return raw_; }
  // Misuse the debug hooks caught (bad API id, overwritten pads), oldest first.
  std::vector<std::string> take_debug_reports();

 private:
  Addr plain_malloc(Domain domain, size_t nbytes);
  Addr plain_realloc(Domain domain, Addr addr, size_t nbytes);
  void plain_free(Addr addr);
  Addr malloc_slow(Domain domain, size_t nbytes);
  Addr raw_alloc(Domain domain, size_t nbytes);
  Addr hooked_malloc(Domain domain, size_t nbytes, bool zeroed);
  Addr hooked_realloc(Domain domain, Addr addr, size_t nbytes);
  void hooked_free(Domain domain, Addr addr);

  Region region_;
  PoolAllocator pool_;
  RawAllocator raw_;
  AllocObserver* observer_ = nullptr;
  bool debug_ = false;
  bool hooked_ = false;  // debug_ || observer_: one test on the fast path
  DebugHooks debug_hooks_;
  Tracer tracer_;
};

inline Addr Heap::plain_malloc(Domain domain, size_t nbytes) {
  if (domain != Domain::Raw && nbytes - 1 < kSmallRequestThreshold) [[likely]] {
    Addr a = pool_.alloc(nbytes);
    if (a != 0) [[likely]]
      return a;
  }
  return malloc_slow(domain, nbytes);
}

inline void Heap::plain_free(Addr addr) {
  UnitKind kind = region_.kind_at(addr);
  if (kind == UnitKind::Arena) [[likely]] {
    pool_.free(addr);
  } else if (kind == UnitKind::Raw) {
    raw_.free(addr);
  }
}

inline Addr Heap::malloc(Domain domain, size_t nbytes) {
  if (hooked_) [[unlikely]]
    return hooked_malloc(domain, nbytes, false);
  return plain_malloc(domain, nbytes);
}

inline void Heap::free(Domain domain, Addr addr) {
  if (hooked_) [[unlikely]]
    return hooked_free(domain, addr);
  plain_free(addr);
}

}  // namespace heaplab::memory
