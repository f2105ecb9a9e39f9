#include "core/object/descriptors.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/function.h"
#include "core/object/gc_header.h"
#include "core/object/instance_dict.h"
#include "core/object/method.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

// ---- member_descriptor (PyMemberDescrObject): a __slots__ field

struct MemberDescriptor : Object {
  Ref<TypeObject> owner;
  Ref<Object> name;
  Ref<Object> qualname;
  int64_t offset;
  uint64_t padding[2];
};

Addr* member_field(const MemberDescriptor* d, Object* obj) {
  return reinterpret_cast<Addr*>(reinterpret_cast<uint8_t*>(obj) + d->offset);
}

bool check_owner(const MemberDescriptor* d, Object* obj) {
  if (is_instance(obj, d->owner.get())) return true;
  set_error(g_rt->types.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            str_of(d->name.get()).c_str(), type_name(d->owner.get()), type_name(obj));
  return false;
}

Object* member_get(Object* descr, Object* obj, Object*) {
  auto* d = static_cast<MemberDescriptor*>(descr);
  if (!obj) return newref(descr);
  if (!check_owner(d, obj)) return nullptr;
  Object* v = at<Object>(*member_field(d, obj));
  if (!v) {
    return set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(obj),
                     str_of(d->name.get()).c_str());
  }
  return newref(v);
}

int member_set(Object* descr, Object* obj, Object* value) {
  auto* d = static_cast<MemberDescriptor*>(descr);
  if (!check_owner(d, obj)) return -1;
  Addr* field = member_field(d, obj);
  Object* old = at<Object>(*field);
  if (!value && !old) {
    set_error_object(g_rt->types.AttributeError, d->name.get());
    return -1;
  }
  *field = addr_of(value ? newref(value) : nullptr);
  xdecref(old);
  return 0;
}

void member_dealloc(Object* o) {
  auto* d = static_cast<MemberDescriptor*>(o);
  gc_untrack(o);
  xdecref(d->name.get());
  xdecref(d->qualname.get());
  free_object(o);
}

void member_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<MemberDescriptor*>(o);
  if (d->name) visit(d->name.get(), arg);
  if (d->qualname) visit(d->qualname.get(), arg);
}

Object* member_repr(Object* o) {
  auto* d = static_cast<MemberDescriptor*>(o);
  return str_from_utf8("<member '" + str_of(d->name.get()) + "' of '" + type_name(d->owner.get()) + "' objects>");
}

// ---- getset_descriptor: __dict__ and __weakref__ of instances

struct GetSetDescriptor : Object {
  Ref<TypeObject> owner;
  Ref<Object> name;
  Ref<Object> qualname;
  uint64_t which;  // InstanceAttribute
};

Object* getset_get(Object* descr, Object* obj, Object*) {
  auto* d = static_cast<GetSetDescriptor*>(descr);
  if (!obj) return newref(descr);
  if (InstanceAttribute(d->which) == InstanceAttribute::Dict) return instance_get_dict(obj);
  Object* first = at<Object>(preheader(obj)->weakreflist);
  return newref(first ? first : none());
}

int getset_set(Object* descr, Object*, Object*) {
  auto* d = static_cast<GetSetDescriptor*>(descr);
  set_error(g_rt->types.AttributeError, "attribute '%s' of '%s' objects is not writable", str_of(d->name.get()).c_str(),
            type_name(d->owner.get()));
  return -1;
}

void getset_dealloc(Object* o) {
  auto* d = static_cast<GetSetDescriptor*>(o);
  gc_untrack(o);
  xdecref(d->name.get());
  xdecref(d->qualname.get());
  free_object(o);
}

void getset_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<GetSetDescriptor*>(o);
  if (d->name) visit(d->name.get(), arg);
  if (d->qualname) visit(d->qualname.get(), arg);
}

// __name__, __qualname__ and __objclass__ of member and getset descriptors.
Object* descriptor_getattr(Object* o, Object* name, TypeObject* owner, Object* descr_name) {
  std::string n = str_of(name);
  if (n == "__name__") return newref(descr_name);
  if (n == "__qualname__") return str_from_utf8(std::string(type_name(owner)) + "." + str_of(descr_name));
  if (n == "__objclass__") return newref(static_cast<Object*>(owner));
  return generic_getattr(o, name);
}

