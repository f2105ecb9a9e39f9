#include "core/object/dict_views.h"

#include <iterator>
#include <string>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/set.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

struct DictViewObject : Object {
  Ref<Object> dict;
};
static_assert(sizeof(DictViewObject) == 24);

DictViewObject* as_view(Object* o) { return static_cast<DictViewObject*>(o); }

bool is_keys_or_items_view(const Object* o) {
  return type_of(o) == g_rt->types.dict_keys || type_of(o) == g_rt->types.dict_items;
}

Object* new_view(Object* dict, TypeObject* type) {
  auto* v = static_cast<DictViewObject*>(new_object(type, sizeof(DictViewObject)));
  if (!v) return nullptr;
  v->dict.set(newref(dict));
  gc_track(v);
  return v;
}

// ---- the value and item iterators (dictiterobject) ----

Object* new_dict_iter(Object* dict, TypeObject* type) {
  auto* di = static_cast<DictIterObject*>(new_object(type, sizeof(DictIterObject)));
  if (!di) return nullptr;
  di->di_dict = addr_of(newref(dict));
  di->di_used = dict_size(dict);
  di->di_pos = 0;
  di->len = di->di_used;
  if (type == g_rt->types.dict_reversekeyiterator || type == g_rt->types.dict_reversevalueiterator ||
      type == g_rt->types.dict_reverseitemiterator) {
    di->di_pos = dict_last_position(dict);
  }
  if (type == g_rt->types.dict_itemiterator || type == g_rt->types.dict_reverseitemiterator) {
    Object* nones[2] = {none(), none()};
    Object* result = tuple_from_array(nones, 2);
    if (!result) {
      decref(di);
      return nullptr;
    }
    di->di_result = addr_of(result);
  }
  gc_track(di);
  return di;
}

// The next live entry, with dictiter_iternextkey's checks.
bool dictiter_step(DictIterObject* di, Object** key, Object** value) {
  if (!di->di_dict) return false;
  Object* d = at<Object>(di->di_dict);
  if (di->di_used != dict_size(d)) {
    set_error(g_rt->types.RuntimeError, "dictionary changed size during iteration");
    di->di_used = -1;
    return false;
  }
  int64_t pos = di->di_pos;
  bool found = dict_next(d, &pos, key, value);
  if (found && di->len == 0) {
    set_error(g_rt->types.RuntimeError, "dictionary keys changed during iteration");
    found = false;
  }
  if (!found) {
    di->di_dict = 0;
    decref(d);
    return false;
  }
  di->di_pos = pos;
  di->len--;
  return true;
}

// The previous live entry, for the reversed iterators (dictreviter_iternext).
bool dictreviter_step(DictIterObject* di, Object** key, Object** value) {
  if (!di->di_dict) return false;
  Object* d = at<Object>(di->di_dict);
  if (di->di_used != dict_size(d)) {
    set_error(g_rt->types.RuntimeError, "dictionary changed size during iteration");
    di->di_used = -1;
    return false;
  }
  int64_t pos = di->di_pos;
  if (!dict_prev(d, &pos, key, value)) {
    di->di_pos = -1;
    di->di_dict = 0;
    decref(d);
    return false;
  }
  di->di_pos = pos;
  di->len--;
  return true;
}

using StepFn = bool (*)(DictIterObject*, Object**, Object**);

template <StepFn step>
Object* next_key(Object* o) {
  Object *key, *value;
  if (!step(static_cast<DictIterObject*>(o), &key, &value)) return nullptr;
  return newref(key);
}

template <StepFn step>
Object* next_value(Object* o) {
  Object *key, *value;
  if (!step(static_cast<DictIterObject*>(o), &key, &value)) return nullptr;
  return newref(value);
}

