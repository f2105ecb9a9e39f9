#include "core/memory/raw_allocator.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace heaplab::memory {

namespace {

constexpr size_t round_up16(size_t n) { return (n + 15) & ~size_t(15); }

// Chunk size for a request; the caller has bounded nbytes by the region limit.
constexpr size_t chunk_size_for(size_t nbytes) { return std::max(kRawMinChunk, round_up16(nbytes + kRawHeaderSize)); }

// Units of a dedicated segment for a chunk: the chunk plus the fence.
constexpr size_t dedicated_units_for(size_t chunk_size) {
  return (chunk_size + kRawHeaderSize + kUnitSize - 1) / kUnitSize;
}

}  // namespace

RawAllocator::RawAllocator(Region& region) : region_(region) {}

RawAllocator::Bin RawAllocator::bin_of(size_t chunk_size) {
  if (chunk_size < kLinearLimit) return {0, unsigned(chunk_size >> 4)};
  unsigned msb = unsigned(std::bit_width(chunk_size)) - 1;
  return {msb - (kSecondLevelBits + 3), unsigned(chunk_size >> (msb - kSecondLevelBits)) - kSecondLevelCount};
}

void RawAllocator::set_header(Addr chunk, size_t size, bool used, bool prev_used, Domain d) {
  set_word(chunk + 8, uint64_t(size) | (used ? kUsedBit : 0) | (prev_used ? kPrevUsedBit : 0) | (uint64_t(d) << 2));
}

void RawAllocator::set_prev_used(Addr chunk, bool prev_used) {
  uint64_t w = word(chunk + 8);
  set_word(chunk + 8, prev_used ? (w | kPrevUsedBit) : (w & ~kPrevUsedBit));
}

void RawAllocator::insert_free(Addr chunk, size_t size) {
  Bin b = bin_of(size);
  Addr head = heads_[b.first][b.second];
  set_word(chunk + 16, head);
  set_word(chunk + 24, 0);
  if (head != 0) set_word(head + 24, chunk);
  heads_[b.first][b.second] = chunk;
  first_bitmap_ |= 1u << b.first;
  second_bitmaps_[b.first] |= 1u << b.second;
  bytes_free_ += size;
}

void RawAllocator::remove_free(Addr chunk, size_t size) {
  Bin b = bin_of(size);
  Addr next = next_free(chunk);
  Addr prev = prev_free(chunk);
  if (next != 0) set_word(next + 24, prev);
  if (prev != 0) {
    set_word(prev + 16, next);
  } else {
    heads_[b.first][b.second] = next;
    if (next == 0) {
      second_bitmaps_[b.first] &= ~(1u << b.second);
      if (second_bitmaps_[b.first] == 0) first_bitmap_ &= ~(1u << b.first);
    }
  }
  bytes_free_ -= size;
}

// Good fit: round the size up to the next bin boundary, so that any chunk of
// the first non-empty bin from there on is large enough.
Addr RawAllocator::find_free(size_t size) const {
  if (size >= kLinearLimit) size += (size_t(1) << (std::bit_width(size) - 1 - kSecondLevelBits)) - 1;
  Bin b = bin_of(size);
  if (b.first >= kFirstLevelCount) return 0;
  unsigned first = b.first;
  uint32_t second_map = second_bitmaps_[first] & (~0u << b.second);
  if (second_map == 0) {
    uint32_t first_map = first_bitmap_ & (~0u << (first + 1));
    if (first_map == 0) return 0;
    first = unsigned(std::countr_zero(first_map));
    second_map = second_bitmaps_[first];
  }
  return heads_[first][unsigned(std::countr_zero(second_map))];
}

Addr RawAllocator::add_segment() {
  Addr start = region_.map(1, UnitKind::Raw);
  if (start == 0) return 0;
  segments_[start] = {1, false};
  const size_t size = kUnitSize - kRawHeaderSize;
  set_header(start, size, false, true, Domain::Raw);
  set_header(start + size, 0, true, false, Domain::Raw);  // fence
  set_word(start + size, size);
  insert_free(start, size);
  return start;
}

Addr RawAllocator::alloc_dedicated(size_t chunk_size, Domain domain) {
  const size_t units = dedicated_units_for(chunk_size);
  Addr start = region_.map(units, UnitKind::Raw);
  if (start == 0) return 0;
  segments_[start] = {units, true};
  const size_t size = units * kUnitSize - kRawHeaderSize;
  set_header(start, size, true, true, domain);
  set_header(start + size, 0, true, true, Domain::Raw);  // fence
  bytes_used_ += size;
  return start;
}

void RawAllocator::release_segment(Addr start) {
  auto it = segments_.find(start);
  region_.unmap(start, it->second.units);
  segments_.erase(it);
}

