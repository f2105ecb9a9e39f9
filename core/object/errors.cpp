#include "core/object/errors.h"

#include <cstdio>
#include <cstring>
#include <deque>
#include <string>

#include "core/object/abstract.h"
#include "core/object/gc_header.h"
#include "core/object/instance_dict.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct ExceptionSpec {
  TypeObject* BuiltinTypes::*field;
  TypeObject* BuiltinTypes::*base;
  const char* name;
  int extra_fields = 0;  // fields the type adds to its parent's layout
};

// The hierarchy of Objects/exceptions.c, parents before children.
const ExceptionSpec kExceptions[] = {
    {&BuiltinTypes::BaseException, &BuiltinTypes::object, "BaseException"},
    {&BuiltinTypes::Exception, &BuiltinTypes::BaseException, "Exception"},
    {&BuiltinTypes::KeyboardInterrupt, &BuiltinTypes::BaseException, "KeyboardInterrupt"},
    {&BuiltinTypes::SystemExit, &BuiltinTypes::BaseException, "SystemExit", 1},
    {&BuiltinTypes::GeneratorExit, &BuiltinTypes::BaseException, "GeneratorExit"},
    {&BuiltinTypes::ArithmeticError, &BuiltinTypes::Exception, "ArithmeticError"},
    {&BuiltinTypes::ZeroDivisionError, &BuiltinTypes::ArithmeticError, "ZeroDivisionError"},
    {&BuiltinTypes::OverflowError, &BuiltinTypes::ArithmeticError, "OverflowError"},
    {&BuiltinTypes::LookupError, &BuiltinTypes::Exception, "LookupError"},
    {&BuiltinTypes::IndexError, &BuiltinTypes::LookupError, "IndexError"},
    {&BuiltinTypes::KeyError, &BuiltinTypes::LookupError, "KeyError"},
    {&BuiltinTypes::TypeError, &BuiltinTypes::Exception, "TypeError"},
    {&BuiltinTypes::ValueError, &BuiltinTypes::Exception, "ValueError"},
    {&BuiltinTypes::UnicodeError, &BuiltinTypes::ValueError, "UnicodeError"},
    {&BuiltinTypes::NameError, &BuiltinTypes::Exception, "NameError", 1},
    {&BuiltinTypes::UnboundLocalError, &BuiltinTypes::NameError, "UnboundLocalError"},
    {&BuiltinTypes::AttributeError, &BuiltinTypes::Exception, "AttributeError", 2},
    {&BuiltinTypes::RuntimeError, &BuiltinTypes::Exception, "RuntimeError"},
    {&BuiltinTypes::RecursionError, &BuiltinTypes::RuntimeError, "RecursionError"},
    {&BuiltinTypes::NotImplementedError, &BuiltinTypes::RuntimeError, "NotImplementedError"},
    {&BuiltinTypes::MemoryError, &BuiltinTypes::Exception, "MemoryError"},
    {&BuiltinTypes::StopIteration, &BuiltinTypes::Exception, "StopIteration", 1},
    {&BuiltinTypes::SyntaxError, &BuiltinTypes::Exception, "SyntaxError", 8},
    {&BuiltinTypes::IndentationError, &BuiltinTypes::SyntaxError, "IndentationError"},
    {&BuiltinTypes::TabError, &BuiltinTypes::IndentationError, "TabError"},
    {&BuiltinTypes::ImportError, &BuiltinTypes::Exception, "ImportError", 4},
    {&BuiltinTypes::ModuleNotFoundError, &BuiltinTypes::ImportError, "ModuleNotFoundError"},
    {&BuiltinTypes::AssertionError, &BuiltinTypes::Exception, "AssertionError"},
    {&BuiltinTypes::SystemError, &BuiltinTypes::Exception, "SystemError"},
};
constexpr size_t kExceptionCount = sizeof(kExceptions) / sizeof(kExceptions[0]);

TypeSlots exception_slots[kExceptionCount];

ExceptionObject* as_exc(Object* o) { return static_cast<ExceptionObject*>(o); }

// BaseException_clear: each field is emptied before its reference is dropped.
void exception_clear(Object* o) {
  ExceptionObject* e = as_exc(o);
  for (Ref<Object>* field : {&e->dict, &e->args, &e->notes, &e->traceback, &e->context, &e->cause})
    set_ref(*field, static_cast<Object*>(nullptr));
}

