#include "core/object/instance.h"

#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/heap_type.h"
#include "core/object/instance_dict.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

// The nearest built-in type in the class's ancestry: its behaviour handles
// the part of the instance that is not the class's own.
TypeObject* solid_base(TypeObject* t) {
  while (t->flags & kTypeHeapType) t = t->base.get();
  return t;
}

// The __slots__ fields a class adds to its solid base, as offsets.
template <class F>
void for_each_slot_field(Object* o, F f) {
  TypeObject* t = type_of(o);
  size_t start = solid_base(t)->basicsize;
  for (size_t off = start; off < t->basicsize; off += sizeof(Addr))
    f(reinterpret_cast<Addr*>(reinterpret_cast<uint8_t*>(o) + off));
}

void subtype_traverse(Object* o, VisitFn visit, void* arg) {
  TypeObject* t = type_of(o);
  for_each_slot_field(o, [&](Addr* field) {
    if (*field) visit(at<Object>(*field), arg);
  });
  if (t->flags & kTypeManagedDict) instance_dict_traverse(o, visit, arg);
  if (auto base_traverse = slots_of(solid_base(t)).traverse) base_traverse(o, visit, arg);
  visit(t, arg);  // an instance holds a reference to its class
}

void subtype_clear(Object* o) {
  TypeObject* t = type_of(o);
  for_each_slot_field(o, [&](Addr* field) {
    Object* old = at<Object>(*field);
    *field = 0;
    xdecref(old);
  });
  if (t->flags & kTypeManagedDict) instance_dict_clear(o);
  if (auto base_clear = slots_of(solid_base(t)).clear) base_clear(o);
}

// CPython's subtype_dealloc: __del__ first (it may resurrect the object),
// then weak references, the class's fields, and the base's own teardown.
void subtype_dealloc(Object* o) {
  TypeObject* t = type_of(o);
  const TypeSlots& s = slots_of(t);
  if (s.finalize && !gc_is_finalized(o)) {
    o->refcnt = 1;  // temporarily alive while __del__ runs
    gc_set_finalized(o);
    Object* saved = fetch_error();
    s.finalize(o);
    if (saved) raise(saved), decref(saved);
    if (--o->refcnt != 0) return;  // resurrected: someone kept a reference
  }
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  if (t->flags & kTypeManagedWeakref && preheader(o)->weakreflist) clear_weakrefs(o);
  for_each_slot_field(o, [&](Addr* field) {
    Object* old = at<Object>(*field);
    *field = 0;
    xdecref(old);
  });
  if (t->flags & kTypeManagedDict) instance_dict_clear(o);
  TypeObject* base = solid_base(t);
  if (base == g_rt->types.object) {
    free_object(o);  // also drops the class reference
  } else {
    slots_of(base).dealloc(o);
  }
  dealloc_leave();
}

Object* object_instance_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames);

// Creates the instance: object.__new__, or the built-in base's constructor.
Object* allocate(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  TypeObject* base = solid_base(type);
  Object* o;
  if (base == g_rt->types.object) {
    o = new_object(type, type->basicsize);
  } else {
    o = slots_of(base).construct(type, args, nargs, kwnames);
  }
  if (!o) return nullptr;
  if ((type->flags & kTypeManagedDict) && type->cached_keys && !instance_init_values(o, type->cached_keys)) {
    decref(o);
    return nullptr;
  }
  if (!gc_is_tracked(o)) gc_track(o);
  return o;
}

// Calling a class: __new__ (a class's own, or the default), then __init__.
Object* object_instance_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
  Object* new_func = class_lookup(type, "__new__");
  Object* init = class_lookup(type, "__init__");
  Object* o;
  if (new_func) {
    std::vector<Object*> all{type};
    all.insert(all.end(), args, args + nargs + nkw);
    Object* f = new_func;
    if (slots_of(f).descr_get && !is_function_object(f)) f = slots_of(f).descr_get(f, nullptr, type);
    else incref(f);
    if (!f) return nullptr;
    o = object_call(f, all.data(), nargs + 1, kwnames);
    decref(f);
    if (!o || !is_instance(o, type)) return o;
  } else {
    if (!init && solid_base(type) == g_rt->types.object && (nargs || nkw)) {
      return set_error(g_rt->types.TypeError, "%s() takes no arguments", type_name(type));
    }
    o = allocate(type, args, nargs, kwnames);
    if (!o) return nullptr;
  }
  if (init) {
    std::vector<Object*> all{o};
    all.insert(all.end(), args, args + nargs + nkw);
    Object* r = object_call(init, all.data(), nargs + 1, kwnames);
    if (!r) {
      decref(o);
      return nullptr;
    }
    if (r != none()) {
      std::string t = type_name(r);
      decref(r);
      decref(o);
      return set_error(g_rt->types.TypeError, "__init__() should return None, not '%s'", t.c_str());
    }
  }
  return o;
}

