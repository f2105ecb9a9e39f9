// The phases follow gc_collect_main of CPython 3.12: update_refs,
// subtract_refs, move_unreachable, untrack atomic tuples and dicts, move the
// survivors to the next generation, handle weak references, finalize
// (PEP 442), check for resurrection, clear. Each phase and each change of an
// object's state is recorded in GCState::history for the views.
//
// Legacy finalizers (tp_del) are left out: in 3.12 only C extension types
// have them, and heaplab has none, so nothing is ever uncollectable;
// gc.garbage is filled by DEBUG_SAVEALL only.
#include "core/gc/collector.h"

#include <chrono>
#include <cstdio>
#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

GCState& gcstate() { return g_rt->gc; }

// ---- gc_refs, kept in GCHeader::prev during a collection ----

int64_t get_refs(const GCHeader* g) { return int64_t(g->prev >> kPrevShift); }
void set_refs(GCHeader* g, int64_t refs) { g->prev = (g->prev & ~kPrevMask) | (uint64_t(refs) << kPrevShift); }
// Also marks the object as in the generation being collected.
void reset_refs(GCHeader* g, int64_t refs) {
  g->prev = (g->prev & kPrevMaskFinalized) | kPrevMaskCollecting | (uint64_t(refs) << kPrevShift);
}
bool is_collecting(const GCHeader* g) { return g->prev & kPrevMaskCollecting; }
void clear_collecting(GCHeader* g) { g->prev &= ~kPrevMaskCollecting; }

GCHeader* scratch(int i) { return gc_head(gcstate().scratch[i]); }
enum Scratch { kUnreachable, kFinalUnreachable, kWeakrefCallbacks, kSeen };

void traverse(Object* o, VisitFn visit, void* arg) {
  if (auto t = slots_of(o).traverse) t(o, visit, arg);
}

std::string address_of(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return buf;
}

// Whether a walk over every object of the collected generations records its
// objects' events: not when the focus (GCState::recording_focus) is empty.
bool records_each_object(bool record) {
  const auto& focus = gcstate().recording_focus;
  return record && !(focus && focus->empty());
}

void gc_list_clear_collecting(GCHeader* list) {
  for (GCHeader* g = gc_next(list); g != list; g = gc_next(g)) clear_collecting(g);
}

// ---- Finding the unreachable objects ----

// update_refs: gc_refs = refcount for every object of `containers`.
void update_refs(GCHeader* containers, bool record) {
  if (record) gc_record_phase(GCPhase::UpdateRefs);
  record = records_each_object(record);
  for (GCHeader* g = gc_next(containers); g != containers; g = gc_next(g)) {
    Object* op = gc_object(g);
    reset_refs(g, int64_t(op->refcnt));
    if (record) record = gc_record(GCPhase::UpdateRefs, op, GCObjectState::Tracked, GCObjectState::Collecting, get_refs(g));
  }
}

void visit_decref(Object* op, void*) {
  if (!object_is_gc(op)) return;
  GCHeader* g = gc_header(op);
  // Only the objects being collected count references.
  if (is_collecting(g)) g->prev -= uint64_t(1) << kPrevShift;
}

// subtract_refs: what remains of gc_refs are the references from outside.
void subtract_refs(GCHeader* containers, bool record) {
  if (record) gc_record_phase(GCPhase::SubtractRefs);
  for (GCHeader* g = gc_next(containers); g != containers; g = gc_next(g)) traverse(gc_object(g), visit_decref, nullptr);
  if (!records_each_object(record)) return;
  for (GCHeader* g = gc_next(containers); g != containers && record; g = gc_next(g))
    record = gc_record(GCPhase::SubtractRefs, gc_object(g), GCObjectState::Collecting, GCObjectState::Collecting, get_refs(g));
}

struct ReachableVisit {
  GCHeader* young;
  GCPhase phase;
  bool record;
};

