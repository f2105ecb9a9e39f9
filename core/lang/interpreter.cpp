#include "core/lang/interpreter.h"

#include <algorithm>
#include <cstring>

#include "core/lang/compiler.h"
#include "core/lang/parser.h"
#include "core/lang/suggestions.h"
#include "core/lang/traceback_format.h"
#include "core/lib/builtin_modules.h"
#include "core/lib/builtins_module.h"
#include "core/lib/sys_module.h"
#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

Interpreter* g_interpreter = nullptr;

Interpreter::Interpreter(const SessionConfig& config) : rt(config.memory_limit, config.track_objects) {
  g_interpreter = this;
  init_code_type();
  builtins_ = make_builtins_module();
  sys_ = make_sys_module();
  modules_ = dict_new();
  dict_setitem(modules_, intern_str("builtins"), builtins_);
  dict_setitem(modules_, intern_str("sys"), sys_);
  main_ = new_module("__main__");
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
  if (!output_.empty() && output_.back().stream == stream) {
    output_.back().text.append(text);
  } else {
    output_.push_back({stream, std::string(text)});
  }
}

std::vector<OutputChunk> Interpreter::take_output() {
  std::vector<OutputChunk> out;
  out.swap(output_);
  return out;
}

Object* Interpreter::import_module(Object* name) {
  if (Object* m = dict_getitem_str(modules_, name)) return m;
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  const BuiltinModule* builtin = find_builtin_module(n);
  if (!builtin) {
    set_error(rt.types.ModuleNotFoundError, "No module named '%s'", n.c_str());
    return nullptr;
  }
  Object* m = builtin->make();
  if (!m) return nullptr;
  int r = dict_setitem(modules_, name, m);
  decref(m);
  return r < 0 ? nullptr : m;
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
  std::string fname(filename);
  ParseResult parsed = parse(source, mode == SourceMode::File ? ParseMode::File : ParseMode::Interactive);
  if (parsed.error) {
    const SyntaxErrorInfo& e = *parsed.error;
    return report_compile_error(e.type, e.msg, fname, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text);
  }
  if (!parsed.mod) return report_compile_error("SyntaxError", "invalid syntax", fname, 1, 1, 0, 0, "");
  if (mode == SourceMode::File) sources_[fname] = std::string(source);
  if (parsed.unsupported) {
    std::string line = source_line(fname, parsed.unsupported->lineno);
    std::string out = "Traceback (most recent call last):\n";
    out += "  File \"" + fname + "\", line " + std::to_string(parsed.unsupported->lineno) + ", in <module>\n";
    if (!line.empty()) {
      size_t first = line.find_first_not_of(" \t");
      out += "    " + line.substr(first == std::string::npos ? 0 : first) + "\n";
    }
    out += "NotImplementedError: " + parsed.unsupported->message + "\n";
    write(Stream::Err, out);
    state_ = RunState::Error;
    return state_;
  }
  CompileResult compiled = compile_module(parsed.mod, fname);
  if (compiled.error) {
    const CompileError& e = *compiled.error;
    std::string line = source_line(fname, e.lineno);
    if (e.type == "SyntaxError") {
      return report_compile_error(e.type, e.msg, fname, e.lineno, e.col_offset + 1, e.lineno, e.col_offset + 2,
                                  line.empty() ? line : line + "\n");
    }
    std::string out = "Traceback (most recent call last):\n";
    out += "  File \"" + fname + "\", line " + std::to_string(e.lineno) + ", in <module>\n";
    if (!line.empty()) {
      size_t first = line.find_first_not_of(" \t");
      out += "    " + line.substr(first == std::string::npos ? 0 : first) + "\n";
    }
    out += e.type + ": " + e.msg + "\n";
    write(Stream::Err, out);
    state_ = RunState::Error;
    return state_;
  }
  if (!compiled.code) return fail_with_uncaught();
  Object* globals = module_dict(main_);
  frames_.push_back({compiled.code, newref(globals), newref(globals), stack_.size(), 0});
  state_ = RunState::Paused;
  return state_;
}

void Interpreter::clear_frames() {
  for (Object* o : stack_) xdecref(o);
  stack_.clear();
  for (Frame& f : frames_) {
    decref(f.code);
    decref(f.globals);
    decref(f.locals);
  }
  frames_.clear();
  for (TracebackEntry& t : traceback_) decref(t.code);
  traceback_.clear();
}

