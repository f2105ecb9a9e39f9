// _tracemalloc: the C half of tracemalloc (Modules/_tracemalloc.c over
// Python/tracemalloc.c). The trace tables are the heap's Tracer; this module
// tells it where the Python frames are and turns its traces into the tuples
// Lib/tracemalloc.py expects:
//   trace     = (domain, size, traceback, total_nframe)
//   traceback = ((filename, lineno), ...), most recent frame first
// Every block lives in tracemalloc's default domain 0, as in CPython, where
// only PyTraceMalloc_Track adds others.

#include "core/lib/tracemalloc_module.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/lang/code.h"
#include "core/lang/interpreter.h"
#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace heaplab {

namespace {

using memory::Tracer;

Tracer& tracer() { return g_rt->heap.tracer(); }

// The tracer's FrameSource: the interpreter's frames, innermost first. A
// frame that has not run an instruction yet is at its first line, as
// PyUnstable_InterpreterFrame_GetLine reports it.
size_t capture_frames(memory::SourceFrame* out, size_t max, size_t* total) {
  static std::vector<std::string> utf8_names;  // filenames that are not ASCII, while captured
  const std::deque<Frame>& frames = g_interpreter->frames();
  *total = frames.size();
  size_t n = 0;
  for (auto it = frames.rbegin(); it != frames.rend() && n < max; ++it, ++n) {
    const CodeObject* code = it->code;
    const auto* filename = static_cast<const StrObject*>(code->filename.get());
    if (str_is_ascii(filename)) {
      out[n].filename = str_ascii_view(filename);
    } else {
      if (utf8_names.size() <= n) utf8_names.resize(n + 1);
      utf8_names[n] = str_to_utf8(filename);
      out[n].filename = utf8_names[n];
    }
    out[n].lineno = it->pc == 0 ? int32_t(code->firstlineno) : code_position(code, it->pc - 1).lineno;
  }
  return n;
}

// Tuples of (filename, lineno) frames, one per traceback and filename, made
// once and shared by every trace that refers to them.
class TracebackTuples {
 public:
  TracebackTuples() : tracebacks_(tracer().traceback_count(), nullptr), filenames_(tracer().filename_count(), nullptr) {}
  ~TracebackTuples() {
    for (Object* o : tracebacks_) xdecref(o);
    for (Object* o : filenames_) xdecref(o);
  }
  TracebackTuples(const TracebackTuples&) = delete;
  TracebackTuples& operator=(const TracebackTuples&) = delete;

  // Borrowed; nullptr with an exception set on failure.
  Object* get(uint32_t id) {
    if (tracebacks_[id]) return tracebacks_[id];
    const Tracer::Traceback tb = tracer().traceback(id);  // a copy: making tuples may intern new tracebacks
    TupleObject* frames = tuple_new(tb.nframe);
    if (!frames) return nullptr;
    for (uint32_t i = 0; i < tb.nframe; ++i) {
      Object* frame = frame_tuple(tracer().frame(tb.first + i));
      if (!frame) {
        for (uint32_t j = i; j < tb.nframe; ++j) tuple_set_item(frames, j, new_none());
        decref(frames);
        return nullptr;
      }
      tuple_set_item(frames, i, frame);
    }
    tracebacks_[id] = frames;
    return frames;
  }

 private:
  Object* frame_tuple(const Tracer::Frame& f) {
    Object*& name = filenames_[f.filename];
    if (!name && !(name = str_from_utf8(tracer().filename(f.filename)))) return nullptr;
    Object* lineno = int_from_i64(f.lineno);
    if (!lineno) return nullptr;
    Object* items[2] = {name, lineno};
    Object* t = tuple_from_array(items, 2);
    decref(lineno);
    return t;
  }

  std::vector<Object*> tracebacks_;
  std::vector<Object*> filenames_;
};

Object* tm_is_tracing(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.is_tracing", kwnames) || !check_nargs("_tracemalloc.is_tracing", nargs, 0, 0))
    return nullptr;
  return bool_obj(tracer().tracing());
}

Object* tm_start(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.start", kwnames) || !check_nargs("start", nargs, 0, 1)) return nullptr;
  int64_t nframe = 1;
  if (nargs && !object_as_index(args[0], &nframe)) return nullptr;
  if (nframe < 1 || nframe > int64_t(memory::kMaxTraceFrames))
    return set_error(g_rt->types.ValueError, "the number of frames must be in range [1; 65535]");
  g_rt->heap.start_tracing(size_t(nframe), capture_frames);
  return none();
}

Object* tm_stop(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.stop", kwnames) || !check_nargs("_tracemalloc.stop", nargs, 0, 0))
    return nullptr;
  g_rt->heap.stop_tracing();
  return none();
}

Object* tm_clear_traces(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.clear_traces", kwnames) ||
      !check_nargs("_tracemalloc.clear_traces", nargs, 0, 0))
    return nullptr;
  if (tracer().tracing()) tracer().clear();
  return none();
}