void visit_reachable(Object* op, void* arg) {
  if (!object_is_gc(op)) return;
  auto* v = static_cast<ReachableVisit*>(arg);
  GCHeader* g = gc_header(op);
  // Objects of other generations, and those already scanned, are skipped.
  if (!is_collecting(g)) return;
  if (g->next & kNextMaskUnreachable) {
    // Tentatively unreachable after all: back to the end of young, where
    // move_unreachable will scan it again. The unreachable list carries the
    // mask in its links, so it is unlinked by hand.
    GCHeader* prev = gc_prev(g);
    GCHeader* next = at<GCHeader>(g->next & ~kNextMaskUnreachable);
    prev->next = g->next;
    gc_set_prev(next, prev);
    gc_list_append(g, v->young);
    set_refs(g, 1);
    if (v->record) v->record = gc_record(v->phase, op, GCObjectState::TentativelyUnreachable, GCObjectState::Collecting, 1);
  } else if (get_refs(g) == 0) {
    // Still ahead in young: tell move_unreachable it is reachable.
    set_refs(g, 1);
  }
}

// move_unreachable: objects of young with no outside reference, direct or
// through reachable objects, move to `unreachable` (links masked with
// kNextMaskUnreachable). Restores the prev links of young.
void move_unreachable(GCHeader* young, GCHeader* unreachable, GCPhase phase, bool record) {
  record = records_each_object(record);
  ReachableVisit visit{young, phase, record};
  GCHeader* prev = young;
  GCHeader* g = gc_next(young);
  while (g != young) {
    Object* op = gc_object(g);
    if (get_refs(g)) {
      // Traversing may append to young (and change g->next when g is last).
      traverse(op, visit_reachable, &visit);
      gc_set_prev(g, prev);
      clear_collecting(g);
      prev = g;
      if (record) record = gc_record(phase, op, GCObjectState::Collecting, GCObjectState::Reachable);
    } else {
      // Maybe unreachable: assume so until something reachable refers to it.
      prev->next = g->next;
      GCHeader* last = gc_prev(unreachable);
      last->next = kNextMaskUnreachable | addr_of(g);
      gc_set_prev(g, last);
      g->next = kNextMaskUnreachable | addr_of(unreachable);
      unreachable->prev = addr_of(g);
      if (record) record = gc_record(phase, op, GCObjectState::Collecting, GCObjectState::TentativelyUnreachable, 0);
    }
    g = at<GCHeader>(prev->next);
  }
  young->prev = addr_of(prev);
  unreachable->next &= ~kNextMaskUnreachable;
}

void deduce_unreachable(GCHeader* base, GCHeader* unreachable, bool record) {
  update_refs(base, record);
  subtract_refs(base, record);
  gc_list_init(unreachable);
  if (record) gc_record_phase(GCPhase::MoveUnreachable);
  move_unreachable(base, unreachable, GCPhase::MoveUnreachable, record);
}

// Makes `unreachable` a plain list again (move_legacy_finalizers's other job).
// Returns its length, which saves the walk of a gc_list_size.
int64_t clear_unreachable_mask(GCHeader* unreachable, GCPhase phase, bool record) {
  int64_t length = 0;
  GCHeader* next;
  for (GCHeader* g = gc_next(unreachable); g != unreachable; g = next) {
    length++;
    g->next &= ~kNextMaskUnreachable;
    next = gc_next(g);
    if (record) record = gc_record(phase, gc_object(g), GCObjectState::TentativelyUnreachable, GCObjectState::Unreachable);
  }
  return length;
}

void untrack_tuples(GCHeader* head) {
  GCHeader* next;
  for (GCHeader* g = gc_next(head); g != head; g = next) {
    next = gc_next(g);
    Object* op = gc_object(g);
    if (type_of(op) != g_rt->types.tuple) continue;
    tuple_maybe_untrack(op);
    if (!gc_is_tracked(op)) gc_record(GCPhase::UntrackAtomic, op, GCObjectState::Reachable, GCObjectState::Untracked);
  }
}

// Only full collections untrack dicts (bpo-14775: avoids quadratic work).
// Returns how many objects stay in `head`: CPython counts them in a walk of
// its own, which costs as much as this one on a large heap.
int64_t untrack_dicts(GCHeader* head) {
  int64_t tracked = 0;
  GCHeader* next;
  for (GCHeader* g = gc_next(head); g != head; g = next) {
    next = gc_next(g);
    Object* op = gc_object(g);
    tracked++;
    if (type_of(op) != g_rt->types.dict) continue;
    dict_maybe_untrack(op);
    if (gc_is_tracked(op)) continue;
    tracked--;
    gc_record(GCPhase::UntrackAtomic, op, GCObjectState::Reachable, GCObjectState::Untracked);
  }
  return tracked;
}

