// tracemalloc's tables (Python/tracemalloc.c): a trace per live block that was
// allocated while tracing was on, holding the size the caller requested and
// the Python traceback that asked for it. Frames and tracebacks are interned,
// so a million blocks made by one line share one traceback. The tables live
// in host memory, outside the region: tracing never changes what the model's
// allocators hold, as tracemalloc's own memory is not traced in CPython.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/memory/domain.h"
#include "core/memory/alloc_observer.h"
#include "core/memory/region.h"

namespace heaplab::memory {

// One frame as the interpreter reports it: the code's filename and the line
// of the instruction it is executing.
struct SourceFrame {
  std::string_view filename;
  int32_t lineno;
};

// Writes up to `max` frames of the running Python code to `out`, innermost
// first; returns how many, and the full depth in *total.
using FrameSource = size_t (*)(SourceFrame* out, size_t max, size_t* total);

// tracemalloc's limits: a traceback holds at most 65535 frames.
inline constexpr size_t kMaxTraceFrames = 65535;

class Tracer final : public AllocObserver {
 public:
  struct Frame {
    uint32_t filename;  // index into filenames()
    int32_t lineno;
  };
  struct Traceback {
    uint32_t first;  // index of its innermost frame in the frame pool
    uint32_t nframe;
    uint32_t total_nframe;  // the depth when it was taken, saturated at 65535
  };
  struct Trace {
    size_t size;
    uint32_t traceback;
  };

  // Starts recording (a no-op when already tracing, as in CPython). Once the
  // tables take `table_limit` bytes, allocations fail rather than go
  // untraced, as when tracemalloc cannot allocate a trace in CPython.
  void start(size_t max_nframe, FrameSource source, size_t table_limit);
  // Stops recording and forgets every trace.
  void stop();
  bool tracing() const { return tracing_; }
  size_t max_nframe() const { return max_nframe_; }

  // Forgets every trace, traceback and filename; keeps tracing.
  void clear();
  size_t traced_memory() const { return traced_; }
  size_t peak_traced_memory() const { return peak_; }
  void reset_peak() { peak_ = traced_; }
  // The host memory the tables take, reckoned as tracemalloc reckons its
  // hash tables (table header, bucket array, entries).
  size_t table_memory() const;

  // While suspended, new blocks are not traced (tracemalloc's reentrant
  // flag), but frees still drop traces.
  void set_suspended(bool suspended) { suspended_ = suspended; }

  // An object reused from a free list is charged to the code reusing it, if
  // its block is traced (_PyTraceMalloc_NewReference).
  void retrace(Addr addr);

  const Trace* find(Addr addr) const;
  const std::unordered_map<Addr, Trace>& traces() const { return traces_; }
  const Traceback& traceback(uint32_t id) const { return tracebacks_[id]; }
  const Frame& frame(uint32_t index) const { return frames_[index]; }
  const std::string& filename(uint32_t id) const { return filenames_[id]; }
  size_t traceback_count() const { return tracebacks_.size(); }
  size_t filename_count() const { return filenames_.size(); }

  bool accepts_alloc() const override { return !tracing_ || suspended_ || table_memory() < table_limit_; }
  void on_alloc(Domain domain, Addr addr, size_t size) override;
  void on_free(Domain domain, Addr addr) override;
  void on_realloc(Domain domain, Addr old_addr, Addr new_addr, size_t size) override;

 private:
  // The interned traceback of the code running now.
  uint32_t current_traceback();
  uint32_t intern_filename(std::string_view name);
  void add_trace(Addr addr, size_t size);
  void remove_trace(Addr addr);

  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  bool tracing_ = false;
  bool suspended_ = false;
  size_t max_nframe_ = 1;
  size_t table_limit_ = 0;
  FrameSource source_ = nullptr;
  size_t traced_ = 0;
  size_t peak_ = 0;

  std::unordered_map<Addr, Trace> traces_;
  std::vector<std::string> filenames_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> filename_ids_;
  std::vector<Frame> frames_;          // every interned traceback's frames, back to back
  std::vector<Traceback> tracebacks_;
  std::unordered_map<std::string, uint32_t> traceback_ids_;  // frames (as bytes) + depth -> id
  std::vector<SourceFrame> scratch_;   // the frames being captured
  std::string key_;                    // the traceback being looked up
};

}  // namespace heaplab::memory
