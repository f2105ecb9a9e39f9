#include "core/object/tuplegetter.h"

#include <cstdint>
#include <string>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct TupleGetterObject : Object {
  int64_t index;
  Ref<Object> doc;
};
static_assert(sizeof(TupleGetterObject) == 32);

TupleGetterObject* as_getter(Object* o) { return static_cast<TupleGetterObject*>(o); }

// _tuplegetter(index, doc)
Object* tuplegetter_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames)) return nullptr;
  if (nargs != 2) return set_error(g_rt->types.TypeError, "_tuplegetter expected 2 arguments, got %zu", nargs);
  int64_t index;
  if (!object_as_index(args[0], &index)) return nullptr;
  auto* g = static_cast<TupleGetterObject*>(new_object(type, sizeof(TupleGetterObject)));
  if (!g) return nullptr;
  g->index = index;
  g->doc.set(newref(args[1]));
  gc_track(g);
  return g;
}

Object* tuplegetter_get(Object* self, Object* obj, Object*) {
  int64_t index = as_getter(self)->index;
  if (!obj || obj == none()) return newref(self);
  if (!is_tuple(obj)) {
    return set_error(g_rt->types.TypeError,
                     "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                     (long long)index, type_name(obj));
  }
  auto* t = static_cast<TupleObject*>(obj);
  if (index < 0 || index >= t->size) return set_error(g_rt->types.IndexError, "tuple index out of range");
  return newref(tuple_item(t, index));
}

int tuplegetter_set(Object*, Object*, Object* value) {
  set_error(g_rt->types.AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

Object* tuplegetter_repr(Object* o) {
  std::string doc;
  if (!repr_utf8(as_getter(o)->doc.get(), &doc)) return nullptr;
  return str_from_utf8("_tuplegetter(" + std::to_string(as_getter(o)->index) + ", " + doc + ")");
}

Object* tuplegetter_getattr(Object* o, Object* name) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "__doc__") return newref(as_getter(o)->doc.get());
  return generic_getattr(o, name);
}

void tuplegetter_dealloc(Object* o) {
  gc_untrack(o);
  Object* doc = as_getter(o)->doc.get();
  as_getter(o)->doc.set(nullptr);
  xdecref(doc);
  free_object(o);
}

// The type first, as CPython's heap type.
void tuplegetter_traverse(Object* o, VisitFn visit, void* arg) {
  visit_module_type(o, visit, arg);
  if (Object* doc = as_getter(o)->doc.get()) visit(doc, arg);
}

void tuplegetter_clear(Object* o) {
  Object* doc = as_getter(o)->doc.get();
  as_getter(o)->doc.set(nullptr);
  xdecref(doc);
}

TypeSlots tuplegetter_slots;

}  // namespace

void init_tuplegetter_type() {
  TypeSlots& s = tuplegetter_slots;
  s.name = "collections._tuplegetter";
  s.dealloc = tuplegetter_dealloc;
  s.traverse = tuplegetter_traverse;
  s.clear = tuplegetter_clear;
  s.descr_get = tuplegetter_get;
  s.descr_set = tuplegetter_set;
  s.getattr = tuplegetter_getattr;
  s.repr = tuplegetter_repr;
  s.construct = via_tp_call<tuplegetter_construct>;
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = sizeof(TupleGetterObject);
  t->flags = kTypeHaveGC;
  register_type_slots(t, &s);
  g_rt->types.tuplegetter = t;
}

}  // namespace heaplab