// Items reuse their result tuple while nothing else holds it.
template <StepFn step>
Object* next_item(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  Object *key, *value;
  if (!step(di, &key, &value)) return nullptr;
  auto* result = at<TupleObject>(di->di_result);
  if (result->refcnt == 1) {
    Object* old_key = tuple_item(result, 0);
    Object* old_value = tuple_item(result, 1);
    tuple_set_item(result, 0, newref(key));
    tuple_set_item(result, 1, newref(value));
    incref(result);
    decref(old_key);
    decref(old_value);
    if (!gc_is_tracked(result)) gc_track(result);
    return result;
  }
  TupleObject* t = tuple_new(2);
  if (!t) return nullptr;
  tuple_set_item(t, 0, newref(key));
  tuple_set_item(t, 1, newref(value));
  return t;
}

Object* iter_self(Object* o) { return newref(o); }

// ---- views ----

void view_dealloc(Object* o) {
  gc_untrack(o);
  Object* d = as_view(o)->dict.get();
  as_view(o)->dict.set(nullptr);
  xdecref(d);
  free_object(o);
}

void view_traverse(Object* o, VisitFn visit, void* arg) {
  if (Object* d = as_view(o)->dict.get()) visit(d, arg);
}

int64_t view_length(Object* o) { return dict_size(as_view(o)->dict.get()); }

// The dict's own key iterator, whatever __iter__ a subclass defines.
Object* keys_iter(Object* o) { return slots_of(g_rt->types.dict).iter(as_view(o)->dict.get()); }
Object* values_iter(Object* o) { return new_dict_iter(as_view(o)->dict.get(), g_rt->types.dict_valueiterator); }
Object* items_iter(Object* o) { return new_dict_iter(as_view(o)->dict.get(), g_rt->types.dict_itemiterator); }

// dict_keys([...]): the repr of the list of the view.
Object* view_repr(Object* o) {
  Object* l = list_new(0);
  if (!l) return nullptr;
  if (list_extend(l, o) < 0) {
    decref(l);
    return nullptr;
  }
  std::string inner;
  bool ok = repr_utf8(l, &inner);
  decref(l);
  if (!ok) return nullptr;
  return str_from_utf8(std::string(type_name(o)) + "(" + inner + ")");
}

int keys_contains(Object* o, Object* key) { return dict_contains(as_view(o)->dict.get(), key); }

int items_contains(Object* o, Object* item) {
  if (!is_tuple(item) || static_cast<TupleObject*>(item)->size != 2) return 0;
  Object* key = tuple_item(static_cast<TupleObject*>(item), 0);
  Object* found = dict_getitem(as_view(o)->dict.get(), key);
  if (!found) return error_occurred() ? -1 : 0;
  incref(found);
  int r = object_rich_compare_bool(found, tuple_item(static_cast<TupleObject*>(item), 1), CompareOp::Eq);
  decref(found);
  return r;
}

// all_contained_in: every element of a is in b.
int all_contained_in(Object* a, Object* b) {
  Object* it = object_iter(a);
  if (!it) return -1;
  int ok = 1;
  while (Object* x = iter_next(it)) {
    ok = sequence_contains(b, x);
    decref(x);
    if (ok <= 0) break;
  }
  decref(it);
  return ok == 1 && error_occurred() ? -1 : ok;
}

// Keys and items views compare as sets with sets and other views.
Object* view_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_anyset(b) && !is_keys_or_items_view(b)) return newref(g_rt->not_implemented);
  int64_t la = object_length(a), lb = object_length(b);
  if (la < 0 || lb < 0) return nullptr;
  int r = 0;
  switch (op) {
    case CompareOp::Eq: case CompareOp::Ne: r = la == lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Lt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Le: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Gt: r = la > lb ? all_contained_in(b, a) : 0; break;
    case CompareOp::Ge: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (r < 0) return nullptr;
  return bool_obj(op == CompareOp::Ne ? !r : r);
}