Object* member_getattr(Object* o, Object* name) {
  auto* d = static_cast<MemberDescriptor*>(o);
  return descriptor_getattr(o, name, d->owner.get(), d->name.get());
}

Object* getset_getattr(Object* o, Object* name) {
  auto* d = static_cast<GetSetDescriptor*>(o);
  return descriptor_getattr(o, name, d->owner.get(), d->name.get());
}

Object* getset_repr(Object* o) {
  auto* d = static_cast<GetSetDescriptor*>(o);
  return str_from_utf8("<attribute '" + str_of(d->name.get()) + "' of '" + type_name(d->owner.get()) + "' objects>");
}

// _PyObject_IsAbstract: a true __isabstractmethod__ attribute (1, 0, -1).
int is_abstract(Object* o) {
  Object* flag = object_getattr(o, intern_str("__isabstractmethod__"));
  if (!flag) {
    if (!error_matches(g_rt->types.AttributeError)) return -1;
    clear_error();
    return 0;
  }
  int r = object_is_true(flag);
  decref(flag);
  return r;
}

// ---- property

// propertyobject in 3.12: the accessors, the doc, the name it was assigned
// to (set_name) and whether the doc came from the getter.
struct PropertyObject : Object {
  Ref<Object> fget, fset, fdel, doc, name;
  int64_t getter_doc;
};

// "property 'x' of 'Point' object has no setter": the name __set_name__
// gave, the class's qualified name.
Object* missing_accessor(PropertyObject* p, Object* obj, const char* what) {
  TypeObject* t = type_of(obj);
  std::string owner = (t->flags & kTypeHeapType) ? str_of(t->qualname.get()) : type_name(t);
  std::string name = p->name && is_str(p->name.get()) ? "'" + str_of(p->name.get()) + "' " : "";
  return set_error(g_rt->types.AttributeError, "property %sof '%s' object has no %s", name.c_str(), owner.c_str(), what);
}

Object* property_get(Object* descr, Object* obj, Object*) {
  auto* p = static_cast<PropertyObject*>(descr);
  if (!obj) return newref(descr);
  if (!p->fget) return missing_accessor(p, obj, "getter");
  g_rt->next_call_inlined = true;  // LOAD_ATTR_PROPERTY
  Object* r = object_call(p->fget.get(), &obj, 1, nullptr);
  g_rt->next_call_inlined = false;
  return r;
}

