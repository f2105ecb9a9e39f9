#include "core/lib/gc_module.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/gc/collector.h"
#include "core/lang/interpreter.h"
#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/instance.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

GCState& gcstate() { return g_rt->gc; }

// ---- Argument parsing with Argument Clinic's messages ----

size_t kwcount(Object* kwnames) { return kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0; }

// METH_NOARGS and METH_O functions name themselves "gc.f()".
bool check_arity(const char* qualname, size_t nargs, Object* kwnames, size_t expected) {
  if (kwcount(kwnames)) {
    set_error(g_rt->types.TypeError, "%s() takes no keyword arguments", qualname);
    return false;
  }
  if (nargs == expected) return true;
  if (expected == 0) {
    set_error(g_rt->types.TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
  } else {
    set_error(g_rt->types.TypeError, "%s() takes exactly one argument (%zu given)", qualname, nargs);
  }
  return false;
}

// One optional argument, by position or by `name`; *out stays nullptr when absent.
bool parse_optional(const char* fname, const char* name, Object* const* args, size_t nargs, Object* kwnames,
                    Object** out) {
  size_t nkw = kwcount(kwnames);
  if (nargs + nkw > 1) {
    set_error(g_rt->types.TypeError, "%s() takes at most 1 argument (%zu given)", fname, nargs + nkw);
    return false;
  }
  *out = nargs ? args[0] : nullptr;
  if (nkw) {
    auto* key = static_cast<StrObject*>(tuple_item(static_cast<TupleObject*>(kwnames), 0));
    std::string k = str_to_utf8(key);
    if (k != name) {
      set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for %s()", k.c_str(), fname);
      return false;
    }
    *out = args[0];
  }
  return true;
}

bool as_int(Object* o, int64_t* out) { return object_as_index(o, out); }

Object* int_obj(int64_t v) { return int_from_i64(v); }

Object* tuple3(int64_t a, int64_t b, int64_t c) {
  Object* items[3] = {int_obj(a), int_obj(b), int_obj(c)};
  if (!items[0] || !items[1] || !items[2]) {
    for (Object* i : items) xdecref(i);
    return nullptr;
  }
  TupleObject* t = tuple_new(3);
  if (!t) {
    for (Object* i : items) decref(i);
    return nullptr;
  }
  for (int64_t i = 0; i < 3; ++i) tuple_set_item(t, i, items[i]);
  return t;
}

GCHeader* generation_head(int i) { return gc_head(gcstate().generations[i].head); }

// ---- The functions ----

Object* gc_enable(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.enable", nargs, kwnames, 0)) return nullptr;
  gcstate().enabled = true;
  return none();
}

Object* gc_disable(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.disable", nargs, kwnames, 0)) return nullptr;
  gcstate().enabled = false;
  return none();
}

Object* gc_isenabled(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.isenabled", nargs, kwnames, 0)) return nullptr;
  return bool_obj(gcstate().enabled);
}

Object* gc_collect_fn(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* arg;
  if (!parse_optional("collect", "generation", args, nargs, kwnames, &arg)) return nullptr;
  int64_t generation = kNumGenerations - 1;
  if (arg && !as_int(arg, &generation)) return nullptr;
  if (generation < 0 || generation >= kNumGenerations) {
    return set_error(g_rt->types.ValueError, "invalid generation");
  }
  return int_obj(gc_collect(int(generation)));
}

Object* gc_get_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.get_count", nargs, kwnames, 0)) return nullptr;
  const GCGeneration* g = gcstate().generations;
  return tuple3(g[0].count, g[1].count, g[2].count);
}

Object* gc_get_threshold(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.get_threshold", nargs, kwnames, 0)) return nullptr;
  const GCGeneration* g = gcstate().generations;
  return tuple3(g[0].threshold, g[1].threshold, g[2].threshold);
}

Object* gc_set_threshold(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwcount(kwnames)) return set_error(g_rt->types.TypeError, "set_threshold() takes no keyword arguments");
  if (nargs < 1) return set_error(g_rt->types.TypeError, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3) return set_error(g_rt->types.TypeError, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
  // As PyArg_ParseTuple: each threshold is stored as soon as it converts.
  for (size_t i = 0; i < nargs; ++i) {
    int64_t v;
    if (!as_int(args[i], &v)) return nullptr;
    gcstate().generations[i].threshold = v;
  }
  return none();
}