// view op other: set(view) op other (either side may be the view).
Object* view_set_op(Object* a, Object* b, BinaryOp op) {
  Object* left = set_new(is_keys_or_items_view(a) ? a : b);
  if (!left) return nullptr;
  Object* right = is_keys_or_items_view(a) ? b : a;
  Object* other = is_anyset(right) ? newref(right) : set_new(right);
  if (!other) {
    decref(left);
    return nullptr;
  }
  Object* r = is_keys_or_items_view(a) ? binary_op(left, other, op) : binary_op(other, left, op);
  decref(left);
  decref(other);
  return r;
}
Object* view_or(Object* a, Object* b) { return view_set_op(a, b, BinaryOp::Or); }
Object* view_and(Object* a, Object* b) { return view_set_op(a, b, BinaryOp::And); }
Object* view_sub(Object* a, Object* b) { return view_set_op(a, b, BinaryOp::Subtract); }
Object* view_xor(Object* a, Object* b) { return view_set_op(a, b, BinaryOp::Xor); }

// __reversed__ of a view: a reversed iterator over its dict.
Object* view_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  const char* name = type_of(self) == g_rt->types.dict_keys     ? "dict_keys.__reversed__"
                     : type_of(self) == g_rt->types.dict_values ? "dict_values.__reversed__"
                                                                 : "dict_items.__reversed__";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 0, 0)) return nullptr;
  TypeObject* type = type_of(self) == g_rt->types.dict_keys     ? g_rt->types.dict_reversekeyiterator
                     : type_of(self) == g_rt->types.dict_values ? g_rt->types.dict_reversevalueiterator
                                                                 : g_rt->types.dict_reverseitemiterator;
  return new_dict_iter(as_view(self)->dict.get(), type);
}

// isdisjoint(other): no element of other is in the view.
Object* view_isdisjoint(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  const char* name = type_of(self) == g_rt->types.dict_keys ? "dict_keys.isdisjoint" : "dict_items.isdisjoint";
  if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  if (args[0] == self) return bool_obj(dict_size(as_view(self)->dict.get()) == 0);
  Object* it = object_iter(args[0]);
  if (!it) return nullptr;
  while (Object* x = iter_next(it)) {
    int r = slots_of(self).contains(self, x);
    decref(x);
    if (r != 0) {
      decref(it);
      return r < 0 ? nullptr : bool_obj(false);
    }
  }
  decref(it);
  return error_occurred() ? nullptr : bool_obj(true);
}

// __length_hint__ of the dict iterators: the entries left while the dict
// keeps its size, else 0.
Object* dictiter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  std::string name = std::string(type_name(self)) + ".__length_hint__";
  if (!check_no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
  auto* di = static_cast<DictIterObject*>(self);
  bool live = di->di_dict && di->di_used == dict_size(at<Object>(di->di_dict));
  return int_from_i64(live ? di->len : 0);
}

const NativeFunctionDef kDictIterMethods[] = {{"__length_hint__", dictiter_length_hint}};

const NativeFunctionDef kSetLikeViewMethods[] = {{"isdisjoint", view_isdisjoint}, {"__reversed__", view_reversed}};
const NativeFunctionDef kValuesViewMethods[] = {{"__reversed__", view_reversed}};

TypeSlots keys_slots, values_slots, items_slots, valueiter_slots, itemiter_slots;
TypeSlots revkeyiter_slots, revvalueiter_slots, revitemiter_slots;

void init_view(TypeObject* type, TypeSlots& s, const char* name, Object* (*iter)(Object*),
               int (*contains)(Object*, Object*), bool set_like) {
  s.name = name;
  s.dealloc = view_dealloc;
  s.traverse = view_traverse;
  s.length = view_length;
  s.iter = iter;
  s.repr = view_repr;
  s.contains = contains;
  if (set_like) {
    s.richcompare = view_richcompare;
    s.number[size_t(BinaryOp::Or)] = view_or;
    s.number[size_t(BinaryOp::And)] = view_and;
    s.number[size_t(BinaryOp::Subtract)] = view_sub;
    s.number[size_t(BinaryOp::Xor)] = view_xor;
  }
  register_type_slots(type, &s);
}

