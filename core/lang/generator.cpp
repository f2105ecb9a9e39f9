#include "core/lang/generator.h"

#include <cstdio>
#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
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

void release_frame(GeneratorObject* g) {
  Addr* slots = generator_slots(g);
  size_t n = slot_count(g);
  for (size_t i = 0; i < n; ++i) {
    Object* o = at<Object>(slots[i]);
    slots[i] = 0;
    xdecref(o);
  }
  g->depth = 0;
  g->state = GeneratorState::Closed;
}

void generator_dealloc(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  gc_untrack(o);
  if (g->weakreflist) clear_weakrefs(o);
  release_frame(g);
  for (Ref<Object>* r : {&g->name, &g->qualname, &g->code, &g->func, &g->globals}) xdecref(r->get());
  free_object(o);
}

void generator_traverse(Object* o, VisitFn visit, void* arg) {
  auto* g = static_cast<GeneratorObject*>(o);
  for (Ref<Object>* r : {&g->name, &g->qualname, &g->code, &g->func, &g->globals})
    if (*r) visit(r->get(), arg);
  Addr* slots = generator_slots(g);
  size_t n = g->state == GeneratorState::Closed ? 0 : slot_count(g);
  for (size_t i = 0; i < n; ++i)
    if (slots[i]) visit(at<Object>(slots[i]), arg);
}

void generator_clear(Object* o) { release_frame(static_cast<GeneratorObject*>(o)); }

Object* generator_iternext(Object* o) { return g_rt->resume_generator(o, none()); }

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
  Object* r = g_rt->resume_generator(self, args[0]);
  if (!r && !error_occurred()) set_error(g_rt->types.StopIteration, "%s", "");
  return r;
}

// Raises `exc` (borrowed: an exception instance or class) at the paused
// yield; the generator's next value, or nullptr with an exception set.
Object* throw_into(GeneratorObject* g, Object* exc) {
  Object* instance = nullptr;
  if (type_of(exc) == g_rt->types.type && is_subtype(static_cast<TypeObject*>(exc), g_rt->types.BaseException)) {
    instance = object_call(exc, nullptr, 0, nullptr);
    if (!instance) return nullptr;
  } else if (is_instance(exc, g_rt->types.BaseException)) {
    instance = newref(exc);
  } else {
    return set_error(g_rt->types.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     type_name(exc));
  }
  raise(instance);
  decref(instance);
  if (g->state != GeneratorState::Suspended) {
    // Not started or finished: nothing catches it inside.
    if (g->state == GeneratorState::Created) release_frame(g);
    return nullptr;
  }
  return g_rt->resume_generator(g, nullptr);
}

Object* generator_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 1)) return nullptr;
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->state == GeneratorState::Running) return set_error(g_rt->types.ValueError, "generator already executing");
  Object* r = throw_into(g, args[0]);
  if (!r && !error_occurred()) set_error(g_rt->types.StopIteration, "%s", "");
  return r;
}

// Raises GeneratorExit at the paused yield so that its finally blocks run.
Object* generator_close(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->state == GeneratorState::Running) return set_error(g_rt->types.ValueError, "generator already executing");
  if (g->state != GeneratorState::Suspended) {
    release_frame(g);
    return none();
  }
  Object* r = throw_into(g, g_rt->types.GeneratorExit);
  if (r) {
    decref(r);
    return set_error(g_rt->types.RuntimeError, "generator ignored GeneratorExit");
  }
  if (error_occurred() && !error_matches(g_rt->types.GeneratorExit) && !error_matches(g_rt->types.StopIteration))
    return nullptr;
  clear_error();
  return none();
}

Object* generator_getattr(Object* o, Object* name) {
  auto* g = static_cast<GeneratorObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__name__") return newref(g->name.get());
  if (n == "__qualname__") return newref(g->qualname.get());
  if (n == "gi_code") return newref(g->code.get());
  if (n == "gi_running") return bool_obj(g->state == GeneratorState::Running);
  if (n == "gi_suspended") return bool_obj(g->state == GeneratorState::Suspended);
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

void init_generator_type() {
  TypeSlots& s = generator_slots_table;
  s.name = "generator";
  s.dealloc = generator_dealloc;
  s.traverse = generator_traverse;
  s.clear = generator_clear;
  s.iter = generator_iter;
  s.iternext = generator_iternext;
  s.repr = generator_repr;
  s.size_of = generator_size_of;
  s.getattr = generator_getattr;
  register_type_slots(g_rt->types.generator, &generator_slots_table);
  g_rt->types.generator->weaklistoffset = offsetof(GeneratorObject, weakreflist);
  add_methods(g_rt->types.generator, kGeneratorMethods, std::size(kGeneratorMethods));
}

}  // namespace heaplab
