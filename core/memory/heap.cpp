#include "core/memory/heap.h"

#include <algorithm>
#include <cstring>

namespace heaplab::memory {

Heap::Heap(size_t limit_bytes, HeapMode mode)
    : region_(limit_bytes), pool_(region_), raw_(region_), debug_(mode == HeapMode::Debug), hooked_(debug_) {}

// pymalloc could not map an arena (or the request is not pymalloc's). Like
// _PyObject_Malloc, fall back to the raw allocator, but first give back the
// empty segment the raw allocator keeps, in case that frees a unit.
Addr Heap::malloc_slow(Domain domain, size_t nbytes) {
  if (domain != Domain::Raw && nbytes - 1 < kSmallRequestThreshold && raw_.trim()) {
    Addr a = pool_.alloc(nbytes);
    if (a != 0) return a;
  }
  return raw_alloc(domain, nbytes);
}

Addr Heap::raw_alloc(Domain domain, size_t nbytes) {
  Addr a = raw_.alloc(nbytes, domain);
  if (a == 0 && raw_.trim()) a = raw_.alloc(nbytes, domain);
  return a;
}

Addr Heap::calloc(Domain domain, size_t nelem, size_t elsize) {
  if (elsize != 0 && nelem > SIZE_MAX / elsize) return 0;
  const size_t nbytes = nelem * elsize;
  if (hooked_) return hooked_malloc(domain, nbytes, true);
  Addr a = plain_malloc(domain, nbytes);
  if (a != 0) std::memset(at<uint8_t>(a), 0, nbytes);
  return a;
}

// pymalloc_realloc's rules: a pymalloc block stays put unless it must grow or
// would shrink by at least 25%; a raw block stays with the raw allocator.
Addr Heap::plain_realloc(Domain domain, Addr addr, size_t nbytes) {
  if (addr == 0) return plain_malloc(domain, nbytes);
  const UnitKind kind = region_.kind_at(addr);
  if (kind == UnitKind::Arena) {
    size_t size = pool_.block_size(addr);
    if (nbytes <= size) {
      if (4 * nbytes > 3 * size) return addr;
      size = nbytes;
    }
    Addr moved = plain_malloc(domain, nbytes);
    if (moved != 0) {
      std::memcpy(at<uint8_t>(moved), at<uint8_t>(addr), size);
      pool_.free(addr);
    }
    return moved;
  }
  if (kind != UnitKind::Raw) return 0;
  Addr moved = raw_.realloc(addr, nbytes);
  if (moved == 0 && raw_.trim()) moved = raw_.realloc(addr, nbytes);
  return moved;
}

Addr Heap::realloc(Domain domain, Addr addr, size_t nbytes) {
  if (hooked_) [[unlikely]]
    return hooked_realloc(domain, addr, nbytes);
  return plain_realloc(domain, addr, nbytes);
}

size_t Heap::block_size(Addr addr) const {
  if (debug_) return debug_hooks_.requested_size(region_, addr);
  switch (region_.kind_at(addr)) {
    case UnitKind::Arena:
      return pool_.block_size(addr);
    case UnitKind::Raw:
      return raw_.usable_size(addr);
    default:
      return 0;
  }
}

bool Heap::is_pymalloc(Addr addr) const { return region_.kind_at(addr) == UnitKind::Arena; }

// With hooks, every block the caller sees may be wrapped by the debug hooks,
// and the observer hears about it after the fact (tracemalloc sits on top of
// the debug hooks in CPython too).
Addr Heap::hooked_malloc(Domain domain, size_t nbytes, bool zeroed) {
  if (observer_ != nullptr && !observer_->accepts_alloc()) return 0;
  Addr a;
  if (debug_) {
    if (nbytes > SIZE_MAX - kDebugExtraBytes) return 0;
    Addr block = plain_malloc(domain, nbytes + kDebugExtraBytes);
    a = block == 0 ? 0 : debug_hooks_.decorate(region_, block, nbytes, domain, !zeroed);
  } else {
    a = plain_malloc(domain, nbytes);
  }
  if (a == 0) return 0;
  if (zeroed) std::memset(at<uint8_t>(a), 0, nbytes);
  if (observer_ != nullptr) observer_->on_alloc(domain, a, nbytes);
  return a;
}

void Heap::hooked_free(Domain domain, Addr addr) {
  if (addr == 0) return;
  if (observer_ != nullptr) observer_->on_free(domain, addr);
  if (!debug_) return plain_free(addr);
  const Addr block = addr - kDebugHeaderSize;
  const UnitKind kind = region_.kind_at(block);
  if (kind != UnitKind::Arena && kind != UnitKind::Raw) return;
  const size_t usable = kind == UnitKind::Arena ? pool_.block_size(block) : raw_.usable_size(block);
  if (!debug_hooks_.check(region_, "_PyMem_DebugRawFree", domain, addr, usable)) return;
  std::memset(at<uint8_t>(block), kDeadByte, debug_hooks_.requested_size(region_, addr) + kDebugExtraBytes);
  plain_free(block);
}

Addr Heap::hooked_realloc(Domain domain, Addr addr, size_t nbytes) {
  if (addr == 0) return hooked_malloc(domain, nbytes, false);
  if (observer_ != nullptr && !observer_->accepts_alloc()) return 0;
  Addr result;
  if (debug_) {
    const Addr head = addr - kDebugHeaderSize;
    const UnitKind kind = region_.kind_at(head);
    if (kind != UnitKind::Arena && kind != UnitKind::Raw) return 0;
    const size_t usable = kind == UnitKind::Arena ? pool_.block_size(head) : raw_.usable_size(head);
    if (!debug_hooks_.check(region_, "_PyMem_DebugRawRealloc", domain, addr, usable)) return 0;
    if (nbytes > SIZE_MAX - kDebugExtraBytes) return 0;
    // As _PyMem_DebugRawRealloc: mark the old header, trailer and up to 64
    // bytes at each end dead (saving them), resize, then redecorate and restore.
    constexpr size_t kErased = 64;
    const size_t original = debug_hooks_.requested_size(region_, addr);
    uint8_t saved[2 * kErased];
    uint8_t* data = at<uint8_t>(addr);
    if (original <= sizeof saved) {
      std::memcpy(saved, data, original);
      std::memset(data - kDebugHeaderSize, kDeadByte, original + kDebugExtraBytes);
    } else {
      std::memcpy(saved, data, kErased);
      std::memset(data - kDebugHeaderSize, kDeadByte, kErased + kDebugHeaderSize);
      std::memcpy(saved + kErased, data + original - kErased, kErased);
      std::memset(data + original - kErased, kDeadByte, kErased + kDebugExtraBytes - kDebugHeaderSize);
    }
    const Addr block = plain_realloc(domain, head, nbytes + kDebugExtraBytes);
    const size_t kept = block == 0 ? original : nbytes;
    result = debug_hooks_.decorate(region_, block == 0 ? head : block, kept, domain, false);
    data = at<uint8_t>(result);
    if (original <= sizeof saved) {
      std::memcpy(data, saved, std::min(kept, original));
    } else {
      std::memcpy(data, saved, std::min(kept, kErased));
      const size_t tail_start = original - kErased;
      if (kept > tail_start) std::memcpy(data + tail_start, saved + kErased, std::min(kept - tail_start, kErased));
    }
    if (block == 0) return 0;
    if (nbytes > original) std::memset(data + original, kCleanByte, nbytes - original);
  } else {
    result = plain_realloc(domain, addr, nbytes);
    if (result == 0) return 0;
  }
  if (observer_ != nullptr) observer_->on_realloc(domain, addr, result, nbytes);
  return result;
}

std::vector<std::string> Heap::take_debug_reports() { return debug_hooks_.take_reports(); }

}  // namespace heaplab::memory