void init_iter(TypeObject* type, TypeSlots& s, const char* name, Object* (*next)(Object*)) {
  s.name = name;
  s.dealloc = dictiter_dealloc;
  s.traverse = dictiter_traverse;
  s.iter = iter_self;
  s.iternext = next;
  register_type_slots(type, &s);
}

// ---- dict methods ----

Object* m_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.__reversed__", kwnames) || !check_nargs("dict.__reversed__", nargs, 0, 0)) return nullptr;
  return new_dict_iter(self, g_rt->types.dict_reversekeyiterator);
}

Object* m_keys(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.keys", kwnames) || !check_nargs("dict.keys", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.dict_keys);
}
Object* m_values(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.values", kwnames) || !check_nargs("dict.values", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.dict_values);
}
Object* m_items(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.items", kwnames) || !check_nargs("dict.items", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.dict_items);
}

Object* m_get(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.get", kwnames) || !check_nargs("get", nargs, 1, 2)) return nullptr;
  Object* v = dict_getitem(self, args[0]);
  if (!v && error_occurred()) return nullptr;
  return newref(v ? v : nargs == 2 ? args[1] : none());
}

Object* m_setdefault(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.setdefault", kwnames) || !check_nargs("setdefault", nargs, 1, 2)) return nullptr;
  Object* v = dict_getitem(self, args[0]);
  if (v) return newref(v);
  if (error_occurred()) return nullptr;
  Object* dflt = nargs == 2 ? args[1] : none();
  if (dict_setitem(self, args[0], dflt) < 0) return nullptr;
  return newref(dflt);
}

Object* m_pop(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.pop", kwnames) || !check_nargs("pop", nargs, 1, 2)) return nullptr;
  // An empty dict answers without hashing the key (_PyDict_Pop).
  if (dict_size(self) == 0) return nargs == 2 ? newref(args[1]) : set_error_object(g_rt->types.KeyError, args[0]);
  Object* v = dict_getitem(self, args[0]);
  if (!v) {
    if (error_occurred()) return nullptr;
    if (nargs == 2) return newref(args[1]);
    return set_error_object(g_rt->types.KeyError, args[0]);
  }
  incref(v);
  if (dict_delitem(self, args[0]) < 0) {
    decref(v);
    return nullptr;
  }
  return v;
}

// popitem: the last entry in insertion order, as a (key, value) tuple.
Object* m_popitem(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.popitem", kwnames) || !check_nargs("dict.popitem", nargs, 0, 0)) return nullptr;
  if (dict_size(self) == 0) return set_error(g_rt->types.KeyError, "popitem(): dictionary is empty");
  int64_t pos = 0;
  Object *key = nullptr, *value = nullptr, *k, *v;
  while (dict_next(self, &pos, &k, &v)) {
    key = k;
    value = v;
  }
  TupleObject* t = tuple_new(2);
  if (!t) return nullptr;
  tuple_set_item(t, 0, newref(key));
  tuple_set_item(t, 1, newref(value));
  if (dict_delitem(self, key) < 0) {
    decref(t);
    return nullptr;
  }
  return t;
}

Object* m_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("update", nargs, 0, 1)) return nullptr;
  return dict_update_from(self, nargs ? args[0] : nullptr, args + nargs, kwnames) < 0 ? nullptr : none();
}

Object* m_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.clear", kwnames) || !check_nargs("dict.clear", nargs, 0, 0)) return nullptr;
  dict_clear(self);
  return none();
}