int property_set(Object* descr, Object* obj, Object* value) {
  auto* p = static_cast<PropertyObject*>(descr);
  Object* f = value ? p->fset.get() : p->fdel.get();
  if (!f) {
    missing_accessor(p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Object* args[] = {obj, value};
  Object* r = object_call(f, args, value ? 2 : 1, nullptr);
  if (!r) return -1;
  decref(r);
  return 0;
}

// The accessors, the doc, and whether any accessor is abstract (abc).
Object* property_getattr(Object* o, Object* name) {
  auto* p = static_cast<PropertyObject*>(o);
  std::string n = str_of(name);
  Ref<Object>* field = n == "fget" ? &p->fget : n == "fset" ? &p->fset : n == "fdel" ? &p->fdel
                     : n == "__doc__" ? &p->doc : nullptr;
  if (field) return newref(*field ? field->get() : none());
  if (n == "__isabstractmethod__") {
    for (Ref<Object>* r : {&p->fget, &p->fset, &p->fdel}) {
      int abstract = *r ? is_abstract(r->get()) : 0;
      if (abstract != 0) return abstract < 0 ? nullptr : bool_obj(true);
    }
    return bool_obj(false);
  }
  return generic_getattr(o, name);
}

Object* new_property(Object* fget, Object* fset, Object* fdel, Object* doc) {
  auto* p = static_cast<PropertyObject*>(new_object(g_rt->types.property, sizeof(PropertyObject)));
  if (!p) return nullptr;
  Object* fields[] = {fget, fset, fdel, doc};
  Ref<Object>* refs[] = {&p->fget, &p->fset, &p->fdel, &p->doc};
  for (int i = 0; i < 4; ++i)
    if (fields[i] && fields[i] != none()) refs[i]->set(newref(fields[i]));
  gc_track(p);
  return p;
}

Object* property_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* values[4] = {};
  const char* const names[] = {"fget", "fset", "fdel", "doc"};
  if (nargs > 4) return set_error(g_rt->types.TypeError, "property() takes at most 4 arguments (%zu given)", nargs);
  for (size_t i = 0; i < nargs; ++i) values[i] = args[i];
  if (kwnames) {
    auto* kw = static_cast<TupleObject*>(kwnames);
    for (int64_t k = 0; k < kw->size; ++k) {
      std::string key = str_of(tuple_item(kw, k));
      int i = 0;
      while (i < 4 && key != names[i]) ++i;
      if (i == 4) return set_error(g_rt->types.TypeError, "property() got an unexpected keyword argument '%s'", key.c_str());
      values[i] = args[nargs + size_t(k)];
    }
  }
  return new_property(values[0], values[1], values[2], values[3]);
}

// property.setter / .getter / .deleter: a copy with one accessor replaced.
Object* property_copy(Object* self, int which, Object* f) {
  auto* p = static_cast<PropertyObject*>(self);
  Object* fields[] = {p->fget.get(), p->fset.get(), p->fdel.get(), p->doc.get()};
  fields[which] = f;
  return new_property(fields[0], fields[1], fields[2], fields[3]);
}
Object* property_getter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("getter", kwnames) || !check_nargs("getter", nargs, 1, 1)) return nullptr;
  return property_copy(self, 0, args[0]);
}
Object* property_setter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("setter", kwnames) || !check_nargs("setter", nargs, 1, 1)) return nullptr;
  return property_copy(self, 1, args[0]);
}
Object* property_deleter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("deleter", kwnames) || !check_nargs("deleter", nargs, 1, 1)) return nullptr;
  return property_copy(self, 2, args[0]);
}
// property.__set_name__(owner, name): remembers the name for its messages.
Object* property_set_name(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__set_name__", kwnames) || !check_nargs("__set_name__", nargs, 2, 2)) return nullptr;
  set_ref(static_cast<PropertyObject*>(self)->name, newref(args[1]));
  return none();
}
const NativeFunctionDef kPropertyMethods[] = {{"getter", property_getter},
                                              {"setter", property_setter},
                                              {"deleter", property_deleter},
                                              {"__set_name__", property_set_name}};

void property_dealloc(Object* o) {
  auto* p = static_cast<PropertyObject*>(o);
  gc_untrack(o);
  for (Ref<Object>* r : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name}) xdecref(r->get());
  free_object(o);
}

void property_traverse(Object* o, VisitFn visit, void* arg) {
  auto* p = static_cast<PropertyObject*>(o);
  for (Ref<Object>* r : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name})
    if (*r) visit(r->get(), arg);
}

// ---- staticmethod and classmethod: one wrapped callable

struct WrapperObject : Object {
  Ref<Object> callable;
  Ref<Object> dict;
};

Object* staticmethod_get(Object* descr, Object*, Object*) {
  return newref(static_cast<WrapperObject*>(descr)->callable.get());
}

Object* classmethod_get(Object* descr, Object* obj, Object* type) {
  Object* owner = type ? type : reinterpret_cast<Object*>(type_of(obj));
  return new_method(static_cast<WrapperObject*>(descr)->callable.get(), owner);
}

template <TypeObject* BuiltinTypes::*Field>
Object* wrapper_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  const char* name = Field == &BuiltinTypes::staticmethod ? "staticmethod" : "classmethod";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  auto* w = static_cast<WrapperObject*>(new_object(g_rt->types.*Field, sizeof(WrapperObject)));
  if (!w) return nullptr;
  w->callable.set(newref(args[0]));
  gc_track(w);
  return w;
}

Object* staticmethod_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  return object_call(static_cast<WrapperObject*>(o)->callable.get(), args, nargs, kwnames);
}

