#include "core/object/frame_object.h"

#include <string>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

void release_locals(FrameObject* f) {
  Addr* slots = at<Addr>(f->locals);
  uint64_t n = f->nlocals;
  Addr block = f->locals;
  f->locals = 0;
  f->nlocals = 0;
  for (uint64_t i = 0; i < n; ++i) xdecref(at<Object>(slots[i]));
  mem_free(block);
}

void frame_dealloc(Object* o) {
  auto* f = static_cast<FrameObject*>(o);
  gc_untrack(o);
  if (!dealloc_enter(o)) return;
  release_locals(f);
  for (Ref<Object>* r : {&f->back, &f->code, &f->globals}) xdecref(r->get());
  free_object(o);
  dealloc_leave();
}

void frame_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<FrameObject*>(o);
  for (Ref<Object>* r : {&f->back, &f->code, &f->globals})
    if (*r) visit(r->get(), arg);
  Addr* slots = at<Addr>(f->locals);
  for (uint64_t i = 0; i < f->nlocals; ++i)
    if (slots[i]) visit(at<Object>(slots[i]), arg);
}

void frame_clear(Object* o) { release_locals(static_cast<FrameObject*>(o)); }

Object* frame_getattr(Object* o, Object* name) {
  auto* f = static_cast<FrameObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "f_code") return newref(f->code.get());
  if (n == "f_globals") return newref(f->globals.get());
  if (n == "f_back") return newref(f->back ? f->back.get() : none());
  if (n == "f_lineno") return int_from_i64(int64_t(f->lineno));
  return generic_getattr(o, name);
}

TypeSlots frame_slots;

}  // namespace

Object* new_frame_object(Object* code, Object* globals) {
  auto* f = static_cast<FrameObject*>(new_object(g_rt->types.frame, sizeof(FrameObject)));
  if (!f) return nullptr;
  f->code.set(newref(code));
  f->globals.set(newref(globals));
  gc_track(f);
  return f;
}

bool frame_object_take_locals(Object* frame, Object* const* locals, size_t n) {
  auto* f = static_cast<FrameObject*>(frame);
  if (n == 0) return true;
  Addr block = mem_alloc(n * sizeof(Addr));
  if (!block) return false;
  Addr* slots = at<Addr>(block);
  for (size_t i = 0; i < n; ++i) slots[i] = addr_of(locals[i]);
  f->locals = block;
  f->nlocals = n;
  return true;
}

void init_frame_object_type() {
  TypeSlots& s = frame_slots;
  s.name = "frame";
  s.dealloc = frame_dealloc;
  s.traverse = frame_traverse;
  s.clear = frame_clear;
  s.getattr = frame_getattr;
  register_type_slots(g_rt->types.frame, &frame_slots);
}

}  // namespace heaplab
