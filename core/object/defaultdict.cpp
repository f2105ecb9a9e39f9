#include "core/object/defaultdict.h"

#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict_views.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

DefaultDictObject* as_dd(Object* o) { return static_cast<DefaultDictObject*>(o); }
const TypeSlots& dict_type_slots() { return slots_of(g_rt->types.dict); }

void defdict_dealloc(Object* o) {
  gc_untrack(o);
  Object* factory = as_dd(o)->default_factory.get();
  as_dd(o)->default_factory.set(nullptr);
  xdecref(factory);
  dict_type_slots().dealloc(o);
}

void defdict_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  if (Object* factory = as_dd(o)->default_factory.get()) visit(factory, arg);
  dict_type_slots().traverse(o, visit, arg);
}

void defdict_clear(Object* o) {
  Object* factory = as_dd(o)->default_factory.get();
  as_dd(o)->default_factory.set(nullptr);
  xdecref(factory);
  dict_type_slots().clear(o);
}

// Py_ReprEnter for the factory: a defaultdict that is its own factory's repr.
std::vector<Addr> g_repr_active;

Object* defdict_repr(Object* o) {
  Object* base_repr = dict_type_slots().repr(o);
  if (!base_repr) return nullptr;
  std::string base = str_to_utf8(static_cast<StrObject*>(base_repr));
  decref(base_repr);
  std::string factory = "None";
  if (Object* f = as_dd(o)->default_factory.get()) {
    Addr key = addr_of(f);
    bool active = false;
    for (Addr a : g_repr_active) active |= a == key;
    if (active) {
      factory = "...";
    } else {
      g_repr_active.push_back(key);
      bool ok = repr_utf8(f, &factory);
      g_repr_active.pop_back();
      if (!ok) return nullptr;
    }
  }
  return str_from_utf8(short_type_name(o) + "(" + factory + ", " + base + ")");
}

Object* defdict_getattr(Object* o, Object* name) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "default_factory") {
    Object* f = as_dd(o)->default_factory.get();
    return newref(f ? f : none());
  }
  return generic_getattr(o, name);
}

int defdict_setattr(Object* o, Object* name, Object* value) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "default_factory") {
    set_ref(as_dd(o)->default_factory, value && value != none() ? newref(value) : nullptr);
    return 0;
  }
  set_error(g_rt->types.AttributeError, "'collections.defaultdict' object has no attribute '%s'",
            str_to_utf8(static_cast<StrObject*>(name)).c_str());
  return -1;
}

// defaultdict.__init__(default_factory=None, /, [...]): the rest goes to
// dict's update.
int defdict_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* factory = nargs ? args[0] : nullptr;
  if (factory && factory != none() && !slots_of(factory).call) {
    set_error(g_rt->types.TypeError, "first argument must be callable or None");
    return -1;
  }
  if (nargs > 2) {
    set_error(g_rt->types.TypeError, "dict expected at most 1 argument, got %zu", nargs - 1);
    return -1;
  }
  set_ref(as_dd(self)->default_factory, factory && factory != none() ? newref(factory) : nullptr);
  return dict_update_from(self, nargs > 1 ? args[1] : nullptr, args + nargs, kwnames);
}

Object* defdict_new_instance(TypeObject* type, Object* const*, size_t, Object*) { return dict_new_of_type(type); }

Object* defdict_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* d = defdict_new_instance(type, args, nargs, kwnames);
  if (d && defdict_init(d, args, nargs, kwnames) < 0) {
    decref(d);
    return nullptr;
  }
  return d;
}

Object* defdict_missing(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("defaultdict.__missing__", kwnames) || !check_nargs("defaultdict.__missing__", nargs, 1, 1)) return nullptr;
  Object* factory = as_dd(self)->default_factory.get();
  if (!factory) return set_error_object(g_rt->types.KeyError, args[0]);
  Object* value = object_call(factory, nullptr, 0, nullptr);
  if (!value) return nullptr;
  if (object_setitem(self, args[0], value) < 0) {
    decref(value);
    return nullptr;
  }
  return value;
}

// copy(): type(self)(self.default_factory, self).
Object* defdict_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("defaultdict.copy", kwnames) || !check_nargs("defaultdict.copy", nargs, 0, 0)) return nullptr;
  Object* factory = as_dd(self)->default_factory.get();
  Object* call_args[2] = {factory ? factory : none(), self};
  return object_call(type_of(self), call_args, 2, nullptr);
}

// defaultdict | dict (either side): type(the defaultdict)(its factory, left),
// updated from right (defdict_or).
Object* defdict_or(Object* a, Object* b) {
  bool left = is_instance(a, g_rt->types.defaultdict);
  Object* self = left ? a : b;
  if (!is_dict(left ? b : a)) return newref(g_rt->not_implemented);
  Object* factory = as_dd(self)->default_factory.get();
  Object* call_args[2] = {factory ? factory : none(), a};
  Object* r = object_call(type_of(self), call_args, 2, nullptr);
  if (r && dict_update_from(r, b, nullptr, nullptr) < 0) {
    decref(r);
    return nullptr;
  }
  return r;
}

const NativeFunctionDef kDefaultDictMethods[] = {
    {"__missing__", defdict_missing},
    {"copy", defdict_copy},
    {"__copy__", defdict_copy},
};

TypeSlots defdict_slots;

}  // namespace

void init_defaultdict_type() {
  TypeSlots& s = defdict_slots;
  s = dict_type_slots();
  s.name = "collections.defaultdict";
  s.dealloc = defdict_dealloc;
  s.traverse = defdict_traverse;
  s.clear = defdict_clear;
  s.repr = defdict_repr;
  s.getattr = defdict_getattr;
  s.setattr = defdict_setattr;
  s.construct = via_tp_call<defdict_construct>;
  s.new_instance = defdict_new_instance;
  s.init = defdict_init;
  s.number[size_t(BinaryOp::Or)] = defdict_or;
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.dict);
  t->basicsize = sizeof(DefaultDictObject);
  t->flags = kTypeHaveGC | kTypeBaseType | kTypeDictSubclass;
  register_type_slots(t, &s);
  g_rt->types.defaultdict = t;
  add_methods(t, kDefaultDictMethods, std::size(kDefaultDictMethods));
}

}  // namespace heaplab
