#include "core/object/module.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

void module_dealloc(Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  xdecref(m->dict.get());
  xdecref(m->name.get());
  free_object(o);
}

void module_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<ModuleObject*>(o);
  if (m->dict) visit(m->dict.get(), arg);
  if (m->name) visit(m->name.get(), arg);
}

std::string module_name(Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  return m->name ? str_to_utf8(static_cast<StrObject*>(m->name.get())) : "?";
}

Object* module_repr(Object* o) { return str_from_utf8("<module '" + module_name(o) + "' (built-in)>"); }

Object* module_getattr(Object* o, Object* name) {
  if (Object* v = dict_getitem_str(module_dict(o), name)) return newref(v);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__dict__") return newref(module_dict(o));
  return set_error(g_rt->types.AttributeError, "module '%s' has no attribute '%s'", module_name(o).c_str(), n.c_str());
}

int module_setattr(Object* o, Object* name, Object* value) {
  if (value) return dict_setitem(module_dict(o), name, value);
  if (dict_delitem(module_dict(o), name) < 0) {
    clear_error();
    std::string n = str_to_utf8(static_cast<StrObject*>(name));
    set_error(g_rt->types.AttributeError, "module '%s' has no attribute '%s'", module_name(o).c_str(), n.c_str());
    return -1;
  }
  return 0;
}

TypeSlots module_slots;

}  // namespace

Object* new_module(std::string_view name) {
  auto* m = static_cast<ModuleObject*>(new_object(g_rt->types.module, sizeof(ModuleObject)));
  if (!m) return nullptr;
  Object* dict = dict_new();
  Object* n = dict ? str_from_utf8(name) : nullptr;
  if (!n) {
    xdecref(dict);
    decref(m);
    return nullptr;
  }
  m->dict.set(dict);
  m->name.set(n);
  if (dict_setitem(dict, intern_str("__name__"), n) < 0) {
    decref(m);
    return nullptr;
  }
  return m;
}

void init_module_type() {
  TypeSlots& s = module_slots;
  s.name = "module";
  s.dealloc = module_dealloc;
  s.traverse = module_traverse;
  s.repr = module_repr;
  s.getattr = module_getattr;
  s.setattr = module_setattr;
  register_type_slots(g_rt->types.module, &module_slots);
}

}  // namespace heaplab
