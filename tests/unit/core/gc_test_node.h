// A small GC type for the collector and weakref tests: one reference field,
// a weakref list, and an optional finalizer that can resurrect the object.
#pragma once

#include <vector>

#include "core/object/gc_header.h"
#include "core/object/list.h"
#include "core/object/runtime.h"
#include "core/object/weakref.h"

namespace heaplab::test {

struct NodeObject : Object {
  Ref<Object> other;
  Addr weaklist;
};

struct NodeWorld {
  TypeObject* type = nullptr;
  std::vector<Object*> finalized;   // borrowed: which objects were finalized, in order
  Object* resurrect_into = nullptr;  // a list: finalizers append their object to it
};

inline NodeWorld* g_nodes = nullptr;

inline void node_dealloc(Object* o) {
  gc_untrack(o);
  auto* n = static_cast<NodeObject*>(o);
  if (n->weaklist) clear_weakrefs(o);
  set_ref(n->other, static_cast<Object*>(nullptr));
  free_object(o);
}

inline void node_traverse(Object* o, VisitFn visit, void* arg) {
  if (Object* other = static_cast<NodeObject*>(o)->other.get()) visit(other, arg);
}

inline void node_clear(Object* o) { set_ref(static_cast<NodeObject*>(o)->other, static_cast<Object*>(nullptr)); }

inline void node_finalize(Object* o) {
  g_nodes->finalized.push_back(o);
  if (g_nodes->resurrect_into) list_append(g_nodes->resurrect_into, o);
}

inline TypeSlots g_node_slots = [] {
  TypeSlots s;
  s.name = "Node";
  s.dealloc = node_dealloc;
  s.traverse = node_traverse;
  s.clear = node_clear;
  s.finalize = node_finalize;
  return s;
}();

inline TypeObject* make_node_type() {
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = sizeof(NodeObject);
  t->flags = kTypeHaveGC;
  t->weaklistoffset = weaklist_field_offset(&NodeObject::weaklist);
  register_type_slots(t, &g_node_slots);
  return t;
}

inline NodeObject* new_node(Object* other = nullptr) {
  auto* n = static_cast<NodeObject*>(new_object(g_nodes->type, sizeof(NodeObject)));
  if (other) n->other.set(newref(other));
  gc_track(n);
  return n;
}

inline void link(NodeObject* from, Object* to) { set_ref(from->other, newref(to)); }

}  // namespace heaplab::test
