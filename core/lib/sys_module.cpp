#include "core/lib/sys_module.h"

#include <cstdio>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/lang/interpreter.h"
#include "core/memory/stats.h"
#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/struct_sequence.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// sys.stdout and sys.stderr: text streams writing to the session's output.
// sys.stdin: lines from the session's input, as input() reads them.
struct TextStreamObject : Object {
  uint64_t stream;  // a Stream, or kStdin
};
constexpr uint64_t kStdin = 2;

Stream stream_of(Object* o) { return Stream(static_cast<TextStreamObject*>(o)->stream); }
bool is_stdin(Object* o) { return static_cast<TextStreamObject*>(o)->stream == kStdin; }

bool check_readable(Object* self) {
  if (is_stdin(self)) return true;
  set_error(g_rt->types.OSError, "not readable");
  return false;
}

// One line with its newline, or '' at the end of the input.
Object* read_line(Object* self) {
  if (!check_readable(self)) return nullptr;
  Object* line = g_interpreter->read_input_blocking();
  if (!line) {
    if (!error_matches(g_rt->types.EOFError)) return nullptr;
    clear_error();
    return newref(g_rt->empty_str);
  }
  std::string text = str_to_utf8(static_cast<StrObject*>(line)) + "\n";
  decref(line);
  return str_from_utf8(text);
}

Object* stream_readline(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_nargs("readline", nargs, 0, 0)) return nullptr;
  return read_line(self);
}

// read() and readlines(): every line to the end of the input.
bool read_all_lines(Object* self, std::vector<Object*>* lines) {
  for (;;) {
    Object* line = read_line(self);
    if (!line) return false;
    if (static_cast<StrObject*>(line)->length == 0) {
      decref(line);
      return true;
    }
    lines->push_back(line);
  }
}

Object* stream_readlines(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("readlines", kwnames) || !check_nargs("readlines", nargs, 0, 0)) return nullptr;
  std::vector<Object*> lines;
  bool ok = read_all_lines(self, &lines);
  Object* list = ok ? list_from_array_steal(lines.data(), lines.size()) : nullptr;
  if (!ok) {
    for (Object* l : lines) decref(l);
  }
  return list;
}

Object* stream_read(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_nargs("read", nargs, 0, 0)) return nullptr;
  std::vector<Object*> lines;
  bool ok = read_all_lines(self, &lines);
  std::string text;
  for (Object* l : lines) {
    text += str_to_utf8(static_cast<StrObject*>(l));
    decref(l);
  }
  return ok ? str_from_utf8(text) : nullptr;
}

Object* stream_iter(Object* self) {
  if (!check_readable(self)) return nullptr;
  return newref(self);
}

Object* stream_next(Object* self) {
  Object* line = read_line(self);
  if (line && static_cast<StrObject*>(line)->length == 0) {
    decref(line);
    return nullptr;  // exhausted
  }
  return line;
}

Object* stream_write(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return nullptr;
  if (is_stdin(self)) return set_error(g_rt->types.OSError, "not writable");
  if (!is_str(args[0])) return set_error(g_rt->types.TypeError, "write() argument must be str, not %s", type_name(args[0]));
  auto* s = static_cast<StrObject*>(args[0]);
  g_interpreter->write(stream_of(self), str_to_utf8(s));
  return int_from_i64(s->length);
}

Object* stream_writelines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return nullptr;
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  while (Object* line = iter_next(it)) {
    Object* r = stream_write(self, &line, 1, nullptr);
    decref(line);
    if (!r) break;
    decref(r);
  }
  decref(it);
  return error_occurred() ? nullptr : none();
}

Object* stream_flush(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_nargs("flush", nargs, 0, 0)) return nullptr;
  return none();
}

Object* stream_false(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("isatty", kwnames) || !check_nargs("isatty", nargs, 0, 0)) return nullptr;
  return bool_obj(false);
}

Object* stream_repr(Object* o) {
  if (is_stdin(o)) return str_from_utf8("<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>");
  return str_from_utf8(std::string("<_io.TextIOWrapper name='") + (stream_of(o) == Stream::Out ? "<stdout>" : "<stderr>") +
                       "' mode='w' encoding='utf-8'>");
}

void stream_dealloc(Object* o) { free_object(o); }

const NativeFunctionDef kStreamMethods[] = {
    {"write", stream_write}, {"writelines", stream_writelines}, {"flush", stream_flush}, {"isatty", stream_false},
    {"readline", stream_readline}, {"readlines", stream_readlines}, {"read", stream_read},
};

TypeSlots text_stream_slots;

Object* new_text_stream(uint64_t stream) {
  auto* s = static_cast<TextStreamObject*>(new_object(g_rt->types.text_stream, sizeof(TextStreamObject)));
  if (s) s->stream = stream;
  return s;
}

Object* sys_get_int_max_str_digits(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("get_int_max_str_digits", kwnames) || !check_nargs("get_int_max_str_digits", nargs, 0, 0))
    return nullptr;
  return int_from_i64(int_max_str_digits());
}

