#include "core/object/native_function.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/abstract.h"
#include "core/object/gc_header.h"
#include "core/object/module.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// Definitions are registered once per process, in a fixed order, so an index
// means the same function natively and in WebAssembly.
std::vector<const NativeFunctionDef*>& def_table() {
  static std::vector<const NativeFunctionDef*> table;
  return table;
}

uint64_t def_index(const NativeFunctionDef* def) {
  auto& table = def_table();
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i] == def) return i;
  table.push_back(def);
  return table.size() - 1;
}

void builtin_function_dealloc(Object* o) {
  gc_untrack(o);
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  if (f->weakreflist) clear_weakrefs(o);
  xdecref(f->self.get());
  xdecref(f->module.get());
  free_object(o);
}

void builtin_function_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  if (f->self) visit(f->self.get(), arg);
  if (f->module) visit(f->module.get(), arg);
}

Object* builtin_function_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* f = static_cast<BuiltinFunctionObject*>(callable);
  return native_def(f->def_index).fn(f->self.get(), args, nargs, kwnames);
}

Object* builtin_function_repr(Object* o) {
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  const NativeFunctionDef& def = native_def(f->def_index);
  Object* self = f->self.get();
  char buf[256];
  if (!self || type_of(self) == g_rt->types.module) {
    std::snprintf(buf, sizeof buf, "<built-in function %s>", def.name);
  } else {
    std::snprintf(buf, sizeof buf, "<built-in method %s of %s object at 0x%llx>", def.name, type_name(self),
                  static_cast<unsigned long long>(kIdBase + addr_of(self)));
  }
  return str_from_utf8(buf);
}

Object* builtin_function_getattr(Object* o, Object* name) {
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  const NativeFunctionDef& def = native_def(f->def_index);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  Object* self = f->self.get();
  bool of_module = !self || type_of(self) == g_rt->types.module;
  if (n == "__name__") return str_from_utf8(def.name);
  if (n == "__qualname__") {
    if (of_module) return str_from_utf8(def.name);
    TypeObject* owner = type_of(self) == g_rt->types.type ? static_cast<TypeObject*>(self) : type_of(self);
    return str_from_utf8(std::string(type_name(owner)) + "." + def.name);
  }
  if (n == "__module__") {
    if (f->module) return newref(f->module.get());
    if (self && type_of(self) == g_rt->types.module) return newref(static_cast<ModuleObject*>(self)->name.get());
    return newref(none());
  }
  if (n == "__self__") return newref(self ? self : none());
  if (n == "__doc__" || n == "__text_signature__") return newref(none());
  return generic_getattr(o, name);
}

// __name__, __qualname__ ("list.append") and __objclass__ of a method
// descriptor; the rest as any object's.
Object* method_descriptor_getattr(Object* o, Object* name) {
  auto* d = static_cast<MethodDescriptorObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__name__") return newref(d->name.get());
  if (n == "__qualname__") {
    return str_from_utf8(std::string(type_name(d->owner.get())) + "." + str_to_utf8(static_cast<StrObject*>(d->name.get())));
  }
  if (n == "__objclass__") return newref(static_cast<Object*>(d->owner.get()));
  return generic_getattr(o, name);
}

void method_descriptor_dealloc(Object* o) {
  gc_untrack(o);
  auto* d = static_cast<MethodDescriptorObject*>(o);
  xdecref(d->name.get());
  xdecref(d->qualname.get());
  free_object(o);
}

void method_descriptor_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<MethodDescriptorObject*>(o);
  if (d->name) visit(d->name.get(), arg);
  if (d->qualname) visit(d->qualname.get(), arg);
}

Object* method_descriptor_repr(Object* o) {
  auto* d = static_cast<MethodDescriptorObject*>(o);
  char buf[256];
  std::snprintf(buf, sizeof buf, "<method '%s' of '%s' objects>", native_def(d->def_index).name,
                type_name(d->owner.get()));
  return str_from_utf8(buf);
}

// method_descriptor: binds to an instance of its type as a builtin method.
Object* method_descriptor_get(Object* descr, Object* obj, Object*) {
  auto* d = static_cast<MethodDescriptorObject*>(descr);
  if (!obj) return newref(descr);
  const NativeFunctionDef& def = native_def(d->def_index);
  if (!is_instance(obj, d->owner.get())) {
    return set_error(g_rt->types.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", def.name,
                     type_name(d->owner.get()), type_name(obj));
  }
  return new_builtin_function(&def, obj, nullptr);
}

// classmethod_descriptor: binds to the class, from the class or an instance.
Object* classmethod_descriptor_get(Object* descr, Object* obj, Object* type) {
  Object* owner = type ? type : reinterpret_cast<Object*>(type_of(obj));
  return new_builtin_function(&native_def(static_cast<MethodDescriptorObject*>(descr)->def_index), owner, nullptr);
}

