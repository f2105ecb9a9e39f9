#include "core/object/lru_cache.h"

#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/method.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

enum class CacheKind : uint64_t { Uncached, Infinite, Bounded };

LruCacheObject* as_cache(Object* o) { return static_cast<LruCacheObject*>(o); }
LruListElem* elem_at(Addr a) { return at<LruListElem>(a); }

// ---- _lru_list_elem

void elem_dealloc(Object* o) {
  auto* e = static_cast<LruListElem*>(o);
  xdecref(e->key.get());
  xdecref(e->result.get());
  free_object(o);
}

// Elements are not GC objects: the wrapper's traverse visits their keys
// and results (as CPython's lru_cache_tp_traverse), so that the collector
// sees cycles through the cache, and an element itself visits nothing.
void elem_traverse(Object*, VisitFn, void*) {}

// ---- the list: oldest after the root, newest before it

void list_remove(LruListElem* link) {
  elem_at(link->prev)->next = link->next;
  elem_at(link->next)->prev = link->prev;
}

void list_append(LruCacheObject* root, LruListElem* link) {
  LruListElem* last = elem_at(root->prev);
  last->next = root->prev = addr_of(link);
  link->prev = addr_of(last);
  link->next = addr_of(root);
}

// Unlinks every element (the dict still owns them): lru_cache_unlink_list.
void list_unlink_all(LruCacheObject* c) {
  c->prev = c->next = addr_of(c);
}

// ---- keys (lru_cache_make_key)

Object* make_key(LruCacheObject* c, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
  if (!c->typed && nkw == 0) {
    // One int or str argument is its own key; else the arguments' tuple.
    if (nargs == 1 && (type_of(args[0]) == g_rt->types.str || type_of(args[0]) == g_rt->types.int_))
      return newref(args[0]);
    return tuple_from_array(args, nargs);
  }
  std::vector<Object*> items(args, args + nargs);
  std::vector<Object*> types;
  if (nkw) {
    items.push_back(c->kwd_mark.get());
    for (size_t i = 0; i < nkw; ++i) {
      items.push_back(tuple_item(static_cast<TupleObject*>(kwnames), int64_t(i)));
      items.push_back(args[nargs + i]);
    }
  }
  if (c->typed) {
    for (size_t i = 0; i < nargs; ++i) items.push_back(type_of(args[i]));
    for (size_t i = 0; i < nkw; ++i) items.push_back(type_of(args[nargs + i]));
  }
  return tuple_from_array(items.data(), items.size());
}

Object* call_func(LruCacheObject* c, Object* const* args, size_t nargs, Object* kwnames) {
  return object_call(c->func.get(), args, nargs, kwnames);
}

Object* infinite_call(LruCacheObject* c, Object* const* args, size_t nargs, Object* kwnames) {
  Object* key = make_key(c, args, nargs, kwnames);
  if (!key) return nullptr;
  Object* result = dict_getitem(c->cache.get(), key);
  if (result) {
    ++c->hits;
    decref(key);
    return newref(result);
  }
  if (error_occurred()) {
    decref(key);
    return nullptr;
  }
  ++c->misses;
  result = call_func(c, args, nargs, kwnames);
  if (!result || dict_setitem(c->cache.get(), key, result) < 0) {
    decref(key);
    xdecref(result);
    return nullptr;
  }
  decref(key);
  return result;
}

