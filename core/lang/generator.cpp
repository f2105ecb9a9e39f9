#include "core/lang/generator.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/tuple.h"
#include "core/object/function.h"
#include "core/object/gc_header.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

size_t slot_count(GeneratorObject* g) {
  return static_cast<CodeObject*>(g->code.get())->nlocalsplus + g->depth;
}

Object* resume(Object* gen, Object* sent, bool throwing, Object** returned) {
  return g_rt->resume_generator(gen, sent, throwing, returned);
}

// The iterator a generator paused in `yield from` delegates to (borrowed),
// or nullptr (_PyGen_yf): the top of its saved stack at a YIELD_VALUE of a
// yield from.
Object* delegate_of(GeneratorObject* g) {
  if (g->state != GeneratorState::Suspended || g->pc == 0) return nullptr;
  auto* code = static_cast<CodeObject*>(g->code.get());
  Instr paused = code_instrs(code)[g->pc - 1];
  if (instr_op(paused) != Op::YIELD_VALUE || instr_arg(paused) != kYieldFromFlag || g->depth == 0) return nullptr;
  return at<Object>(generator_slots(g)[code->nlocalsplus + g->depth - 1]);
}

// A generator's end as send() and throw() report it: StopIteration, with
// the return value unless it is None.
Object* stop_with(Object* returned) {
  if (returned == none()) {
    set_error_none(g_rt->types.StopIteration);
  } else {
    set_error_object(g_rt->types.StopIteration, returned);
  }
  decref(returned);
  return nullptr;
}

void generator_dealloc(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  gc_untrack(o);
  if (g->weakreflist) clear_weakrefs(o);
  // A paused generator is closed first, running its finally blocks (PEP 442).
  if (g->state == GeneratorState::Suspended && !gc_is_finalized(o)) {
    o->refcnt = 1;
    gc_set_finalized(o);
    slots_of(o).finalize(o);
    if (--o->refcnt != 0) return;  // resurrected
  }
  generator_release_frame(g);
  for (Ref<Object>* r : {&g->name, &g->qualname, &g->code, &g->func, &g->globals}) xdecref(r->get());
  free_object(o);
}

void generator_traverse(Object* o, VisitFn visit, void* arg) {
  auto* g = static_cast<GeneratorObject*>(o);
  for (Ref<Object>* r : {&g->name, &g->qualname, &g->code, &g->func, &g->globals, &g->exc_state})
    if (*r) visit(r->get(), arg);
  Addr* slots = generator_slots(g);
  size_t n = g->state == GeneratorState::Closed ? 0 : slot_count(g);
  for (size_t i = 0; i < n; ++i)
    if (slots[i]) visit(at<Object>(slots[i]), arg);
}

void generator_clear(Object* o) { generator_release_frame(static_cast<GeneratorObject*>(o)); }

Object* generator_iternext(Object* o) {
  Object* returned = nullptr;
  Object* r = resume(o, none(), false, &returned);
  if (returned) {
    if (returned != none()) set_error_object(g_rt->types.StopIteration, returned);
    decref(returned);
  }
  return r;
}

Object* generator_iter(Object* o) { return newref(o); }

Object* generator_repr(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at 0x%llx>", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return str_from_utf8("<generator object " + str_to_utf8(static_cast<StrObject*>(g->qualname.get())) + buf);
}

size_t generator_size_of(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  auto* code = static_cast<CodeObject*>(g->code.get());
  return kGeneratorHeaderSize + (code->nlocalsplus + code->stacksize) * sizeof(Addr);
}

Object* generator_send(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return nullptr;
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->state == GeneratorState::Created && args[0] != none()) {
    return set_error(g_rt->types.TypeError, "can't send non-None value to a just-started generator");
  }
  Object* returned = nullptr;
  Object* r = resume(self, args[0], false, &returned);
  return returned ? stop_with(returned) : r;
}

// Resumes `g` with the current exception raised at its paused yield.
Object* throw_here(Object* g) {
  Object* returned = nullptr;
  Object* r = resume(g, none(), true, &returned);
  return returned ? stop_with(returned) : r;
}

// gen_close_iter: closes what a yield from delegates to; false with an
// exception set on failure.
bool close_delegate(Object* yf);
Object* close_generator(Object* self);