void Interpreter::record_traceback() {
  Frame& f = frames_.back();
  traceback_.push_back({newref(f.code), f.pc - 1});
}

void Interpreter::print_exception(Object* exc) {
  std::string out;
  if (!traceback_.empty()) {
    out += "Traceback (most recent call last):\n";
    for (auto it = traceback_.rbegin(); it != traceback_.rend(); ++it) {
      CodeObject* code = it->code;
      const SourcePos& p = code_position(code, it->pc);
      std::string filename = str_to_utf8(static_cast<StrObject*>(code->filename.get()));
      std::string scope = str_to_utf8(static_cast<StrObject*>(code->name.get()));
      out += format_traceback_entry(filename, p.lineno, scope, source_line(filename, p.lineno), p.end_lineno, p.col,
                                    p.end_col);
    }
  }
  std::string msg = exception_message(exc);
  if (error_occurred()) {
    clear_error();
    msg = "<exception str() failed>";
  }
  out += type_name(exc);
  if (!msg.empty()) out += ": " + msg;
  if (is_instance(exc, rt.types.NameError) && !is_instance(exc, rt.types.UnboundLocalError)) out += name_suggestion(exc);
  out += "\n";
  write(Stream::Err, out);
}

// As CPython's traceback printer: candidates from the failing frame's
// locals, then its globals, then the builtins, each in insertion order.
std::string Interpreter::name_suggestion(Object* exc) const {
  auto* args = static_cast<TupleObject*>(static_cast<ExceptionObject*>(exc)->args.get());
  if (!args || args->size != 1 || !is_str(tuple_item(args, 0))) return {};
  std::string msg = str_to_utf8(static_cast<StrObject*>(tuple_item(args, 0)));
  const std::string prefix = "name '", suffix = "' is not defined";
  if (msg.rfind(prefix, 0) != 0 || msg.size() < prefix.size() + suffix.size()) return {};
  std::string name = msg.substr(prefix.size(), msg.size() - prefix.size() - suffix.size());
  for (Object* namespace_dict : {module_dict(main_), module_dict(main_), module_dict(builtins_)}) {
    std::vector<std::string> candidates;
    int64_t pos = 0;
    Object *key, *value;
    while (dict_next(namespace_dict, &pos, &key, &value))
      if (is_str(key)) candidates.push_back(str_to_utf8(static_cast<StrObject*>(key)));
    std::string best = suggest_name(name, candidates);
    if (!best.empty()) return ". Did you mean: '" + best + "'?";
  }
  return {};
}

RunState Interpreter::fail_with_uncaught() {
  Object* exc = fetch_error();
  if (exc) {
    print_exception(exc);
    decref(exc);
  }
  clear_frames();
  state_ = RunState::Error;
  return state_;
}

void Interpreter::visit_roots(VisitFn visit, void* arg) const {
  for (Object* o : {builtins_, sys_, modules_, main_})
    if (o) visit(o, arg);
  for (Object* o : stack_)
    if (o) visit(o, arg);
  for (const Frame& f : frames_) {
    visit(f.code, arg);
    visit(f.globals, arg);
    visit(f.locals, arg);
  }
  for (const TracebackEntry& t : traceback_) visit(t.code, arg);
  if (rt.current_exception) visit(rt.current_exception, arg);
}

void Interpreter::reset_main() {
  activate();
  clear_frames();
  clear_error();
  dict_clear(module_dict(main_));
  dict_setitem(module_dict(main_), intern_str("__name__"), intern_str("__main__"));
  state_ = RunState::Idle;
}

// ------------------------------------------------------------------ the VM