// ---- Weak references, finalizers, resurrection, clearing ----

// handle_weakrefs: clears every weak reference to an unreachable object.
// A callback runs only when its weakref survives (is not itself garbage);
// all are cleared before any callback runs, so no callback can reach the
// garbage. Returns the weakrefs freed once their callback ran.
int64_t handle_weakrefs(GCHeader* unreachable, GCHeader* old) {
  gc_record_phase(GCPhase::HandleWeakrefs);
  GCHeader* wrcb_to_call = scratch(kWeakrefCallbacks);
  gc_list_init(wrcb_to_call);
  GCHeader* next;
  for (GCHeader* g = gc_next(unreachable); g != unreachable; g = next) {
    Object* op = gc_object(g);
    next = gc_next(g);
    // A weakref in the garbage must not call back into the garbage (bpo-38006).
    if (is_weakref(op)) weakref_clear_ref(static_cast<WeakrefObject*>(op));
    if (!type_supports_weakrefs(type_of(op))) continue;
    Addr* list = weakref_list_head(op);
    if (!*list) continue;
    for (auto* wr = at<WeakrefObject>(*list); wr; wr = at<WeakrefObject>(*list)) {
      weakref_clear_ref(wr);
      if (!wr->wr_callback) continue;
      if (is_collecting(gc_header(wr))) continue;  // garbage too: its callback never runs
      incref(wr);
      gc_list_move(gc_header(wr), wrcb_to_call);
    }
    gc_record(GCPhase::HandleWeakrefs, op, GCObjectState::Unreachable, GCObjectState::WeakrefsCleared);
  }
  int64_t num_freed = 0;
  while (!gc_list_is_empty(wrcb_to_call)) {
    GCHeader* g = gc_next(wrcb_to_call);
    auto* wr = static_cast<WeakrefObject*>(gc_object(g));
    weakref_call_callback(wr, wr->wr_callback.get());
    decref(wr);
    if (wrcb_to_call->next == addr_of(g)) {
      gc_list_move(g, old);  // still alive
    } else {
      ++num_freed;
    }
  }
  return num_freed;
}

// finalize_garbage: tp_finalize once per object (PEP 442). A finalizer can
// free objects of the list, so the first one is always taken afresh.
void finalize_garbage(GCHeader* collectable) {
  gc_record_phase(GCPhase::Finalize);
  GCHeader* seen = scratch(kSeen);
  gc_list_init(seen);
  while (!gc_list_is_empty(collectable)) {
    GCHeader* g = gc_next(collectable);
    Object* op = gc_object(g);
    gc_list_move(g, seen);
    auto finalize = slots_of(op).finalize;
    if (gc_is_finalized(op) || !finalize) continue;
    gc_set_finalized(op);
    gc_record(GCPhase::Finalize, op, GCObjectState::Unreachable, GCObjectState::Finalized);
    incref(op);
    finalize(op);
    if (error_occurred()) write_unraisable(nullptr, op);
    decref(op);
  }
  gc_list_merge(seen, collectable);
}

// handle_resurrected_objects: finalizers may have made garbage reachable
// again; what is still unreachable goes to `still_unreachable`, the rest to
// the older generation. Returns the length of `still_unreachable`.
int64_t handle_resurrected_objects(GCHeader* unreachable, GCHeader* still_unreachable, GCHeader* old) {
  gc_record_phase(GCPhase::ResurrectionCheck);
  gc_list_clear_collecting(unreachable);
  update_refs(unreachable, false);
  subtract_refs(unreachable, false);
  gc_list_init(still_unreachable);
  move_unreachable(unreachable, still_unreachable, GCPhase::ResurrectionCheck, false);
  int64_t still = clear_unreachable_mask(still_unreachable, GCPhase::ResurrectionCheck, false);
  for (GCHeader* g = gc_next(unreachable); g != unreachable; g = gc_next(g))
    gc_record(GCPhase::ResurrectionCheck, gc_object(g), GCObjectState::Unreachable, GCObjectState::Resurrected);
  gc_list_merge(unreachable, old);
  return still;
}

