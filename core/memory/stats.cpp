#include "core/memory/stats.h"

#include <cstdio>
#include <cstring>

namespace heaplab::memory {

MallocStats collect_malloc_stats(const PoolAllocator& pool, const RawAllocator& raw) {
  MallocStats s;
  // Full pools are in no list, so walk every carved pool of every arena.
  for (const ArenaObject& ao : pool.arena_objects()) {
    if (ao.address == 0) continue;
    s.unused_pools += ao.nfreepools;
    for (Addr p = ao.address; p < ao.pool_address; p += kPoolSize) {
      const PoolHeader* ph = pool.header(p);
      if (ph->ref_count == 0) continue;
      SizeClassStats& c = s.classes[ph->szidx];
      ++c.pools;
      c.blocks_in_use += ph->ref_count;
      c.available_blocks += blocks_per_pool(ph->szidx) - ph->ref_count;
    }
  }
  for (uint32_t i = 0; i < kNumSizeClasses; ++i) {
    const SizeClassStats& c = s.classes[i];
    const size_t size = class_block_size(i);
    s.bytes_in_allocated_blocks += c.blocks_in_use * size;
    s.bytes_in_available_blocks += c.available_blocks * size;
    s.bytes_in_pool_headers += c.pools * kPoolOverhead;
    s.quantization += c.pools * ((kPoolSize - kPoolOverhead) % size);
  }
  s.arenas_allocated_total = pool.arenas_allocated_total();
  s.arenas_current = pool.arenas_current();
  s.arenas_reclaimed = s.arenas_allocated_total - s.arenas_current;
  s.arenas_highwater = pool.arenas_highwater();
  s.allocated_blocks = pool.blocks_in_use() + raw.blocks_in(Domain::Mem) + raw.blocks_in(Domain::Object);
  s.raw_blocks = raw.blocks_in(Domain::Raw) + raw.blocks_in(Domain::Mem) + raw.blocks_in(Domain::Object);
  s.raw_bytes_used = raw.bytes_used();
  s.raw_bytes_free = raw.bytes_free();
  s.raw_segments = raw.segments().size();
  for (const auto& [start, segment] : raw.segments()) s.raw_units += segment.units;
  return s;
}

namespace {


// CPython 3.12 x86-64: the radix tree's root, one mid and one bottom node.
constexpr size_t kArenaMapRootBytes = 262144;
constexpr size_t kArenaMapMidBytes = 262144;
constexpr size_t kArenaMapBotBytes = 131072;

}  // namespace

// CPython's printone(): the label padded to 35 columns, '=', then the value
// with thousands separators right-aligned in 21 columns.
void print_stat_line(std::string& out, const std::string& label, size_t value) {
  out += label;
  if (label.size() < 35) out.append(35 - label.size(), ' ');
  out += '=';
  std::string digits = std::to_string(value);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  if (grouped.size() < 21) out.append(21 - grouped.size(), ' ');
  out += grouped;
  out += '\n';
}

std::string format_debug_malloc_stats(const MallocStats& s) {
  std::string out;
  char line[128];
  std::snprintf(line, sizeof line, "Small block threshold = %u, in %u size classes.\n", kSmallRequestThreshold,
                kNumSizeClasses);
  out += line;
  out +=
      "\nclass   size   num pools   blocks in use  avail blocks\n"
      "-----   ----   ---------   -------------  ------------\n";
  for (uint32_t i = 0; i < kNumSizeClasses; ++i) {
    const SizeClassStats& c = s.classes[i];
    if (c.pools == 0) continue;
    std::snprintf(line, sizeof line, "%5u %6u %11zu %15zu %13zu\n", i, class_block_size(i), c.pools, c.blocks_in_use,
                  c.available_blocks);
    out += line;
  }
  out += '\n';
  print_stat_line(out, "# arenas allocated total", s.arenas_allocated_total);
  print_stat_line(out, "# arenas reclaimed", s.arenas_reclaimed);
  print_stat_line(out, "# arenas highwater mark", s.arenas_highwater);
  print_stat_line(out, "# arenas allocated current", s.arenas_current);
  print_stat_line(out, std::to_string(s.arenas_current) + " arenas * " + std::to_string(kArenaSize) + " bytes/arena",
            s.arenas_current * kArenaSize);
  out += '\n';
  size_t total = 0;
  auto add = [&](const std::string& label, size_t value) {
    print_stat_line(out, label, value);
    total += value;
  };
  add("# bytes in allocated blocks", s.bytes_in_allocated_blocks);
  add("# bytes in available blocks", s.bytes_in_available_blocks);
  add(std::to_string(s.unused_pools) + " unused pools * " + std::to_string(kPoolSize) + " bytes",
      s.unused_pools * kPoolSize);
  add("# bytes lost to pool headers", s.bytes_in_pool_headers);
  add("# bytes lost to quantization", s.quantization);
  add("# bytes lost to arena alignment", s.arena_alignment);
  print_stat_line(out, "Total", total);
  out += "\narena map counts\n";
  print_stat_line(out, "# arena map mid nodes", 1);
  print_stat_line(out, "# arena map bot nodes", 1);
  out += '\n';
  print_stat_line(out, "# bytes lost to arena map root", kArenaMapRootBytes);
  print_stat_line(out, "# bytes lost to arena map mid", kArenaMapMidBytes);
  print_stat_line(out, "# bytes lost to arena map bot", kArenaMapBotBytes);
  print_stat_line(out, "Total", kArenaMapRootBytes + kArenaMapMidBytes + kArenaMapBotBytes);
  return out;
}

}  // namespace heaplab::memory