TypeSlots builtin_function_slots, method_descriptor_slots, classmethod_descriptor_slots;

}  // namespace

const NativeFunctionDef& native_def(uint64_t index) { return *def_table()[index]; }

Object* new_builtin_function(const NativeFunctionDef* def, Object* self, Object* module) {
  auto* f = static_cast<BuiltinFunctionObject*>(new_object(g_rt->types.builtin_function, sizeof(BuiltinFunctionObject)));
  if (!f) return nullptr;
  f->def_index = def_index(def);
  if (self) f->self.set(newref(self));
  if (module) f->module.set(newref(module));
  gc_track(f);
  return f;
}

void add_methods(TypeObject* type, const NativeFunctionDef* defs, size_t n) {
  if (!type->dict) type->dict.set(dict_new());
  for (size_t i = 0; i < n; ++i) {
    TypeObject* kind = defs[i].classmethod ? g_rt->types.classmethod_descriptor : g_rt->types.method_descriptor;
    auto* d = static_cast<MethodDescriptorObject*>(new_object(kind, sizeof(MethodDescriptorObject)));
    d->owner.set(type);
    d->def_index = def_index(&defs[i]);
    StrObject* name = intern_str(defs[i].name);
    d->name.set(name);
    gc_track(d);
    dict_setitem(type->dict.get(), name, d);
    decref(d);
  }
}

void add_getters(TypeObject* type, const NativeFunctionDef* defs, size_t n) {
  add_methods(type, defs, n);
  Object* property = g_rt->types.property;
  for (size_t i = 0; i < n; ++i) {
    StrObject* name = intern_str(defs[i].name);
    Object* getter = dict_getitem_str(type->dict.get(), name);
    Object* p = object_call(property, &getter, 1, nullptr);
    if (!p) continue;
    dict_setitem(type->dict.get(), name, p);
    decref(p);
  }
}

bool is_method_descriptor(const Object* o) { return type_of(o) == g_rt->types.method_descriptor; }

Object* call_method_descriptor(Object* descr, Object* const* args, size_t nargs, Object* kwnames) {
  auto* d = static_cast<MethodDescriptorObject*>(descr);
  const NativeFunctionDef& def = native_def(d->def_index);
  if (nargs == 0) {
    return set_error(g_rt->types.TypeError, "unbound method %s.%s() needs an argument", type_name(d->owner.get()),
                     def.name);
  }
  if (!is_instance(args[0], d->owner.get())) {
    return set_error(g_rt->types.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     def.name, type_name(d->owner.get()), type_name(args[0]));
  }
  return def.fn(args[0], args + 1, nargs - 1, kwnames);
}

bool check_no_kwargs(const char* fname, Object* kwnames) {
  if (!kwnames || static_cast<TupleObject*>(kwnames)->size == 0) return true;
  set_error(g_rt->types.TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

// fname is the name the message shows: a method's qualified name ("list.append")
// for METH_O and METH_NOARGS, mostly the bare one ("pop") for Argument Clinic's.
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max && min == 0) {
    set_error(g_rt->types.TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
  } else if (min == max && min == 1) {
    set_error(g_rt->types.TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
  } else if (min == max) {
    set_error(g_rt->types.TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
  } else if (nargs < min) {
    set_error(g_rt->types.TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
  } else {
    set_error(g_rt->types.TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
  }
  return false;
}

void init_native_function_types() {
  TypeSlots& f = builtin_function_slots;
  f.name = "builtin_function_or_method";
  f.dealloc = builtin_function_dealloc;
  f.traverse = builtin_function_traverse;
  g_rt->types.builtin_function->weaklistoffset = weaklist_field_offset(&BuiltinFunctionObject::weakreflist);
  f.repr = builtin_function_repr;
  f.call = builtin_function_call;
  f.getattr = builtin_function_getattr;
  register_type_slots(g_rt->types.builtin_function, &f);

  TypeSlots& m = method_descriptor_slots;
  m.name = "method_descriptor";
  m.dealloc = method_descriptor_dealloc;
  m.traverse = method_descriptor_traverse;
  m.repr = method_descriptor_repr;
  m.call = call_method_descriptor;
  m.descr_get = method_descriptor_get;
  m.getattr = method_descriptor_getattr;
  register_type_slots(g_rt->types.method_descriptor, &m);

  TypeSlots& c = classmethod_descriptor_slots;
  c = m;
  c.name = "classmethod_descriptor";
  c.call = nullptr;
  c.descr_get = classmethod_descriptor_get;
  register_type_slots(g_rt->types.classmethod_descriptor, &c);
}

}  // namespace heaplab