Object* sys_set_int_max_str_digits(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"set_int_max_str_digits", {"maxdigits"}, 1, 1}, args, nargs, kwnames, a)) return nullptr;
  int64_t limit;
  if (!object_as_index(a[0], &limit)) return nullptr;
  if (limit != 0 && limit < 640) return set_error(g_rt->types.ValueError, "maxdigits must be 0 or larger than 640");
  set_int_max_str_digits(limit);
  return none();
}

// sys.exit([status]): raises SystemExit(status).
Object* sys_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("exit", kwnames) || !check_nargs("exit", nargs, 0, 1)) return nullptr;
  if (nargs == 0) {
    set_error_none(g_rt->types.SystemExit);
    return nullptr;
  }
  return set_error_object(g_rt->types.SystemExit, args[0]);
}

// sys.getsizeof (_PySys_GetSizeOf): the object's __sizeof__() plus what
// precedes it in memory (GC header, managed-dict pre-header); with a default,
// a TypeError from __sizeof__ returns the default instead.
Object* sys_getsizeof(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? size_t(object_length(kwnames)) : 0;
  if (nargs + nkw > 2) return set_error(g_rt->types.TypeError, "getsizeof() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs == 0) return set_error(g_rt->types.TypeError, "getsizeof() missing required argument 'object' (pos 1)");
  Object* o = args[0];
  Object* dflt = nargs > 1 ? args[1] : nullptr;
  Object* r = object_sizeof(o);
  if (!r) {
    if (dflt && error_matches(g_rt->types.TypeError)) {
      clear_error();
      return newref(dflt);
    }
    return nullptr;
  }
  int64_t size;
  bool fits = int_is_int(r) && int_as_i64(static_cast<IntObject*>(r), &size);
  bool is_int = int_is_int(r);
  decref(r);
  if (!is_int) return set_error(g_rt->types.TypeError, "an integer is required");
  if (!fits) return set_error(g_rt->types.OverflowError, "Python int too large to convert to C ssize_t");
  if (size < 0) return set_error(g_rt->types.ValueError, "__sizeof__() should return >= 0");
  TypeObject* t = type_of(o);
  // Static type objects are not allocated: nothing precedes them.
  bool static_type = t == g_rt->types.type && !(static_cast<TypeObject*>(o)->flags & kTypeHeapType);
  if (!static_type) size += int64_t(preheader_size(t));
  return int_from_i64(size);
}

Object* sys_getrefcount(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("sys.getrefcount", kwnames) || !check_nargs("sys.getrefcount", nargs, 1, 1)) return nullptr;
  return int_from_i64(int64_t(args[0]->refcnt & (is_immortal(args[0]) ? 0xFFFFFFFFu : ~uint64_t(0))));
}

Object* sys_intern(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("intern", kwnames) || !check_nargs("intern", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0])) {
    return set_error(g_rt->types.TypeError, "intern() argument must be str, not %s", type_name(args[0]));
  }
  if (type_of(args[0]) != g_rt->types.str) return set_error(g_rt->types.TypeError, "can't intern %s", type_name(args[0]));
  StrObject* s = intern_existing(static_cast<StrObject*>(args[0]));
  return s ? newref(static_cast<Object*>(s)) : nullptr;
}

Object* sys_getallocatedblocks(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getallocatedblocks", kwnames) || !check_nargs("getallocatedblocks", nargs, 0, 0)) return nullptr;
  return int_from_i64(int64_t(g_rt->heap.allocated_blocks()));
}

Object* sys_getrecursionlimit(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getrecursionlimit", kwnames) || !check_nargs("getrecursionlimit", nargs, 0, 0)) return nullptr;
  return int_from_i64(g_interpreter->recursion_limit);
}

Object* sys_setrecursionlimit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("setrecursionlimit", kwnames) || !check_nargs("setrecursionlimit", nargs, 1, 1)) return nullptr;
  int64_t limit;
  if (!int_is_int(args[0])) return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  if (!object_as_index(args[0], &limit)) return nullptr;
  if (limit < 1) return set_error(g_rt->types.ValueError, "recursion limit must be greater or equal than 1");
  g_interpreter->recursion_limit = limit;
  return none();
}

// Writes to stderr, as CPython's does.
Object* sys_debugmallocstats(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_debugmallocstats", kwnames) || !check_nargs("_debugmallocstats", nargs, 0, 0)) return nullptr;
  // The allocator's section, then the free lists (_PyObject_DebugTypeStats).
  std::string out = g_rt->heap.debug_malloc_stats() + "\n";
  auto free_list_line = [&out](const std::string& name, size_t count, size_t size) {
    char label[128];
    std::snprintf(label, sizeof label, "%48s ", (std::to_string(count) + " free " + name + "s * " +
                                                  std::to_string(size) + " bytes each").c_str());
    memory::print_stat_line(out, label, count * size);
  };
  const auto& free_lists = g_rt->free_lists;
  free_list_line("PyDictObject", free_lists.dicts.size(), 48);
  free_list_line("PyFloatObject", free_lists.floats.size(), 24);
  free_list_line("PyListObject", free_lists.lists.size(), 40);
  for (size_t n = 1; n <= 20; ++n)
    free_list_line(std::to_string(n) + "-sized PyTupleObject", free_lists.tuples[n].size(), 24 + 8 * n);
  g_interpreter->write(Stream::Err, out);
  return none();
}