RunState Interpreter::run(uint64_t budget) {
  activate();
  if (state_ != RunState::Paused) return state_;
  Frame* f = &frames_.back();
  const Instr* code = code_instrs(f->code);
  TupleObject* consts = static_cast<TupleObject*>(f->code->consts.get());
  TupleObject* names = static_cast<TupleObject*>(f->code->names.get());

  auto push = [this](Object* o) { stack_.push_back(o); };
  auto pop = [this]() {
    Object* o = stack_.back();
    stack_.pop_back();
    return o;
  };
  auto top = [this](size_t n) -> Object*& { return stack_[stack_.size() - n]; };

  while (budget-- > 0) {
    if (rt.interrupt_requested) [[unlikely]] {
      rt.interrupt_requested = false;
      ++f->pc;  // the traceback points at the instruction about to run
      Object* exc = new_exception(rt.types.KeyboardInterrupt, newref(rt.empty_tuple));
      if (exc) {
        raise(exc);
        decref(exc);
      }
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
        case Op::LOAD_NAME:
        case Op::LOAD_GLOBAL: {
          Object* name = tuple_item(names, arg);
          Object* v = dict_getitem_str(f->locals, name);
          if (!v) v = dict_getitem_str(f->globals, name);
          if (!v) v = dict_getitem_str(module_dict(builtins_), name);
          if (!v) {
            if (!error_occurred()) {
              std::string n = str_to_utf8(static_cast<StrObject*>(name));
              set_error(rt.types.NameError, "name '%s' is not defined", n.c_str());
            }
            goto error;
          }
          push(newref(v));
          break;
        }
        case Op::STORE_NAME:
        case Op::STORE_GLOBAL: {
          Object* v = pop();
          int r = dict_setitem(instr_op(ins) == Op::STORE_NAME ? f->locals : f->globals, tuple_item(names, arg), v);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::DELETE_NAME:
        case Op::DELETE_GLOBAL: {
          Object* name = tuple_item(names, arg);
          if (dict_delitem(instr_op(ins) == Op::DELETE_NAME ? f->locals : f->globals, name) < 0) {
            clear_error();
            std::string n = str_to_utf8(static_cast<StrObject*>(name));
            set_error(rt.types.NameError, "name '%s' is not defined", n.c_str());
            goto error;
          }
          break;
        }
        case Op::LOAD_ATTR: {
          Object* name = tuple_item(names, arg >> 1);
          Object* owner = top(1);
          if (arg & kMethodFlag) {
            Object* meth = slots_of(owner).getattr ? nullptr : type_lookup(type_of(owner), name);
            if (meth && is_method_descriptor(meth)) {
              // [owner] -> [method, owner]: no bound method is created.
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
          Object* attr = object_getattr(owner, name);
          if (!attr) goto error;
          decref(owner);
          top(1) = attr;
          break;
        }
        case Op::STORE_ATTR: {
          Object* owner = pop();
          Object* v = pop();
          int r = object_setattr(owner, tuple_item(names, arg), v);
          decref(owner);
          decref(v);
          if (r < 0) goto error;
          break;
        }
        case Op::DELETE_ATTR: {
          Object* owner = pop();
          int r = object_delattr(owner, tuple_item(names, arg));
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
        case Op::BUILD_LIST:
        case Op::BUILD_TUPLE: {
          Object** items = stack_.data() + stack_.size() - arg;
          Object* r;
          if (instr_op(ins) == Op::BUILD_LIST) {
            r = list_from_array_steal(items, arg);
          } else {
            TupleObject* t = tuple_new(arg);
            if (t) {
              for (uint32_t i = 0; i < arg; ++i) tuple_set_item(t, i, items[i]);
            } else {
              for (uint32_t i = 0; i < arg; ++i) decref(items[i]);
            }
            r = t;
          }
          stack_.resize(stack_.size() - arg);
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::LIST_EXTEND: {
          Object* iterable = pop();
          int r = list_extend(top(arg), iterable);
          decref(iterable);
          if (r < 0) goto error;
          break;
        }
        case Op::KW_NAMES:
          kwnames_ = tuple_item(consts, arg);
          break;
        case Op::CALL: {
          size_t total = arg;
          Object** args = stack_.data() + stack_.size() - total;
          Object* method = args[-2];
          Object* callable = args[-1];
          if (method) {
            callable = method;
            --args;
            ++total;
          }
          Object* kwnames = kwnames_;
          kwnames_ = nullptr;
          size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
          Object* r = object_call(callable, args, total - nkw, kwnames);
          size_t n = arg + 2;
          for (size_t i = 0; i < n; ++i) xdecref(pop());
          if (!r) goto error;
          push(r);
          break;
        }
        case Op::JUMP:
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
        case Op::IMPORT_NAME: {
          Object* m = import_module(tuple_item(names, arg));
          if (!m) goto error;
          push(newref(m));
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
          decref(v);
          clear_frames();
          state_ = RunState::Done;
          return state_;
        }
      }
    }
    continue;
  error:
    record_traceback();
    return fail_with_uncaught();
  }
  return RunState::Paused;
}

}  // namespace heaplab
