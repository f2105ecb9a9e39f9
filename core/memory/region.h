// The one linear address space every Python object of a session lives in.
//
// The region is reserved on the host once, so its base pointer never moves, and
// everything inside it is named by its offset from the base (an Addr). Offsets
// are the same natively and in WebAssembly, so a program builds the same heap,
// byte for byte, in both. The region is managed in 1 MiB units; unit 0 is the
// static area (what CPython keeps in its binary's data), the others are free, a
// pymalloc arena, or part of a raw-allocator segment.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace heaplab::memory {

// An offset into the region. 0 is null: the static area starts at 16, so no
// allocation is ever at 0.
using Addr = uint64_t;

inline constexpr size_t kUnitBits = 20;
inline constexpr size_t kUnitSize = size_t(1) << kUnitBits;  // 1 MiB
inline constexpr size_t kMinRegionUnits = 2;                 // the static unit plus one to allocate from

enum class UnitKind : uint8_t { Free, Static, Arena, Raw };

class Region {
 public:
  // `limit_bytes` is rounded up to whole units, at least kMinRegionUnits. If the
  // host cannot reserve the space, the region has no units and every map fails.
  explicit Region(size_t limit_bytes);
  ~Region();
  Region(const Region&) = delete;
  Region& operator=(const Region&) = delete;

  uint8_t* base() const { return base_; }
  size_t limit() const { return limit_; }
  size_t unit_count() const { return units_.size(); }
  size_t mapped_units() const { return mapped_units_; }
  size_t mapped_bytes() const { return mapped_units_ * kUnitSize; }

  template <class T>
  T* at(Addr a) const {
    return reinterpret_cast<T*>(base_ + a);
  }
  Addr addr_of(const void* p) const { return Addr(static_cast<const uint8_t*>(p) - base_); }

  // Plain loads and stores of 8-byte fields at an offset (free-list links and
  // the like); memcpy keeps them free of aliasing and alignment assumptions.
  uint64_t load_u64(Addr a) const {
    uint64_t v;
    std::memcpy(&v, base_ + a, sizeof v);
    return v;
  }
  void store_u64(Addr a, uint64_t v) const { std::memcpy(base_ + a, &v, sizeof v); }

  UnitKind unit_kind(size_t unit) const { return units_[unit]; }
  // The kind of the unit holding `a`; Free for anything outside the region.
  UnitKind kind_at(Addr a) const { return a < limit_ ? units_[a >> kUnitBits] : UnitKind::Free; }

  // Takes `n_units` contiguous free units, lowest address first, and marks them
  // `kind`. Returns their address, or 0 when no such run exists below the limit.
  // Fresh units read as zeros.
  Addr map(size_t n_units, UnitKind kind);
  // Gives units back; their pages are returned to the host.
  void unmap(Addr a, size_t n_units);

  // Bump allocation in the static area (unit 0): 16-byte aligned, never freed.
  // Returns 0 once the unit is full.
  Addr static_alloc(size_t n);
  size_t static_used() const { return static_top_; }

 private:
  uint8_t* base_ = nullptr;
  size_t limit_ = 0;  // units_.size() * kUnitSize, kept for the allocators' fast paths
  std::vector<UnitKind> units_;
  size_t mapped_units_ = 0;
  Addr static_top_ = 16;
};

}  // namespace heaplab::memory