void exception_dealloc(Object* o) {
  gc_untrack(o);
  exception_clear(o);
  free_object(o);
}

void exception_traverse(Object* o, VisitFn visit, void* arg) {
  ExceptionObject* e = as_exc(o);
  for (Object* r : {e->dict.get(), e->args.get(), e->notes.get(), e->traceback.get(), e->context.get(), e->cause.get()})
    if (r) visit(r, arg);
}

Object* exception_str(Object* o) {
  std::string s = exception_message(o);
  if (error_occurred()) return nullptr;
  return str_from_utf8(s);
}

Object* exception_repr(Object* o) {
  auto* args = static_cast<TupleObject*>(as_exc(o)->args.get());
  std::string out = type_name(o);
  std::string inner;
  if (args && args->size == 1) {
    if (!repr_utf8(tuple_item(args, 0), &inner)) return nullptr;
    out += "(" + inner + ")";
  } else if (args && args->size > 1) {
    if (!repr_utf8(args, &inner)) return nullptr;
    out += inner;
  } else {
    out += "()";
  }
  return str_from_utf8(out);
}

Object* exception_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) return set_error(g_rt->types.TypeError, "%s() takes no keyword arguments", type_name(type));
  Object* t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  return new_exception(type, t);
}

// BaseException_new: the arguments become args; keywords are left to __init__.
Object* exception_new_instance(TypeObject* type, Object* const* args, size_t nargs, Object*) {
  Object* t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  Object* e = new_exception(type, t);
  if (e && (type->flags & kTypeManagedDict) && type->cached_keys && !instance_init_values(e, type->cached_keys)) {
    decref(e);
    return nullptr;
  }
  return e;
}

// BaseException_init: args again (a class's __init__ may pass others on).
int exception_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames && static_cast<TupleObject*>(kwnames)->size) {
    set_error(g_rt->types.TypeError, "%s() takes no keyword arguments", type_name(self));
    return -1;
  }
  Object* t = tuple_from_array(args, nargs);
  if (!t) return -1;
  set_ref(as_exc(self)->args, t);
  return 0;
}

Object* exception_getattr(Object* o, Object* name) {
  ExceptionObject* e = as_exc(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  Object* v = nullptr;
  if (n == "args") v = e->args.get();
  else if (n == "__cause__") v = e->cause.get();
  else if (n == "__context__") v = e->context.get();
  else if (n == "__traceback__") v = e->traceback.get();
  else if (n == "value" && is_instance(o, g_rt->types.StopIteration)) {
    auto* args = static_cast<TupleObject*>(e->args.get());
    v = args && args->size > 0 ? tuple_item(args, 0) : nullptr;
  }
  else if (n == "__suppress_context__") return bool_obj(e->suppress_context != 0);
  else return generic_getattr(o, name);
  return newref(v ? v : none());
}

// The chaining fields are writable: contextlib.ExitStack and `raise ... from`
// logic in Python code set them.
int exception_setattr(Object* o, Object* name, Object* value) {
  ExceptionObject* e = as_exc(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__suppress_context__") {
    int t = value ? object_is_true(value) : 0;
    if (t < 0) return -1;
    e->suppress_context = uint64_t(t);
    return 0;
  }
  Ref<Object>* field = n == "__context__" ? &e->context : n == "__cause__" ? &e->cause
                     : n == "__traceback__" ? &e->traceback : nullptr;
  if (!field) {
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
    return -1;
  }
  if (!value) {
    set_error(g_rt->types.TypeError, "%s may not be deleted", n.c_str());
    return -1;
  }
  if (value == none()) value = nullptr;
  if (field == &e->traceback) {
    if (value && type_of(value) != g_rt->types.traceback) {
      set_error(g_rt->types.TypeError, "__traceback__ must be a traceback or None");
      return -1;
    }
  } else if (value && !is_instance(value, g_rt->types.BaseException)) {
    set_error(g_rt->types.TypeError, "exception %s must be None or derive from BaseException",
              field == &e->cause ? "cause" : "context");
    return -1;
  }
  if (field == &e->cause) e->suppress_context = 1;
  set_ref(*field, value ? newref(value) : nullptr);
  return 0;
}

}  // namespace

void create_exception_type_objects() {
  for (const auto& spec : kExceptions) g_rt->types.*spec.field = new_static_type();
}

