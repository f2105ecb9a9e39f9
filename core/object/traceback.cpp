#include "core/object/traceback.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

void traceback_dealloc(Object* o) {
  auto* t = static_cast<TracebackObject*>(o);
  gc_untrack(o);
  xdecref(t->next.get());
  xdecref(t->frame.get());
  free_object(o);
}

void traceback_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<TracebackObject*>(o);
  if (t->next) visit(t->next.get(), arg);
  if (t->frame) visit(t->frame.get(), arg);
}

void traceback_clear(Object* o) {
  auto* t = static_cast<TracebackObject*>(o);
  Object* next = t->next.get();
  t->next.addr = 0;
  xdecref(next);
}

Object* traceback_getattr(Object* o, Object* name) {
  auto* t = static_cast<TracebackObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "tb_next") return newref(t->next ? t->next.get() : none());
  if (n == "tb_lineno") return int_from_i64(t->lineno);
  if (n == "tb_frame") return newref(t->frame.get());
  if (n == "tb_lasti") return int_from_i64(int64_t(t->lasti) * 2);
  return generic_getattr(o, name);
}

TypeSlots traceback_slots;

}  // namespace

Object* new_traceback(Object* next, Object* frame, uint32_t lasti, uint32_t lineno) {
  auto* t = static_cast<TracebackObject*>(new_object(g_rt->types.traceback, sizeof(TracebackObject)));
  if (!t) return nullptr;
  if (next) t->next.set(newref(next));
  t->frame.set(newref(frame));
  t->lasti = lasti;
  t->lineno = lineno;
  gc_track(t);
  return t;
}

void init_traceback_type() {
  TypeSlots& s = traceback_slots;
  s.name = "traceback";
  s.dealloc = traceback_dealloc;
  s.traverse = traceback_traverse;
  s.clear = traceback_clear;
  s.getattr = traceback_getattr;
  register_type_slots(g_rt->types.traceback, &traceback_slots);
}

}  // namespace heaplab
