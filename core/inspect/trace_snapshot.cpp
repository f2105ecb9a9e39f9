#include "core/inspect/trace_snapshot.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "core/inspect/json_text.h"

namespace heaplab {

namespace {

struct LineStat {
  const std::string* filename;
  int32_t lineno;
  size_t size = 0;
  size_t count = 0;
};

}  // namespace

std::string trace_snapshot_json(const memory::Tracer& tracer, size_t max_lines) {
  std::map<std::pair<uint32_t, int32_t>, LineStat> by_line;
  for (const auto& [addr, trace] : tracer.traces()) {
    const memory::Tracer::Frame& f = tracer.frame(tracer.traceback(trace.traceback).first);
    LineStat& s = by_line.try_emplace({f.filename, f.lineno}, LineStat{&tracer.filename(f.filename), f.lineno})
                      .first->second;
    s.size += trace.size;
    ++s.count;
  }
  std::vector<LineStat> lines;
  lines.reserve(by_line.size());
  for (const auto& entry : by_line) lines.push_back(entry.second);
  // Size, count, then the frame (filename, lineno), all descending.
  std::sort(lines.begin(), lines.end(), [](const LineStat& a, const LineStat& b) {
    if (a.size != b.size) return a.size > b.size;
    if (a.count != b.count) return a.count > b.count;
    if (*a.filename != *b.filename) return *a.filename > *b.filename;
    return a.lineno > b.lineno;
  });
  std::string out = "{\"tracing\":";
  out += tracer.tracing() ? "true" : "false";
  out += ",\"traceback_limit\":" + std::to_string(tracer.max_nframe());
  out += ",\"traced\":" + std::to_string(tracer.traced_memory());
  out += ",\"peak\":" + std::to_string(tracer.peak_traced_memory());
  out += ",\"blocks\":" + std::to_string(tracer.traces().size());
  out += ",\"lines_total\":" + std::to_string(lines.size()) + ",\"lines\":[";
  for (size_t i = 0; i < lines.size() && i < max_lines; ++i) {
    if (i) out += ',';
    out += "{\"filename\":";
    append_json_string(out, *lines[i].filename);
    out += ",\"lineno\":" + std::to_string(lines[i].lineno) + ",\"size\":" + std::to_string(lines[i].size) +
           ",\"count\":" + std::to_string(lines[i].count) + "}";
  }
  out += "]}";
  return out;
}

}  // namespace heaplab
