#include "core/inspect/pool_snapshot.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/inspect/gc_generations.h"
#include "core/inspect/object_graph.h"
#include "core/lang/interpreter.h"
#include "core/memory/pool_allocator.h"
#include "core/object/runtime.h"
#include "core/object/type.h"

namespace heaplab {

namespace {

// The used blocks of one carved pool: those below nextoffset, less the
// pool's free chain.
void append_used_blocks(const memory::Heap& heap, Addr pool, std::vector<Addr>& out) {
  using namespace memory;
  const PoolHeader* ph = heap.at<PoolHeader>(pool);
  if (ph->szidx == kDummySizeIndex) return;
  std::unordered_set<Addr> free_blocks;
  for (Addr b = ph->freeblock; b != 0; b = heap.region().load_u64(b)) free_blocks.insert(b);
  uint32_t size = class_block_size(ph->szidx);
  for (Addr b = pool + kPoolOverhead; b + size <= pool + ph->nextoffset; b += size)
    if (!free_blocks.count(b)) out.push_back(b);
}

void collect(Object* referent, void* arg) {
  auto* work = static_cast<std::vector<Object*>*>(arg);
  work->push_back(referent);
}

// Every live object reachable from the interpreter's roots, the static
// types and the GC lists (the registry, when the runtime keeps one).
std::unordered_set<Object*> known_objects(const Interpreter& interp) {
  const Runtime& rt = interp.rt;
  if (rt.track_objects) return rt.live_objects;
  std::vector<Object*> work;
  interp.visit_roots(collect, &work);
  const TypeObject* const* types = reinterpret_cast<const TypeObject* const*>(&rt.types);
  for (size_t i = 0; i < sizeof(BuiltinTypes) / sizeof(TypeObject*); ++i)
    if (types[i]) work.push_back(const_cast<TypeObject*>(types[i]));
  for (const auto& [o, gen] : gc_generation_map()) work.push_back(o);
  std::unordered_set<Object*> seen;
  while (!work.empty()) {
    Object* o = work.back();
    work.pop_back();
    if (!seen.insert(o).second) continue;
    if (auto traverse = slots_of(o).traverse) traverse(o, collect, &work);
  }
  return seen;
}

}  // namespace

std::vector<Addr> used_blocks(const memory::Heap& heap) {
  std::vector<Addr> out;
  for (const memory::ArenaView& arena : heap.arenas())
    for (const memory::PoolView& pool : arena.pools)
      if (!pool.unused) append_used_blocks(heap, pool.address, out);
  return out;
}

std::string pool_json(const Interpreter& interp, Addr pool_address, size_t max_repr) {
  const memory::Heap& heap = interp.rt.heap;
  const memory::PoolView* pool = nullptr;
  std::vector<memory::ArenaView> arenas = heap.arenas();
  for (const memory::ArenaView& arena : arenas)
    for (const memory::PoolView& p : arena.pools)
      if (p.address == pool_address && !p.unused) pool = &p;
  if (!pool) return "{\"error\":\"no used pool at " + std::to_string(pool_address) + "\"}";

  std::vector<Addr> blocks;
  append_used_blocks(heap, pool->address, blocks);
  // Objects by where their allocation starts (before the GC header and pre-header).
  std::map<Addr, Object*> starts;
  for (Object* o : known_objects(interp)) {
    Addr start = addr_of(o) - preheader_size(type_of(o));
    if (memory::pool_of(start) == pool->address) starts[start] = o;
  }
  std::unordered_map<Object*, int> generation = gc_generation_map();
  std::string out = "{\"address\":" + std::to_string(pool->address) +
                    ",\"block_size\":" + std::to_string(pool->block_size) + ",\"szidx\":" +
                    std::to_string(pool->szidx) + ",\"capacity\":" + std::to_string(pool->capacity) + ",\"blocks\":[";
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i) out += ',';
    out += "{\"address\":" + std::to_string(blocks[i]) + ",\"object\":";
    // Under the debug hooks the object starts after the block's front pad.
    auto it = starts.lower_bound(blocks[i]);
    if (it == starts.end() || it->first >= blocks[i] + pool->block_size) {
      out += "null}";
      continue;
    }
    out += '{';
    auto g = generation.find(it->second);
    append_object_fields(out, it->second, g == generation.end() ? -1 : g->second, max_repr);
    out += "}}";
  }
  out += "]}";
  return out;
}

}  // namespace heaplab
