#include "core/object/weakref.h"

#include <cstdio>
#include <string>
#include <utility>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

WeakrefTypes& types() { return g_rt->gc.weakref_types; }

WeakrefObject* as_ref(Object* o) { return static_cast<WeakrefObject*>(o); }
WeakrefObject* head_of(Addr* list) { return at<WeakrefObject>(*list); }

bool is_ref_exact(const Object* o) { return type_of(o) == types().ref; }
bool is_proxy(const Object* o) { return type_of(o) == types().proxy || type_of(o) == types().callable_proxy; }

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(kIdBase + addr_of(p)));
  return buf;
}

// get_basic_refs: the shared callback-less ref and proxy, which lead the list.
void get_basic_refs(WeakrefObject* head, WeakrefObject** ref, WeakrefObject** proxy) {
  *ref = nullptr;
  *proxy = nullptr;
  if (head && !head->wr_callback) {
    if (is_ref_exact(head)) {
      *ref = head;
      head = head->wr_next.get();
    }
    if (head && !head->wr_callback && is_proxy(head)) *proxy = head;
  }
}

void insert_head(WeakrefObject* r, Addr* list) {
  WeakrefObject* next = head_of(list);
  r->wr_prev.set(nullptr);
  r->wr_next.set(next);
  if (next) next->wr_prev.set(r);
  *list = addr_of(r);
}

void insert_after(WeakrefObject* r, WeakrefObject* prev) {
  r->wr_prev.set(prev);
  r->wr_next.set(prev->wr_next.get());
  if (WeakrefObject* next = prev->wr_next.get()) next->wr_prev.set(r);
  prev->wr_next.set(r);
}

// Links a new (non-shared) ref or proxy after the basic ref and proxy.
void insert_after_basic_refs(WeakrefObject* r, Addr* list) {
  WeakrefObject *ref, *proxy;
  get_basic_refs(head_of(list), &ref, &proxy);
  WeakrefObject* prev = proxy ? proxy : ref;
  if (prev) {
    insert_after(r, prev);
  } else {
    insert_head(r, list);
  }
}

void init_weakref(WeakrefObject* r, Object* ob, Object* callback) {
  r->hash = -1;
  r->wr_object.set(ob);
  r->wr_prev.set(nullptr);
  r->wr_next.set(nullptr);
  r->wr_callback.set(callback ? newref(callback) : nullptr);
}

// clear_weakref: unlinks `r` from its referent's list and drops the callback.
void clear_weakref(WeakrefObject* r) {
  Object* callback = r->wr_callback.get();
  Object* referent = r->wr_object.get();
  if (referent != none()) {
    Addr* list = weakref_list_head(referent);
    if (*list == addr_of(r)) *list = r->wr_next.addr;
    r->wr_object.set(none());
    if (WeakrefObject* prev = r->wr_prev.get()) prev->wr_next.set(r->wr_next.get());
    if (WeakrefObject* next = r->wr_next.get()) next->wr_prev.set(r->wr_prev.get());
    r->wr_prev.set(nullptr);
    r->wr_next.set(nullptr);
  }
  if (callback) {
    r->wr_callback.set(nullptr);
    decref(callback);
  }
}

int64_t list_length(WeakrefObject* head) {
  int64_t n = 0;
  for (; head; head = head->wr_next.get()) ++n;
  return n;
}

Object* cannot_weakref(Object* ob) {
  return set_error(g_rt->types.TypeError, "cannot create weak reference to '%s' object", type_name(ob));
}

// ---- Slots shared by refs and proxies ----

void weakref_dealloc(Object* o) {
  gc_untrack(o);
  clear_weakref(as_ref(o));
  free_object(o);
}

// The referent is borrowed: only the callback is a reference (gc_traverse).
void weakref_traverse(Object* o, VisitFn visit, void* arg) {
  if (Object* cb = as_ref(o)->wr_callback.get()) visit(cb, arg);
}

void weakref_clear_slot(Object* o) { clear_weakref(as_ref(o)); }

size_t weakref_size_of(Object* o) { return type_of(o)->basicsize; }

// ---- ReferenceType ----

Object* ref_call(Object* callable, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("weakref", kwnames)) return nullptr;
  if (nargs != 0) return set_error(g_rt->types.TypeError, "weakref expected 0 arguments, got %zu", nargs);
  return newref(weakref_referent(as_ref(callable)));
}

