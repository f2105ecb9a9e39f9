#include "core/inspect/gc_snapshot.h"

#include <cstdio>

#include "core/inspect/json_text.h"
#include "core/object/gc_header.h"
#include "core/object/runtime.h"

namespace heaplab {

namespace {

void append_event(std::string& out, const GCEvent& e, const std::vector<std::string>& type_names) {
  out += "{\"phase\":";
  append_json_string(out, gc_phase_name(e.phase));
  if (!e.is_phase) {
    out += ",\"address\":" + std::to_string(e.object) + ",\"type\":";
    append_json_string(out, type_names[e.type_name]);
    out += ",\"from\":";
    append_json_string(out, gc_object_state_name(e.from));
    out += ",\"to\":";
    append_json_string(out, gc_object_state_name(e.to));
    if (e.gc_refs >= 0) out += ",\"gc_refs\":" + std::to_string(e.gc_refs);
  }
  out += '}';
}

// A duration as a JSON number, to the microsecond.
std::string seconds_text(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", seconds);
  return buf;
}

}  // namespace

std::string gc_events_json() {
  const GCState& gc = g_rt->gc;
  std::string out = "{\"enabled\":";
  out += gc.enabled ? "true" : "false";
  out += ",\"debug\":" + std::to_string(gc.debug) + ",\"generations\":[";
  for (int i = 0; i < kNumGenerations; ++i) {
    const GCGeneration& g = gc.generations[i];
    if (i) out += ',';
    out += "{\"count\":" + std::to_string(g.count) + ",\"threshold\":" + std::to_string(g.threshold) +
           ",\"objects\":" + std::to_string(gc_list_size(gc_head(g.head))) + "}";
  }
  out += "],\"permanent\":{\"objects\":" + std::to_string(gc_list_size(gc_head(gc.permanent.head))) + "}";
  out += ",\"stats\":[";
  for (int i = 0; i < kNumGenerations; ++i) {
    const GCGenerationStats& s = gc.stats[i];
    if (i) out += ',';
    out += "{\"collections\":" + std::to_string(s.collections) + ",\"collected\":" + std::to_string(s.collected) +
           ",\"uncollectable\":" + std::to_string(s.uncollectable) + "}";
  }
  out += "],\"collections\":[";
  // Every collection is recorded, the last ones kept: the n-th since the
  // start is numbered n (1-based), so views can tell a new one from an old.
  int64_t total = 0;
  for (const GCGenerationStats& s : gc.stats) total += s.collections;
  int64_t index = total - int64_t(gc.history.size());
  bool first = true;
  for (const GCCollectionRecord& rec : gc.history) {
    if (!first) out += ',';
    first = false;
    out += "{\"index\":" + std::to_string(++index) + ",\"generation\":" + std::to_string(rec.generation) + ",\"collected\":" + std::to_string(rec.collected) +
           ",\"uncollectable\":" + std::to_string(rec.uncollectable) + ",\"seconds\":" + seconds_text(rec.seconds) +
           ",\"truncated\":" + (rec.truncated ? "true" : "false") + ",\"events\":[";
    for (size_t i = 0; i < rec.events.size(); ++i) {
      if (i) out += ',';
      append_event(out, rec.events[i], gc.event_type_names);
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

}  // namespace heaplab