Object* gc_get_stats(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.get_stats", nargs, kwnames, 0)) return nullptr;
  ListObject* result = list_new(0);
  if (!result) return nullptr;
  for (const GCGenerationStats& s : gcstate().stats) {
    Object* d = dict_new();
    if (!d) {
      decref(result);
      return nullptr;
    }
    const std::pair<const char*, int64_t> items[] = {
        {"collections", s.collections}, {"collected", s.collected}, {"uncollectable", s.uncollectable}};
    for (const auto& [key, value] : items) {
      Object* v = int_obj(value);
      if (!v || dict_setitem(d, intern_str(key), v) < 0) {
        xdecref(v);
        decref(d);
        decref(result);
        return nullptr;
      }
      decref(v);
    }
    int r = list_append(result, d);
    decref(d);
    if (r < 0) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

// append_objects: the objects of a generation list, but not `result` itself.
bool append_objects(Object* result, GCHeader* list) {
  for (GCHeader* g = gc_next(list); g != list; g = gc_next(g)) {
    Object* op = gc_object(g);
    if (op != result && list_append(result, op) < 0) return false;
  }
  return true;
}

Object* gc_get_objects(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* arg;
  if (!parse_optional("get_objects", "generation", args, nargs, kwnames, &arg)) return nullptr;
  int64_t generation = -1;
  if (arg && arg != none()) {
    if (!int_is_int(arg)) {
      return set_error(g_rt->types.TypeError, "argument should be integer or None, not '%s'", type_name(arg));
    }
    if (!as_int(arg, &generation)) return nullptr;
    if (generation >= kNumGenerations) {
      return set_error(g_rt->types.ValueError,
                       "generation parameter must be less than the number of available generations (%d)",
                       kNumGenerations);
    }
    if (generation < 0) return set_error(g_rt->types.ValueError, "generation parameter cannot be negative");
  }
  ListObject* result = list_new(0);
  if (!result) return nullptr;
  for (int i = 0; i < kNumGenerations; ++i) {
    if (generation != -1 && i != generation) continue;
    if (!append_objects(result, generation_head(i))) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

struct ReferrersSearch {
  Object* const* objs;
  size_t n;
  bool found;
};

void referrers_visit(Object* o, void* arg) {
  auto* s = static_cast<ReferrersSearch*>(arg);
  for (size_t i = 0; i < s->n; ++i)
    if (s->objs[i] == o) s->found = true;
}

// A dict subtype's traverse, less one visit of each key of a unicode (or
// split) table: what 3.12's dict_traverse leaves out.
struct UnicodeKeysFilter {
  std::unordered_map<Object*, int> keys_left;
  VisitFn visit;
  void* arg;
};

void unicode_keys_filter_visit(Object* o, void* arg) {
  auto* f = static_cast<UnicodeKeysFilter*>(arg);
  auto it = f->keys_left.find(o);
  if (it != f->keys_left.end() && it->second > 0) {
    --it->second;
    return;
  }
  f->visit(o, f->arg);
}

// CPython's tp_traverse of `o` (heaplab's traverse also reports the keys of
// a unicode dict, which 3.12's dict_traverse leaves out).
void cpython_traverse(Object* o, VisitFn visit, void* arg) {
  auto t = slots_of(o).traverse;
  TypeObject* builtin = type_of(o);
  while (builtin->flags & kTypeHeapType) builtin = builtin->base.get();
  if (is_dict(o) && slots_of(builtin).traverse == slots_of(g_rt->types.dict).traverse) {
    if (type_of(o)->flags & kTypeHeapType) subtype_traverse_own(o, visit, arg);
    dict_gc_traverse(o, visit, arg);
  } else if (is_dict(o)) {  // defaultdict, OrderedDict: their own references, then the dict's
    UnicodeKeysFilter filter{{}, visit, arg};
    auto* d = static_cast<DictObject*>(o);
    if (d->ma_values || at<DictKeysObject>(d->ma_keys)->dk_kind != kDictKeysGeneral) {
      int64_t pos = 0;
      Object* key;
      while (dict_next(o, &pos, &key, nullptr)) ++filter.keys_left[key];
    }
    t(o, unicode_keys_filter_visit, &filter);
  } else if (t) {
    t(o, visit, arg);
  }
}

Object* gc_get_referrers(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwcount(kwnames)) return set_error(g_rt->types.TypeError, "get_referrers() takes no keyword arguments");
  ListObject* result = list_new(0);
  if (!result) return nullptr;
  for (int i = 0; i < kNumGenerations; ++i) {
    GCHeader* list = generation_head(i);
    for (GCHeader* g = gc_next(list); g != list; g = gc_next(g)) {
      Object* op = gc_object(g);
      if (op == result) continue;
      ReferrersSearch search{args, nargs, false};
      cpython_traverse(op, referrers_visit, &search);
      if (search.found && list_append(result, op) < 0) {
        decref(result);
        return nullptr;
      }
    }
  }
  return result;
}

struct ReferentsCollector {
  Object* result;
  bool failed;
};

void referents_visit(Object* o, void* arg) {
  auto* c = static_cast<ReferentsCollector*>(arg);
  if (!c->failed && list_append(c->result, o) < 0) c->failed = true;
}

Object* gc_get_referents(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwcount(kwnames)) return set_error(g_rt->types.TypeError, "get_referents() takes no keyword arguments");
  ListObject* result = list_new(0);
  if (!result) return nullptr;
  ReferentsCollector collector{result, false};
  for (size_t i = 0; i < nargs && !collector.failed; ++i) {
    if (object_is_gc(args[i])) cpython_traverse(args[i], referents_visit, &collector);
  }
  if (collector.failed) {
    decref(result);
    return nullptr;
  }
  return result;
}

Object* gc_is_tracked_fn(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.is_tracked", nargs, kwnames, 1)) return nullptr;
  return bool_obj(object_is_gc(args[0]) && gc_is_tracked(args[0]));
}

Object* gc_is_finalized_fn(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.is_finalized", nargs, kwnames, 1)) return nullptr;
  return bool_obj(object_is_gc(args[0]) && gc_is_finalized(args[0]));
}

Object* gc_freeze(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.freeze", nargs, kwnames, 0)) return nullptr;
  GCState& gc = gcstate();
  for (int i = 0; i < kNumGenerations; ++i) {
    gc_list_merge(generation_head(i), gc_head(gc.permanent.head));
    gc.generations[i].count = 0;
  }
  return none();
}

Object* gc_unfreeze(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.unfreeze", nargs, kwnames, 0)) return nullptr;
  gc_list_merge(gc_head(gcstate().permanent.head), generation_head(kNumGenerations - 1));
  return none();
}

Object* gc_get_freeze_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.get_freeze_count", nargs, kwnames, 0)) return nullptr;
  return int_obj(gc_list_size(gc_head(gcstate().permanent.head)));
}

Object* gc_set_debug(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.set_debug", nargs, kwnames, 1)) return nullptr;
  int64_t flags;
  if (!as_int(args[0], &flags)) return nullptr;
  gcstate().debug = flags;
  return none();
}

Object* gc_get_debug(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_arity("gc.get_debug", nargs, kwnames, 0)) return nullptr;
  return int_obj(gcstate().debug);
}

