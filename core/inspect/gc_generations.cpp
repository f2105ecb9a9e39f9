#include "core/inspect/gc_generations.h"

#include "core/object/gc_header.h"
#include "core/object/runtime.h"

namespace heaplab {

std::unordered_map<Object*, int> gc_generation_map() {
  std::unordered_map<Object*, int> generation;
  auto add_list = [&](Addr head_addr, int gen) {
    GCHeader* head = gc_head(head_addr);
    for (GCHeader* g = gc_next(head); g != head; g = gc_next(g)) generation[gc_object(g)] = gen;
  };
  for (int i = 0; i < kNumGenerations; ++i) add_list(g_rt->gc.generations[i].head, i);
  add_list(g_rt->gc.permanent.head, kPermanentGeneration);
  return generation;
}

}  // namespace heaplab