Object* ref_repr(Object* o) {
  WeakrefObject* r = as_ref(o);
  Object* obj = weakref_referent(r);
  if (obj == none()) return str_from_utf8("<weakref at " + address(o) + "; dead>");
  incref(obj);
  std::string text = "<weakref at " + address(o) + "; to '" + type_name(obj) + "' at " + address(obj);
  Object* name = object_getattr(obj, intern_str("__name__"));
  if (!name) {
    if (!error_matches(g_rt->types.AttributeError)) {
      decref(obj);
      return nullptr;
    }
    clear_error();
  } else if (is_str(name)) {
    text += " (" + str_to_utf8(static_cast<StrObject*>(name)) + ")";
  }
  xdecref(name);
  decref(obj);
  return str_from_utf8(text + ">");
}

int64_t ref_hash(Object* o) {
  WeakrefObject* r = as_ref(o);
  if (r->hash != -1) return r->hash;
  Object* obj = weakref_referent(r);
  if (obj == none()) {
    set_error(g_rt->types.TypeError, "weak object has gone away");
    return -1;
  }
  incref(obj);
  r->hash = object_hash(obj);
  decref(obj);
  return r->hash;
}

Object* ref_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_weakref(a) || !is_weakref(b))
    return newref(g_rt->not_implemented);
  Object* x = weakref_referent(as_ref(a));
  Object* y = weakref_referent(as_ref(b));
  if (x == none() || y == none()) return bool_obj((a == b) == (op == CompareOp::Eq));
  incref(x);
  incref(y);
  Object* r = object_rich_compare(x, y, op);
  decref(x);
  decref(y);
  return r;
}

Object* ref_getattr(Object* o, Object* name) {
  if (str_to_utf8(static_cast<StrObject*>(name)) == "__callback__") {
    Object* cb = as_ref(o)->wr_callback.get();
    return newref(cb ? cb : none());
  }
  return generic_getattr(o, name);
}

// weakref.ref(ob[, callback]): tp_new and tp_init in one.
Object* ref_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames && static_cast<TupleObject*>(kwnames)->size) {
    return set_error(g_rt->types.TypeError, "ref() takes no keyword arguments");
  }
  if (nargs < 1) return set_error(g_rt->types.TypeError, "__new__ expected at least 1 argument, got %zu", nargs);
  if (nargs > 2) return set_error(g_rt->types.TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
  return weakref_new(type, args[0], nargs > 1 ? args[1] : nullptr);
}

// ---- ProxyType and CallableProxyType: everything goes to the referent ----

// UNWRAP: the referent of a proxy (new reference), or ReferenceError once
// it died; other objects are returned as they are (new reference).
Object* unwrap(Object* o) {
  if (!is_proxy(o)) return newref(o);
  Object* obj = weakref_referent(as_ref(o));
  if (obj == none()) {
    return set_error(types().reference_error, "weakly-referenced object no longer exists");
  }
  return newref(obj);
}

template <class F>
auto with_referent(Object* proxy, F&& f) -> decltype(f(proxy)) {
  Object* obj = unwrap(proxy);
  if (!obj) return decltype(f(proxy))(-1);
  auto r = f(obj);
  decref(obj);
  return r;
}

Object* proxy_repr(Object* o) {
  Object* obj = weakref_referent(as_ref(o));
  return str_from_utf8("<weakproxy at " + address(o) + " to " + type_name(obj) + " at " + address(obj) + ">");
}

Object* proxy_str(Object* o) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r = object_str(obj);
  decref(obj);
  return r;
}

Object* proxy_getattr(Object* o, Object* name) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r = object_getattr(obj, name);
  decref(obj);
  return r;
}

int proxy_setattr(Object* o, Object* name, Object* value) {
  return with_referent(o, [&](Object* obj) { return value ? object_setattr(obj, name, value) : object_delattr(obj, name); });
}

// Runs f on the referents of both operands (a proxy's referent, or the
// object itself), releasing them after.
template <class F>
Object* with_both_referents(Object* a, Object* b, F f) {
  Object* x = unwrap(a);
  if (!x) return nullptr;
  Object* y = unwrap(b);
  if (!y) {
    decref(x);
    return nullptr;
  }
  Object* r = f(x, y);
  decref(x);
  decref(y);
  return r;
}

Object* proxy_richcompare(Object* a, Object* b, CompareOp op) {
  return with_both_referents(a, b, [op](Object* x, Object* y) { return object_rich_compare(x, y, op); });
}

