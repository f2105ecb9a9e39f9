#include "core/object/super.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct SuperObject : Object {
  Ref<TypeObject> type;      // the class whose successors are searched
  Ref<Object> obj;           // the instance (or class) the lookup binds to
  Ref<TypeObject> obj_type;  // whose mro is searched
};

Object* super_getattr(Object* o, Object* name) {
  auto* s = static_cast<SuperObject*>(o);
  auto* mro = static_cast<TupleObject*>(s->obj_type->mro.get());
  int64_t i = 0;
  if (mro) {
    while (i < mro->size && tuple_item(mro, i) != s->type.get()) ++i;
    for (++i; i < mro->size; ++i) {
      auto* k = static_cast<TypeObject*>(tuple_item(mro, i));
      if (!k->dict) continue;
      Object* v = dict_getitem_str(k->dict.get(), name);
      if (!v) continue;
      if (auto get = slots_of(v).descr_get) {
        Object* obj = s->obj.get() == static_cast<Object*>(s->obj_type.get()) ? nullptr : s->obj.get();
        return get(v, obj, s->obj_type.get());
      }
      return newref(v);
    }
  }
  return generic_getattr(o, name);
}

void super_dealloc(Object* o) {
  auto* s = static_cast<SuperObject*>(o);
  gc_untrack(o);
  xdecref(s->type.get());
  xdecref(s->obj.get());
  xdecref(s->obj_type.get());
  free_object(o);
}

void super_traverse(Object* o, VisitFn visit, void* arg) {
  auto* s = static_cast<SuperObject*>(o);
  for (Object* r : {static_cast<Object*>(s->type.get()), s->obj.get(), static_cast<Object*>(s->obj_type.get())})
    if (r) visit(r, arg);
}

Object* super_repr(Object* o) {
  auto* s = static_cast<SuperObject*>(o);
  return str_from_utf8(std::string("<super: <class '") + type_name(s->type.get()) + "'>, <" +
                       type_name(s->obj_type.get()) + " object>>");
}

TypeSlots super_slots;

}  // namespace

Object* new_super(TypeObject* type, Object* obj) {
  TypeObject* obj_type;
  if (type_of(obj) == g_rt->types.type && is_subtype(static_cast<TypeObject*>(obj), type)) {
    obj_type = static_cast<TypeObject*>(obj);
  } else if (is_instance(obj, type)) {
    obj_type = type_of(obj);
  } else {
    return set_error(g_rt->types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  }
  auto* s = static_cast<SuperObject*>(new_object(g_rt->types.super, sizeof(SuperObject)));
  if (!s) return nullptr;
  s->type.set(newref(type));
  s->obj.set(newref(obj));
  s->obj_type.set(newref(obj_type));
  gc_track(s);
  return s;
}

void init_super_type() {
  TypeSlots& s = super_slots;
  s.name = "super";
  s.dealloc = super_dealloc;
  s.traverse = super_traverse;
  s.getattr = super_getattr;
  s.repr = super_repr;
  register_type_slots(g_rt->types.super, &super_slots);
}

}  // namespace heaplab
