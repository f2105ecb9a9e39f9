#include "core/object/module.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

void module_dealloc(Object* o) {
  gc_untrack(o);
  auto* m = static_cast<ModuleObject*>(o);
  if (m->weaklist) clear_weakrefs(o);
  xdecref(m->dict.get());
  xdecref(m->name.get());
  free_object(o);
}

// module_clear: drops the namespace.
void module_clear(Object* o) { set_ref(static_cast<ModuleObject*>(o)->dict, static_cast<Object*>(nullptr)); }

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

// The collector's module_clear can leave a module without its dict.
Object* module_getattr(Object* o, Object* name) {
  Object* d = module_dict(o);
  if (Object* v = d ? dict_getitem_str(d, name) : nullptr) return newref(v);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__dict__" && d) return newref(d);
  return set_error(g_rt->types.AttributeError, "module '%s' has no attribute '%s'", module_name(o).c_str(), n.c_str());
}

int module_setattr(Object* o, Object* name, Object* value) {
  Object* d = module_dict(o);
  if (d && value) return dict_setitem(d, name, value);
  if (!d || dict_delitem(d, name) < 0) {
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
  gc_track(m);
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
  s.clear = module_clear;
  g_rt->types.module->weaklistoffset = weaklist_field_offset(&ModuleObject::weaklist);
  s.repr = module_repr;
  s.getattr = module_getattr;
  s.setattr = module_setattr;
  register_type_slots(g_rt->types.module, &module_slots);
}

}  // namespace heaplab
