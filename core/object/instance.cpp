#include "core/object/instance.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/heap_type.h"
#include "core/object/instance_dict.h"
#include "core/object/list.h"
#include "core/object/list_sort.h"
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

// As CPython's subtype_traverse: the class's fields, then the built-in
// base's contents.
void subtype_traverse(Object* o, VisitFn visit, void* arg) {
  subtype_traverse_own(o, visit, arg);
  if (auto base_traverse = slots_of(solid_base(type_of(o))).traverse) base_traverse(o, visit, arg);
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

bool has_kwargs(Object* kwnames) { return kwnames && static_cast<TupleObject*>(kwnames)->size; }

ConstructorSource find_constructor(TypeObject* type, const char* name, bool init, bool builtin_only) {
  Object* key = intern_dunder(name);
  auto* mro = static_cast<TupleObject*>(type->mro.get());
  TypeObject* k = type;
  for (int64_t i = 0; k;) {
    if (is_heap_type(k)) {
      if (!builtin_only && k->dict)
        if (Object* f = dict_getitem_str(k->dict.get(), key)) return {f, nullptr};
    } else if (builtin_only || (init ? slots_of(k).init != nullptr : slots_of(k).new_instance != nullptr)) {
      return {nullptr, k};
    }
    if (mro) k = ++i < mro->size ? static_cast<TypeObject*>(tuple_item(mro, i)) : nullptr;
    else k = k->base.get();
  }
  return {nullptr, g_rt->types.object};
}

// Calls a class's Python __new__ or __init__ with `first` before the arguments.
Object* call_with_first(Object* f, Object* first, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
  Object* small[8];  // most calls: no host allocation
  std::vector<Object*> large(nargs + nkw + 1 > 8 ? nargs + nkw + 1 : 0);
  Object** all = large.empty() ? small : large.data();
  all[0] = first;
  std::copy(args, args + nargs + nkw, all + 1);
  return object_call(f, all, nargs + 1, kwnames);
}

// Calling a class (type_call): __new__, then __init__ when __new__ made an
// instance of the class.
Object* class_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  ConstructorSource source = find_new(type);
  Object* o;
  if (source.function) {
    // __new__ is a static method: a staticmethod object unwraps to its function.
    Object* f = source.function;
    if (slots_of(f).descr_get && !is_function_object(f)) f = slots_of(f).descr_get(f, nullptr, type);
    else incref(f);
    if (!f) return nullptr;
    o = call_with_first(f, type, args, nargs, kwnames);
    decref(f);
  } else {
    o = slots_of(source.builtin).new_instance(type, args, nargs, kwnames);
  }
  if (!o || !is_instance(o, type)) return o;
  ConstructorSource init = find_init(type_of(o));
  if (!init.function) {
    if (slots_of(init.builtin).init(o, args, nargs, kwnames) < 0) {
      decref(o);
      return nullptr;
    }
    return o;
  }
  Object* r = call_with_first(init.function, o, args, nargs, kwnames);
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
  return o;
}

size_t default_size_of(Object* o) {
  TypeObject* t = type_of(o);
  size_t size = t->basicsize;
  if (t->itemsize) size += t->itemsize * size_t(std::abs(static_cast<VarObject*>(o)->size));
  return size;
}

}  // namespace

void subtype_traverse_own(Object* o, VisitFn visit, void* arg) {
  TypeObject* t = type_of(o);
  for_each_slot_field(o, [&](Addr* field) {
    if (*field) visit(at<Object>(*field), arg);
  });
  if (t->flags & kTypeManagedDict) instance_dict_traverse(o, visit, arg);
  visit(t, arg);  // an instance holds a reference to its class
}

TypeSlots subtype_slots(TypeObject* base) {
  TypeSlots s = slots_of(base);
  s.dealloc = subtype_dealloc;
  s.traverse = subtype_traverse;
  s.clear = subtype_clear;
  s.getattr = instance_getattr;
  s.setattr = instance_setattr;
  s.construct = class_construct;
  if (base == g_rt->types.object) s.size_of = default_size_of;
  return s;
}

