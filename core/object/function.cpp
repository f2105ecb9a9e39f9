#include "core/object/function.h"

#include <cstdio>
#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/method.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/weakref.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

Object* function_refs(FunctionObject* f, int i) {
  Ref<Object>* fields[] = {&f->globals, &f->builtins, &f->name, &f->qualname, &f->code, &f->defaults,
                           &f->kwdefaults, &f->closure, &f->doc, &f->dict, &f->module, &f->annotations,
                           &f->typeparams};
  return fields[i]->get();
}
constexpr int kFunctionRefs = 13;

void function_clear(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  // Names and code stay: a cleared function still has a repr (as CPython).
  for (Ref<Object>* field : {&f->globals, &f->builtins, &f->defaults, &f->kwdefaults, &f->closure, &f->doc,
                             &f->dict, &f->module, &f->annotations, &f->typeparams}) {
    Object* old = field->get();
    field->addr = 0;
    xdecref(old);
  }
}

void function_dealloc(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  gc_untrack(o);
  if (f->weakreflist) clear_weakrefs(o);
  function_clear(o);
  for (Ref<Object>* field : {&f->name, &f->qualname, &f->code}) xdecref(field->get());
  free_object(o);
}

void function_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(o);
  for (int i = 0; i < kFunctionRefs; ++i)
    if (Object* r = function_refs(f, i)) visit(r, arg);
}

Object* function_repr(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at 0x%llx>", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return str_from_utf8("<function " + str_to_utf8(static_cast<StrObject*>(f->qualname.get())) + buf);
}

Object* function_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  return g_rt->call_python(callable, args, nargs, kwnames);
}

Object* function_descr_get(Object* descr, Object* obj, Object*) {
  if (!obj || obj == none()) return newref(descr);
  return new_method(descr, obj);
}

Object* function_getattr(Object* o, Object* name) {
  auto* f = static_cast<FunctionObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  Object* v = nullptr;
  if (n == "__name__") v = f->name.get();
  else if (n == "__qualname__") v = f->qualname.get();
  else if (n == "__code__") v = f->code.get();
  else if (n == "__globals__") v = f->globals.get();
  else if (n == "__module__") v = f->module.get();
  else if (n == "__closure__") v = f->closure.get();
  else if (n == "__defaults__") v = f->defaults.get();
  else if (n == "__kwdefaults__") v = f->kwdefaults.get();
  else if (n == "__doc__") v = f->doc.get();
  else if (n == "__builtins__") v = f->builtins.get();
  else if (n == "__dict__" || n == "__annotations__") {
    // Both dicts are made on first access.
    Ref<Object>& field = n == "__dict__" ? f->dict : f->annotations;
    if (!field || is_tuple(field.get())) {
      // MAKE_FUNCTION leaves annotations as a tuple of name, value pairs.
      Object* d = dict_new();
      if (!d) return nullptr;
      if (auto* pairs = static_cast<TupleObject*>(field.get())) {
        for (int64_t i = 0; i + 1 < pairs->size; i += 2) {
          if (dict_setitem(d, tuple_item(pairs, i), tuple_item(pairs, i + 1)) < 0) {
            decref(d);
            return nullptr;
          }
        }
      }
      set_ref(field, d);
    }
    v = field.get();
  } else if (n == "__type_params__") {
    v = f->typeparams ? f->typeparams.get() : g_rt->empty_tuple;
  } else {
    if (f->dict)
      if (Object* attr = dict_getitem_str(f->dict.get(), name)) return newref(attr);
    return generic_getattr(o, name);
  }
  return newref(v ? v : none());
}

int function_setattr(Object* o, Object* name, Object* value) {
  auto* f = static_cast<FunctionObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  Ref<Object>* field = n == "__name__" ? &f->name : n == "__qualname__" ? &f->qualname : n == "__doc__" ? &f->doc
                     : n == "__module__" ? &f->module : nullptr;
  if (field) {
    if (!value || ((n == "__name__" || n == "__qualname__") && !is_str(value))) {
      set_error(g_rt->types.TypeError, "%s must be set to a string object", n.c_str());
      return -1;
    }
    set_ref(*field, newref(value));
    return 0;
  }
  // Fields that hold one kind of object, or None for "absent".
  struct Typed {
    const char* name;
    Ref<Object>* field;
    TypeObject* type;
    const char* message;
  };
  const Typed typed[] = {
      {"__dict__", &f->dict, g_rt->types.dict, "__dict__ must be set to a dictionary, not a '%s'"},
      {"__annotations__", &f->annotations, g_rt->types.dict, "__annotations__ must be set to a dict object"},
      {"__defaults__", &f->defaults, g_rt->types.tuple, "__defaults__ must be set to a tuple object"},
      {"__kwdefaults__", &f->kwdefaults, g_rt->types.dict, "__kwdefaults__ must be set to a dict object"},
      {"__type_params__", &f->typeparams, g_rt->types.tuple, "__type_params__ must be set to a tuple"},
  };
  for (const Typed& t : typed) {
    if (n != t.name) continue;
    bool may_be_none = t.field != &f->dict && t.field != &f->typeparams;
    if (value == none() && may_be_none) value = nullptr;
    if (!value && !may_be_none) {
      set_error(g_rt->types.TypeError, "%s",
                t.field == &f->dict ? "cannot delete __dict__" : "__type_params__ must be set to a tuple");
      return -1;
    }
    if (value && !is_instance(value, t.type)) {
      set_error(g_rt->types.TypeError, t.message, type_name(value));
      return -1;
    }
    set_ref(*t.field, value ? newref(value) : nullptr);
    return 0;
  }
  if (!f->dict) {
    Object* d = dict_new();
    if (!d) return -1;
    f->dict.set(d);
  }
  if (value) return dict_setitem(f->dict.get(), name, value);
  if (dict_delitem(f->dict.get(), name) < 0) {
    clear_error();
    set_error(g_rt->types.AttributeError, "'function' object has no attribute '%s'", n.c_str());
    return -1;
  }
  return 0;
}