// copy: a table presized for the entries, filled in order.
Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.copy", kwnames) || !check_nargs("dict.copy", nargs, 0, 0)) return nullptr;
  int64_t n = dict_size(self);
  bool unicode = true;
  int64_t pos = 0;
  Object *k, *v;
  while (dict_next(self, &pos, &k, &v)) unicode &= type_of(k) == g_rt->types.str;
  Object* r = n ? dict_new_presized(n, unicode) : dict_new();
  if (!r) return nullptr;
  pos = 0;
  while (dict_next(self, &pos, &k, &v)) {
    if (dict_setitem(r, k, v) < 0) {
      decref(r);
      return nullptr;
    }
  }
  return r;
}

// dict.fromkeys(iterable, value=None), on the class it is called on.
Object* m_fromkeys(Object* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.fromkeys", kwnames) || !check_nargs("fromkeys", nargs, 1, 2)) return nullptr;
  Object* value = nargs > 1 ? args[1] : none();
  Object* d = object_call(type, nullptr, 0, nullptr);
  if (!d) return nullptr;
  Object* it = object_iter(args[0]);
  if (!it) {
    decref(d);
    return nullptr;
  }
  while (Object* key = iter_next(it)) {
    int r = object_setitem(d, key, value);
    decref(key);
    if (r < 0) {
      decref(it);
      decref(d);
      return nullptr;
    }
  }
  decref(it);
  if (error_occurred()) {
    decref(d);
    return nullptr;
  }
  return d;
}

// dict.__getitem__ and dict.__contains__ are methods besides their slots
// (METH_COEXIST), as in CPython.
Object* m_getitem(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.__getitem__", kwnames) || !check_nargs("dict.__getitem__", nargs, 1, 1)) return nullptr;
  return slots_of(g_rt->types.dict).getitem(self, args[0]);
}

Object* m_contains(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("dict.__contains__", kwnames) || !check_nargs("dict.__contains__", nargs, 1, 1)) return nullptr;
  int r = slots_of(g_rt->types.dict).contains(self, args[0]);
  return r < 0 ? nullptr : bool_obj(r);
}

const NativeFunctionDef kDictMethods[] = {
    {"__getitem__", m_getitem}, {"__contains__", m_contains}, {"__reversed__", m_reversed},
    {"fromkeys", m_fromkeys, true},
    {"keys", m_keys},       {"values", m_values}, {"items", m_items},   {"get", m_get},
    {"setdefault", m_setdefault}, {"pop", m_pop}, {"popitem", m_popitem}, {"update", m_update},
    {"clear", m_clear},     {"copy", m_copy},
};

// One (key, value) pair of an update sequence; false with the exception set.
bool update_pair(Object* d, Object* item, int64_t index) {
  Object* seq = nullptr;
  if (is_list(item) || is_tuple(item)) {
    seq = newref(item);
  } else {
    seq = list_new(0);
    if (!seq) return false;
    if (list_extend(seq, item) < 0) {
      decref(seq);
      if (error_matches(g_rt->types.TypeError)) {
        clear_error();
        set_error(g_rt->types.TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                  (long long)index);
      }
      return false;
    }
  }
  int64_t n = object_length(seq);
  bool ok = n == 2;
  if (!ok) {
    set_error(g_rt->types.ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
              (long long)index, (long long)n);
  } else {
    Object* key = is_list(seq) ? list_item(static_cast<ListObject*>(seq), 0) : tuple_item(static_cast<TupleObject*>(seq), 0);
    Object* value = is_list(seq) ? list_item(static_cast<ListObject*>(seq), 1) : tuple_item(static_cast<TupleObject*>(seq), 1);
    ok = dict_setitem(d, key, value) == 0;
  }
  decref(seq);
  return ok;
}

}  // namespace

bool is_plain_dict(Object* o) { return is_dict(o) && slots_of(o).iter == slots_of(g_rt->types.dict).iter; }