// delete_garbage: tp_clear breaks the cycles; the refcounts do the rest.
void delete_garbage(GCHeader* collectable, GCHeader* old) {
  GCState& gc = gcstate();
  gc_record_phase(GCPhase::Clear);
  while (!gc_list_is_empty(collectable)) {
    GCHeader* g = gc_next(collectable);
    Object* op = gc_object(g);
    if (gc.debug & kGCDebugSaveAll) {
      gc_record(GCPhase::Clear, op, GCObjectState::Unreachable, GCObjectState::Saved);
      if (list_append(gc.garbage, op) < 0) clear_error();
    } else if (auto clear = slots_of(op).clear) {
      gc_record(GCPhase::Clear, op, GCObjectState::Unreachable, GCObjectState::Cleared);
      incref(op);
      clear(op);
      if (error_occurred()) write_unraisable("Exception ignored in tp_clear of", type_of(op));
      decref(op);
    }
    if (gc_next(collectable) == g) {
      // Still alive: it may die later.
      clear_collecting(g);
      gc_list_move(g, old);
    }
  }
}

// 3.12 empties the free lists on every full collection.
void clear_freelists() {
  tuple_clear_free_lists();
  float_clear_free_list();
  list_clear_free_list();
  dict_clear_free_lists();
}

void show_stats_each_generation() {
  GCState& gc = gcstate();
  std::string text = "gc: objects in each generation:";
  for (const GCGeneration& gen : gc.generations) text += " " + std::to_string(gc_list_size(gc_head(gen.head)));
  text += "\ngc: objects in permanent generation: " + std::to_string(gc_list_size(gc_head(gc.permanent.head))) + "\n";
  gc_write_stderr(text);
}

void debug_cycle(const char* msg, Object* op) {
  gc_write_stderr(std::string("gc: ") + msg + " <" + type_name(op) + " " + address_of(op) + ">\n");
}

GCCollectionRecord& start_record(int generation) {
  GCState& gc = gcstate();
  // The oldest record's event buffer is reused: no allocation once full.
  std::vector<GCEvent> events;
  if (gc.history.size() >= kMaxRecordedCollections) {
    events = std::move(gc.history.front().events);
    events.clear();
    gc.history.pop_front();
  }
  GCCollectionRecord& rec = gc.history.emplace_back();
  rec.events = std::move(events);
  rec.generation = generation;
  gc.recording = &rec;
  return rec;
}

// gc_collect_main.
void collect_main(int generation, int64_t* n_collected, int64_t* n_uncollectable) {
  GCState& gc = gcstate();
  GCCollectionRecord& rec = start_record(generation);
  auto t1 = std::chrono::steady_clock::now();
  if (gc.debug & kGCDebugStats) {
    gc_write_stderr("gc: collecting generation " + std::to_string(generation) + "...\n");
    show_stats_each_generation();
  }

  if (generation + 1 < kNumGenerations) gc.generations[generation + 1].count += 1;
  for (int i = 0; i <= generation; ++i) gc.generations[i].count = 0;

  // The younger generations are collected with this one.
  for (int i = 0; i < generation; ++i) gc_list_merge(gc_head(gc.generations[i].head), gc_head(gc.generations[generation].head));
  GCHeader* young = gc_head(gc.generations[generation].head);
  GCHeader* old = generation < kNumGenerations - 1 ? gc_head(gc.generations[generation + 1].head) : young;

  GCHeader* unreachable = scratch(kUnreachable);
  deduce_unreachable(young, unreachable, true);
  clear_unreachable_mask(unreachable, GCPhase::MoveUnreachable, true);

  gc_record_phase(GCPhase::UntrackAtomic);
  untrack_tuples(young);
  // The survivors move to the next generation.
  if (young != old) {
    if (generation == kNumGenerations - 2) gc.long_lived_pending += gc_list_size(young);
    gc_list_merge(young, old);
  } else {
    gc.long_lived_total = untrack_dicts(young);
    gc.long_lived_pending = 0;
  }

  if (gc.debug & kGCDebugCollectable) {
    for (GCHeader* g = gc_next(unreachable); g != unreachable; g = gc_next(g)) debug_cycle("collectable", gc_object(g));
  }

  int64_t m = handle_weakrefs(unreachable, old);
  finalize_garbage(unreachable);
  GCHeader* final_unreachable = scratch(kFinalUnreachable);
  m += handle_resurrected_objects(unreachable, final_unreachable, old);
  delete_garbage(final_unreachable, old);
  int64_t n = 0;  // uncollectable: only legacy finalizers make any (see the top)

  if (gc.debug & kGCDebugStats) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    char buf[128];
    std::snprintf(buf, sizeof buf, "gc: done, %lld unreachable, %lld uncollectable, %.4fs elapsed\n",
                  static_cast<long long>(n + m), static_cast<long long>(n), secs);
    gc_write_stderr(buf);
  }

  if (generation == kNumGenerations - 1) clear_freelists();
  if (error_occurred()) write_unraisable("Exception ignored in garbage collection", nullptr);

  *n_collected = m;
  *n_uncollectable = n;
  GCGenerationStats& stats = gc.stats[generation];
  stats.collections++;
  stats.collected += m;
  stats.uncollectable += n;
  rec.collected = m;
  rec.uncollectable = n;
  rec.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  gc.recording = nullptr;
}