void init_exception_types() {
  for (size_t i = 0; i < kExceptionCount; ++i) {
    const ExceptionSpec& spec = kExceptions[i];
    TypeObject* t = g_rt->types.*spec.field;
    t->type.set(g_rt->types.type);
    t->base.set(g_rt->types.*spec.base);
    // A subclass has its parent's layout plus the fields it adds (3.12's
    // PyAttributeErrorObject, PyNameErrorObject, PyImportErrorObject, ...).
    TypeObject* parent = g_rt->types.*spec.base;
    t->basicsize = (parent->flags & kTypeBaseExcSubclass ? parent->basicsize : sizeof(ExceptionObject)) +
                   spec.extra_fields * sizeof(Addr);
    t->flags = kTypeHaveGC | kTypeBaseType | kTypeBaseExcSubclass;
    TypeSlots& s = exception_slots[i];
    s.name = spec.name;
    s.dealloc = exception_dealloc;
    s.traverse = exception_traverse;
    s.clear = exception_clear;
    s.repr = exception_repr;
    s.str = exception_str;
    s.getattr = exception_getattr;
    s.setattr = exception_setattr;
    s.construct = exception_construct;
    s.new_instance = exception_new_instance;
    s.init = exception_init;
    register_type_slots(t, &s);
  }

}

TypeObject* new_exception_type(const char* name, TypeObject* base) {
  // One slots table per name, shared by every runtime (register_type_slots
  // keeps one index per table).
  static std::deque<TypeSlots> extra_slots;
  TypeSlots* slots = nullptr;
  for (TypeSlots& s : extra_slots)
    if (std::strcmp(s.name, name) == 0) slots = &s;
  if (!slots) {
    slots = &extra_slots.emplace_back(slots_of(base));
    slots->name = name;
  }
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(base);
  t->basicsize = base->basicsize;
  t->flags = base->flags;
  register_type_slots(t, slots);
  return t;
}

Object* new_exception(TypeObject* type, Object* args) {
  auto* e = static_cast<ExceptionObject*>(new_object(type, type->basicsize));
  if (!e) {
    decref(args);
    return nullptr;
  }
  e->args.set(args);
  gc_track(e);
  return e;
}

void raise(Object* exc) {
  Object* old = g_rt->current_exception;
  g_rt->current_exception = newref(exc);
  xdecref(old);
}

Object* set_error_object(TypeObject* type, Object* value) {
  Object* args = tuple_from_array(&value, 1);
  if (!args) return nullptr;
  Object* exc = new_exception(type, args);
  if (!exc) return nullptr;
  raise(exc);
  decref(exc);
  return nullptr;
}

Object* set_error(TypeObject* type, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Object* msg = str_from_utf8(buf);
  if (!msg) return nullptr;
  set_error_object(type, msg);
  decref(msg);
  return nullptr;
}

// MemoryError must not need memory: when the instance cannot be allocated,
// the pending exception is the MemoryError type's static stand-in.
Object* set_memory_error() {
  // new_object reports its own failure through here: the nested call must
  // not try to allocate again (it would recurse until the stack overflows).
  static bool allocating = false;
  Object* args = g_rt->empty_tuple;
  ExceptionObject* e = nullptr;
  if (!allocating) {
    allocating = true;
    e = static_cast<ExceptionObject*>(new_object(g_rt->types.MemoryError, sizeof(ExceptionObject)));
    allocating = false;
  }
  if (!e) {
    Object* old = g_rt->current_exception;
    g_rt->current_exception = g_rt->memory_error_instance;
    xdecref(old);
    return nullptr;
  }
  e->args.set(newref(args));
  gc_track(e);
  raise(e);
  decref(e);
  return nullptr;
}

bool error_occurred() { return g_rt->current_exception != nullptr; }

bool error_matches(TypeObject* type) {
  return g_rt->current_exception && is_instance(g_rt->current_exception, type);
}

Object* fetch_error() {
  Object* e = g_rt->current_exception;
  g_rt->current_exception = nullptr;
  return e;
}

void clear_error() { xdecref(fetch_error()); }

std::string exception_message(Object* exc) {
  auto* args = static_cast<TupleObject*>(as_exc(exc)->args.get());
  std::string out;
  if (!args || args->size == 0) return out;
  if (args->size == 1) {
    Object* a = tuple_item(args, 0);
    if (is_instance(exc, g_rt->types.KeyError)) repr_utf8(a, &out);
    else str_utf8(a, &out);
    return out;
  }
  str_utf8(args, &out);
  return out;
}

}  // namespace heaplab
