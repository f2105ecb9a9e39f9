#include "core/object/gc_header.h"

#include <cstdio>
#include <utility>

#include "core/object/errors.h"
#include "core/object/list.h"
#include "core/object/runtime.h"

namespace heaplab {

namespace {

GCState& state() { return g_rt->gc; }

// 3.12's default thresholds (_PyGC_InitState).
constexpr int64_t kThresholds[kNumGenerations] = {700, 10, 10};

}  // namespace

void init_gc_state() {
  GCState& gc = state();
  constexpr int kHeads = kNumGenerations + 1 + GCState::kScratchHeads;
  Addr base = g_rt->heap.static_alloc(sizeof(GCHeader) * kHeads);
  auto head = [&](int i) { return base + Addr(i) * sizeof(GCHeader); };
  for (int i = 0; i < kNumGenerations; ++i) {
    gc.generations[i] = {head(i), kThresholds[i], 0};
    gc_list_init(gc_head(gc.generations[i].head));
  }
  gc.permanent = {head(kNumGenerations), 0, 0};
  gc_list_init(gc_head(gc.permanent.head));
  for (int i = 0; i < GCState::kScratchHeads; ++i) {
    gc.scratch[i] = head(kNumGenerations + 1 + i);
    gc_list_init(gc_head(gc.scratch[i]));
  }
}

void init_gc_lists() {
  // _PyGC_Init creates gc.garbage; 3.12 creates gc.callbacks with it.
  GCState& gc = state();
  gc.garbage = list_new(0);
  gc.callbacks = list_new(0);
}

bool gc_may_be_tracked(const Object* o) {
  if (!object_is_gc(o)) return false;
  if (type_of(o) == g_rt->types.tuple) return gc_header(const_cast<Object*>(o))->next != 0;
  return true;
}

void gc_link_new(Object* o) {
  GCState& gc = state();
  GCHeader* g = gc_header(o);
  g->next = 0;
  g->prev = 0;
  GCGeneration& gen0 = gc.generations[0];
  ++gen0.count;
  if (gen0.count > gen0.threshold && gc.enabled && gen0.threshold && !gc.collecting && !error_occurred())
    gc.collection_scheduled = true;
}

void gc_on_free(Object* o) {
  GCState& gc = state();
  GCHeader* g = gc_header(o);
  // Freed during a collection: what tp_clear releases is garbage; earlier
  // phases free only what weakref callbacks and finalizers let go.
  if (gc.recording) {
    GCPhase phase = gc.recording->events.empty() ? GCPhase::Clear : gc.recording->events.back().phase;
    GCObjectState from = phase == GCPhase::Clear ? GCObjectState::Unreachable : GCObjectState::Tracked;
    gc_record(phase, o, from, GCObjectState::Freed);
  }
  if (g->next) gc_list_remove(g);
  if (gc.generations[0].count > 0) --gc.generations[0].count;
}

void gc_track(Object* o) {
  GCHeader* g = gc_header(o);
  if (g->next) return;
  GCHeader* gen0 = gc_head(state().generations[0].head);
  GCHeader* last = gc_prev(gen0);
  gc_set_next(last, g);
  gc_set_prev(g, last);
  gc_set_next(g, gen0);
  gen0->prev = addr_of(g);
}

void gc_untrack(Object* o) {
  GCHeader* g = gc_header(o);
  if (!g->next) return;
  GCHeader* prev = gc_prev(g);
  GCHeader* next = gc_next(g);
  gc_set_next(prev, next);
  gc_set_prev(next, prev);
  g->next = 0;
  g->prev &= kPrevMaskFinalized;
}

bool gc_collection_due() { return state().collection_scheduled; }

void gc_write_stderr(std::string_view text) {
  if (auto hook = state().hooks.write_stderr) {
    hook(text);
  } else {
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
}

void write_unraisable(const char* context, Object* obj) {
  if (auto hook = state().hooks.write_unraisable) {
    hook(context, obj);
  } else {
    clear_error();
  }
}

// ---- The record of collections ----

const char* gc_phase_name(GCPhase p) {
  switch (p) {
    case GCPhase::UpdateRefs: return "update_refs";
    case GCPhase::SubtractRefs: return "subtract_refs";
    case GCPhase::MoveUnreachable: return "move_unreachable";
    case GCPhase::UntrackAtomic: return "untrack_atomic";
    case GCPhase::LegacyFinalizers: return "legacy_finalizers";
    case GCPhase::HandleWeakrefs: return "handle_weakrefs";
    case GCPhase::Finalize: return "finalize";
    case GCPhase::ResurrectionCheck: return "resurrection_check";
    case GCPhase::Clear: return "clear";
  }
  return "?";
}

const char* gc_object_state_name(GCObjectState s) {
  switch (s) {
    case GCObjectState::Tracked: return "tracked";
    case GCObjectState::Collecting: return "collecting";
    case GCObjectState::Reachable: return "reachable";
    case GCObjectState::TentativelyUnreachable: return "tentatively_unreachable";
    case GCObjectState::Unreachable: return "unreachable";
    case GCObjectState::Untracked: return "untracked";
    case GCObjectState::Uncollectable: return "uncollectable";
    case GCObjectState::WeakrefsCleared: return "weakrefs_cleared";
    case GCObjectState::Finalized: return "finalized";
    case GCObjectState::Resurrected: return "resurrected";
    case GCObjectState::Saved: return "saved";
    case GCObjectState::Cleared: return "cleared";
    case GCObjectState::Freed: return "freed";
  }
  return "?";
}

namespace {

// Index of o's type name in event_type_names. Most events in a row are of
// one type, so the last name found is tried first.
uint32_t event_type_name(Object* o) {
  GCState& gc = state();
  const char* name = type_name(o);
  uint32_t& last = gc.last_event_type_name;
  if (last < gc.event_type_names.size() && gc.event_type_names[last] == name) return last;
  // A program that makes classes without end must not grow the table so.
  if (gc.event_type_names.size() >= kMaxEventTypeNames && !gc.event_type_index.count(name)) name = "(other types)";
  auto [it, added] = gc.event_type_index.try_emplace(name, uint32_t(gc.event_type_names.size()));
  if (added) gc.event_type_names.emplace_back(name);
  return last = it->second;
}

void push_event(GCEvent&& e) {
  GCCollectionRecord* rec = state().recording;
  if (!rec) return;
  if (rec->events.size() >= kMaxEventsPerCollection) {
    rec->truncated = true;
    return;
  }
  rec->events.push_back(std::move(e));
}

}  // namespace

// Whether recording_focus leaves this event out (see GCState).
bool out_of_focus(GCPhase phase, Object* o, GCObjectState to) {
  const auto& focus = state().recording_focus;
  if (!focus || to == GCObjectState::Unreachable) return false;
  const bool visits_all = phase == GCPhase::UpdateRefs || phase == GCPhase::SubtractRefs ||
                          phase == GCPhase::MoveUnreachable || phase == GCPhase::UntrackAtomic;
  return visits_all && !focus->contains(addr_of(o));
}

bool gc_record(GCPhase phase, Object* o, GCObjectState from, GCObjectState to, int64_t gc_refs) {
  GCCollectionRecord* rec = state().recording;
  if (!rec) return false;
  if (out_of_focus(phase, o, to)) return true;
  if (rec->events.size() >= kMaxEventsPerCollection) {
    rec->truncated = true;
    return false;
  }
  push_event(GCEvent{phase, false, from, to, addr_of(o), event_type_name(o), gc_refs});
  return true;
}

// Phase starts are recorded even when the objects' events are full, so a
// viewer always sees every phase of the collection.
void gc_record_phase(GCPhase phase) {
  GCCollectionRecord* rec = state().recording;
  if (!rec) return;
  GCEvent e;
  e.phase = phase;
  e.is_phase = true;
  rec->events.push_back(std::move(e));
}

// ---- GC lists ----

void gc_list_append(GCHeader* node, GCHeader* list) {
  GCHeader* last = gc_head(list->prev);
  gc_set_prev(node, last);
  gc_set_next(last, node);
  gc_set_next(node, list);
  list->prev = addr_of(node);
}

void gc_list_remove(GCHeader* node) {
  GCHeader* prev = gc_prev(node);
  GCHeader* next = gc_next(node);
  gc_set_next(prev, next);
  gc_set_prev(next, prev);
  node->next = 0;
}

void gc_list_move(GCHeader* node, GCHeader* list) {
  GCHeader* from_prev = gc_prev(node);
  GCHeader* from_next = gc_next(node);
  gc_set_next(from_prev, from_next);
  gc_set_prev(from_next, from_prev);
  GCHeader* to_prev = gc_head(list->prev);
  gc_set_prev(node, to_prev);
  gc_set_next(to_prev, node);
  list->prev = addr_of(node);
  gc_set_next(node, list);
}

void gc_list_merge(GCHeader* from, GCHeader* to) {
  if (!gc_list_is_empty(from)) {
    GCHeader* to_tail = gc_prev(to);
    GCHeader* from_head = gc_next(from);
    GCHeader* from_tail = gc_prev(from);
    gc_set_next(to_tail, from_head);
    gc_set_prev(from_head, to_tail);
    gc_set_next(from_tail, to);
    gc_set_prev(to, from_tail);
  }
  gc_list_init(from);
}

int64_t gc_list_size(const GCHeader* list) {
  int64_t n = 0;
  for (const GCHeader* g = gc_next(list); g != list; g = gc_next(g)) ++n;
  return n;
}

}  // namespace heaplab