// sys.exception(): the exception being handled, or None.
Object* sys_exception(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("exception", kwnames) || !check_nargs("exception", nargs, 0, 0)) return nullptr;
  Object* exc = g_interpreter->handled_exception();
  return newref(exc ? exc : none());
}

// sys.exc_info(): (type, value, traceback) of the exception being handled.
Object* sys_exc_info(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("exc_info", kwnames) || !check_nargs("exc_info", nargs, 0, 0)) return nullptr;
  Object* exc = g_interpreter->handled_exception();
  if (!exc) {
    Object* items[] = {none(), none(), none()};
    return tuple_from_array(items, 3);
  }
  Object* tb = object_getattr(exc, intern_str("__traceback__"));
  if (!tb) return nullptr;
  Object* items[] = {type_of(exc), exc, tb};
  Object* r = tuple_from_array(items, 3);
  decref(tb);
  return r;
}

// sys._getframemodulename(depth=0): the module name of the code running
// `depth` calls out from the caller (namedtuple names its class's module so).
Object* sys_getframemodulename(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (!bind_args({"_getframemodulename", {"depth"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  int64_t depth = 0;
  if (a[0] && !object_as_index(a[0], &depth)) return nullptr;
  const Frame* f = depth >= 0 ? g_interpreter->frame_at_depth(size_t(depth)) : nullptr;
  Object* name = f ? dict_getitem_str(f->globals, intern_str("__name__")) : nullptr;
  return newref(name ? name : none());
}

const NativeFunctionDef kSysFunctions[] = {
    {"_getframemodulename", sys_getframemodulename},
    {"exception", sys_exception},
    {"exc_info", sys_exc_info},
    {"getsizeof", sys_getsizeof},
    {"getrefcount", sys_getrefcount},
    {"intern", sys_intern},
    {"getallocatedblocks", sys_getallocatedblocks},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"_debugmallocstats", sys_debugmallocstats},
    {"exit", sys_exit},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
};

}  // namespace

static void init_text_stream_type() {
  TypeSlots& s = text_stream_slots;
  s.name = "_io.TextIOWrapper";
  s.dealloc = stream_dealloc;
  s.repr = stream_repr;
  s.iter = stream_iter;
  s.iternext = stream_next;
  register_type_slots(g_rt->types.text_stream, &s);
  add_methods(g_rt->types.text_stream, kStreamMethods, std::size(kStreamMethods));
}

Stream text_stream_target(Object* file, bool* is_stream) {
  *is_stream = file == nullptr || file == none() || (type_of(file) == g_rt->types.text_stream && !is_stdin(file));
  return *is_stream && file && file != none() ? stream_of(file) : Stream::Out;
}

void sys_set_argv(Object* sys, std::string_view script) {
  Object* name = str_from_utf8(script);
  Object* argv = name ? list_from_array_steal(&name, 1) : nullptr;
  if (!argv) {
    clear_error();
    return;
  }
  dict_setitem(module_dict(sys), intern_str("argv"), argv);
  decref(argv);
}

Object* make_sys_module() {
  init_text_stream_type();
  Object* m = new_module("sys");
  Object* d = module_dict(m);
  for (const NativeFunctionDef& def : kSysFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    dict_setitem(d, intern_str(def.name), f);
    decref(f);
  }
  // sys.version_info and sys.version: the CPython heaplab models.
  TypeObject* version_info_type =
      new_struct_sequence_type("sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"});
  Object* version_info = new_struct_sequence(
      version_info_type, {int_from_i64(3), int_from_i64(12), int_from_i64(1), str_from_utf8("final"), int_from_i64(0)});
  if (version_info) dict_setitem(d, intern_str("version_info"), version_info);
  xdecref(version_info);
  Object* version = str_from_utf8("3.12.1 (heaplab: a model of CPython 3.12's memory management)");
  if (version) dict_setitem(d, intern_str("version"), version);
  xdecref(version);
  Object* maxsize = int_from_i64(INT64_MAX);
  dict_setitem(d, intern_str("maxsize"), maxsize);
  decref(maxsize);
  for (auto [name, value] : {std::pair{"platform", "linux"}, std::pair{"byteorder", "little"}}) {
    Object* v = str_from_utf8(value);
    if (v) dict_setitem(d, intern_str(name), v);
    xdecref(v);
  }
  for (auto [name, stream] : {std::pair{"stdin", kStdin}, std::pair{"stdout", uint64_t(Stream::Out)},
                               std::pair{"stderr", uint64_t(Stream::Err)}}) {
    Object* v = new_text_stream(stream);
    if (!v) continue;
    dict_setitem(d, intern_str(name), v);
    dict_setitem(d, intern_str("__" + std::string(name) + "__"), v);
    decref(v);
  }
  return m;
}

}  // namespace heaplab