namespace {

// "Can't instantiate abstract class Shape without an implementation for
// abstract method 'area'": the names sorted, as object_new lists them.
Object* abstract_class_error(TypeObject* type) {
  Object* names = dict_getitem_str(type->dict.get(), intern_str("__abstractmethods__"));
  ListObject* sorted = names ? list_new(0) : nullptr;
  if (!sorted || list_extend(sorted, names) < 0 || list_sort(sorted, nullptr, false) < 0) {
    xdecref(sorted);
    return error_occurred() ? nullptr : set_error(g_rt->types.TypeError, "Can't instantiate abstract class %s", type_name(type));
  }
  std::string joined;
  for (int64_t i = 0; i < sorted->size; ++i) {
    Object* item = list_item(sorted, i);
    joined += (i ? "', '" : "") + (is_str(item) ? str_of(item) : std::string());
  }
  int64_t count = sorted->size;
  decref(sorted);
  return set_error(g_rt->types.TypeError, "Can't instantiate abstract class %s without an implementation for abstract method%s '%s'",
                   type_name(type), count > 1 ? "s" : "", joined.c_str());
}

}  // namespace

ConstructorSource find_new(TypeObject* type) { return find_constructor(type, "__new__", false, false); }
ConstructorSource find_init(TypeObject* type) { return find_constructor(type, "__init__", true, false); }
ConstructorSource find_builtin_new(TypeObject* type) { return find_constructor(type, "__new__", false, true); }

bool is_object_source(const ConstructorSource& c) { return !c.function && c.builtin == g_rt->types.object; }

Object* object_new_instance(TypeObject* type, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs || has_kwargs(kwnames)) {
    if (!is_object_source(find_new(type))) {
      return set_error(g_rt->types.TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (is_object_source(find_init(type))) return set_error(g_rt->types.TypeError, "%s() takes no arguments", type_name(type));
  }
  if (type->flags & kTypeIsAbstract) return abstract_class_error(type);
  Object* o = new_object(type, type->basicsize);
  if (!o) return nullptr;
  if ((type->flags & kTypeManagedDict) && type->cached_keys && !instance_init_values(o, type->cached_keys)) {
    decref(o);
    return nullptr;
  }
  if (has_gc(type)) gc_track(o);
  return o;
}

int object_init(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!nargs && !has_kwargs(kwnames)) return 0;
  TypeObject* type = type_of(self);
  if (!is_object_source(find_init(type))) {
    set_error(g_rt->types.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    return -1;
  }
  if (is_object_source(find_new(type))) {
    set_error(g_rt->types.TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
              type_name(type));
    return -1;
  }
  return 0;
}

Object* object_generic_getattr(Object* o, Object* name) {
  TypeObject* t = type_of(o);
  if (!is_heap_type(t)) return slots_of(t).getattr ? slots_of(t).getattr(o, name) : generic_getattr(o, name);
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
  return set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
}

Object* instance_getattr(Object* o, Object* name) {
  Object* r = object_generic_getattr(o, name);
  if (r || !error_matches(g_rt->types.AttributeError)) return r;
  Object* hook = class_lookup(type_of(o), "__getattr__");
  if (!hook) return nullptr;
  clear_error();
  Object* args[] = {o, name};
  return object_call(hook, args, 2, nullptr);
}

int instance_setattr(Object* o, Object* name, Object* value) { return object_generic_setattr(o, name, value); }

int object_generic_setattr(Object* o, Object* name, Object* value) {
  TypeObject* t = type_of(o);
  if (!is_heap_type(t)) return object_setattr(o, name, value);
  Object* descr = type_lookup(t, name);
  if (descr && slots_of(descr).descr_set) return slots_of(descr).descr_set(descr, o, value);
  if (t->flags & kTypeManagedDict) {
    int r = instance_dict_set(o, name, value);
    if (r < 0 && !error_occurred()) {
      set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), str_of(name).c_str());
    }
    return r;
  }
  // A built-in base with its own attribute storage (OrderedDict's __dict__ field).
  if (!descr && solid_base(t)->dictoffset) return slots_of(solid_base(t)).setattr(o, name, value);
  std::string n = str_of(name);
  if (descr) {
    set_error(g_rt->types.AttributeError, "'%s' object attribute '%s' is read-only", type_name(o), n.c_str());
  } else {
    set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o), n.c_str());
  }
  return -1;
}

}  // namespace heaplab