Object* callback_info(int generation, int64_t collected, int64_t uncollectable) {
  Object* info = dict_new();
  if (!info) return nullptr;
  const std::pair<const char*, int64_t> items[] = {
      {"generation", generation}, {"collected", collected}, {"uncollectable", uncollectable}};
  for (const auto& [key, value] : items) {
    Object* v = int_from_i64(value);
    if (!v || dict_setitem(info, intern_str(key), v) < 0) {
      xdecref(v);
      decref(info);
      return nullptr;
    }
    decref(v);
  }
  return info;
}

// invoke_gc_callback: each of gc.callbacks gets (phase, info).
void invoke_callbacks(const char* phase, int generation, int64_t collected, int64_t uncollectable) {
  auto* callbacks = static_cast<ListObject*>(gcstate().callbacks);
  Object* info = nullptr;
  if (callbacks->size != 0) {
    info = callback_info(generation, collected, uncollectable);
    if (!info) {
      write_unraisable(nullptr, nullptr);
      return;
    }
  }
  Object* phase_obj = str_from_utf8(phase);
  if (!phase_obj) {
    write_unraisable(nullptr, nullptr);
    xdecref(info);
    return;
  }
  Object* args[2] = {phase_obj, info};
  for (int64_t i = 0; i < callbacks->size; ++i) {
    Object* cb = newref(list_item(callbacks, i));
    Object* r = object_call(cb, args, 2, nullptr);
    if (r) {
      decref(r);
    } else {
      write_unraisable(nullptr, cb);
    }
    decref(cb);
  }
  decref(phase_obj);
  xdecref(info);
}

int64_t collect_with_callback(int generation) {
  invoke_callbacks("start", generation, 0, 0);
  int64_t collected = 0, uncollectable = 0;
  collect_main(generation, &collected, &uncollectable);
  invoke_callbacks("stop", generation, collected, uncollectable);
  return collected + uncollectable;
}

// gc_collect_generations: the oldest generation over its threshold, but a
// full collection only once the objects waiting for their first one are a
// quarter of those that survived the last (issue #4074).
void collect_generations() {
  GCState& gc = gcstate();
  for (int i = kNumGenerations - 1; i >= 0; --i) {
    if (gc.generations[i].count <= gc.generations[i].threshold) continue;
    if (i == kNumGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
    collect_with_callback(i);
    break;
  }
}

}  // namespace

int64_t gc_collect(int generation) {
  GCState& gc = gcstate();
  if (gc.collecting) return 0;
  gc.collecting = true;
  int64_t n = collect_with_callback(generation);
  gc.collecting = false;
  return n;
}

void gc_run_scheduled() {
  GCState& gc = gcstate();
  gc.collection_scheduled = false;
  if (gc.collecting) return;
  gc.collecting = true;
  collect_generations();
  gc.collecting = false;
}

}  // namespace heaplab
