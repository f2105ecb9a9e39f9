#include "core/memory/tracer.h"

#include <algorithm>

namespace heaplab::memory {

void Tracer::start(size_t max_nframe, FrameSource source, size_t table_limit) {
  if (tracing_) return;
  max_nframe_ = std::clamp<size_t>(max_nframe, 1, kMaxTraceFrames);
  table_limit_ = table_limit;
  source_ = source;
  scratch_.resize(max_nframe_);
  tracing_ = true;
}

void Tracer::stop() {
  if (!tracing_) return;
  tracing_ = false;
  clear();
  scratch_ = {};
}

void Tracer::clear() {
  traces_ = {};
  filenames_ = {};
  filename_ids_ = {};
  frames_ = {};
  tracebacks_ = {};
  traceback_ids_ = {};
  traced_ = 0;
  peak_ = 0;
}

size_t Tracer::table_memory() const {
  // _Py_hashtable_size(): the table, its buckets and its entries.
  constexpr size_t kTable = 72, kEntry = 24;
  auto table = [](size_t buckets, size_t entries, size_t entry) { return kTable + buckets * 8 + entries * entry; };
  return table(traces_.bucket_count(), traces_.size(), kEntry + sizeof(Trace)) +
         table(traceback_ids_.bucket_count(), tracebacks_.size(), kEntry + sizeof(Traceback)) +
         table(filename_ids_.bucket_count(), filenames_.size(), kEntry) + frames_.size() * sizeof(Frame);
}

const Tracer::Trace* Tracer::find(Addr addr) const {
  auto it = traces_.find(addr);
  return it == traces_.end() ? nullptr : &it->second;
}

uint32_t Tracer::intern_filename(std::string_view name) {
  auto it = filename_ids_.find(name);
  if (it != filename_ids_.end()) return it->second;
  uint32_t id = uint32_t(filenames_.size());
  filenames_.emplace_back(name);
  filename_ids_.emplace(filenames_.back(), id);
  return id;
}

// A traceback is interned by its frames and depth (the frames just pushed
// on the pool are dropped again when it is known). Code that runs no Python
// frame gets CPython's `<unknown>:0`.
uint32_t Tracer::current_traceback() {
  size_t total = 0;
  const size_t n = source_ ? source_(scratch_.data(), max_nframe_, &total) : 0;
  const size_t mark = frames_.size();
  for (size_t i = 0; i < n; ++i)
    frames_.push_back({intern_filename(scratch_[i].filename), std::max(scratch_[i].lineno, 0)});
  if (n == 0) {
    frames_.push_back({intern_filename("<unknown>"), 0});
    total = 1;
  }
  const uint32_t nframe = uint32_t(frames_.size() - mark);
  const uint32_t total_nframe = uint32_t(std::min(total, kMaxTraceFrames));
  key_.assign(reinterpret_cast<const char*>(frames_.data() + mark), nframe * sizeof(Frame));
  key_.append(reinterpret_cast<const char*>(&total_nframe), sizeof total_nframe);
  auto [it, inserted] = traceback_ids_.try_emplace(key_, uint32_t(tracebacks_.size()));
  if (inserted) {
    tracebacks_.push_back({uint32_t(mark), nframe, total_nframe});
  } else {
    frames_.resize(mark);
  }
  return it->second;
}

void Tracer::add_trace(Addr addr, size_t size) {
  const uint32_t tb = current_traceback();
  auto [it, inserted] = traces_.try_emplace(addr, Trace{size, tb});
  if (!inserted) {
    traced_ -= it->second.size;
    it->second = Trace{size, tb};
  }
  traced_ += size;
  peak_ = std::max(peak_, traced_);
}

void Tracer::remove_trace(Addr addr) {
  auto it = traces_.find(addr);
  if (it == traces_.end()) return;
  traced_ -= it->second.size;
  traces_.erase(it);
}

void Tracer::retrace(Addr addr) {
  if (!tracing_) return;
  auto it = traces_.find(addr);
  if (it != traces_.end()) it->second.traceback = current_traceback();
}

void Tracer::on_alloc(Domain, Addr addr, size_t size) {
  if (!tracing_ || suspended_) return;
  add_trace(addr, size);
}

void Tracer::on_free(Domain, Addr addr) {
  if (tracing_) remove_trace(addr);
}

// As tracemalloc_realloc: the block's trace moves to the new address with
// the new size and the traceback of the code resizing it; a block that was
// not traced becomes traced.
void Tracer::on_realloc(Domain, Addr old_addr, Addr new_addr, size_t size) {
  if (!tracing_) return;
  if (suspended_ || old_addr != new_addr) remove_trace(old_addr);
  if (!suspended_) add_trace(new_addr, size);
}

}  // namespace heaplab::memory