template <BinaryOp op>
Object* proxy_binary(Object* a, Object* b) {
  return with_both_referents(a, b, [](Object* x, Object* y) { return binary_op(x, y, op); });
}

template <Object* (*unary)(Object*)>
Object* proxy_unary(Object* o) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r = unary(obj);
  decref(obj);
  return r;
}

int proxy_truth(Object* o) {
  return with_referent(o, [](Object* obj) { return object_is_true(obj); });
}

int64_t proxy_length(Object* o) {
  return with_referent(o, [](Object* obj) { return object_length(obj); });
}

int64_t proxy_hash(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

Object* proxy_getitem(Object* o, Object* key) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r = object_getitem(obj, key);
  decref(obj);
  return r;
}

int proxy_setitem(Object* o, Object* key, Object* value) {
  return with_referent(o, [&](Object* obj) { return value ? object_setitem(obj, key, value) : object_delitem(obj, key); });
}

int proxy_contains(Object* o, Object* value) {
  return with_referent(o, [&](Object* obj) { return sequence_contains(obj, value); });
}

Object* proxy_iter(Object* o) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r = object_iter(obj);
  decref(obj);
  return r;
}

Object* proxy_iternext(Object* o) {
  Object* obj = unwrap(o);
  if (!obj) return nullptr;
  Object* r;
  if (!slots_of(obj).iternext) {
    r = set_error(g_rt->types.TypeError, "Weakref proxy referenced a non-iterator '%s' object", type_name(obj));
  } else {
    r = iter_next(obj);
  }
  decref(obj);
  return r;
}

Object* proxy_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  Object* obj = unwrap(callable);
  if (!obj) return nullptr;
  Object* r = object_call(obj, args, nargs, kwnames);
  decref(obj);
  return r;
}

TypeSlots ref_slots, proxy_slots, callable_proxy_slots;

void fill_common_slots(TypeSlots& s, const char* name) {
  s.name = name;
  s.dealloc = weakref_dealloc;
  s.traverse = weakref_traverse;
  s.clear = weakref_clear_slot;
  s.size_of = weakref_size_of;
}

void fill_proxy_slots(TypeSlots& s, const char* name) {
  fill_common_slots(s, name);
  s.repr = proxy_repr;
  s.str = proxy_str;
  s.getattr = proxy_getattr;
  s.setattr = proxy_setattr;
  s.richcompare = proxy_richcompare;
  s.hash = proxy_hash;
  s.truth = proxy_truth;
  s.length = proxy_length;
  s.getitem = proxy_getitem;
  s.setitem = proxy_setitem;
  s.contains = proxy_contains;
  s.iter = proxy_iter;
  s.iternext = proxy_iternext;
  s.negative = proxy_unary<unary_negative>;
  s.positive = proxy_unary<unary_positive>;
  s.invert = proxy_unary<unary_invert>;
  [&]<size_t... I>(std::index_sequence<I...>) {
    ((s.number[I] = proxy_binary<BinaryOp(I)>), ...);
  }(std::make_index_sequence<size_t(BinaryOp::Count)>());
}

TypeObject* new_weakref_type(TypeSlots& slots, uint64_t flags) {
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(g_rt->types.object);
  t->basicsize = sizeof(WeakrefObject);
  t->flags = kTypeHaveGC | flags;
  register_type_slots(t, &slots);
  return t;
}

}  // namespace

bool type_supports_weakrefs(const TypeObject* t) {
  return t->weaklistoffset > 0 || (t->flags & kTypeManagedWeakref);
}

Addr* weakref_list_head(Object* o) {
  const TypeObject* t = type_of(o);
  if (t->flags & kTypeManagedWeakref) return &preheader(o)->weakreflist;
  return reinterpret_cast<Addr*>(reinterpret_cast<uint8_t*>(o) + t->weaklistoffset);
}

bool is_weakref(const Object* o) { return is_proxy(o) || is_instance(o, types().ref); }

Object* weakref_new(TypeObject* type, Object* ob, Object* callback) {
  if (!type_supports_weakrefs(type_of(ob))) return cannot_weakref(ob);
  if (callback == none()) callback = nullptr;
  Addr* list = weakref_list_head(ob);
  WeakrefObject *ref, *proxy;
  get_basic_refs(head_of(list), &ref, &proxy);
  bool basic = !callback && type == types().ref;
  if (basic && ref) return newref(ref);
  auto* r = static_cast<WeakrefObject*>(new_object(type, type->basicsize));
  if (!r) return nullptr;
  init_weakref(r, ob, callback);
  if (basic) {
    insert_head(r, list);
  } else {
    insert_after_basic_refs(r, list);
  }
  gc_track(r);
  return r;
}