void cell_dealloc(Object* o) {
  gc_untrack(o);
  xdecref(static_cast<CellObject*>(o)->ref.get());
  free_object(o);
}

void cell_traverse(Object* o, VisitFn visit, void* arg) {
  if (Object* r = static_cast<CellObject*>(o)->ref.get()) visit(r, arg);
}

void cell_clear(Object* o) {
  auto* c = static_cast<CellObject*>(o);
  Object* old = c->ref.get();
  c->ref.addr = 0;
  xdecref(old);
}

Object* cell_repr(Object* o) {
  auto* c = static_cast<CellObject*>(o);
  char buf[160];
  if (!c->ref) {
    std::snprintf(buf, sizeof buf, "<cell at 0x%llx: empty>", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  } else {
    std::snprintf(buf, sizeof buf, "<cell at 0x%llx: %s object at 0x%llx>",
                  static_cast<unsigned long long>(kIdBase + addr_of(o)), type_name(c->ref.get()),
                  static_cast<unsigned long long>(kIdBase + c->ref.addr));
  }
  return str_from_utf8(buf);
}

Object* cell_getattr(Object* o, Object* name) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "cell_contents") {
    Object* v = static_cast<CellObject*>(o)->ref.get();
    if (!v) return set_error(g_rt->types.ValueError, "Cell is empty");
    return newref(v);
  }
  return generic_getattr(o, name);
}

TypeSlots function_slots, cell_slots;

}  // namespace

bool is_function(const Object* o) { return type_of(o) == g_rt->types.function; }

FunctionObject* new_function(Object* code, Object* globals, Object* builtins, Object* qualname) {
  auto* f = static_cast<FunctionObject*>(new_object(g_rt->types.function, sizeof(FunctionObject)));
  if (!f) return nullptr;
  f->code.set(newref(code));
  f->globals.set(newref(globals));
  f->builtins.set(newref(builtins));
  f->qualname.set(newref(qualname));
  // The short name is the last component of the qualified name.
  std::string q = str_to_utf8(static_cast<StrObject*>(qualname));
  size_t dot = q.rfind('.');
  Object* name = dot == std::string::npos ? newref(qualname) : static_cast<Object*>(intern_str(q.substr(dot + 1)));
  f->name.set(name);
  Object* module = dict_getitem_str(globals, intern_str("__name__"));
  f->module.set(newref(module ? module : none()));
  f->doc.set(none());
  gc_track(f);
  return f;
}

CellObject* new_cell(Object* value) {
  auto* c = static_cast<CellObject*>(new_object(g_rt->types.cell, sizeof(CellObject)));
  if (!c) return nullptr;
  if (value) c->ref.set(newref(value));
  gc_track(c);
  return c;
}

void init_function_types() {
  TypeSlots& f = function_slots;
  f.name = "function";
  f.dealloc = function_dealloc;
  f.traverse = function_traverse;
  f.clear = function_clear;
  f.repr = function_repr;
  f.call = function_call;
  f.descr_get = function_descr_get;
  f.getattr = function_getattr;
  f.setattr = function_setattr;
  f.hash = slots_of(g_rt->types.object).hash;
  register_type_slots(g_rt->types.function, &function_slots);
  g_rt->types.function->weaklistoffset = offsetof(FunctionObject, weakreflist);

  TypeSlots& c = cell_slots;
  c.name = "cell";
  c.dealloc = cell_dealloc;
  c.traverse = cell_traverse;
  c.clear = cell_clear;
  c.repr = cell_repr;
  c.getattr = cell_getattr;
  register_type_slots(g_rt->types.cell, &cell_slots);
}

}  // namespace heaplab