Object* bounded_call(LruCacheObject* c, Object* const* args, size_t nargs, Object* kwnames) {
  Object* key = make_key(c, args, nargs, kwnames);
  if (!key) return nullptr;
  int64_t hash = object_hash(key);
  if (hash == -1 && error_occurred()) {
    decref(key);
    return nullptr;
  }
  if (Object* found = dict_getitem(c->cache.get(), key)) {
    // A hit: the element moves to the newest end.
    auto* link = static_cast<LruListElem*>(found);
    list_remove(link);
    list_append(c, link);
    ++c->hits;
    decref(key);
    return newref(link->result.get());
  }
  if (error_occurred()) {
    decref(key);
    return nullptr;
  }
  ++c->misses;
  Object* result = call_func(c, args, nargs, kwnames);
  if (!result) {
    decref(key);
    return nullptr;
  }
  int present = dict_contains(c->cache.get(), key);
  if (present != 0) {
    // The call itself cached this key (recursion): keep that entry.
    decref(key);
    if (present < 0) {
      decref(result);
      return nullptr;
    }
    return result;
  }
  if (dict_size(c->cache.get()) < c->maxsize || c->next == addr_of(c)) {
    // Not full: a new element at the newest end.
    auto* link = static_cast<LruListElem*>(new_object(g_rt->types.lru_list_elem, sizeof(LruListElem)));
    if (!link) {
      decref(key);
      decref(result);
      return nullptr;
    }
    link->hash = hash;
    link->key.set(newref(key));
    link->result.set(newref(result));
    if (dict_setitem(c->cache.get(), key, link) < 0) {
      decref(link);
      decref(key);
      decref(result);
      return nullptr;
    }
    list_append(c, link);
    decref(link);  // the dict holds it
    decref(key);
    return result;
  }
  // Full: the oldest element is reused for the new entry.
  auto* oldest = elem_at(c->next);
  incref(oldest);  // kept alive while it leaves the dict
  list_remove(oldest);
  if (dict_delitem(c->cache.get(), oldest->key.get()) < 0) {
    list_append(c, oldest);
    decref(oldest);
    decref(key);
    decref(result);
    return nullptr;
  }
  Object* old_key = oldest->key.get();
  Object* old_result = oldest->result.get();
  oldest->hash = hash;
  oldest->key.set(newref(key));
  oldest->result.set(newref(result));
  int r = dict_setitem(c->cache.get(), key, oldest);
  if (r == 0) list_append(c, oldest);
  decref(oldest);
  decref(old_key);
  decref(old_result);
  decref(key);
  if (r < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}

Object* cache_call(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  LruCacheObject* c = as_cache(self);
  switch (CacheKind(c->kind)) {
    case CacheKind::Uncached:
      ++c->misses;
      return call_func(c, args, nargs, kwnames);
    case CacheKind::Infinite: return infinite_call(c, args, nargs, kwnames);
    case CacheKind::Bounded: return bounded_call(c, args, nargs, kwnames);
  }
  return nullptr;
}

// ---- the wrapper object

void cache_clear_entries(LruCacheObject* c) {
  list_unlink_all(c);
  if (c->cache) dict_clear(c->cache.get());
}

void cache_tp_clear(Object* o) {
  LruCacheObject* c = as_cache(o);
  cache_clear_entries(c);
  for (Ref<Object>* field : {&c->func, &c->cache, &c->cache_info_type, &c->dict}) {
    Object* old = field->get();
    field->addr = 0;
    xdecref(old);
  }
}

void cache_dealloc(Object* o) {
  LruCacheObject* c = as_cache(o);
  gc_untrack(o);
  if (c->weakreflist) clear_weakrefs(o);
  cache_tp_clear(o);
  free_object(o);
}

void cache_traverse(Object* o, VisitFn visit, void* arg) {
  LruCacheObject* c = as_cache(o);
  for (Addr a = c->next; a != addr_of(c); a = elem_at(a)->next) {
    LruListElem* link = elem_at(a);
    if (link->key) visit(link->key.get(), arg);
    if (link->result) visit(link->result.get(), arg);
  }
  for (Ref<Object>* field : {&c->cache, &c->func, &c->cache_info_type, &c->dict})
    if (*field) visit(field->get(), arg);
}

Object* cache_descr_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == none()) return newref(self);
  return new_method(self, obj);
}

Object* cache_getattr(Object* o, Object* name) {
  LruCacheObject* c = as_cache(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__dict__") {
    if (!c->dict) {
      Object* d = dict_new();
      if (!d) return nullptr;
      c->dict.set(d);
    }
    return newref(c->dict.get());
  }
  if (c->dict)
    if (Object* v = dict_getitem_str(c->dict.get(), name)) return newref(v);
  return generic_getattr(o, name);
}

