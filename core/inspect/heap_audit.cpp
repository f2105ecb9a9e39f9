#include "core/inspect/heap_audit.h"

#include <cstdio>
#include <unordered_map>

#include "core/lang/interpreter.h"
#include "core/object/runtime.h"
#include "core/object/type.h"

namespace heaplab {

namespace {

struct Counter {
  std::unordered_map<Object*, uint64_t> found;
};

void count_reference(Object* referent, void* arg) { ++static_cast<Counter*>(arg)->found[referent]; }

void traverse(Object* o, Counter& counter) {
  if (auto t = slots_of(o).traverse) t(o, count_reference, &counter);
}

std::string describe(Object* o) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s object at 0x%llx", type_name(o),
                static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return buf;
}

}  // namespace

std::vector<std::string> audit_heap(const Interpreter& interp, const std::unordered_set<Object*>* baseline) {
  const Runtime& rt = interp.rt;
  std::vector<std::string> problems = rt.heap.check_invariants();
  if (!rt.track_objects) {
    problems.push_back("the object registry is off: refcounts were not audited");
    return problems;
  }
  Counter counter;
  for (Object* o : rt.live_objects) traverse(o, counter);
  // Static type objects hold references to heap objects (their dicts).
  const TypeObject* const* types = reinterpret_cast<const TypeObject* const*>(&rt.types);
  for (size_t i = 0; i < sizeof(BuiltinTypes) / sizeof(TypeObject*); ++i)
    traverse(const_cast<TypeObject*>(types[i]), counter);
  interp.visit_roots(count_reference, &counter);
  // gc.garbage and gc.callbacks belong to the runtime (interp->gc in CPython).
  for (Object* o : {rt.gc.garbage, rt.gc.callbacks})
    if (o) count_reference(o, &counter);

  for (Object* o : rt.live_objects) {
    if (is_immortal(o)) continue;
    uint64_t found = counter.found.count(o) ? counter.found[o] : 0;
    if (o->refcnt != found) {
      problems.push_back("refcount mismatch: " + describe(o) + " has refcount " + std::to_string(o->refcnt) + ", " +
                         std::to_string(found) + " references found");
    }
  }
  for (const auto& [o, n] : counter.found) {
    if (!is_immortal(o) && !rt.live_objects.count(o)) problems.push_back("reference to a dead object at 0x" + std::to_string(addr_of(o)));
  }
  if (baseline) {
    for (Object* o : rt.live_objects) {
      if (!baseline->count(o) && !is_immortal(o)) problems.push_back("leaked: " + describe(o));
    }
  }
  return problems;
}

}  // namespace heaplab