Object* default_repr(Object* o) {
  TypeObject* t = type_of(o);
  Object* module = t->dict ? dict_getitem_str(t->dict.get(), intern_str("__module__")) : nullptr;
  std::string qual = t->qualname ? str_of(t->qualname.get()) : type_name(t);
  std::string prefix = module && is_str(module) && str_of(module) != "builtins" ? str_of(module) + "." : "";
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at 0x%llx>", static_cast<unsigned long long>(kIdBase + addr_of(o)));
  return str_from_utf8("<" + prefix + qual + buf);
}

size_t default_size_of(Object* o) {
  TypeObject* t = type_of(o);
  size_t size = t->basicsize;
  if (t->itemsize) size += t->itemsize * size_t(std::abs(static_cast<VarObject*>(o)->size));
  return size;
}

}  // namespace

TypeSlots subtype_slots(TypeObject* base) {
  TypeSlots s = slots_of(base);
  s.dealloc = subtype_dealloc;
  s.traverse = subtype_traverse;
  s.clear = subtype_clear;
  s.getattr = instance_getattr;
  s.setattr = instance_setattr;
  s.construct = object_instance_construct;
  if (base == g_rt->types.object) {
    s.repr = default_repr;
    s.size_of = default_size_of;
  }
  return s;
}

Object* instance_getattr(Object* o, Object* name) {
  TypeObject* t = type_of(o);
  Object* descr = type_lookup(t, name);
  const TypeSlots* ds = descr ? &slots_of(descr) : nullptr;
  if (descr) incref(descr);
  if (ds && ds->descr_get && ds->descr_set) {
    Object* r = ds->descr_get(descr, o, t);
    decref(descr);
    return r;
  }
  if (t->flags & kTypeManagedDict) {
    if (Object* v = instance_dict_get(o, name)) {
      xdecref(descr);
      return newref(v);
    }
    if (error_occurred()) {
      xdecref(descr);
      return nullptr;
    }
  }
  if (descr) {
    Object* r = ds->descr_get ? ds->descr_get(descr, o, t) : newref(descr);
    decref(descr);
    return r;
  }
  std::string n = str_of(name);
  if (n == "__class__") return newref(static_cast<Object*>(t));
  // The built-in base's attributes (an exception's args...).
  TypeObject* base = solid_base(t);
  if (auto base_getattr = slots_of(base).getattr) {
    Object* r = base_getattr(o, name);
    if (r || !error_matches(g_rt->types.AttributeError)) return r;
    clear_error();
  }
  if (Object* hook = class_lookup(t, "__getattr__")) {
    Object* args[] = {o, name};
    return object_call(hook, args, 2, nullptr);
  }
  return set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
}

int instance_setattr(Object* o, Object* name, Object* value) {
  TypeObject* t = type_of(o);
  if (Object* hook = class_lookup(t, value ? "__setattr__" : "__delattr__")) {
    Object* args[] = {o, name, value};
    Object* r = object_call(hook, args, value ? 3 : 2, nullptr);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  Object* descr = type_lookup(t, name);
  if (descr && slots_of(descr).descr_set) return slots_of(descr).descr_set(descr, o, value);
  if (t->flags & kTypeManagedDict) {
    int r = instance_dict_set(o, name, value);
    if (r < 0 && !error_occurred()) {
      set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), str_of(name).c_str());
    }
    return r;
  }
  std::string n = str_of(name);
  if (descr) {
    set_error(g_rt->types.AttributeError, "'%s' object attribute '%s' is read-only", type_name(o), n.c_str());
  } else {
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
  }
  return -1;
}

}  // namespace heaplab
