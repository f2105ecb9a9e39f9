// The tracking layer of the cyclic GC, as CPython 3.12 keeps it in the object
// layer: the GC header's encoding, the generation lists, the allocation
// counts that decide when a collection is due, and the record of what each
// collection did (for the views). The collection itself is core/gc.
//
// GCHeader (object.h) holds region offsets, never host pointers:
//   next: the next header's offset, 0 when untracked; during a collection
//         its low bit marks an object in move_unreachable's unreachable list.
//   prev: the previous header's offset with two flag bits below it
//         (finalized, collecting); during a collection the bits above the
//         flags hold gc_refs instead of the offset.
// List heads are GCHeaders in the region's static area, so every link of
// every list is an offset.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

constexpr int kNumGenerations = 3;

// 3.12's _PyGC_PREV_MASK_FINALIZED, _PyGC_PREV_MASK_COLLECTING, _PyGC_PREV_SHIFT.
constexpr uint64_t kPrevMaskFinalized = 1;
constexpr uint64_t kPrevMaskCollecting = 2;
constexpr int kPrevShift = 2;
constexpr uint64_t kPrevMask = ~uint64_t(3);
// NEXT_MASK_UNREACHABLE.
constexpr uint64_t kNextMaskUnreachable = 1;

// gc.set_debug flags.
enum GCDebugFlags : int64_t {
  kGCDebugStats = 1 << 0,
  kGCDebugCollectable = 1 << 1,
  kGCDebugUncollectable = 1 << 2,
  kGCDebugSaveAll = 1 << 5,
  kGCDebugLeak = kGCDebugCollectable | kGCDebugUncollectable | kGCDebugSaveAll,
};

struct GCGeneration {
  Addr head = 0;  // a list head (GCHeader) in the region's static area
  int64_t threshold = 0;
  int64_t count = 0;  // gen0: GC allocations minus deallocations; older: collections of the younger one
};

struct GCGenerationStats {
  int64_t collections = 0;
  int64_t collected = 0;
  int64_t uncollectable = 0;
};

// ---- The record of collections, for the views ----

enum class GCPhase : uint8_t {
  UpdateRefs, SubtractRefs, MoveUnreachable, UntrackAtomic, LegacyFinalizers, HandleWeakrefs, Finalize,
  ResurrectionCheck, Clear
};
const char* gc_phase_name(GCPhase p);

enum class GCObjectState : uint8_t {
  Tracked,                 // in a generation, not being collected
  Collecting,              // in the generation being collected; gc_refs being computed
  Reachable,               // reachable from outside the collected generations
  TentativelyUnreachable,  // no outside reference seen yet (move_unreachable may take it back)
  Unreachable,             // cyclic garbage
  Untracked,               // an atomic tuple or dict the collector stopped tracking
  Uncollectable,           // reachable from a legacy finalizer (goes to gc.garbage)
  WeakrefsCleared,         // its weak references were cleared
  Finalized,               // its tp_finalize (__del__) ran
  Resurrected,             // a finalizer made it reachable again
  Saved,                   // DEBUG_SAVEALL: appended to gc.garbage instead of cleared
  Cleared,                 // its tp_clear ran
  Freed,                   // its memory went back to the allocator
};
const char* gc_object_state_name(GCObjectState s);

struct GCEvent {
  GCPhase phase = GCPhase::UpdateRefs;
  bool is_phase = false;  // a phase starts (no object)
  GCObjectState from = GCObjectState::Tracked;
  GCObjectState to = GCObjectState::Tracked;
  Addr object = 0;
  uint32_t type_name = 0;  // index in GCState::event_type_names
  int64_t gc_refs = -1;    // -1 when not meaningful
};

struct GCCollectionRecord {
  int generation = 0;
  int64_t collected = 0;
  int64_t uncollectable = 0;
  bool truncated = false;  // events beyond kMaxEventsPerCollection were dropped
  double seconds = 0;      // how long it took (host clock), for the GC panel
  std::vector<GCEvent> events;
};

constexpr size_t kMaxRecordedCollections = 16;
constexpr size_t kMaxEventsPerCollection = 5000;
constexpr size_t kMaxEventTypeNames = 4096;

// Host functions the upper layers install, so code that runs on the
// collector's behalf can report without the object layer knowing the
// interpreter: where gc's DEBUG_* messages go, and PyErr_WriteUnraisable.
struct GCOutputHooks {
  void (*write_stderr)(std::string_view text) = nullptr;
  // Reports and clears the current exception. `context` is CPython's
  // err_msg ("Exception ignored in tp_clear of"), nullptr for the default
  // "Exception ignored in"; `obj` may be nullptr.
  void (*write_unraisable)(const char* context, Object* obj) = nullptr;
};

// The weakref types (weakref.cpp) and ReferenceError.
struct WeakrefTypes {
  TypeObject* ref = nullptr;
  TypeObject* proxy = nullptr;
  TypeObject* callable_proxy = nullptr;
  TypeObject* reference_error = nullptr;
};

// CPython's interp->gc.
// The objects a viewer shows, for GCState::recording_focus. A full
// collection asks about every object of the heap several times, so a bitmap
// of address hashes answers most of them before the set is consulted.
class GCRecordingFocus {
 public:
  GCRecordingFocus() = default;
  template <class It>
  GCRecordingFocus(It first, It last) {
    for (; first != last; ++first) add(*first);
  }
  void add(Addr a) {
    objects_.insert(a);
    filter_[bit(a) / 64] |= uint64_t(1) << (bit(a) % 64);
  }
  bool contains(Addr a) const { return (filter_[bit(a) / 64] >> (bit(a) % 64) & 1) && objects_.count(a); }
  bool empty() const { return objects_.empty(); }

