// The raw allocator: what CPython gets from the C library's malloc (requests
// over 512 bytes, size-0 requests, and the Raw domain), here inside the region.
//
// The design is TLSF (Masmano et al., "TLSF: a new dynamic memory allocator for
// real-time systems", 2004): chunks with boundary tags, immediate coalescing,
// and segregated free lists indexed by a two-level bitmap (a power-of-two first
// level split into 16 linear second-level bins), which gives O(1) good-fit
// search. Memory comes from the region in segments of whole 1 MiB units:
//  - normal segments are one unit that chunks tile, ending in a 16-byte fence;
//    an entirely free segment goes back to the region, except that one is kept
//    to avoid mapping and unmapping a unit on every alloc/free cycle (`trim`
//    releases it);
//  - requests whose chunk would reach kDedicatedThreshold get a segment of
//    their own, returned to the region when freed (glibc's mmap threshold idea).
//
// Chunk layout (all offsets, 16-byte aligned):
//   +0  prev_size   size of the physically previous chunk, valid when it is free
//   +8  size|flags  chunk size (multiple of 16) | used | prev used | domain << 2
//   +16 payload     (free chunks: next free, previous free)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>

#include "core/memory/domain.h"
#include "core/memory/region.h"

namespace heaplab::memory {

inline constexpr size_t kRawHeaderSize = 16;
inline constexpr size_t kRawMinChunk = 32;  // header plus the two free-list links
inline constexpr size_t kDedicatedThreshold = size_t(256) << 10;

class RawAllocator {
 public:
  // TLSF index: sizes below 256 have one bin per 16 bytes (first level 0);
  // above, first level f covers [2^(f+7), 2^(f+8)) in 16 bins. Free chunks live
  // only in normal segments, so they are smaller than a unit.
  static constexpr unsigned kSecondLevelBits = 4;
  static constexpr unsigned kSecondLevelCount = 1u << kSecondLevelBits;
  static constexpr size_t kLinearLimit = size_t(1) << (kSecondLevelBits + 4);           // 256
  static constexpr unsigned kFirstLevelCount = kUnitBits - (kSecondLevelBits + 4) + 1;  // 13

  struct Segment {
    size_t units;
    bool dedicated;
  };

  struct Bin {
    unsigned first, second;
  };
  static Bin bin_of(size_t chunk_size);

  explicit RawAllocator(Region& region);
  RawAllocator(const RawAllocator&) = delete;
  RawAllocator& operator=(const RawAllocator&) = delete;

  // A block of at least max(nbytes, 1) bytes tagged with `domain`, or 0.
  Addr alloc(size_t nbytes, Domain domain);
  void free(Addr p);
  // Resizes in place when it can (shrinking, or growing into a free next
  // chunk), else moves; keeps the block's domain. 0 on failure, `p` intact.
  Addr realloc(Addr p, size_t nbytes);
  // Gives back the entirely free segment kept for reuse. True if there was one.
  bool trim();

  size_t usable_size(Addr p) const { return chunk_size(p - kRawHeaderSize) - kRawHeaderSize; }
  Domain domain_of(Addr p) const { return Domain((word(p - kRawHeaderSize + 8) >> 2) & 3); }
  size_t blocks_in(Domain d) const { return blocks_[size_t(d)]; }
  size_t bytes_used() const { return bytes_used_; }  // chunk sizes, headers included
  size_t bytes_free() const { return bytes_free_; }

  // Read-only view of the bookkeeping, for walks and checks.
  const Region& region() const { return region_; }
  const std::map<Addr, Segment>& segments() const { return segments_; }
  size_t chunk_size(Addr chunk) const { return word(chunk + 8) & ~size_t(15); }
  bool chunk_used(Addr chunk) const { return word(chunk + 8) & kUsedBit; }
  bool chunk_prev_used(Addr chunk) const { return word(chunk + 8) & kPrevUsedBit; }
  size_t chunk_prev_size(Addr chunk) const { return word(chunk); }
  Addr next_free(Addr chunk) const { return word(chunk + 16); }
  Addr prev_free(Addr chunk) const { return word(chunk + 24); }
  Addr free_list_head(unsigned first, unsigned second) const { return heads_[first][second]; }
  uint32_t first_level_bitmap() const { return first_bitmap_; }
  uint32_t second_level_bitmap(unsigned first) const { return second_bitmaps_[first]; }
  Addr kept_empty_segment() const { return kept_empty_; }

 private:
  static constexpr uint64_t kUsedBit = 1;
  static constexpr uint64_t kPrevUsedBit = 2;

  uint64_t word(Addr a) const { return region_.load_u64(a); }
  void set_word(Addr a, uint64_t v) { region_.store_u64(a, v); }
  void set_header(Addr chunk, size_t size, bool used, bool prev_used, Domain d);
  void set_prev_used(Addr chunk, bool prev_used);

  void insert_free(Addr chunk, size_t size);
  void remove_free(Addr chunk, size_t size);
  Addr find_free(size_t size) const;
  Addr add_segment();
  Addr alloc_dedicated(size_t chunk_size, Domain domain);
  void release_segment(Addr start);
  // Marks [chunk, chunk+size) free, merging with a free next chunk (the
  // previous one is known to be used), and files it or releases its segment.
  void free_range(Addr chunk, size_t size);
  // Cuts a used chunk down to `size`, freeing the tail when it can stand alone.
  void shrink_used(Addr chunk, size_t size);
  Addr move(Addr p, size_t nbytes);

  Region& region_;
  std::map<Addr, Segment> segments_;
  std::array<std::array<Addr, kSecondLevelCount>, kFirstLevelCount> heads_{};
  uint32_t first_bitmap_ = 0;
  std::array<uint32_t, kFirstLevelCount> second_bitmaps_{};
  Addr kept_empty_ = 0;
  std::array<size_t, 3> blocks_{};
  size_t bytes_used_ = 0;
  size_t bytes_free_ = 0;
};

}  // namespace heaplab::memory