// Throws `exc` (set as the current exception) into `self`, through the
// iterator it delegates to first (_gen_throw); an iterator that is not a
// generator gets throw() called with the arguments given to ours.
Object* throw_into(Object* self, Object* const* thrown, size_t nthrown) {
  auto* g = static_cast<GeneratorObject*>(self);
  Object* yf = delegate_of(g);
  if (!yf) return throw_here(self);
  yf = newref(yf);
  Object* r;
  if (error_matches(g_rt->types.GeneratorExit)) {
    // The delegate is closed, then the generator gets GeneratorExit (or the
    // delegate's failure).
    Object* exc = fetch_error();
    g->state = GeneratorState::Running;
    bool closed = close_delegate(yf);
    g->state = GeneratorState::Suspended;
    decref(yf);
    if (closed) raise(exc);
    decref(exc);
    return throw_here(self);
  }
  g->state = GeneratorState::Running;
  if (is_generator(yf)) {
    r = throw_into(yf, thrown, nthrown);
  } else {
    Object* exc = fetch_error();
    Object* meth = object_getattr(yf, intern_str("throw"));
    if (!meth) {
      g->state = GeneratorState::Suspended;
      decref(yf);
      if (!error_matches(g_rt->types.AttributeError)) {
        decref(exc);
        return nullptr;
      }
      clear_error();
      raise(exc);
      decref(exc);
      return throw_here(self);
    }
    r = object_call(meth, thrown, nthrown, nullptr);
    decref(meth);
    decref(exc);
  }
  g->state = GeneratorState::Suspended;
  decref(yf);
  // The delegate ended (StopIteration with its value) or failed: the
  // generator goes on from its yield from with that.
  return r ? r : throw_here(self);
}

bool close_delegate(Object* yf) {
  if (is_generator(yf)) {
    Object* r = close_generator(yf);
    xdecref(r);
    return r != nullptr;
  }
  Object* close = object_getattr(yf, intern_str("close"));
  if (!close) {
    if (!error_matches(g_rt->types.AttributeError)) return false;
    clear_error();
    return true;
  }
  Object* r = object_call(close, nullptr, 0, nullptr);
  decref(close);
  xdecref(r);
  return r != nullptr;
}

// throw(value) / throw(type[, value[, traceback]]): the exception to raise.
Object* thrown_exception(Object* const* args, size_t nargs) {
  Object* typ = args[0];
  Object* val = nargs > 1 ? args[1] : none();
  if (is_instance(typ, g_rt->types.BaseException)) {
    if (val != none()) return set_error(g_rt->types.TypeError, "instance exception may not have a separate value");
    return newref(typ);
  }
  if (type_of(typ) == g_rt->types.type && is_subtype(static_cast<TypeObject*>(typ), g_rt->types.BaseException)) {
    if (is_instance(val, static_cast<TypeObject*>(typ))) return newref(val);
    if (val == none()) return object_call(typ, nullptr, 0, nullptr);
    if (is_tuple(val)) {
      auto* t = static_cast<TupleObject*>(val);
      std::vector<Object*> items;
      for (int64_t i = 0; i < t->size; ++i) items.push_back(tuple_item(t, i));
      return object_call(typ, items.data(), items.size(), nullptr);
    }
    return object_call(typ, &val, 1, nullptr);
  }
  return set_error(g_rt->types.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                   type_name(typ));
}

Object* generator_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return nullptr;
  Object* exc = thrown_exception(args, nargs);
  if (!exc) return nullptr;
  raise(exc);
  decref(exc);
  return throw_into(self, args, nargs);
}

