#include "core/inspect/arena_snapshot.h"

namespace heaplab {

namespace {

const char* unit_kind_name(memory::UnitKind kind) {
  switch (kind) {
    case memory::UnitKind::Static:
      return "static";
    case memory::UnitKind::Arena:
      return "arena";
    case memory::UnitKind::Raw:
      return "raw";
    case memory::UnitKind::Free:
      break;
  }
  return "free";
}

// Appends `"key":value` (with a leading comma unless first).
void field(std::string& out, const char* key, uint64_t value, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
  out += std::to_string(value);
}

}  // namespace

std::string arena_snapshot_json(const memory::Heap& heap) {
  using namespace memory;
  const Region& region = heap.region();
  std::string out = "{";
  field(out, "limit", region.limit(), true);
  field(out, "mapped", region.mapped_bytes());
  field(out, "unit_size", kUnitSize);
  field(out, "arena_size", kArenaSize);
  field(out, "pool_size", kPoolSize);

  out += ",\"units\":[";
  bool first = true;
  for (const UnitView& unit : heap.units()) {
    if (!first) out += ',';
    first = false;
    out += "{\"address\":" + std::to_string(unit.address) + ",\"kind\":\"" + unit_kind_name(unit.kind) + "\"}";
  }

  out += "],\"arenas\":[";
  first = true;
  for (const ArenaView& arena : heap.arenas()) {
    if (!first) out += ',';
    first = false;
    out += '{';
    field(out, "index", arena.index, true);
    field(out, "address", arena.address);
    field(out, "free_pools", arena.free_pools);
    field(out, "total_pools", arena.total_pools);
    out += ",\"pools\":[";
    bool first_pool = true;
    for (const PoolView& pool : arena.pools) {
      if (!first_pool) out += ',';
      first_pool = false;
      out += '{';
      field(out, "address", pool.address, true);
      if (pool.unused) {
        out += ",\"unused\":true}";
        continue;
      }
      field(out, "szidx", pool.szidx);
      field(out, "block_size", pool.block_size);
      field(out, "used", pool.used);
      field(out, "capacity", pool.capacity);
      out += '}';
    }
    out += "]}";
  }

  out += "],\"raw\":[";
  first = true;
  for (const RawChunkView& chunk : heap.raw_chunks()) {
    if (!first) out += ',';
    first = false;
    out += '{';
    field(out, "address", chunk.address, true);
    field(out, "size", chunk.size);
    out += chunk.used ? ",\"used\":true}" : ",\"used\":false}";
  }

  const MallocStats s = heap.stats();
  out += "],\"stats\":{";
  field(out, "arenas_allocated_total", s.arenas_allocated_total, true);
  field(out, "arenas_reclaimed", s.arenas_reclaimed);
  field(out, "arenas_highwater", s.arenas_highwater);
  field(out, "arenas_current", s.arenas_current);
  field(out, "allocated_blocks", s.allocated_blocks);
  field(out, "bytes_in_allocated_blocks", s.bytes_in_allocated_blocks);
  field(out, "bytes_in_available_blocks", s.bytes_in_available_blocks);
  field(out, "unused_pools", s.unused_pools);
  field(out, "bytes_in_pool_headers", s.bytes_in_pool_headers);
  field(out, "quantization", s.quantization);
  field(out, "raw_bytes_used", s.raw_bytes_used);
  field(out, "raw_bytes_free", s.raw_bytes_free);
  out += "}}";
  return out;
}

}  // namespace heaplab