Object* weakref_proxy_new(Object* ob, Object* callback) {
  if (!type_supports_weakrefs(type_of(ob))) return cannot_weakref(ob);
  if (callback == none()) callback = nullptr;
  Addr* list = weakref_list_head(ob);
  WeakrefObject *ref, *proxy;
  get_basic_refs(head_of(list), &ref, &proxy);
  if (!callback && proxy) return newref(proxy);
  TypeObject* type = slots_of(ob).call ? types().callable_proxy : types().proxy;
  auto* r = static_cast<WeakrefObject*>(new_object(type, sizeof(WeakrefObject)));
  if (!r) return nullptr;
  init_weakref(r, ob, callback);
  if (!callback) {
    if (ref) {
      insert_after(r, ref);
    } else {
      insert_head(r, list);
    }
  } else {
    insert_after_basic_refs(r, list);
  }
  gc_track(r);
  return r;
}

int64_t weakref_count(Object* o) {
  if (!type_supports_weakrefs(type_of(o))) return 0;
  return list_length(head_of(weakref_list_head(o)));
}

void weakref_clear_ref(WeakrefObject* r) {
  Addr callback = r->wr_callback.addr;
  r->wr_callback.addr = 0;
  clear_weakref(r);
  r->wr_callback.addr = callback;
}

void weakref_call_callback(WeakrefObject* r, Object* callback) {
  Object* arg = r;
  Object* result = object_call(callback, &arg, 1, nullptr);
  if (result) {
    decref(result);
  } else {
    write_unraisable(nullptr, callback);
  }
}

void clear_weakrefs(Object* o) {
  Addr* list = weakref_list_head(o);
  if (!*list) return;
  // The shared ref and proxy have no callbacks: they just die.
  for (int i = 0; i < 2; ++i) {
    WeakrefObject* head = head_of(list);
    if (head && !head->wr_callback) clear_weakref(head);
  }
  WeakrefObject* current = head_of(list);
  if (!current) return;
  Object* saved = fetch_error();
  int64_t count = list_length(current);
  if (count == 1) {
    Object* callback = current->wr_callback.get();
    current->wr_callback.set(nullptr);
    clear_weakref(current);
    if (callback) {
      if (current->refcnt > 0) weakref_call_callback(current, callback);
      decref(callback);
    }
  } else {
    // 3.12 detaches them all first, pairing each live ref with its
    // callback in a tuple, then calls the callbacks in list order.
    TupleObject* pairs = tuple_new(count * 2);
    if (!pairs) {
      xdecref(saved);
      return;
    }
    for (int64_t i = 0; i < count; ++i) {
      WeakrefObject* next = current->wr_next.get();
      Object* callback = current->wr_callback.get();
      if (current->refcnt > 0) {
        tuple_set_item(pairs, i * 2, newref(current));
        tuple_set_item(pairs, i * 2 + 1, callback);
      } else {
        xdecref(callback);
      }
      current->wr_callback.set(nullptr);
      clear_weakref(current);
      current = next;
    }
    for (int64_t i = 0; i < count; ++i) {
      if (Object* callback = tuple_item(pairs, i * 2 + 1))
        weakref_call_callback(as_ref(tuple_item(pairs, i * 2)), callback);
    }
    decref(pairs);
  }
  if (saved) {
    raise(saved);
    decref(saved);
  }
}

void init_weakref_types() {
  WeakrefTypes& t = types();
  fill_common_slots(ref_slots, "weakref.ReferenceType");
  ref_slots.call = ref_call;
  ref_slots.repr = ref_repr;
  ref_slots.hash = ref_hash;
  ref_slots.richcompare = ref_richcompare;
  ref_slots.getattr = ref_getattr;
  ref_slots.construct = ref_construct;
  t.ref = new_weakref_type(ref_slots, kTypeBaseType);

  fill_proxy_slots(proxy_slots, "weakref.ProxyType");
  t.proxy = new_weakref_type(proxy_slots, 0);
  fill_proxy_slots(callable_proxy_slots, "weakref.CallableProxyType");
  callable_proxy_slots.call = proxy_call;
  t.callable_proxy = new_weakref_type(callable_proxy_slots, 0);

  t.reference_error = new_exception_type("ReferenceError", g_rt->types.Exception);
}

}  // namespace heaplab