Object* wrapper_getattr(Object* o, Object* name) {
  std::string n = str_of(name);
  Object* callable = static_cast<WrapperObject*>(o)->callable.get();
  if (n == "__func__") return newref(callable);
  if (n == "__isabstractmethod__") {
    int r = is_abstract(callable);
    return r < 0 ? nullptr : bool_obj(r);
  }
  return generic_getattr(o, name);
}

void wrapper_dealloc(Object* o) {
  auto* w = static_cast<WrapperObject*>(o);
  gc_untrack(o);
  xdecref(w->callable.get());
  xdecref(w->dict.get());
  free_object(o);
}

void wrapper_traverse(Object* o, VisitFn visit, void* arg) {
  auto* w = static_cast<WrapperObject*>(o);
  if (w->callable) visit(w->callable.get(), arg);
  if (w->dict) visit(w->dict.get(), arg);
}

TypeSlots member_slots, getset_slots, property_slots, staticmethod_slots, classmethod_slots;

}  // namespace

Object* new_member_descriptor(TypeObject* owner, Object* name, int64_t offset) {
  auto* d = static_cast<MemberDescriptor*>(new_object(g_rt->types.member_descriptor, sizeof(MemberDescriptor)));
  if (!d) return nullptr;
  d->owner.set(owner);  // borrowed: the owner's dict holds the descriptor
  d->name.set(newref(name));
  d->offset = offset;
  gc_track(d);
  return d;
}

Object* new_getset_descriptor(TypeObject* owner, InstanceAttribute which) {
  auto* d = static_cast<GetSetDescriptor*>(new_object(g_rt->types.getset_descriptor, sizeof(GetSetDescriptor)));
  if (!d) return nullptr;
  d->owner.set(owner);  // borrowed: the owner's dict holds the descriptor
  d->name.set(intern_str(which == InstanceAttribute::Dict ? "__dict__" : "__weakref__"));
  d->which = uint64_t(which);
  gc_track(d);
  return d;
}

bool is_function_object(const Object* o) { return type_of(o) == g_rt->types.function; }

void init_descriptor_types() {
  TypeSlots& m = member_slots;
  m.name = "member_descriptor";
  m.dealloc = member_dealloc;
  m.traverse = member_traverse;
  m.repr = member_repr;
  m.descr_get = member_get;
  m.descr_set = member_set;
  m.getattr = member_getattr;
  register_type_slots(g_rt->types.member_descriptor, &member_slots);

  TypeSlots& g = getset_slots;
  g.name = "getset_descriptor";
  g.dealloc = getset_dealloc;
  g.traverse = getset_traverse;
  g.repr = getset_repr;
  g.descr_get = getset_get;
  g.descr_set = getset_set;
  g.getattr = getset_getattr;
  register_type_slots(g_rt->types.getset_descriptor, &getset_slots);

  TypeSlots& p = property_slots;
  p.name = "property";
  p.dealloc = property_dealloc;
  p.traverse = property_traverse;
  p.descr_get = property_get;
  p.descr_set = property_set;
  p.construct = property_construct;
  p.getattr = property_getattr;
  register_type_slots(g_rt->types.property, &property_slots);
  add_methods(g_rt->types.property, kPropertyMethods, std::size(kPropertyMethods));

  TypeSlots& s = staticmethod_slots;
  s.name = "staticmethod";
  s.dealloc = wrapper_dealloc;
  s.traverse = wrapper_traverse;
  s.descr_get = staticmethod_get;
  s.call = staticmethod_call;
  s.getattr = wrapper_getattr;
  s.construct = wrapper_construct<&BuiltinTypes::staticmethod>;
  register_type_slots(g_rt->types.staticmethod, &staticmethod_slots);

  TypeSlots& c = classmethod_slots;
  c = staticmethod_slots;
  c.name = "classmethod";
  c.descr_get = classmethod_get;
  c.call = nullptr;
  c.construct = wrapper_construct<&BuiltinTypes::classmethod>;
  register_type_slots(g_rt->types.classmethod, &classmethod_slots);
}

}  // namespace heaplab