Addr RawAllocator::alloc(size_t nbytes, Domain domain) {
  if (nbytes == 0) nbytes = 1;  // as CPython's raw malloc(0) -> malloc(1)
  if (nbytes > region_.limit()) return 0;
  const size_t need = chunk_size_for(nbytes);
  Addr chunk;
  if (need >= kDedicatedThreshold) {
    chunk = alloc_dedicated(need, domain);
    if (chunk == 0) return 0;
  } else {
    chunk = find_free(need);
    if (chunk == 0) chunk = add_segment();
    if (chunk == 0) return 0;
    if (chunk == kept_empty_) kept_empty_ = 0;
    const size_t size = chunk_size(chunk);
    remove_free(chunk, size);
    set_header(chunk, size, true, true, domain);  // a free chunk's predecessor is always used
    set_prev_used(chunk + size, true);
    bytes_used_ += size;
    shrink_used(chunk, need);
  }
  ++blocks_[size_t(domain)];
  return chunk + kRawHeaderSize;
}

void RawAllocator::free_range(Addr chunk, size_t size) {
  Addr next = chunk + size;
  if (!chunk_used(next)) {
    size_t next_size = chunk_size(next);
    remove_free(next, next_size);
    size += next_size;
  }
  set_header(chunk, size, false, true, Domain::Raw);
  Addr after = chunk + size;
  set_prev_used(after, false);
  set_word(after, size);  // the boundary tag
  if (size == kUnitSize - kRawHeaderSize) {
    // The whole (one-unit) segment is free.
    if (kept_empty_ != 0) {
      release_segment(chunk);
      return;
    }
    kept_empty_ = chunk;
  }
  insert_free(chunk, size);
}

void RawAllocator::shrink_used(Addr chunk, size_t size) {
  const size_t current = chunk_size(chunk);
  if (current - size < kRawMinChunk) return;
  set_header(chunk, size, true, chunk_prev_used(chunk), domain_of(chunk + kRawHeaderSize));
  bytes_used_ -= current - size;
  free_range(chunk + size, current - size);
}

void RawAllocator::free(Addr p) {
  Addr chunk = p - kRawHeaderSize;
  size_t size = chunk_size(chunk);
  --blocks_[size_t(domain_of(p))];
  bytes_used_ -= size;
  if (size >= kDedicatedThreshold) {
    auto it = segments_.find(chunk);
    if (it != segments_.end() && it->second.dedicated) {
      release_segment(chunk);
      return;
    }
  }
  if (!chunk_prev_used(chunk)) {
    size_t prev_size = chunk_prev_size(chunk);
    chunk -= prev_size;
    remove_free(chunk, prev_size);
    size += prev_size;
  }
  free_range(chunk, size);
}

bool RawAllocator::trim() {
  if (kept_empty_ == 0) return false;
  remove_free(kept_empty_, chunk_size(kept_empty_));
  release_segment(kept_empty_);
  kept_empty_ = 0;
  return true;
}

Addr RawAllocator::move(Addr p, size_t nbytes) {
  Addr q = alloc(nbytes, domain_of(p));
  if (q == 0) return 0;
  std::memcpy(region_.at<uint8_t>(q), region_.at<uint8_t>(p), std::min(usable_size(p), nbytes));
  free(p);
  return q;
}

Addr RawAllocator::realloc(Addr p, size_t nbytes) {
  if (nbytes == 0) nbytes = 1;
  if (nbytes > region_.limit()) return 0;
  const Addr chunk = p - kRawHeaderSize;
  const size_t current = chunk_size(chunk);
  const size_t need = chunk_size_for(nbytes);
  if (current >= kDedicatedThreshold) {
    auto it = segments_.find(chunk);
    if (it != segments_.end() && it->second.dedicated) {
      // Stays put while it still needs a dedicated segment of the same units.
      bool same_segment = need >= kDedicatedThreshold && dedicated_units_for(need) == it->second.units;
      return same_segment ? p : move(p, nbytes);
    }
  }
  if (need >= kDedicatedThreshold) return move(p, nbytes);
  if (need <= current) {
    shrink_used(chunk, need);
    return p;
  }
  const Addr next = chunk + current;
  if (!chunk_used(next)) {
    const size_t next_size = chunk_size(next);
    if (current + next_size >= need) {
      remove_free(next, next_size);
      const size_t total = current + next_size;
      set_header(chunk, total, true, chunk_prev_used(chunk), domain_of(p));
      set_prev_used(chunk + total, true);
      bytes_used_ += next_size;
      shrink_used(chunk, need);
      return p;
    }
  }
  return move(p, nbytes);
}

}  // namespace heaplab::memory
