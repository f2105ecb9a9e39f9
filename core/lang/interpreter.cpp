#include "core/lang/interpreter.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "core/gc/collector.h"
#include "core/lang/attribute_cache.h"
#include "core/lang/compiler.h"
#include "core/lang/generator.h"
#include "core/lang/global_cache.h"
#include "core/lang/parser.h"
#include "core/lang/suggestions.h"
#include "core/lang/traceback_format.h"
#include "core/lib/builtin_modules.h"
#include "core/lib/builtins_module.h"
#include "core/lib/sys_module.h"
#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/dict_views.h"
#include "core/object/errors.h"
#include "core/object/frame_object.h"
#include "core/object/function.h"
#include "core/object/heap_type.h"
#include "core/object/instance.h"
#include "core/object/instance_dict.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/method.h"
#include "core/lib/embedded_python.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/set.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/traceback.h"
#include "core/object/tuple.h"

namespace heaplab {

Interpreter* g_interpreter = nullptr;

namespace {

Object* call_python_hook(Object* func, Object* const* args, size_t nargs, Object* kwnames) {
  return g_interpreter->call_function(func, args, nargs, kwnames, nullptr);
}

Object* resume_generator_hook(Object* gen, Object* sent, bool throwing, Object** returned) {
  return g_interpreter->resume_generator(gen, sent, throwing, returned);
}

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

// The messages of the size limits (see session.h).
std::string source_too_long(size_t bytes) {
  return "source code too long: " + std::to_string(bytes) + " bytes (heaplab runs at most " +
         std::to_string(kMaxSourceBytes) + ")";
}
std::string input_too_long(size_t bytes) {
  return "input line too long: " + std::to_string(bytes) + " bytes (heaplab reads at most " +
         std::to_string(kMaxInputLineBytes) + ")";
}

// "'a', 'b' and 'c'", as CPython's missing-argument messages list names.
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : i + 1 == names.size() ? ", and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

// SET_UPDATE: adds every item of an iterable.
int set_update_from(Object* set, Object* iterable) {
  Object* it = object_iter(iterable);
  if (!it) return -1;
  while (Object* x = iter_next(it)) {
    int r = set_add(set, x);
    decref(x);
    if (r < 0) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}


// _PyObject_LookupSpecial: `name` looked up on the type only, bound to `o`
// (new reference), or nullptr without an exception when the type lacks it.
Object* lookup_special(Object* o, const char* name) {
  Object* attr = type_lookup(type_of(o), intern_str(name));
  if (!attr) return nullptr;
  if (is_method_descriptor(attr)) {
    return new_builtin_function(&native_def(static_cast<MethodDescriptorObject*>(attr)->def_index), o, nullptr);
  }
  if (auto get = slots_of(attr).descr_get) return get(attr, o, type_of(o));
  return newref(attr);
}

// _PyObject_GetMethod: the function `owner.name` would bind, when the lookup
// is the generic one (for a class instance: no __getattribute__ or
// __getattr__) and the instance's __dict__ does not shadow it; else nullptr
// (with an exception set only on failure).
Object* method_for_call(Object* owner, Object* name) {
  TypeObject* t = type_of(owner);
  auto getattr = slots_of(owner).getattr;
  if (!getattr) return type_lookup(t, name);
  if (getattr != instance_getattr || class_lookup(t, "__getattr__")) return nullptr;
  Object* meth = type_lookup(t, name);
  if (!meth || !(is_function(meth) || is_method_descriptor(meth))) return nullptr;
  if (t->flags & kTypeManagedDict) {
    if (instance_dict_get(owner, name)) return nullptr;
    if (error_occurred()) return nullptr;
  } else if (t->dictoffset) {
    return nullptr;  // a __dict__ of another layout: the generic lookup decides
  }
  return meth;
}

// Whether Class(...) can run __init__ in a frame of its own: a class of the
// plain metaclass, with object's __new__ and a Python function as __init__
// (what class_construct would otherwise call from C++).
bool init_to_enter(Object* callable) {
  if (type_of(callable) != g_rt->types.type || !is_heap_type(static_cast<TypeObject*>(callable))) return false;
  auto* cls = static_cast<TypeObject*>(callable);
  ConstructorSource new_source = find_new(cls);
  if (new_source.function || new_source.builtin != g_rt->types.object) return false;
  Object* init = find_init(cls).function;
  return init && is_function(init);
}

// StopIteration(value).value (new reference).
Object* stop_iteration_value(Object* stop) {
  auto* args = static_cast<TupleObject*>(static_cast<ExceptionObject*>(stop)->args.get());
  return newref(args && args->size > 0 ? tuple_item(args, 0) : none());
}

// Binds the arguments of a call to the parameters in `slots` (all nullptr
// on entry): positional ones, *args, keywords, **kwargs, then defaults. On
// failure the exception is set; the slots filled so far are the caller's.
bool bind_arguments(FunctionObject* func, CodeObject* code, Object** slots, Object* const* args, size_t nargs,
                    Object* kwnames) {
  auto qualname = [&]() { return str_of(func->qualname.get()); };
  auto* names = static_cast<TupleObject*>(code->localsplusnames.get());
  uint32_t argcount = code->argcount, kwonly = code->kwonlyargcount;
  size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
  bool varargs = code->flags & kCodeVarargs, varkw = code->flags & kCodeVarkeywords;
  size_t vararg_slot = argcount + kwonly;
  size_t kwarg_slot = vararg_slot + (varargs ? 1 : 0);

  for (size_t i = 0; i < std::min<size_t>(nargs, argcount); ++i) slots[i] = newref(args[i]);
  if (nargs > argcount) {
    if (!varargs) {
      auto* defaults = static_cast<TupleObject*>(func->defaults.get());
      size_t ndefaults = defaults ? size_t(defaults->size) : 0;
      std::string takes = ndefaults ? "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount)
                                    : std::to_string(argcount);
      set_error(g_rt->types.TypeError, "%s() takes %s positional argument%s but %zu %s given", qualname().c_str(),
                takes.c_str(), argcount == 1 && !ndefaults ? "" : "s", nargs, nargs == 1 ? "was" : "were");
      return false;
    }
    Object* extra = tuple_from_array(args + argcount, nargs - argcount);
    if (!extra) return false;
    slots[vararg_slot] = extra;
  } else if (varargs) {
    slots[vararg_slot] = newref(g_rt->empty_tuple);
  }
  Object* kwdict = nullptr;
  if (varkw) {
    kwdict = dict_new();
    if (!kwdict) return false;
    slots[kwarg_slot] = kwdict;
  }
  for (size_t k = 0; k < nkw; ++k) {
    Object* key = tuple_item(static_cast<TupleObject*>(kwnames), int64_t(k));
    Object* value = args[nargs + k];
    // Names are interned, so the parameter is usually the same object: an
    // identity pass first, equality only if it finds nothing (as CPython).
    size_t index = code->posonlyargcount;
    while (index < argcount + kwonly && tuple_item(names, int64_t(index)) != key) ++index;
    if (index == argcount + kwonly) {
      index = code->posonlyargcount;
      for (; index < argcount + kwonly; ++index)
        if (str_equal(static_cast<StrObject*>(tuple_item(names, int64_t(index))), static_cast<StrObject*>(key))) break;
    }
    if (index == argcount + kwonly) {
      if (kwdict) {
        if (dict_setitem(kwdict, key, value) < 0) return false;
        continue;
      }
      set_error(g_rt->types.TypeError, "%s() got an unexpected keyword argument '%s'", qualname().c_str(),
                str_of(key).c_str());
      return false;
    }
    if (slots[index]) {
      set_error(g_rt->types.TypeError, "%s() got multiple values for argument '%s'", qualname().c_str(),
                str_of(key).c_str());
      return false;
    }
    slots[index] = newref(value);
  }
  // Defaults for the missing positional parameters, then keyword-only ones.
  auto* defaults = static_cast<TupleObject*>(func->defaults.get());
  size_t ndefaults = defaults ? size_t(defaults->size) : 0;
  std::vector<std::string> missing;
  for (size_t i = 0; i < argcount; ++i) {
    if (slots[i]) continue;
    if (i >= argcount - ndefaults) {
      slots[i] = newref(tuple_item(defaults, int64_t(i - (argcount - ndefaults))));
    } else {
      missing.push_back(str_of(tuple_item(names, int64_t(i))));
    }
  }
  if (!missing.empty()) {
    set_error(g_rt->types.TypeError, "%s() missing %zu required positional argument%s: %s", qualname().c_str(),
              missing.size(), missing.size() == 1 ? "" : "s", name_list(missing).c_str());
    return false;
  }
  for (size_t i = argcount; i < argcount + kwonly; ++i) {
    if (slots[i]) continue;
    Object* name = tuple_item(names, int64_t(i));
    Object* d = func->kwdefaults ? dict_getitem_str(func->kwdefaults.get(), name) : nullptr;
    if (d) {
      slots[i] = newref(d);
    } else {
      missing.push_back(str_of(name));
    }
  }
  if (!missing.empty()) {
    set_error(g_rt->types.TypeError, "%s() missing %zu required keyword-only argument%s: %s", qualname().c_str(),
              missing.size(), missing.size() == 1 ? "" : "s", name_list(missing).c_str());
    return false;
  }
  return true;
}

}  // namespace

Interpreter::Interpreter(const SessionConfig& config)
    : rt(config.memory_limit, config.track_objects,
         config.debug_allocator ? memory::HeapMode::Debug : memory::HeapMode::Normal),
      stack_(new Object*[kStackSlots]) {
  g_interpreter = this;
  rt.call_python = call_python_hook;
  rt.resume_generator = resume_generator_hook;
  init_code_type();
  init_generator_type();
  builtins_ = make_builtins_module();
  sys_ = make_sys_module();
  modules_ = dict_new();
  dict_setitem(modules_, intern_str("builtins"), builtins_);
  dict_setitem(modules_, intern_str("sys"), sys_);
  dict_setitem(module_dict(sys_), intern_str("modules"), modules_);
  main_ = new_module("__main__");
  dict_setitem(modules_, intern_str("__main__"), main_);
  startup_objects = rt.live_objects;
}

Interpreter::~Interpreter() {
  activate();
  clear_frames();
  for (Object* o : {main_, modules_, sys_, builtins_}) xdecref(o);
  clear_error();
}

void Interpreter::activate() {
  rt.activate();
  g_interpreter = this;
}

void Interpreter::write(Stream stream, std::string_view text) {
  if (output_bytes_ >= kMaxPendingOutputBytes) {
    if (output_dropped_) return;
    output_dropped_ = true;
    stream = Stream::Err;
    text = "\n[heaplab: more than 16 MiB of output waited to be shown; the rest of it was dropped]\n";
  }
  if (!output_.empty() && output_.back().stream == stream) {
    output_.back().text.append(text);
  } else {
    output_.push_back({stream, std::string(text)});
  }
  output_bytes_ += text.size();
  // From the program's own loop, the VM pauses for the front end to take it.
  if (output_bytes_ >= kOutputPauseBytes && nested_calls_ == 0 && nested_inlined_ == 0 &&
      state_ == RunState::Paused) {
    sleep_until_ = 0;
    sleep_requested_ = true;
  }
}

std::vector<OutputChunk> Interpreter::take_output() {
  std::vector<OutputChunk> out;
  out.swap(output_);
  output_bytes_ = 0;
  output_dropped_ = false;
  return out;
}

Object* Interpreter::import_module(Object* name) {
  if (Object* m = dict_getitem_str(modules_, name)) return m;
  std::string n = str_of(name);
  // A submodule (a.b): its package is imported first, and the submodule
  // becomes the package's attribute.
  size_t dot = n.rfind('.');
  Object* package = nullptr;
  if (dot != std::string::npos) {
    package = import_module(intern_str(n.substr(0, dot)));
    if (!package) return nullptr;
    if (Object* m = dict_getitem_str(modules_, name)) return m;
  }
  Object* m = nullptr;
  if (const BuiltinModule* builtin = find_builtin_module(n)) {
    Object* made = builtin->make();
    if (!made) return nullptr;
    int r = dict_setitem(modules_, name, made);
    decref(made);
    if (r < 0) return nullptr;
    m = made;
  } else if (const char* source = embedded_python_source(n)) {
    m = import_embedded(name, n, source);
  } else {
    set_error(rt.types.ModuleNotFoundError,
              "No module named '%s' (heaplab runs a subset of Python and does not model this module)", n.c_str());
    // The error's name attribute, as CPython's import sets it.
    Object* exc = fetch_error();
    if (object_setattr(exc, intern_str("name"), name) < 0) clear_error();
    raise(exc);
    decref(exc);
  }
  if (m && package && object_setattr(package, intern_str(n.substr(dot + 1)), m) < 0) return nullptr;
  return m;
}

// A module heaplab writes in Python (core/lib/python/NAME.py): it is in
// sys.modules while its body runs, as CPython's import does it, and taken out
// again if the body raises.
Object* Interpreter::import_embedded(Object* name, const std::string& n, const char* source) {
  Object* m = new_module(n);
  if (!m) return nullptr;
  int r = dict_setitem(modules_, name, m);
  decref(m);
  if (r < 0) return nullptr;
  std::string filename = "<frozen " + n + ">";
  Object* result = run_source(source, false, filename, module_dict(m), nullptr);
  if (!result) {
    Object* saved = fetch_error();
    if (dict_delitem(modules_, name) < 0) clear_error();
    raise(saved);
    decref(saved);
    return nullptr;
  }
  decref(result);
  return m;
}

RunState Interpreter::report_compile_error(const std::string& type, const std::string& msg,
                                           const std::string& filename, int lineno, int offset, int end_lineno,
                                           int end_offset, const std::string& text) {
  write(Stream::Err, format_syntax_error(type, msg, filename, lineno, offset, end_lineno, end_offset, text));
  state_ = RunState::Error;
  return state_;
}

std::string Interpreter::source_line(const std::string& filename, int lineno) const {
  auto it = sources_.find(filename);
  if (it == sources_.end() || lineno <= 0) return {};
  const std::string& src = it->second;
  size_t start = 0;
  for (int i = 1; i < lineno; ++i) {
    start = src.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  size_t end = src.find('\n', start);
  return src.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

RunState Interpreter::start(std::string_view source, SourceMode mode, std::string_view filename) {
  activate();
  clear_frames();
  sleep_requested_ = false;
  std::string fname(filename);
  if (source.size() > kMaxSourceBytes) {
    write(Stream::Err, "MemoryError: " + source_too_long(source.size()) + "\n");
    state_ = RunState::Error;
    return state_;
  }
  ParseResult parsed = parse(source, mode == SourceMode::File ? ParseMode::File : ParseMode::Interactive);
  if (parsed.error) {
    const SyntaxErrorInfo& e = *parsed.error;
    return report_compile_error(e.type, e.msg, fname, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text);
  }
  if (!parsed.mod) return report_compile_error("SyntaxError", "invalid syntax", fname, 1, 1, 0, 0, "");
  if (mode == SourceMode::File) sources_[fname] = std::string(source);
  sys_set_argv(sys_, mode == SourceMode::File ? fname : "");
  auto not_implemented = [&](int lineno, const std::string& msg) {
    std::string line = source_line(fname, lineno);
    std::string out = "Traceback (most recent call last):\n";
    out += "  File \"" + fname + "\", line " + std::to_string(lineno) + ", in <module>\n";
    if (!line.empty()) {
      size_t first = line.find_first_not_of(" \t");
      out += "    " + line.substr(first == std::string::npos ? 0 : first) + "\n";
    }
    write(Stream::Err, out + msg + "\n");
    state_ = RunState::Error;
    return state_;
  };
  if (parsed.unsupported) {
    return not_implemented(parsed.unsupported->lineno, "NotImplementedError: " + parsed.unsupported->message);
  }
  CompileResult compiled = compile_module(parsed.mod, fname);
  if (compiled.error) {
    const CompileError& e = *compiled.error;
    if (e.type == "SyntaxError") {
      std::string line = source_line(fname, e.lineno);
      bool spanned = e.end_lineno > 0;  // else one caret at the start
      return report_compile_error(e.type, e.msg, fname, e.lineno, e.col_offset + 1,
                                  spanned ? e.end_lineno : e.lineno, spanned ? e.end_col_offset + 1 : e.col_offset + 2,
                                  line.empty() ? line : line + "\n");
    }
    return not_implemented(e.lineno, e.type + ": " + e.msg);
  }
  if (!compiled.code) return fail_with_uncaught();
  literals_ = compiled.literals;
  Object* globals = module_dict(main_);
  CodeObject* code = compiled.code;
  size_t n = code->nlocalsplus;
  if (sp_ + n + code->stacksize > kStackSlots) {
    decref(code);
    set_error(rt.types.MemoryError, "stack overflow");
    return fail_with_uncaught();
  }
  std::fill(stack_.get() + sp_, stack_.get() + sp_ + n, nullptr);
  frames_.push_back({code, nullptr, newref(globals), newref(globals), nullptr, sp_, sp_ + n, 0, FrameKind::Module});
  sp_ += n;
  state_ = RunState::Paused;
  return state_;
}

Object* Interpreter::handled_exception() const {
  if (handled_) return handled_;
  for (size_t i = outer_handled_.size(); i-- > 0;)
    if (outer_handled_[i]) return outer_handled_[i];
  return nullptr;
}

void Interpreter::pop_frame() {
  Frame& f = frames_.back();
  if (f.generator) {
    // The generator is done: its handled exception goes, its resumer's returns.
    static_cast<GeneratorObject*>(f.generator)->state = GeneratorState::Closed;
    Object* own = handled_;
    handled_ = outer_handled_.back();
    outer_handled_.pop_back();
    xdecref(own);
  }
  // Locals first to last, then the value stack, as _PyFrame_ClearLocals.
  // Each slot is emptied before its release and the stack top stays put
  // meanwhile, so a __del__ they trigger runs above them. A frame object (a
  // traceback's) takes the locals over instead.
  Object** slots = stack_.get() + f.base;
  size_t n = sp_ - f.base;
  size_t nlocals = f.stack_base - f.base;
  size_t first_released = 0;
  if (f.frame_object && frame_object_take_locals(f.frame_object, slots, nlocals)) {
    std::fill(slots, slots + nlocals, nullptr);
    first_released = nlocals;
  }
  for (size_t i = first_released; i < n; ++i) {
    Object* o = slots[i];
    slots[i] = nullptr;
    xdecref(o);
  }
  sp_ = f.base;
  xdecref(f.frame_object);
  xdecref(f.init_self);
  if (f.kind == FrameKind::Init) --nested_calls_;
  decref(f.code);
  xdecref(f.func);
  decref(f.globals);
  xdecref(f.locals);
  frames_.pop_back();
}

void Interpreter::clear_frames() {
  while (!frames_.empty()) pop_frame();
  while (sp_ > 0) xdecref(stack_[--sp_]);
  Object* literals = literals_;
  literals_ = nullptr;
  xdecref(literals);
}

void Interpreter::add_traceback(Object* exc, Frame& f, uint32_t lasti) {
  auto* e = static_cast<ExceptionObject*>(exc);
  int lineno = code_position(f.code, lasti).lineno;
  // An allocation failing below raises MemoryError over `exc`: `exc` is put
  // back as the exception, only missing this entry.
  auto keep_exception = [&] {
    raise(exc);
    decref(exc);
  };
  incref(exc);
  if (!f.frame_object) {
    f.frame_object = new_frame_object(f.code, f.globals);
    if (!f.frame_object) return keep_exception();
  }
  static_cast<FrameObject*>(f.frame_object)->lineno = uint64_t(lineno);
  Object* tb = new_traceback(e->traceback.get(), f.frame_object, lasti, uint32_t(lineno));
  if (!tb) return keep_exception();
  set_ref(e->traceback, tb);
  decref(exc);
}

// ------------------------------------------------------------------ printing

std::string Interpreter::format_exception_chain(Object* exc, std::unordered_set<Object*>& seen) {
  seen.insert(exc);
  auto* e = static_cast<ExceptionObject*>(exc);
  std::string out;
  Object* cause = e->cause.get();
  Object* context = e->context.get();
  // A chain deeper than the host stack allows starts where it can.
  if (host_stack_low()) cause = context = nullptr;
  if (cause && cause != none() && !seen.count(cause)) {
    out += format_exception_chain(cause, seen);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (context && !e->suppress_context && !seen.count(context)) {
    out += format_exception_chain(context, seen);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (Object* tb = e->traceback.get()) {
    out += "Traceback (most recent call last):\n";
    TracebackRepeats repeats;
    for (; tb; tb = static_cast<TracebackObject*>(tb)->next.get()) {
      auto* t = static_cast<TracebackObject*>(tb);
      auto* code = static_cast<CodeObject*>(static_cast<FrameObject*>(t->frame.get())->code.get());
      const SourcePos& p = code_position(code, t->lasti);
      std::string filename = str_of(code->filename.get());
      std::string scope = str_of(code->name.get());
      if (!repeats.next(filename, p.lineno, scope, &out)) continue;
      out += format_traceback_entry(filename, p.lineno, scope, source_line(filename, p.lineno), p.end_lineno, p.col,
                                    p.end_col);
    }
    repeats.finish(&out);
  }
  std::string msg = exception_message(exc);
  if (error_occurred()) {
    clear_error();
    msg = "<exception str() failed>";
  }
  TypeObject* type = type_of(exc);
  if (type->flags & kTypeHeapType) {
    Object* module = type->dict ? dict_getitem_str(type->dict.get(), intern_str("__module__")) : nullptr;
    if (module && is_str(module) && str_of(module) != "builtins" && str_of(module) != "__main__") out += str_of(module) + ".";
  }
  if (SyntaxErrorLocation loc; syntax_error_location(exc, &loc)) {
    return out + format_syntax_error(type_name(exc), loc.msg, loc.filename, loc.lineno, loc.offset, loc.end_lineno,
                                     loc.end_offset, loc.text);
  }
  out += type_name(exc);
  if (!msg.empty()) out += ": " + msg;
  if (is_instance(exc, rt.types.NameError) && !is_instance(exc, rt.types.UnboundLocalError)) out += name_suggestion(exc);
  return out + "\n" + exception_notes_text(exc);
}

void Interpreter::print_exception(Object* exc) {
  std::unordered_set<Object*> seen;
  write(Stream::Err, format_exception_chain(exc, seen));
}

// As CPython's traceback printer: candidates from the failing frame's
// locals, then its globals, then the builtins, each in insertion order.
std::string Interpreter::name_suggestion(Object* exc) const {
  auto* args = static_cast<TupleObject*>(static_cast<ExceptionObject*>(exc)->args.get());
  if (!args || args->size != 1 || !is_str(tuple_item(args, 0))) return {};
  std::string msg = str_of(tuple_item(args, 0));
  const std::string prefix = "name '", suffix = "' is not defined";
  if (msg.rfind(prefix, 0) != 0 || msg.size() < prefix.size() + suffix.size()) return {};
  std::string name = msg.substr(prefix.size(), msg.size() - prefix.size() - suffix.size());
  std::string best;
  for (Object* namespace_dict : {module_dict(main_), module_dict(main_), module_dict(builtins_)}) {
    std::vector<std::string> candidates;
    int64_t pos = 0;
    Object *key, *value;
    while (dict_next(namespace_dict, &pos, &key, &value))
      if (is_str(key)) candidates.push_back(str_of(key));
    best = suggest_name(name, candidates);
    if (!best.empty()) break;
  }
  std::string out = best.empty() ? "" : ". Did you mean: '" + best + "'?";
  if (is_stdlib_module_name(name)) out += (best.empty() ? ". Did you forget to import '" : " Or did you forget to import '") + name + "'?";
  return out;
}

RunState Interpreter::fail_with_uncaught() {
  Object* exc = fetch_error();
  clear_frames();
  if (exc) {
    std::string exit_text;
    if (system_exit_text(exc, &exit_text)) write(Stream::Err, exit_text);
    else print_exception(exc);
    decref(exc);
  }
  Object* handled = handled_;
  handled_ = nullptr;
  xdecref(handled);
  state_ = RunState::Error;
  return state_;
}

void Interpreter::visit_roots(VisitFn visit, void* arg) const {
  for (Object* o : {builtins_, sys_, modules_, main_, literals_, handled_})
    if (o) visit(o, arg);
  for (Object* o : outer_handled_)
    if (o) visit(o, arg);
  for (size_t i = 0; i < sp_; ++i)
    if (stack_[i]) visit(stack_[i], arg);
  for (const Frame& f : frames_) {
    visit(f.code, arg);
    if (f.func) visit(f.func, arg);
    visit(f.globals, arg);
    if (f.locals) visit(f.locals, arg);
    if (f.frame_object) visit(f.frame_object, arg);
    if (f.init_self) visit(f.init_self, arg);
  }
  if (rt.current_exception) visit(rt.current_exception, arg);
}

// _PyModule_ClearDict: every global becomes None, single-underscore names
// first, so the objects they held die in that order.
void Interpreter::finalize_main() {
  activate();
  clear_frames();
  clear_error();
  Object* dict = module_dict(main_);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<Object*> keys;
    int64_t pos = 0;
    Object *key, *value;
    while (dict_next(dict, &pos, &key, &value)) {
      if (!is_str(key)) continue;
      std::string k = str_of(key);
      bool single_underscore = k.size() > 1 && k[0] == '_' && k[1] != '_';
      if ((pass == 0) == single_underscore && k != "__builtins__") keys.push_back(newref(key));
    }
    for (Object* k : keys) {
      if (dict_setitem(dict, k, none()) < 0) clear_error();
      decref(k);
    }
  }
  gc_collect(2);
  clear_error();
}

// As interpreter finalization: the program's globals and the modules it
// imported go, the collector runs, and gc's own state returns to its start.
void Interpreter::reset_main() {
  activate();
  clear_frames();
  clear_error();
  Object* handled = handled_;
  handled_ = nullptr;
  xdecref(handled);
  dict_clear(module_dict(main_));
  dict_setitem(module_dict(main_), intern_str("__name__"), intern_str("__main__"));
  std::vector<Object*> imported;
  int64_t pos = 0;
  Object *name, *module;
  while (dict_next(modules_, &pos, &name, &module))
    if (module != builtins_ && module != sys_ && module != main_) imported.push_back(name);
  for (Object* n : imported) dict_delitem(modules_, n);
  dict_delitem(module_dict(builtins_), intern_str("_"));
  dict_delitem(module_dict(sys_), intern_str("argv"));  // start() sets it
  clear_error();
  GCState& gc = rt.gc;
  for (Object* list : {gc.garbage, gc.callbacks}) list_clear(list);
  gc.debug = 0;
  gc.enabled = true;
  gc_list_merge(gc_head(gc.permanent.head), gc_head(gc.generations[kNumGenerations - 1].head));  // gc.unfreeze()
  gc_collect(2);
  clear_error();
  state_ = RunState::Idle;
}

// ------------------------------------------------------------------ calls

bool Interpreter::push_frame(Object* func_obj, Object* const* args, size_t nargs, Object* kwnames, FrameKind kind,
                             Object* locals, Object** generator) {
  auto* func = static_cast<FunctionObject*>(func_obj);
  auto* code = static_cast<CodeObject*>(func->code.get());
  auto fail = [&]() {
    decref(func_obj);
    return false;
  };
  if (int64_t(frames_.size()) >= recursion_limit) {
    set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
    return fail();
  }
  size_t n = code->nlocalsplus;
  if (sp_ + n + code->stacksize > kStackSlots) {
    set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
    return fail();
  }
  Object** slots = stack_.get() + sp_;
  std::fill(slots, slots + n, nullptr);
  auto release = [&]() {
    for (size_t i = 0; i < n; ++i) xdecref(slots[i]);
    return fail();
  };
  // The common call, positional arguments matching the parameters, binds
  // directly; anything else takes the general binding.
  bool exact_positional = !kwnames && nargs == code->argcount && code->kwonlyargcount == 0 &&
                          !(code->flags & (kCodeVarargs | kCodeVarkeywords));
  if (exact_positional) {
    for (size_t i = 0; i < nargs; ++i) slots[i] = newref(args[i]);
  } else if (!bind_arguments(func, code, slots, args, nargs, kwnames)) {
    return release();
  }
  const uint8_t* kinds = code_local_kinds(code);
  // Cells wrap their variable's initial value; free variables come from the closure.
  auto* closure = static_cast<TupleObject*>(func->closure.get());
  size_t free_index = 0;
  for (size_t i = 0; i < n; ++i) {
    if (kinds[i] & kLocalFree) {
      slots[i] = newref(tuple_item(closure, int64_t(free_index++)));
    } else if (kinds[i] & kLocalCell) {
      Object* cell = new_cell(slots[i]);
      if (!cell) return release();
      xdecref(slots[i]);
      slots[i] = cell;
    }
  }
  if (code->flags & kCodeGenerator) {
    // Calling a generator function runs nothing: the bound frame moves
    // into a new generator object.
    GeneratorObject* gen = new_generator(func_obj, slots, n);
    if (!gen) return release();
    decref(func_obj);
    *generator = gen;
    return true;
  }
  *generator = nullptr;
  Object* globals = func->globals.get();
  // Filled in place: a Frame built aside and copied in costs more on every call.
  Frame& frame = frames_.emplace_back();
  frame.code = newref(static_cast<CodeObject*>(code));
  frame.func = func_obj;
  frame.globals = newref(globals);
  frame.locals = locals ? newref(locals) : nullptr;
  frame.base = sp_;
  frame.stack_base = sp_ + n;
  frame.kind = kind;
  sp_ += n;
  return true;
}

Object* Interpreter::run_source(std::string_view source, bool expression, std::string_view filename, Object* globals,
                                Object* locals) {
  if (source.size() > kMaxSourceBytes) return set_error(rt.types.MemoryError, "%s", source_too_long(source.size()).c_str());
  ParseResult parsed = parse(source, expression ? ParseMode::Eval : ParseMode::File);
  if (!parsed.mod) {
    if (!parsed.error) return set_error(rt.types.SyntaxError, "invalid syntax");
    const SyntaxErrorInfo& e = *parsed.error;
    TypeObject* type = e.type == "IndentationError" ? rt.types.IndentationError
                     : e.type == "TabError"         ? rt.types.TabError
                                                    : rt.types.SyntaxError;
    return set_syntax_error(type, e.msg, std::string(filename), e.lineno, e.offset, e.text, e.end_lineno,
                            e.end_offset);
  }
  if (parsed.unsupported) return set_error(rt.types.NotImplementedError, "%s", parsed.unsupported->message.c_str());
  CompileResult compiled = compile_module(parsed.mod, filename);
  if (!compiled.code) {
    if (compiled.error) {
      TypeObject* type = compiled.error->type == "SyntaxError" ? rt.types.SyntaxError : rt.types.NotImplementedError;
      set_error(type, "%s", compiled.error->msg.c_str());
    }
    return nullptr;
  }
  CodeObject* code = compiled.code;
  size_t n = code->nlocalsplus;
  if (sp_ + n + code->stacksize > kStackSlots || !nested_call_allowed()) {
    decref(code);
    decref(compiled.literals);
    return set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
  }
  std::fill(stack_.get() + sp_, stack_.get() + sp_ + n, nullptr);
  frames_.push_back({code, nullptr, newref(globals), newref(locals ? locals : globals), nullptr, sp_, sp_ + n, 0,
                     FrameKind::Boundary});
  sp_ += n;
  Object* result = nullptr;
  ++nested_calls_;
  execute(UINT64_MAX, &result);
  --nested_calls_;
  decref(compiled.literals);  // the parse tree lives as long as the run, as in CPython
  return result;
}

Object* Interpreter::resume_generator(Object* gen_obj, Object* sent, bool throwing, Object** returned,
                                      bool steal_sent) {
  auto* gen = static_cast<GeneratorObject*>(gen_obj);
  if (returned) *returned = nullptr;
  Object* owned_sent = steal_sent ? sent : nullptr;  // released unless it moves into the frame
  if (gen->state == GeneratorState::Closed) {
    xdecref(owned_sent);
    if (!throwing && returned) *returned = newref(rt.none);
    return nullptr;
  }
  if (gen->state == GeneratorState::Running) {
    xdecref(owned_sent);
    return set_error(rt.types.ValueError, "generator already executing");
  }
  if (throwing && gen->state == GeneratorState::Created) {
    generator_release_frame(gen);  // nothing of the body has run: the exception leaves at once
    return nullptr;
  }
  if (!owned_sent && !throwing && sent != rt.none) owned_sent = newref(sent);
  if (!enter_generator(gen_obj, throwing ? nullptr : owned_sent, FrameKind::Boundary)) return nullptr;
  resume_with_error_ = throwing;
  Object* result = nullptr;
  ++nested_inlined_;
  execute(UINT64_MAX, &result);
  --nested_inlined_;
  if (!result && !error_occurred()) {
    Object* value = generator_return_;
    generator_return_ = nullptr;
    if (returned) {
      *returned = value;
    } else {
      decref(value);
    }
  }
  return result;
}

bool Interpreter::enter_generator(Object* gen_obj, Object* sent, FrameKind kind) {
  auto* gen = static_cast<GeneratorObject*>(gen_obj);
  auto* code = static_cast<CodeObject*>(gen->code.get());
  size_t n = code->nlocalsplus;
  bool nested = kind == FrameKind::Boundary;  // resumed from C++: a nested run of the VM
  if (int64_t(frames_.size()) >= recursion_limit || sp_ + n + code->stacksize > kStackSlots ||
      (nested && !nested_inlined_allowed())) {
    xdecref(sent);
    set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  // The saved locals and stack move back onto the value stack.
  Addr* saved = generator_slots(gen);
  size_t total = n + gen->depth;
  for (size_t i = 0; i < total; ++i) {
    stack_[sp_ + i] = at<Object>(saved[i]);
    saved[i] = 0;
  }
  bool started = gen->state == GeneratorState::Suspended;
  frames_.push_back({newref(code), newref(gen->func.get()), newref(gen->globals.get()), nullptr, gen_obj, sp_, sp_ + n,
                     gen->pc, kind});
  // The generator's own handled exception becomes current; the resumer's waits.
  outer_handled_.push_back(handled_);
  handled_ = gen->exc_state.get();
  gen->exc_state.set(nullptr);
  sp_ += total;
  gen->depth = 0;
  gen->state = GeneratorState::Running;
  if (started) {
    stack_[sp_++] = sent ? sent : newref(rt.none);  // the value of the paused yield
  } else {
    xdecref(sent);
  }
  return true;
}

void Interpreter::suspend_generator_frame() {
  Frame& f = frames_.back();
  auto* gen = static_cast<GeneratorObject*>(f.generator);
  size_t total = sp_ - f.base;
  Addr* saved = generator_slots(gen);
  for (size_t i = 0; i < total; ++i) saved[i] = addr_of(stack_[f.base + i]);
  gen->depth = sp_ - f.stack_base;
  gen->pc = f.pc;
  gen->state = GeneratorState::Suspended;
  gen->exc_state.set(handled_);  // kept with the paused frame, as gi_exc_state
  handled_ = outer_handled_.back();
  outer_handled_.pop_back();
  sp_ = f.base;
  decref(f.code);
  xdecref(f.func);
  decref(f.globals);
  xdecref(f.frame_object);
  frames_.pop_back();
}

Object* Interpreter::call_function(Object* func, Object* const* args, size_t nargs, Object* kwnames, Object* locals) {
  bool inlined = std::exchange(rt.next_call_inlined, false);
  if (inlined ? !nested_inlined_allowed() : !nested_call_allowed())
    return set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
  Object* generator = nullptr;
  if (!push_frame(newref(func), args, nargs, kwnames, FrameKind::Boundary, locals, &generator)) return nullptr;
  if (generator) return generator;
  Object* result = nullptr;
  int& depth = inlined ? nested_inlined_ : nested_calls_;
  ++depth;
  execute(UINT64_MAX, &result);
  --depth;
  return result;
}

// ------------------------------------------------------------------ the VM

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void Interpreter::sleep(double seconds) {
  bool nested = false;
  for (const Frame& f : frames_) nested |= f.kind == FrameKind::Boundary;
  if (nested || state_ != RunState::Paused) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    return;
  }
  sleep_until_ = steady_seconds() + seconds;
  sleep_requested_ = true;
}

double Interpreter::sleep_remaining() const {
  if (state_ != RunState::Paused || rt.interrupt_requested) return 0;
  double left = sleep_until_ - steady_seconds();
  return left > 0 ? left : 0;
}

RunState Interpreter::run(uint64_t budget) {
  activate();
  if (state_ != RunState::Paused) return state_;
  if (sleep_remaining() > 0) return state_;  // still asleep
  state_ = execute(budget, nullptr);
  return state_;
}

// The input() call waiting in the VM returns `line`: its CALL's result.
RunState Interpreter::provide_input(std::optional<std::string_view> line) {
  activate();
  if (state_ != RunState::WaitingForInput) return state_;
  if (!line) {
    fail_input(builtin_exception_type("EOFError"), "EOF when reading a line");
    return state_;
  }
  std::string_view text = *line;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (text.size() > kMaxInputLineBytes) {
    fail_input(rt.types.MemoryError, input_too_long(text.size()).c_str());
    return state_;
  }
  Object* value = str_from_utf8(text);
  if (!value) {
    resume_with_error_ = true;  // MemoryError, raised by the call
  } else {
    stack_[sp_++] = value;
  }
  state_ = RunState::Paused;
  return state_;
}

void Interpreter::interrupt_input() {
  activate();
  if (state_ == RunState::WaitingForInput) fail_input(rt.types.KeyboardInterrupt, nullptr);
}

void Interpreter::fail_input(TypeObject* exc_type, const char* msg) {
  if (msg) {
    set_error(exc_type, "%s", msg);
  } else {
    set_error_none(exc_type);
  }
  resume_with_error_ = true;  // the next run() raises it at the input() call
  state_ = RunState::Paused;
}

Object* Interpreter::read_input_blocking() {
  if (!blocking_input) {
    return set_error(rt.types.NotImplementedError,
                     "input() cannot pause the program here (in a special method, a callback, or a generator "
                     "that a built-in such as list() runs) in the browser; call it from ordinary code");
  }
  std::optional<std::string> line = blocking_input();
  if (!line) return set_error(builtin_exception_type("EOFError"), "EOF when reading a line");
  if (!line->empty() && line->back() == '\n') line->pop_back();
  if (line->size() > kMaxInputLineBytes) return set_error(rt.types.MemoryError, "%s", input_too_long(line->size()).c_str());
  return str_from_utf8(*line);
}

TypeObject* Interpreter::builtin_exception_type(const char* name) {
  Object* t = dict_getitem_str(module_dict(builtins_), intern_str(name));
  return t && type_of(t) == rt.types.type ? static_cast<TypeObject*>(t) : rt.types.RuntimeError;
}

RunState Interpreter::execute(uint64_t budget, Object** result) {
  Frame* f = &frames_.back();
  const Instr* code = code_instrs(f->code);
  TupleObject* consts = static_cast<TupleObject*>(f->code->consts.get());
  TupleObject* names = static_cast<TupleObject*>(f->code->names.get());
  Object** locals = stack_.get() + f->base;

  auto push = [this](Object* o) { stack_[sp_++] = o; };
  auto pop = [this]() { return stack_[--sp_]; };
  auto top = [this](size_t n) -> Object*& { return stack_[sp_ - n]; };
  // The frame's state lives in these locals. The helpers that reach them are
  // inlined: a call the compiler keeps out of line would take their address
  // and move them from registers (wasm locals) to memory for the whole loop.
  auto reload = [&]() __attribute__((always_inline)) {
    f = &frames_.back();
    code = code_instrs(f->code);
    consts = static_cast<TupleObject*>(f->code->consts.get());
    names = static_cast<TupleObject*>(f->code->names.get());
    locals = stack_.get() + f->base;
  };
  auto name_at = [&](uint32_t i) __attribute__((always_inline)) { return tuple_item(names, i); };
  auto local_name = [](const Frame* frame, uint32_t i) {
    return str_of(tuple_item(static_cast<TupleObject*>(frame->code->localsplusnames.get()), i));
  };
  bool reraise = false;
  int64_t reraise_lasti = -1;  // the instruction a RERAISE restores as the frame's lasti
  if (resume_with_error_) {
    // generator.throw(): the exception is raised by the paused yield.
    resume_with_error_ = false;
    goto error;
  }

  while (budget-- > 0) {
    if (sleep_requested_) [[unlikely]] {
      sleep_requested_ = false;
      return RunState::Paused;  // time.sleep: run() resumes here once the time is up
    }
    if (rt.interrupt_requested) [[unlikely]] {
      rt.interrupt_requested = false;
      ++f->pc;  // the traceback points at the instruction about to run
      set_error_none(rt.types.KeyboardInterrupt);
      goto error;
    }
    {
      Instr ins = code[f->pc++];
      uint32_t arg = instr_arg(ins);
      switch (instr_op(ins)) {
        case Op::NOP:
          break;
        case Op::POP_TOP:
          xdecref(pop());
          break;
        case Op::PUSH_NULL:
          push(nullptr);
          break;
        case Op::COPY:
          push(newref(top(arg)));
          break;
        case Op::SWAP:
          std::swap(top(1), top(arg));
          break;
        case Op::LOAD_CONST:
          push(newref(tuple_item(consts, arg)));
          break;
        case Op::LOAD_FAST: {
          Object* v = locals[arg];
          if (!v) {
            set_error(rt.types.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                      local_name(f, arg).c_str());
            goto error;
          }
          push(newref(v));
          break;
        }
        case Op::LOAD_FAST_AND_CLEAR:
          push(locals[arg]);
          locals[arg] = nullptr;
          break;
        case Op::STORE_FAST: {
          Object* old = locals[arg];
          locals[arg] = pop();
          xdecref(old);
          break;
        }
        case Op::DELETE_FAST: {
          Object* old = locals[arg];
          if (!old) {
            set_error(rt.types.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                      local_name(f, arg).c_str());
            goto error;
          }
          locals[arg] = nullptr;
          decref(old);
          break;
        }
        case Op::LOAD_DEREF:
        case Op::LOAD_FROM_DICT_OR_DEREF: {
          if (instr_op(ins) == Op::LOAD_FROM_DICT_OR_DEREF && f->locals) {
            Object* name = tuple_item(static_cast<TupleObject*>(f->code->localsplusnames.get()), arg);
            if (Object* v = dict_getitem_str(f->locals, name)) {
              push(newref(v));
              break;
            }
          }
          Object* v = static_cast<CellObject*>(locals[arg])->ref.get();
          if (!v) {
            set_error(rt.types.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                      local_name(f, arg).c_str());
            goto error;
          }
          push(newref(v));
          break;
        }
        case Op::STORE_DEREF:
          set_ref(static_cast<CellObject*>(locals[arg])->ref, pop());
          break;
        case Op::DELETE_DEREF: {
          auto* cell = static_cast<CellObject*>(locals[arg]);
          if (!cell->ref) {
            set_error(rt.types.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                      local_name(f, arg).c_str());
            goto error;
          }
          set_ref(cell->ref, static_cast<Object*>(nullptr));
          break;
        }
        case Op::MAKE_CELL: {
          Object* cell = new_cell(locals[arg]);
          if (!cell) goto error;
          xdecref(locals[arg]);
          locals[arg] = cell;
          break;
        }
        case Op::LOAD_CLOSURE:
          push(newref(locals[arg]));
          break;
        case Op::LOAD_NAME: {
          Object* name = name_at(arg);
          // Module code's locals are its globals: one lookup there, cached.
          Object* v = f->locals && f->locals != f->globals ? dict_getitem_str(f->locals, name) : nullptr;
          if (!v && !error_occurred()) v = load_global(f->globals, module_dict(builtins_), name);
          if (!v) {
            if (!error_occurred()) set_error(rt.types.NameError, "name '%s' is not defined", str_of(name).c_str());
            goto error;
          }
          push(newref(v));
          break;
        }
        case Op::LOAD_GLOBAL: {
          Object* name = name_at(arg >> 1);
          Object* v = load_global(f->globals, module_dict(builtins_), name);
          if (!v) {
            if (!error_occurred()) set_error(rt.types.NameError, "name '%s' is not defined", str_of(name).c_str());
            goto error;
          }
          if (arg & 1) push(nullptr);
          push(newref(v));
          break;
        }
        case Op::STORE_NAME:
        case Op::STORE_GLOBAL: {
          Object* v = pop();
          Object* target = instr_op(ins) == Op::STORE_NAME && f->locals ? f->locals : f->globals;
          int r = target == f->globals ? store_global(target, name_at(arg), v) : dict_setitem(target, name_at(arg), v);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::DELETE_NAME:
        case Op::DELETE_GLOBAL: {
          Object* name = name_at(arg);
          Object* target = instr_op(ins) == Op::DELETE_NAME && f->locals ? f->locals : f->globals;
          if (dict_delitem(target, name) < 0) {
            clear_error();
            set_error(rt.types.NameError, "name '%s' is not defined", str_of(name).c_str());
            goto error;
          }
          break;
        }
        case Op::LOAD_ATTR: {
          Object* name = name_at(arg >> 1);
          Object* owner = top(1);
          if (arg & kMethodFlag) {
            // A method found on the type is pushed unbound, with the owner as
            // its first argument: no bound method object is created.
            Object* meth = method_for_call(owner, name);
            if (!meth && error_occurred()) goto error;
            if (meth && (is_method_descriptor(meth) || is_function(meth))) {
              top(1) = newref(meth);
              push(owner);
              break;
            }
            Object* attr = object_getattr(owner, name);
            if (!attr) goto error;
            decref(owner);
            top(1) = nullptr;
            push(attr);
            break;
          }
          Object* attr = load_instance_attribute(owner, name, code + f->pc - 1);
          if (!attr) attr = object_getattr(owner, name);
          if (!attr) goto error;
          decref(owner);
          top(1) = attr;
          break;
        }
        case Op::STORE_ATTR: {
          Object* owner = pop();
          Object* v = pop();
          Object* name = name_at(arg);
          int r = store_instance_attribute(owner, name, v, code + f->pc - 1) ? 0 : object_setattr(owner, name, v);
          decref(owner);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::DELETE_ATTR: {
          Object* owner = pop();
          int r = object_delattr(owner, name_at(arg));
          decref(owner);
          if (r < 0) goto error;
          break;
        }
        case Op::BINARY_OP: {
          Object* b = pop();
          Object* a = pop();
          BinaryOp op = BinaryOp(arg & (kInplaceFlag - 1));
          Object* r = (arg & kInplaceFlag) ? inplace_op(a, b, op) : binary_op(a, b, op);
          decref(a);
          decref(b);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::UNARY_NEGATIVE:
        case Op::UNARY_POSITIVE:
        case Op::UNARY_INVERT: {
          Object* v = pop();
          Object* r = instr_op(ins) == Op::UNARY_NEGATIVE ? unary_negative(v)
                    : instr_op(ins) == Op::UNARY_POSITIVE ? unary_positive(v) : unary_invert(v);
          decref(v);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::UNARY_NOT: {
          Object* v = pop();
          int t = object_is_true(v);
          decref(v);
          if (t < 0) goto error;
          push(bool_obj(!t));
          break;
        }
        case Op::COMPARE_OP: {
          Object* b = pop();
          Object* a = pop();
          Object* r = object_rich_compare(a, b, CompareOp(arg));
          decref(a);
          decref(b);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::IS_OP: {
          Object* b = pop();
          Object* a = pop();
          bool r = (a == b) != (arg != 0);
          decref(a);
          decref(b);
          push(bool_obj(r));
          break;
        }
        case Op::CONTAINS_OP: {
          Object* container = pop();
          Object* item = pop();
          int r = sequence_contains(container, item);
          decref(container);
          decref(item);
          if (r < 0) goto error;
          push(bool_obj((r != 0) != (arg != 0)));
          break;
        }
        case Op::BINARY_SUBSCR: {
          Object* key = pop();
          Object* container = pop();
          Object* r = object_getitem(container, key);
          decref(container);
          decref(key);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::STORE_SUBSCR: {
          Object* key = pop();
          Object* container = pop();
          Object* v = pop();
          int r = object_setitem(container, key, v);
          decref(key);
          decref(container);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::DELETE_SUBSCR: {
          Object* key = pop();
          Object* container = pop();
          int r = object_delitem(container, key);
          decref(key);
          decref(container);
          if (r < 0) goto error;
          break;
        }
        case Op::BUILD_SLICE: {
          Object* step = arg == 3 ? pop() : nullptr;
          Object* stop = pop();
          Object* start = pop();
          Object* s = slice_new(start, stop, step ? step : none());
          decref(start);
          decref(stop);
          xdecref(step);
          if (!s) goto error;
          push(s);
          break;
        }
        case Op::BUILD_LIST:
        case Op::BUILD_TUPLE:
        case Op::BUILD_SET:
        case Op::BUILD_STRING: {
          Object** items = stack_.get() + sp_ - arg;
          Object* r = nullptr;
          if (instr_op(ins) == Op::BUILD_LIST) {
            r = list_from_array_steal(items, arg);
            sp_ -= arg;
          } else {
            if (instr_op(ins) == Op::BUILD_TUPLE) {
              r = tuple_from_array(items, arg);
            } else if (instr_op(ins) == Op::BUILD_STRING) {
              // The f-string's parts, each a str, joined.
              std::string text;
              for (uint32_t i = 0; i < arg; ++i) text += str_to_utf8(static_cast<StrObject*>(items[i]));
              r = str_from_utf8(text);
            } else if (instr_op(ins) == Op::BUILD_SET) {
              r = set_new(nullptr);
              for (uint32_t i = 0; r && i < arg; ++i)
                if (set_add(r, items[i]) < 0) {
                  decref(r);
                  r = nullptr;
                }
            }
            for (uint32_t i = 0; i < arg; ++i) decref(items[i]);
            sp_ -= arg;
          }
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::BUILD_MAP: {
          Object* d = dict_new_presized(arg, false);
          Object** items = stack_.get() + sp_ - 2 * arg;
          for (uint32_t i = 0; d && i < arg; ++i)
            if (dict_setitem(d, items[2 * i], items[2 * i + 1]) < 0) {
              decref(d);
              d = nullptr;
            }
          for (uint32_t i = 0; i < 2 * arg; ++i) decref(items[i]);
          sp_ -= 2 * arg;
          if (!d) goto error;
          push(d);
          break;
        }
        case Op::LIST_EXTEND:
        case Op::SET_UPDATE:
        case Op::DICT_UPDATE: {
          Object* iterable = pop();
          int r = instr_op(ins) == Op::LIST_EXTEND ? list_extend(top(arg), iterable)
                : instr_op(ins) == Op::SET_UPDATE ? set_update_from(top(arg), iterable) : dict_merge(top(arg), iterable);
          decref(iterable);
          if (r < 0) goto error;
          break;
        }
        case Op::LIST_APPEND:
        case Op::SET_ADD: {
          Object* v = pop();
          int r = instr_op(ins) == Op::LIST_APPEND ? list_append(top(arg), v) : set_add(top(arg), v);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::MAP_ADD: {
          Object* v = pop();
          Object* k = pop();
          int r = dict_setitem(top(arg), k, v);
          decref(k);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::LIST_TO_TUPLE: {
          auto* l = static_cast<ListObject*>(top(1));
          std::vector<Object*> items(size_t(l->size));
          for (int64_t i = 0; i < l->size; ++i) items[size_t(i)] = list_item(l, i);
          Object* t = tuple_from_array(items.data(), items.size());
          if (!t) goto error;
          decref(l);
          top(1) = t;
          break;
        }
        case Op::UNPACK_SEQUENCE:
        case Op::UNPACK_EX: {
          Object* seq = pop();
          size_t before = instr_op(ins) == Op::UNPACK_SEQUENCE ? arg : (arg & 0xff);
          size_t after = instr_op(ins) == Op::UNPACK_SEQUENCE ? 0 : (arg >> 8);
          bool starred = instr_op(ins) == Op::UNPACK_EX;
          Object* it = object_iter(seq);
          if (!it) {
            decref(seq);
            if (error_matches(rt.types.TypeError)) {
              clear_error();
              set_error(rt.types.TypeError, "cannot unpack non-iterable %s object", type_name(seq));
            }
            goto error;
          }
          std::vector<Object*> items;
          while (Object* x = iter_next(it)) items.push_back(x);
          decref(it);
          decref(seq);
          if (error_occurred()) {
            for (Object* x : items) decref(x);
            goto error;
          }
          size_t need = before + after;
          if ((!starred && items.size() != need) || (starred && items.size() < need)) {
            size_t got = items.size();
            for (Object* x : items) decref(x);
            if (!starred && got > need) {
              set_error(rt.types.ValueError, "too many values to unpack (expected %zu)", need);
            } else if (starred) {
              set_error(rt.types.ValueError, "not enough values to unpack (expected at least %zu, got %zu)", need, got);
            } else {
              set_error(rt.types.ValueError, "not enough values to unpack (expected %zu, got %zu)", need, got);
            }
            goto error;
          }
          // Pushed last first, so the first target is stored first.
          if (starred) {
            for (size_t i = items.size(); i-- > items.size() - after;) push(items[i]);
            Object* middle = list_from_array_steal(items.data() + before, items.size() - need);
            if (!middle) {
              for (size_t i = 0; i < before; ++i) decref(items[i]);
              goto error;
            }
            push(middle);
            for (size_t i = before; i-- > 0;) push(items[i]);
          } else {
            for (size_t i = items.size(); i-- > 0;) push(items[i]);
          }
          break;
        }
        case Op::KW_NAMES:
          kwnames_ = tuple_item(consts, arg);
          break;
        case Op::CALL:
        case Op::CALL_FUNCTION_EX: {
          Object* kwnames = nullptr;
          Object** args;
          size_t nargs, total;
          Object* callable;
          Object* method;
          Object* ex_args = nullptr;
          Object* ex_kwargs = nullptr;
          std::vector<Object*> ex_storage;
          size_t consumed;
          Object* new_instance = nullptr;  // Class(...) entering __init__: the instance, for the Init frame
          if (instr_op(ins) == Op::CALL) {
            kwnames = kwnames_;
            kwnames_ = nullptr;
            total = arg;
            args = stack_.get() + sp_ - total;
            method = args[-2];
            callable = args[-1];
            if (!method && is_method(callable) && is_function(static_cast<MethodObject*>(callable)->func.get())) {
              // As CPython's CALL: a bound method's function and instance
              // replace it on the stack, so the call gets a frame of its own.
              auto* bound = static_cast<MethodObject*>(callable);
              args[-2] = newref(bound->func.get());
              args[-1] = newref(bound->self.get());
              decref(callable);
              method = args[-2];
            }
            if (!method && init_to_enter(callable)) {
              // Class(...) with object's __new__ and a Python __init__: the
              // instance is made here and __init__ runs in a frame of its own
              // (an Init frame, whose result is the instance). CPython calls
              // __init__ from C, so the frame costs what a nested call does.
              if (!nested_call_allowed()) {
                set_error(rt.types.RecursionError, "maximum recursion depth exceeded");
                goto error;
              }
              Object* instance = object_new_instance(static_cast<TypeObject*>(callable), nullptr, 0, nullptr);
              if (!instance) goto error;
              args[-2] = newref(find_init(static_cast<TypeObject*>(callable)).function);
              args[-1] = instance;
              decref(callable);
              method = args[-2];
              new_instance = newref(instance);
            }
            if (method) {
              callable = method;
              --args;
              ++total;
            }
            size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
            nargs = total - nkw;
            consumed = arg + 2;
          } else {
            ex_kwargs = arg & 1 ? pop() : nullptr;
            ex_args = pop();
            callable = top(1);
            auto* t = static_cast<TupleObject*>(ex_args);
            for (int64_t i = 0; i < t->size; ++i) ex_storage.push_back(tuple_item(t, i));
            nargs = ex_storage.size();
            Object* names_tuple = nullptr;
            if (ex_kwargs && dict_size(ex_kwargs) > 0) {
              std::vector<Object*> keys;
              int64_t pos = 0;
              Object *k, *v;
              while (dict_next(ex_kwargs, &pos, &k, &v)) {
                keys.push_back(k);
                ex_storage.push_back(v);
              }
              names_tuple = tuple_from_array(keys.data(), keys.size());
            }
            kwnames = names_tuple;
            args = ex_storage.data();
            consumed = 2;
          }
          if (is_function(callable)) {
            // A Python function: its frame takes over the arguments, which
            // leave the caller's stack now (CPython moves them too).
            size_t args_start = sp_ - consumed;
            Object* generator = nullptr;
            bool ok = push_frame(newref(callable), args, nargs, kwnames, FrameKind::Normal, nullptr, &generator);
            if (instr_op(ins) == Op::CALL_FUNCTION_EX) {
              xdecref(kwnames);
              decref(ex_args);
              xdecref(ex_kwargs);
            }
            if (!ok || generator) {
              for (size_t i = 0; i < consumed; ++i) xdecref(pop());
              if (new_instance) {
                decref(new_instance);
                if (generator) {
                  decref(generator);
                  set_error(rt.types.TypeError, "__init__() should return None, not 'generator'");
                  goto error;
                }
              }
              if (!ok) goto error;
              push(generator);
              break;
            }
            Frame& callee = frames_.back();
            if (new_instance) {
              callee.kind = FrameKind::Init;
              callee.init_self = new_instance;
              ++nested_calls_;  // until pop_frame
            }
            size_t n = callee.stack_base - callee.base;
            for (size_t i = args_start; i < args_start + consumed; ++i) xdecref(stack_[i]);
            std::memmove(stack_.get() + args_start, stack_.get() + callee.base, n * sizeof(Object*));
            callee.base = args_start;
            callee.stack_base = args_start + n;
            sp_ = args_start + n;
            reload();
            break;
          }
          if (!result && instr_op(ins) == Op::CALL && !kwnames && nargs <= 1 && is_builtin_input(callable)) {
            // input() from the VM's own loop: write the prompt and pause
            // until the host provides the line (provide_input pushes it).
            std::string prompt;
            if (nargs == 1 && !str_utf8(args[0], &prompt)) goto error;
            write(Stream::Out, prompt);
            for (size_t i = 0; i < consumed; ++i) xdecref(pop());
            return RunState::WaitingForInput;
          }
          Object* r = object_call(callable, args, nargs, kwnames);
          for (size_t i = 0; i < consumed; ++i) xdecref(pop());
          if (instr_op(ins) == Op::CALL_FUNCTION_EX) {
            xdecref(kwnames);
            decref(ex_args);
            xdecref(ex_kwargs);
          }
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::MAKE_FUNCTION: {
          Object* code_obj = pop();
          Object* closure = arg & kMakeFunctionClosure ? pop() : nullptr;
          Object* annotations = arg & kMakeFunctionAnnotations ? pop() : nullptr;
          Object* kwdefaults = arg & kMakeFunctionKwDefaults ? pop() : nullptr;
          Object* defaults = arg & kMakeFunctionDefaults ? pop() : nullptr;
          auto* c = static_cast<CodeObject*>(code_obj);
          FunctionObject* func = new_function(code_obj, f->globals, module_dict(builtins_), c->qualname.get());
          decref(code_obj);
          if (func) {
            func->closure.set(closure);
            func->annotations.set(annotations);  // the pairs become a dict when first read
            func->kwdefaults.set(kwdefaults);
            func->defaults.set(defaults);
            auto* cs = static_cast<TupleObject*>(c->consts.get());
            if (cs->size > 0 && is_str(tuple_item(cs, 0))) {
              set_ref(func->doc, newref(tuple_item(cs, 0)));
            }
          } else {
            xdecref(closure);
            xdecref(annotations);
            xdecref(kwdefaults);
            xdecref(defaults);
            goto error;
          }
          push(func);
          break;
        }
        case Op::LOAD_BUILD_CLASS: {
          Object* build = dict_getitem_str(module_dict(builtins_), intern_str("__build_class__"));
          if (!build) {
            set_error(rt.types.NotImplementedError, "class definitions are not supported yet");
            goto error;
          }
          push(newref(build));
          break;
        }
        case Op::JUMP:
          if (arg < f->pc && gc_collection_due()) [[unlikely]] gc_run_scheduled();
          f->pc = arg;
          break;
        case Op::POP_JUMP_IF_FALSE:
        case Op::POP_JUMP_IF_TRUE: {
          Object* v = pop();
          int t = object_is_true(v);
          decref(v);
          if (t < 0) goto error;
          if ((t != 0) == (instr_op(ins) == Op::POP_JUMP_IF_TRUE)) f->pc = arg;
          break;
        }
        case Op::POP_JUMP_IF_NONE:
        case Op::POP_JUMP_IF_NOT_NONE: {
          Object* v = pop();
          bool is_none = v == rt.none;
          decref(v);
          if (is_none == (instr_op(ins) == Op::POP_JUMP_IF_NONE)) f->pc = arg;
          break;
        }
        case Op::GET_ITER: {
          Object* v = pop();
          Object* it = object_iter(v);
          decref(v);
          if (!it) goto error;
          push(it);
          break;
        }
        case Op::FOR_ITER: {
          if (is_generator(top(1))) {
            auto* gen = static_cast<GeneratorObject*>(top(1));
            if (gen->state == GeneratorState::Created || gen->state == GeneratorState::Suspended) {
              // FOR_ITER_GEN: the generator's frame runs on, its next yield comes back here.
              if (!enter_generator(gen, nullptr, FrameKind::GenFor)) goto error;
              reload();
              break;
            }
          }
          Object* next = iter_next(top(1));
          if (next) {
            push(next);
            break;
          }
          if (error_occurred()) {
            if (!error_matches(rt.types.StopIteration)) goto error;
            clear_error();
          }
          decref(pop());
          f->pc = arg;
          break;
        }
        case Op::YIELD_VALUE: {
          // Generator frames are always entered from resume_generator.
          Object* v = pop();
          if (sp_ - f->stack_base > f->code->stacksize) [[unlikely]] {
            decref(v);  // the generator object has no room to save this stack
            set_error(rt.types.SystemError, "generator stack deeper than its code's stacksize");
            goto error;
          }
          FrameKind kind = f->kind;
          suspend_generator_frame();
          if (kind == FrameKind::GenFor || kind == FrameKind::GenSend) {
            reload();
            push(v);  // FOR_ITER's next item, or SEND's value
            break;
          }
          *result = v;
          return RunState::Done;
        }
        case Op::GET_YIELD_FROM_ITER:
          if (!is_generator(top(1))) {
            Object* it = object_iter(top(1));
            if (!it) goto error;
            decref(top(1));
            top(1) = it;
          }
          break;
        case Op::SEND: {
          // [receiver, v] -> [receiver, next value]; when the receiver ends,
          // [receiver, its return value] and a jump to END_SEND.
          Object* receiver = top(2);
          Object* v = top(1);
          Object* r;
          Object* returned = nullptr;
          bool moved = false;
          if (is_generator(receiver)) {
            if (static_cast<GeneratorObject*>(receiver)->state == GeneratorState::Created && v != rt.none) {
              set_error(rt.types.TypeError, "can't send non-None value to a just-started generator");
              goto error;
            }
            // The value moves into the generator's frame, which runs on as
            // a frame of this loop when it can (its yields come back here).
            --sp_;
            moved = true;
            GeneratorState state = static_cast<GeneratorObject*>(receiver)->state;
            if (state == GeneratorState::Created || state == GeneratorState::Suspended) {
              if (!enter_generator(receiver, v, FrameKind::GenSend)) goto error;
              reload();
              break;
            }
            r = resume_generator(receiver, v, false, &returned, true);
          } else if (v == rt.none && slots_of(receiver).iternext) {
            // tp_iternext, keeping the StopIteration (and its value) a
            // class's __next__ raises.
            Object* next = type_of(receiver)->flags & kTypeHeapType
                               ? type_lookup(type_of(receiver), intern_str("__next__")) : nullptr;
            r = next && is_function(next) ? object_call(next, &receiver, 1, nullptr)
                                          : slots_of(receiver).iternext(receiver);
          } else {
            Object* send = object_getattr(receiver, intern_str("send"));
            r = send ? object_call(send, &v, 1, nullptr) : nullptr;
            xdecref(send);
          }
          if (!r) {
            if (error_occurred()) {
              if (!error_matches(rt.types.StopIteration)) goto error;
              Object* stop = fetch_error();
              returned = stop_iteration_value(stop);
              decref(stop);
            }
            if (!returned) returned = newref(rt.none);
            f->pc = arg;
          }
          if (moved) {
            push(r ? r : returned);
          } else {
            decref(v);
            top(1) = r ? r : returned;
          }
          break;
        }
        case Op::END_SEND: {
          Object* value = pop();
          decref(top(1));
          top(1) = value;
          break;
        }
        case Op::CLEANUP_THROW: {
          // [receiver, last sent, exc]: a StopIteration carries the
          // receiver's return value; anything else goes on.
          Object* exc = pop();
          if (!is_instance(exc, rt.types.StopIteration)) {
            raise(exc);
            decref(exc);
            reraise = true;
            goto error;
          }
          Object* value = stop_iteration_value(exc);
          decref(exc);
          decref(pop());
          decref(top(1));
          top(1) = newref(rt.none);
          push(value);
          break;
        }
        case Op::RAISE_VARARGS: {
          Object* cause = arg == 2 ? pop() : nullptr;
          Object* exc = arg >= 1 ? pop() : nullptr;
          if (!exc) {
            Object* handled = handled_exception();
            if (!handled) {
              set_error(rt.types.RuntimeError, "No active exception to reraise");
              goto error;
            }
            raise(handled);
            reraise = true;
            goto error;
          }
          if (type_of(exc) == rt.types.type && is_subtype(static_cast<TypeObject*>(exc), rt.types.BaseException)) {
            Object* instance = object_call(exc, nullptr, 0, nullptr);
            decref(exc);
            if (!instance) {
              xdecref(cause);
              goto error;
            }
            exc = instance;
          }
          if (!is_instance(exc, rt.types.BaseException)) {
            decref(exc);
            xdecref(cause);
            set_error(rt.types.TypeError, "exceptions must derive from BaseException");
            goto error;
          }
          if (cause) {
            auto* e = static_cast<ExceptionObject*>(exc);
            if (cause == rt.none) {
              set_ref(e->cause, static_cast<Object*>(nullptr));
              decref(cause);
            } else {
              if (type_of(cause) == rt.types.type) {
                Object* instance = object_call(cause, nullptr, 0, nullptr);
                decref(cause);
                if (!instance) {
                  decref(exc);
                  goto error;
                }
                cause = instance;
              }
              set_ref(e->cause, cause);
            }
            e->suppress_context = 1;
          }
          raise(exc);
          decref(exc);
          goto error;
        }
        case Op::RERAISE: {
          // The values below the exception stay for the unwinder to pop; with
          // an argument, the lasti among them becomes the frame's again.
          Object* exc = pop();
          if (arg && int_is_int(top(arg))) int_as_i64(static_cast<IntObject*>(top(arg)), &reraise_lasti);
          raise(exc);
          decref(exc);
          reraise = true;
          goto error;
        }
        case Op::BEFORE_WITH: {
          Object* mgr = top(1);
          Object* enter = lookup_special(mgr, "__enter__");
          if (!enter) {
            if (!error_occurred()) {
              set_error(rt.types.TypeError, "'%s' object does not support the context manager protocol",
                        type_name(mgr));
            }
            goto error;
          }
          Object* exit = lookup_special(mgr, "__exit__");
          if (!exit) {
            if (!error_occurred()) {
              set_error(rt.types.TypeError,
                        "'%s' object does not support the context manager protocol (missed __exit__ method)",
                        type_name(mgr));
            }
            decref(enter);
            goto error;
          }
          top(1) = exit;
          decref(mgr);
          Object* res = object_call(enter, nullptr, 0, nullptr);
          decref(enter);
          if (!res) {
            decref(pop());
            goto error;
          }
          push(res);
          break;
        }
        case Op::WITH_EXCEPT_START: {
          // [exit, lasti, prev, exc] -> exit(type(exc), exc, tb) pushed.
          Object* exc = top(1);
          Object* tb = static_cast<ExceptionObject*>(exc)->traceback.get();
          Object* args[3] = {type_of(exc), exc, tb ? tb : rt.none};
          Object* res = object_call(top(4), args, 3, nullptr);
          if (!res) goto error;
          push(res);
          break;
        }
        case Op::PUSH_EXC_INFO: {
          Object* exc = top(1);
          top(1) = handled_ ? handled_ : newref(rt.none);
          handled_ = newref(exc);
          push(exc);
          break;
        }
        case Op::POP_EXCEPT: {
          Object* prev = pop();
          Object* old = handled_;
          handled_ = prev == rt.none ? (decref(prev), nullptr) : prev;
          xdecref(old);
          break;
        }
        case Op::CHECK_EXC_MATCH: {
          Object* type = pop();
          Object* exc = top(1);
          bool match = false;
          bool valid = true;
          auto check = [&](Object* t) {
            if (type_of(t) != rt.types.type || !is_subtype(static_cast<TypeObject*>(t), rt.types.BaseException)) {
              valid = false;
              return;
            }
            match |= is_instance(exc, static_cast<TypeObject*>(t));
          };
          if (is_tuple(type)) {
            auto* t = static_cast<TupleObject*>(type);
            for (int64_t i = 0; i < t->size; ++i) check(tuple_item(t, i));
          } else {
            check(type);
          }
          decref(type);
          if (!valid) {
            set_error(rt.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
            goto error;
          }
          push(bool_obj(match));
          break;
        }
        case Op::LOAD_ASSERTION_ERROR:
          push(newref(rt.types.AssertionError));
          break;
        case Op::IMPORT_NAME: {
          // `import a.b` binds the top-level package (kImportTopLevel).
          Object* full = name_at(arg >> 1);
          Object* m = import_module(full);
          if (!m) goto error;
          if (arg & kImportTopLevel) {
            std::string n = str_of(full);
            if (size_t dot = n.find('.'); dot != std::string::npos) m = dict_getitem_str(modules_, intern_str(n.substr(0, dot)));
            if (!m) {
              set_error(rt.types.KeyError, "%s", n.c_str());
              goto error;
            }
          }
          push(newref(m));
          break;
        }
        case Op::IMPORT_FROM: {
          Object* name = name_at(arg);
          Object* v = object_getattr(top(1), name);
          if (!v) {
            if (error_matches(rt.types.AttributeError)) {
              clear_error();
              Object* mname = dict_getitem_str(module_dict(top(1)), intern_str("__name__"));
              set_error(rt.types.ImportError, "cannot import name '%s' from '%s' (unknown location)",
                        str_of(name).c_str(), mname ? str_of(mname).c_str() : "?");
            }
            goto error;
          }
          push(v);
          break;
        }
        case Op::FORMAT_VALUE: {
          Object* spec = arg & kFormatHasSpec ? pop() : nullptr;
          Object* value = pop();
          uint32_t conversion = arg & kFormatConversionMask;
          if (conversion) {
            Object* converted = conversion == kFormatStr ? object_str(value)
                              : conversion == kFormatRepr ? object_repr(value) : object_ascii(value);
            decref(value);
            if (!converted) {
              xdecref(spec);
              goto error;
            }
            value = converted;
          }
          if (type_of(value) == rt.types.str && !spec) {
            push(value);  // format(s) of an exact str is s itself
            break;
          }
          Object* r = object_format(value, spec);
          decref(value);
          xdecref(spec);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::PRINT_EXPR: {
          Object* v = pop();
          if (v != rt.none) {
            std::string text;
            bool ok = repr_utf8(v, &text);
            if (ok) {
              write(Stream::Out, text + "\n");
              ok = dict_setitem(module_dict(builtins_), intern_str("_"), v) == 0;
            }
            decref(v);
            if (!ok) goto error;
          } else {
            decref(v);
          }
          break;
        }
        case Op::RETURN_VALUE:
        case Op::RETURN_CONST: {
          Object* v = instr_op(ins) == Op::RETURN_VALUE ? pop() : newref(tuple_item(consts, arg));
          FrameKind kind = f->kind;
          if (f->generator && (kind == FrameKind::GenFor || kind == FrameKind::GenSend)) {
            // The generator is finished: the FOR_ITER that resumed it drops it
            // and leaves its loop; the SEND gets the return value and goes to
            // its END_SEND.
            pop_frame();
            reload();
            uint32_t target = instr_arg(code[f->pc - 1]);
            if (kind == FrameKind::GenFor) {
              decref(v);
              decref(pop());
            } else {
              push(v);
            }
            f->pc = target;
            break;
          }
          if (f->generator) {
            // The generator is finished: its iteration ends (StopIteration),
            // its value goes to resume_generator.
            pop_frame();
            xdecref(generator_return_);
            generator_return_ = v;
            *result = nullptr;
            return RunState::Done;
          }
          Object* instance = f->init_self;
          f->init_self = nullptr;
          pop_frame();
          if (kind == FrameKind::Module) {
            decref(v);
            clear_frames();
            return RunState::Done;
          }
          if (kind == FrameKind::Init) {
            // Class(...) returns the instance its __init__ initialized.
            reload();
            if (v != rt.none) {
              set_error(rt.types.TypeError, "__init__() should return None, not '%s'", type_name(v));
              decref(v);
              decref(instance);
              goto error;
            }
            decref(v);
            push(instance);
            break;
          }
          if (kind == FrameKind::Boundary) {
            *result = v;
            return RunState::Done;
          }
          reload();
          push(v);
          break;
        }
      }
    }
    continue;
  error:
    // Unwind to the innermost handler, adding a traceback entry for each
    // frame the exception passes through (not again for a re-raise).
    for (;;) {
      Object* exc = rt.current_exception;
      if (!reraise) {
        Object* handled = handled_exception();
        if (handled && handled != exc && is_instance(exc, rt.types.BaseException)) {
          auto* e = static_cast<ExceptionObject*>(exc);
          if (!e->context) e->context.set(newref(handled));
        }
        add_traceback(exc, *f, f->pc - 1);
      }
      reraise = false;
      const ExceptionHandler* h = code_find_handler(f->code, f->pc - 1);
      int64_t frame_lasti = reraise_lasti >= 0 ? reraise_lasti : int64_t(f->pc - 1);
      reraise_lasti = -1;
      if (h) {
        while (sp_ > f->stack_base + h->depth) xdecref(pop());
        if (h->lasti) {
          Object* lasti = int_from_i64(frame_lasti);
          if (!lasti) lasti = newref(rt.none);
          push(lasti);
        }
        push(fetch_error());
        f->pc = h->target;
        break;
      }
      if (f->generator && is_instance(exc, rt.types.StopIteration)) {
        // PEP 479: a StopIteration leaving a generator becomes a RuntimeError.
        Object* stop = fetch_error();
        set_error(rt.types.RuntimeError, "generator raised StopIteration");
        if (is_instance(rt.current_exception, rt.types.RuntimeError)) {
          auto* e = static_cast<ExceptionObject*>(rt.current_exception);
          set_ref(e->cause, newref(stop));
          set_ref(e->context, newref(stop));
          e->suppress_context = 1;
        }
        decref(stop);
      }
      FrameKind kind = f->kind;
      pop_frame();
      if (kind == FrameKind::Module) return fail_with_uncaught();
      if (kind == FrameKind::Boundary) {
        *result = nullptr;
        return RunState::Error;
      }
      reload();
    }
  }
  return RunState::Paused;
}

}  // namespace heaplab