Object* tm_get_traceback_limit(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.get_traceback_limit", kwnames) ||
      !check_nargs("_tracemalloc.get_traceback_limit", nargs, 0, 0))
    return nullptr;
  return int_from_i64(int64_t(tracer().max_nframe()));
}

Object* pair(int64_t a, int64_t b) {
  Object* items[2] = {int_from_i64(a), int_from_i64(b)};
  Object* t = items[0] && items[1] ? tuple_from_array(items, 2) : nullptr;
  xdecref(items[0]);
  xdecref(items[1]);
  return t;
}

Object* tm_get_traced_memory(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.get_traced_memory", kwnames) ||
      !check_nargs("_tracemalloc.get_traced_memory", nargs, 0, 0))
    return nullptr;
  if (!tracer().tracing()) return pair(0, 0);
  return pair(int64_t(tracer().traced_memory()), int64_t(tracer().peak_traced_memory()));
}

Object* tm_reset_peak(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.reset_peak", kwnames) || !check_nargs("_tracemalloc.reset_peak", nargs, 0, 0))
    return nullptr;
  if (tracer().tracing()) tracer().reset_peak();
  return none();
}

Object* tm_get_tracemalloc_memory(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc.get_tracemalloc_memory", kwnames) ||
      !check_nargs("_tracemalloc.get_tracemalloc_memory", nargs, 0, 0))
    return nullptr;
  return int_from_i64(int64_t(tracer().table_memory()));
}

// The list is made (and traced) first, then the traces are copied, then the
// tuples are built untraced: a snapshot holds its own list's trace, as in
// CPython.
Object* tm_get_traces(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc._get_traces", kwnames) || !check_nargs("_tracemalloc._get_traces", nargs, 0, 0))
    return nullptr;
  ListObject* list = list_new(0);
  if (!list || !tracer().tracing()) return list;
  // In address order: the same in every build (hash-table order is not).
  std::vector<std::pair<Addr, Tracer::Trace>> traces(tracer().traces().begin(), tracer().traces().end());
  std::sort(traces.begin(), traces.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  tracer().set_suspended(true);
  bool ok = true;
  {
    TracebackTuples tuples;
    for (const auto& [addr, trace] : traces) {
      Object* tb = tuples.get(trace.traceback);
      Object* domain = int_from_i64(0);
      Object* size = int_from_i64(int64_t(trace.size));
      Object* total = int_from_i64(tracer().traceback(trace.traceback).total_nframe);
      Object* item = nullptr;
      if (tb && size && total) {
        Object* items[4] = {domain, size, tb, total};
        item = tuple_from_array(items, 4);
      }
      decref(domain);
      xdecref(size);
      xdecref(total);
      if (!item || list_append(list, item) < 0) {
        xdecref(item);
        ok = false;
        break;
      }
      decref(item);
    }
  }
  tracer().set_suspended(false);
  if (!ok) {
    decref(list);
    return nullptr;
  }
  return list;
}

// The traceback of the block holding `obj` (which starts before the object,
// at its GC header and pre-header), or None.
Object* tm_get_object_traceback(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tracemalloc._get_object_traceback", kwnames) ||
      !check_nargs("_tracemalloc._get_object_traceback", nargs, 1, 1))
    return nullptr;
  if (!tracer().tracing()) return none();
  Object* obj = args[0];
  const Addr block = addr_of(obj) - preheader_size(type_of(obj));
  const Tracer::Trace* trace = tracer().find(block);
  if (!trace) return none();
  const uint32_t id = trace->traceback;
  tracer().set_suspended(true);
  Object* tb;
  {
    TracebackTuples tuples;
    tb = tuples.get(id);
    xincref(tb);
  }
  tracer().set_suspended(false);
  return tb;
}

const NativeFunctionDef kTracemallocFunctions[] = {
    {"is_tracing", tm_is_tracing},
    {"clear_traces", tm_clear_traces},
    {"_get_object_traceback", tm_get_object_traceback},
    {"_get_traces", tm_get_traces},
    {"start", tm_start},
    {"stop", tm_stop},
    {"get_traceback_limit", tm_get_traceback_limit},
    {"get_traced_memory", tm_get_traced_memory},
    {"reset_peak", tm_reset_peak},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory},
};

}  // namespace

Object* make_tracemalloc_c_module() {
  Object* m = new_module("_tracemalloc");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  for (const NativeFunctionDef& def : kTracemallocFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    if (!f || dict_setitem(d, intern_str(def.name), f) < 0) {
      xdecref(f);
      decref(m);
      return nullptr;
    }
    decref(f);
  }
  return m;
}

}  // namespace heaplab