 private:
  static constexpr size_t kFilterBits = 1 << 14;
  // Objects are 16-byte aligned: the low bits carry nothing.
  static size_t bit(Addr a) { return (a >> 4) % kFilterBits; }
  std::unordered_set<Addr> objects_;
  uint64_t filter_[kFilterBits / 64] = {};
};

struct GCState {
  GCGeneration generations[kNumGenerations];
  GCGeneration permanent;  // gc.freeze
  GCGenerationStats stats[kNumGenerations];
  bool enabled = true;
  bool collecting = false;
  bool collection_scheduled = false;  // _Py_ScheduleGC: the VM runs it at its next safe point
  int64_t debug = 0;
  int64_t long_lived_total = 0;
  int64_t long_lived_pending = 0;
  Object* garbage = nullptr;    // list (strong): gc.garbage
  Object* callbacks = nullptr;  // list (strong): gc.callbacks
  // Heads of the collector's temporary lists (unreachable, finalizers, ...).
  static constexpr int kScratchHeads = 5;
  Addr scratch[kScratchHeads] = {};

  GCOutputHooks hooks;
  WeakrefTypes weakref_types;

  std::deque<GCCollectionRecord> history;  // the last kMaxRecordedCollections
  GCCollectionRecord* recording = nullptr;  // the collection under way, if any
  // The type names of recorded objects, each once: an event holds an index,
  // so recording one costs no string copy (type objects may die before the
  // record is read, so their names are kept here).
  std::vector<std::string> event_type_names;
  std::unordered_map<std::string, uint32_t> event_type_index;
  uint32_t last_event_type_name = 0;
  // When set, the phases that visit every object of the collected
  // generations (update_refs, subtract_refs, move_unreachable, the untracking
  // of atomic tuples and dicts) record only
  // the objects in it, and those found unreachable: the objects a viewer
  // shows. Without it a full collection fills the record with the
  // interpreter's own objects before reaching the user's.
  std::optional<GCRecordingFocus> recording_focus;
};

// Creates the generation heads (once per runtime, before any object is tracked).
void init_gc_state();
// Creates gc.garbage and gc.callbacks (once the list type is ready).
void init_gc_lists();

// _PyObject_GC_IS_GC: a GC type, and for type objects a heap type (static
// types are never tracked).
inline bool object_is_gc(const Object* o) {
  const TypeObject* t = type_of(o);
  if (!has_gc(t)) return false;
  // type's tp_is_gc: only heap types are collected.
  if (t->flags & kTypeTypeSubclass) return static_cast<const TypeObject*>(o)->flags & kTypeHeapType;
  return true;
}
// _PyObject_GC_MAY_BE_TRACKED: could `o` be part of a cycle? (tuples only
// when tracked).
bool gc_may_be_tracked(const Object* o);

// _PyObject_GC_Link: new_object calls it for every GC object it allocates.
void gc_link_new(Object* o);
// PyObject_GC_Del's part: free_object calls it for GC objects.
void gc_on_free(Object* o);

void gc_track(Object* o);    // _PyObject_GC_TRACK: appended to generation 0
void gc_untrack(Object* o);  // PyObject_GC_UnTrack: no-op when untracked
inline bool gc_is_tracked(Object* o) { return gc_header(o)->next != 0; }
inline bool gc_is_finalized(Object* o) { return gc_header(o)->prev & kPrevMaskFinalized; }
inline void gc_set_finalized(Object* o) { gc_header(o)->prev |= kPrevMaskFinalized; }

// A collection was scheduled by an allocation: the VM polls this at its
// safe points (the eval breaker) and then calls gc_run_scheduled (core/gc).
bool gc_collection_due();

// DEBUG_* output and unraisable exceptions, through GCState::hooks.
void gc_write_stderr(std::string_view text);
void write_unraisable(const char* context, Object* obj);

// Records an object's state change in the collection being recorded; false
// once the collection's events are full, so per-object loops can stop calling.
bool gc_record(GCPhase phase, Object* o, GCObjectState from, GCObjectState to, int64_t gc_refs = -1);
void gc_record_phase(GCPhase phase);

// ---- GC lists (doubly linked through GCHeader offsets) ----

inline GCHeader* gc_head(Addr a) { return at<GCHeader>(a); }
// The lists are circular (never null): their links convert without a check.
inline GCHeader* gc_next(const GCHeader* g) { return reinterpret_cast<GCHeader*>(g_region_base + g->next); }
inline GCHeader* gc_prev(const GCHeader* g) {
  return reinterpret_cast<GCHeader*>(g_region_base + (g->prev & kPrevMask));
}
inline void gc_set_next(GCHeader* g, GCHeader* next) { g->next = addr_of(next); }
inline void gc_set_prev(GCHeader* g, GCHeader* prev) { g->prev = (g->prev & ~kPrevMask) | addr_of(prev); }

inline void gc_list_init(GCHeader* list) {
  list->prev = addr_of(list);
  list->next = addr_of(list);
}
inline bool gc_list_is_empty(const GCHeader* list) { return list->next == addr_of(list); }
void gc_list_append(GCHeader* node, GCHeader* list);
void gc_list_remove(GCHeader* node);  // leaves node untracked (next = 0)
void gc_list_move(GCHeader* node, GCHeader* list);
void gc_list_merge(GCHeader* from, GCHeader* to);  // from becomes empty
int64_t gc_list_size(const GCHeader* list);

}  // namespace heaplab