int cache_setattr(Object* o, Object* name, Object* value) {
  LruCacheObject* c = as_cache(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (n == "__dict__") {
    if (!value || !is_dict(value)) {
      set_error(g_rt->types.TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                value ? type_name(value) : "NoneType");
      return -1;
    }
    set_ref(c->dict, newref(value));
    return 0;
  }
  if (!c->dict) {
    Object* d = dict_new();
    if (!d) return -1;
    c->dict.set(d);
  }
  if (value) return dict_setitem(c->dict.get(), name, value);
  if (dict_delitem(c->dict.get(), name) < 0) {
    clear_error();
    set_error(g_rt->types.AttributeError, "'functools._lru_cache_wrapper' object has no attribute '%s'", n.c_str());
    return -1;
  }
  return 0;
}

// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)
Object* cache_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[4];
  if (!bind_args({"_lru_cache_wrapper", {"user_function", "maxsize", "typed", "cache_info_type"}, 4, 4}, args, nargs,
                 kwnames, a)) {
    return nullptr;
  }
  if (!slots_of(a[0]).call) return set_error(g_rt->types.TypeError, "the first argument must be callable");
  CacheKind kind;
  int64_t maxsize = -1;
  if (a[1] == none()) {
    kind = CacheKind::Infinite;
  } else if (int_is_int(a[1])) {
    if (!int_as_i64(static_cast<IntObject*>(a[1]), &maxsize)) maxsize = int_sign(static_cast<IntObject*>(a[1])) < 0 ? 0 : INT64_MAX;
    if (maxsize < 0) maxsize = 0;
    kind = maxsize == 0 ? CacheKind::Uncached : CacheKind::Bounded;
  } else {
    return set_error(g_rt->types.TypeError, "maxsize should be integer or None");
  }
  int typed = object_is_true(a[2]);
  if (typed < 0) return nullptr;
  Object* cache = dict_new();
  if (!cache) return nullptr;
  auto* c = static_cast<LruCacheObject*>(new_object(type, sizeof(LruCacheObject)));
  if (!c) {
    decref(cache);
    return nullptr;
  }
  c->prev = c->next = addr_of(c);
  c->kind = uint64_t(kind);
  c->typed = typed;
  c->cache.set(cache);
  c->func.set(newref(a[0]));
  c->maxsize = maxsize;
  c->kwd_mark.set(g_rt->lru_kwd_mark);
  c->lru_list_elem_type.set(g_rt->types.lru_list_elem);
  c->cache_info_type.set(newref(a[3]));
  gc_track(c);
  return c;
}

Object* cache_info(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("cache_info", kwnames) || !check_nargs("cache_info", nargs, 0, 0)) return nullptr;
  LruCacheObject* c = as_cache(self);
  Object* fields[] = {int_from_i64(c->hits), int_from_i64(c->misses),
                      CacheKind(c->kind) == CacheKind::Infinite ? newref(none()) : int_from_i64(c->maxsize),
                      int_from_i64(dict_size(c->cache.get()))};
  Object* r = nullptr;
  if (fields[0] && fields[1] && fields[2] && fields[3]) r = object_call(c->cache_info_type.get(), fields, 4, nullptr);
  for (Object* f : fields) xdecref(f);
  return r;
}

Object* cache_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("cache_clear", kwnames) || !check_nargs("cache_clear", nargs, 0, 0)) return nullptr;
  LruCacheObject* c = as_cache(self);
  c->hits = c->misses = 0;
  cache_clear_entries(c);
  return none();
}

Object* cache_copy(Object* self, Object* const*, size_t, Object*) { return newref(self); }

const NativeFunctionDef kCacheMethods[] = {
    {"cache_info", cache_info},
    {"cache_clear", cache_clear},
    {"__copy__", cache_copy},
    {"__deepcopy__", cache_copy},
};

TypeSlots elem_slots, cache_slots;

}  // namespace

void init_lru_cache_types() {
  TypeSlots& e = elem_slots;
  e.name = "functools._lru_list_elem";
  e.dealloc = elem_dealloc;
  e.traverse = elem_traverse;
  TypeObject* elem = new_static_type();
  elem->type.set(g_rt->types.type);
  elem->base.set(g_rt->types.object);
  elem->basicsize = sizeof(LruListElem);
  register_type_slots(elem, &e);
  g_rt->types.lru_list_elem = elem;

  TypeSlots& s = cache_slots;
  s.name = "functools._lru_cache_wrapper";
  s.dealloc = cache_dealloc;
  s.traverse = cache_traverse;
  s.clear = cache_tp_clear;
  s.call = cache_call;
  s.descr_get = cache_descr_get;
  s.getattr = cache_getattr;
  s.setattr = cache_setattr;
  s.construct = cache_construct;
  s.hash = slots_of(g_rt->types.object).hash;
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = sizeof(LruCacheObject);
  t->flags = kTypeHaveGC;
  t->weaklistoffset = offsetof(LruCacheObject, weakreflist);
  t->dictoffset = offsetof(LruCacheObject, dict);
  register_type_slots(t, &s);
  add_methods(t, kCacheMethods, std::size(kCacheMethods));
  g_rt->types.lru_cache_wrapper = t;

  // The object that separates positional from keyword arguments in keys.
  g_rt->lru_kwd_mark = new_static_object(g_rt->types.object, sizeof(Object));
}

}  // namespace heaplab