const NativeFunctionDef kGCFunctions[] = {
    {"enable", gc_enable},
    {"disable", gc_disable},
    {"isenabled", gc_isenabled},
    {"collect", gc_collect_fn},
    {"get_debug", gc_get_debug},
    {"get_count", gc_get_count},
    {"set_debug", gc_set_debug},
    {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
    {"get_objects", gc_get_objects},
    {"get_stats", gc_get_stats},
    {"is_tracked", gc_is_tracked_fn},
    {"is_finalized", gc_is_finalized_fn},
    {"get_referrers", gc_get_referrers},
    {"get_referents", gc_get_referents},
    {"freeze", gc_freeze},
    {"unfreeze", gc_unfreeze},
    {"get_freeze_count", gc_get_freeze_count},
};

void write_stderr(std::string_view text) { g_interpreter->write(Stream::Err, text); }

// PyErr_WriteUnraisable's default hook: the traceback (without the chained
// exceptions) when there is one - built-in code raises without - then the
// exception.
void write_unraisable_to_stderr(const char* context, Object* obj) {
  Object* exc = fetch_error();
  if (!exc) return;
  std::string out;
  if (obj) {
    out += context ? std::string(context) + ": " : "Exception ignored in: ";
    std::string text;
    if (repr_utf8(obj, &text)) {
      out += text;
    } else {
      clear_error();
      out += "<object repr() failed>";
    }
    out += "\n";
  } else if (context) {
    out += std::string(context) + ":\n";
  }
  auto* e = static_cast<ExceptionObject*>(exc);
  if (e->traceback) {
    std::unordered_set<Object*> seen{e->cause.get(), e->context.get()};
    out += g_interpreter->format_exception_chain(exc, seen);
    decref(exc);
    write_stderr(out);
    return;
  }
  std::string msg = exception_message(exc);
  if (error_occurred()) {
    clear_error();
    msg = "<exception str() failed>";
  }
  out += type_name(exc);
  if (!msg.empty()) out += ": " + msg;
  out += "\n";
  decref(exc);
  write_stderr(out);
}

}  // namespace

void install_gc_output_hooks() {
  GCOutputHooks& hooks = gcstate().hooks;
  hooks.write_stderr = write_stderr;
  hooks.write_unraisable = write_unraisable_to_stderr;
}

Object* make_gc_module() {
  install_gc_output_hooks();
  Object* m = new_module("gc");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = true;
  auto add = [&](const char* name, Object* value) {
    if (!value || dict_setitem(d, intern_str(name), value) < 0) ok = false;
  };
  for (const NativeFunctionDef& def : kGCFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    add(def.name, f);
    xdecref(f);
  }
  add("garbage", gcstate().garbage);
  add("callbacks", gcstate().callbacks);
  const std::pair<const char*, int64_t> constants[] = {
      {"DEBUG_STATS", kGCDebugStats},   {"DEBUG_COLLECTABLE", kGCDebugCollectable},
      {"DEBUG_UNCOLLECTABLE", kGCDebugUncollectable}, {"DEBUG_SAVEALL", kGCDebugSaveAll},
      {"DEBUG_LEAK", kGCDebugLeak}};
  for (const auto& [name, value] : constants) {
    Object* v = int_obj(value);
    add(name, v);
    xdecref(v);
  }
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace heaplab