// gen_close: GeneratorExit raised at the paused yield; the generator must
// not yield again.
Object* close_generator(Object* self) {
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->state == GeneratorState::Closed) return none();
  // Not started, or paused outside any try block: nothing can see a
  // GeneratorExit, so the frame is just cleared (as 3.12's gen_close does).
  Object* yf = delegate_of(g);
  if (g->state == GeneratorState::Created ||
      (!yf && !code_find_handler(static_cast<CodeObject*>(g->code.get()), g->pc - 1))) {
    generator_release_frame(g);
    return none();
  }
  bool closed = true;
  if (yf) {
    yf = newref(yf);
    g->state = GeneratorState::Running;
    closed = close_delegate(yf);
    g->state = GeneratorState::Suspended;
    decref(yf);
  }
  if (closed) set_error_none(g_rt->types.GeneratorExit);
  Object* returned = nullptr;
  Object* r = resume(self, none(), true, &returned);
  if (r) {
    decref(r);
    return set_error(g_rt->types.RuntimeError, "generator ignored GeneratorExit");
  }
  if (returned) {
    decref(returned);
    return none();
  }
  if (error_matches(g_rt->types.StopIteration) || error_matches(g_rt->types.GeneratorExit)) {
    clear_error();
    return none();
  }
  return nullptr;
}

Object* generator_close(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  return close_generator(self);
}

// _PyGen_Finalize: a paused generator is closed; a failure is unraisable.
void generator_finalize(Object* o) {
  if (static_cast<GeneratorObject*>(o)->state != GeneratorState::Suspended) return;
  Object* saved = fetch_error();
  Object* r = close_generator(o);
  if (r) {
    decref(r);
  } else if (error_occurred()) {
    write_unraisable(nullptr, o);
  }
  if (saved) {
    raise(saved);
    decref(saved);
  }
}

Object* generator_getattr(Object* o, Object* name) {
  auto* g = static_cast<GeneratorObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__name__") return newref(g->name.get());
  if (n == "__qualname__") return newref(g->qualname.get());
  if (n == "gi_code") return newref(g->code.get());
  if (n == "gi_running") return bool_obj(g->state == GeneratorState::Running);
  if (n == "gi_suspended") return bool_obj(g->state == GeneratorState::Suspended);
  if (n == "gi_yieldfrom") {
    Object* yf = delegate_of(g);
    return newref(yf ? yf : none());
  }
  return generic_getattr(o, name);
}

const NativeFunctionDef kGeneratorMethods[] = {
    {"send", generator_send}, {"throw", generator_throw}, {"close", generator_close}};

TypeSlots generator_slots_table;

}  // namespace

GeneratorObject* new_generator(Object* func_obj, Object** locals, size_t n) {
  auto* func = static_cast<FunctionObject*>(func_obj);
  auto* code = static_cast<CodeObject*>(func->code.get());
  size_t size = kGeneratorHeaderSize + (code->nlocalsplus + code->stacksize) * sizeof(Addr);
  auto* g = static_cast<GeneratorObject*>(new_object(g_rt->types.generator, size));
  if (!g) return nullptr;
  g->name.set(newref(func->name.get()));
  g->qualname.set(newref(func->qualname.get()));
  g->code.set(newref(static_cast<Object*>(code)));
  g->func.set(newref(func_obj));
  g->globals.set(newref(func->globals.get()));
  Addr* slots = generator_slots(g);
  for (size_t i = 0; i < n; ++i) slots[i] = addr_of(locals[i]);  // the references move in
  g->state = GeneratorState::Created;
  gc_track(g);
  return g;
}

bool is_generator(const Object* o) { return type_of(o) == g_rt->types.generator; }

void generator_release_frame(GeneratorObject* g) {
  Addr* slots = generator_slots(g);
  size_t n = slot_count(g);
  for (size_t i = 0; i < n; ++i) {
    Object* o = at<Object>(slots[i]);
    slots[i] = 0;
    xdecref(o);
  }
  g->depth = 0;
  g->state = GeneratorState::Closed;
  set_ref(g->exc_state, static_cast<Object*>(nullptr));
}

void init_generator_type() {
  TypeSlots& s = generator_slots_table;
  s.name = "generator";
  s.dealloc = generator_dealloc;
  s.traverse = generator_traverse;
  s.clear = generator_clear;
  s.finalize = generator_finalize;
  s.iter = generator_iter;
  s.iternext = generator_iternext;
  s.repr = generator_repr;
  s.size_of = generator_size_of;
  s.getattr = generator_getattr;
  s.finalize = generator_finalize;
  register_type_slots(g_rt->types.generator, &generator_slots_table);
  g_rt->types.generator->weaklistoffset = offsetof(GeneratorObject, weakreflist);
  add_methods(g_rt->types.generator, kGeneratorMethods, std::size(kGeneratorMethods));
}

}  // namespace heaplab
