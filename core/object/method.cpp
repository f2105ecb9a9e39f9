#include "core/object/method.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

void method_dealloc(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  gc_untrack(o);
  if (m->weakreflist) clear_weakrefs(o);
  xdecref(m->func.get());
  xdecref(m->self.get());
  free_object(o);
}

void method_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<MethodObject*>(o);
  if (m->func) visit(m->func.get(), arg);
  if (m->self) visit(m->self.get(), arg);
}

Object* method_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* m = static_cast<MethodObject*>(callable);
  size_t nkw = kwnames ? size_t(object_length(kwnames)) : 0;
  Object* small[8];  // most calls: no host allocation
  std::vector<Object*> large(nargs + nkw + 1 > 8 ? nargs + nkw + 1 : 0);
  Object** all = large.empty() ? small : large.data();
  all[0] = m->self.get();
  for (size_t i = 0; i < nargs + nkw; ++i) all[i + 1] = args[i];
  return object_call(m->func.get(), all, nargs + 1, kwnames);
}

Object* method_repr(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  Object* qualname = object_getattr(m->func.get(), intern_str("__qualname__"));
  if (!qualname) return nullptr;
  std::string name;
  bool ok = str_utf8(qualname, &name);
  decref(qualname);
  std::string self;
  if (!ok || !repr_utf8(m->self.get(), &self)) return nullptr;
  return str_from_utf8("<bound method " + name + " of " + self + ">");
}

Object* method_getattr(Object* o, Object* name) {
  auto* m = static_cast<MethodObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__func__") return newref(m->func.get());
  if (n == "__self__") return newref(m->self.get());
  return object_getattr(m->func.get(), name);
}

Object* method_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_method(a) || !is_method(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return newref(g_rt->not_implemented);
  }
  auto* x = static_cast<MethodObject*>(a);
  auto* y = static_cast<MethodObject*>(b);
  bool eq = x->func.addr == y->func.addr && x->self.addr == y->self.addr;
  return bool_obj(op == CompareOp::Eq ? eq : !eq);
}

int64_t method_hash(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  int64_t h = object_hash(m->func.get());
  if (h == -1) return -1;
  int64_t r = h ^ int64_t((kIdBase + m->self.addr) >> 4);
  return r == -1 ? -2 : r;
}

// types.MethodType(function, instance).
Object* method_construct(TypeObject*, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames) return set_error(g_rt->types.TypeError, "method() takes no keyword arguments");
  if (nargs != 2) return set_error(g_rt->types.TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!slots_of(args[0]).call) return set_error(g_rt->types.TypeError, "first argument must be callable");
  if (args[1] == none()) return set_error(g_rt->types.TypeError, "instance must not be None");
  return new_method(args[0], args[1]);
}

TypeSlots method_slots;

}  // namespace

Object* new_method(Object* func, Object* self) {
  auto* m = static_cast<MethodObject*>(new_object(g_rt->types.method, sizeof(MethodObject)));
  if (!m) return nullptr;
  m->func.set(newref(func));
  m->self.set(newref(self));
  gc_track(m);
  return m;
}

bool is_method(const Object* o) { return type_of(o) == g_rt->types.method; }

void init_method_type() {
  TypeSlots& s = method_slots;
  s.name = "method";
  s.dealloc = method_dealloc;
  s.traverse = method_traverse;
  s.repr = method_repr;
  s.call = method_call;
  s.getattr = method_getattr;
  s.richcompare = method_richcompare;
  s.hash = method_hash;
  s.construct = method_construct;
  register_type_slots(g_rt->types.method, &method_slots);
  g_rt->types.method->weaklistoffset = offsetof(MethodObject, weakreflist);
}

}  // namespace heaplab