int dict_merge(Object* d, Object* other) {
  if (is_plain_dict(other)) {
    int64_t pos = 0;
    Object *k, *v;
    while (dict_next(other, &pos, &k, &v))
      if (dict_setitem(d, k, v) < 0) return -1;
    return 0;
  }
  Object* keys_name = intern_str("keys");
  Object* keys = type_lookup(type_of(other), keys_name) ? object_getattr(other, keys_name) : nullptr;
  if (!keys) {
    if (!error_occurred()) set_error(g_rt->types.TypeError, "'%s' object is not a mapping", type_name(other));
    return -1;
  }
  Object* list = object_call(keys, nullptr, 0, nullptr);
  decref(keys);
  if (!list) return -1;
  Object* it = object_iter(list);
  decref(list);
  if (!it) return -1;
  while (Object* k = iter_next(it)) {
    Object* v = object_getitem(other, k);
    int r = v ? dict_setitem(d, k, v) : -1;
    xdecref(v);
    decref(k);
    if (r < 0) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}

int dict_update_from(Object* d, Object* arg, Object* const* kwvalues, Object* kwnames) {
  if (arg && (is_plain_dict(arg) || type_lookup(type_of(arg), intern_str("keys")))) {
    if (dict_merge(d, arg) < 0) return -1;
  } else if (arg) {
    Object* it = object_iter(arg);
    if (!it) return -1;
    int64_t i = 0;
    while (Object* item = iter_next(it)) {
      bool ok = update_pair(d, item, i++);
      decref(item);
      if (!ok) {
        decref(it);
        return -1;
      }
    }
    decref(it);
    if (error_occurred()) return -1;
  }
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t i = 0; i < names->size; ++i)
      if (dict_setitem(d, tuple_item(names, i), kwvalues[i]) < 0) return -1;
  }
  return 0;
}

void init_dict_views() {
  const BuiltinTypes& t = g_rt->types;
  init_view(t.dict_keys, keys_slots, "dict_keys", keys_iter, keys_contains, true);
  init_view(t.dict_values, values_slots, "dict_values", values_iter, nullptr, false);
  init_view(t.dict_items, items_slots, "dict_items", items_iter, items_contains, true);
  init_iter(t.dict_valueiterator, valueiter_slots, "dict_valueiterator", next_value<dictiter_step>);
  init_iter(t.dict_itemiterator, itemiter_slots, "dict_itemiterator", next_item<dictiter_step>);
  // The reversed iterators (dictreviterobject, 56 bytes, GC).
  BuiltinTypes& m = g_rt->types;
  for (TypeObject** type : {&m.dict_reversekeyiterator, &m.dict_reversevalueiterator, &m.dict_reverseitemiterator}) {
    *type = new_static_type();
    (*type)->type.set(m.type);
    (*type)->base.set(m.object);
    (*type)->basicsize = sizeof(DictIterObject);
    (*type)->flags = kTypeHaveGC;
  }
  init_iter(m.dict_reversekeyiterator, revkeyiter_slots, "dict_reversekeyiterator", next_key<dictreviter_step>);
  init_iter(m.dict_reversevalueiterator, revvalueiter_slots, "dict_reversevalueiterator", next_value<dictreviter_step>);
  init_iter(m.dict_reverseitemiterator, revitemiter_slots, "dict_reverseitemiterator", next_item<dictreviter_step>);

}

void init_dict_methods() {
  const BuiltinTypes& t = g_rt->types;
  add_methods(t.dict, kDictMethods, std::size(kDictMethods));
  add_methods(t.dict_keys, kSetLikeViewMethods, std::size(kSetLikeViewMethods));
  add_methods(t.dict_items, kSetLikeViewMethods, std::size(kSetLikeViewMethods));
  add_methods(t.dict_values, kValuesViewMethods, std::size(kValuesViewMethods));
  for (TypeObject* it : {t.dict_keyiterator, t.dict_valueiterator, t.dict_itemiterator, t.dict_reversekeyiterator,
                         t.dict_reversevalueiterator, t.dict_reverseitemiterator})
    add_methods(it, kDictIterMethods, std::size(kDictIterMethods));
}

}  // namespace heaplab
