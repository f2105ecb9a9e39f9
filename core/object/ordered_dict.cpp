#include "core/object/ordered_dict.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module_type.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

// odictiterobject, shared by the three iterator kinds.
struct ODictIterObject : Object {
  int64_t kind;  // kIterKeys / kIterValues / kIterItems, | kIterReversed
  Ref<OrderedDictObject> di_odict;  // 0 once exhausted
  int64_t di_size;
  uint64_t di_state;
  Ref<Object> di_current;  // the next key
  Ref<Object> di_result;   // the reusable (key, value) tuple of items iterators
};
static_assert(sizeof(ODictIterObject) == 64);

// _PyDictViewObject.
struct ODictViewObject : Object {
  Ref<Object> dict;
};

constexpr int64_t kIterKeys = 1, kIterValues = 2, kIterItems = 3, kIterReversed = 4;

OrderedDictObject* as_od(Object* o) { return static_cast<OrderedDictObject*>(o); }
OrderedDictNode* node_at(Addr a) { return at<OrderedDictNode>(a); }
Object* node_key(Addr a) { return at<Object>(node_at(a)->key); }
Addr* fast_nodes(OrderedDictObject* od) { return at<Addr>(od->od_fast_nodes); }
const TypeSlots& dict_type_slots() { return slots_of(g_rt->types.dict); }
bool is_odict(const Object* o) { return is_instance(o, g_rt->types.ordered_dict); }

int64_t keys_table_size(OrderedDictObject* od) {
  return int64_t(1) << at<DictKeysObject>(od->ma_keys)->dk_log2_size;
}

// _odict_resize: a fresh fast-node table for the dict's current entries.
bool odict_resize(OrderedDictObject* od) {
  int64_t size = keys_table_size(od);
  Addr table = mem_alloc(size_t(size) * sizeof(Addr));
  if (!table) {
    set_memory_error();
    return false;
  }
  std::memset(at<Addr>(table), 0, size_t(size) * sizeof(Addr));
  for (Addr n = od->od_first; n; n = node_at(n)->next) {
    int64_t i = dict_entry_index(od, node_key(n));
    if (i < 0) {
      mem_free(table);
      if (!error_occurred()) set_error(g_rt->types.RuntimeError, "OrderedDict mutated during iteration");
      return false;
    }
    at<Addr>(table)[i] = n;
  }
  mem_free(od->od_fast_nodes);
  od->od_fast_nodes = table;
  od->od_fast_nodes_size = size;
  od->od_resize_sentinel = od->ma_keys;
  return true;
}

// _odict_get_index: the entry index of key, the fast table brought up to date first.
int64_t odict_get_index(OrderedDictObject* od, Object* key) {
  if (od->od_resize_sentinel != od->ma_keys || od->od_fast_nodes_size != keys_table_size(od)) {
    if (!odict_resize(od)) return kDkixError;
  }
  return dict_entry_index(od, key);
}

// _odict_find_node: 0 when missing (check error_occurred()).
Addr odict_find_node(OrderedDictObject* od, Object* key) {
  if (!od->od_first) return 0;
  int64_t i = odict_get_index(od, key);
  return i < 0 ? 0 : fast_nodes(od)[i];
}

void add_tail(OrderedDictObject* od, Addr n) {
  node_at(n)->prev = od->od_last;
  node_at(n)->next = 0;
  if (od->od_last) node_at(od->od_last)->next = n;
  else od->od_first = n;
  od->od_last = n;
  od->od_state++;
}

void add_head(OrderedDictObject* od, Addr n) {
  node_at(n)->prev = 0;
  node_at(n)->next = od->od_first;
  if (od->od_first) node_at(od->od_first)->prev = n;
  else od->od_last = n;
  od->od_first = n;
  od->od_state++;
}

void remove_node(OrderedDictObject* od, Addr n) {
  OrderedDictNode* node = node_at(n);
  if (od->od_first == n) od->od_first = node->next;
  if (od->od_last == n) od->od_last = node->prev;
  if (node->prev) node_at(node->prev)->next = node->next;
  if (node->next) node_at(node->next)->prev = node->prev;
  node->prev = node->next = 0;
  od->od_state++;
}

// _odict_add_new_node: after the dict got the key.
bool add_new_node(OrderedDictObject* od, Object* key) {
  int64_t hash = object_hash(key);
  if (hash == -1) return false;
  int64_t i = odict_get_index(od, key);
  if (i < 0) {
    if (!error_occurred()) set_error_object(g_rt->types.KeyError, key);
    return false;
  }
  if (fast_nodes(od)[i]) return true;  // the key already has its node
  Addr n = mem_alloc(sizeof(OrderedDictNode));
  if (!n) {
    set_memory_error();
    return false;
  }
  node_at(n)->key = addr_of(newref(key));
  node_at(n)->hash = hash;
  add_tail(od, n);
  fast_nodes(od)[i] = n;
  return true;
}

// _odict_clear_node: unlinks and frees key's node, if it has one.
bool clear_node(OrderedDictObject* od, Object* key) {
  if (!od->od_first) return true;
  int64_t i = odict_get_index(od, key);
  if (i < 0) return !error_occurred();
  Addr n = fast_nodes(od)[i];
  if (!n) return true;
  fast_nodes(od)[i] = 0;
  remove_node(od, n);
  Object* k = node_key(n);
  mem_free(n);
  decref(k);
  return true;
}

// _odict_clear_nodes: frees the list and the fast table.
void clear_nodes(OrderedDictObject* od) {
  mem_free(od->od_fast_nodes);
  od->od_fast_nodes = 0;
  od->od_fast_nodes_size = 0;
  od->od_resize_sentinel = 0;
  Addr n = od->od_first;
  od->od_first = od->od_last = 0;
  while (n) {
    Addr next = node_at(n)->next;
    Object* k = node_key(n);
    mem_free(n);
    decref(k);
    n = next;
  }
}

int odict_setitem(Object* o, Object* key, Object* value) {
  OrderedDictObject* od = as_od(o);
  if (!value) {
    if (!clear_node(od, key)) return -1;
    return dict_delitem(o, key);
  }
  if (dict_setitem(o, key, value) < 0) return -1;
  if (!add_new_node(od, key)) {
    Object* saved = fetch_error();
    if (dict_delitem(o, key) < 0) clear_error();
    raise(saved);
    decref(saved);
    return -1;
  }
  return 0;
}

// _odict_popkey_hash: the value (new reference), `failobj` when missing, or KeyError.
Object* popkey(Object* o, Object* key, Object* failobj) {
  OrderedDictObject* od = as_od(o);
  Addr n = odict_find_node(od, key);
  if (!n && error_occurred()) return nullptr;
  if (n && !clear_node(od, key)) return nullptr;
  Object* value = dict_getitem(o, key);
  if (value) {
    incref(value);
    if (dict_delitem(o, key) < 0) {
      decref(value);
      return nullptr;
    }
    return value;
  }
  if (error_occurred()) return nullptr;
  if (failobj) return newref(failobj);
  return set_error_object(g_rt->types.KeyError, key);
}

// ---- Slots ----

void odict_dealloc(Object* o) {
  gc_untrack(o);
  OrderedDictObject* od = as_od(o);
  if (od->od_weakreflist) clear_weakrefs(o);
  Object* inst = od->od_inst_dict.get();
  od->od_inst_dict.set(nullptr);
  xdecref(inst);
  clear_nodes(od);
  dict_type_slots().dealloc(o);
}

void odict_traverse(Object* o, VisitFn visit, void* arg) {
  OrderedDictObject* od = as_od(o);
  if (Object* inst = od->od_inst_dict.get()) visit(inst, arg);
  for (Addr n = od->od_first; n; n = node_at(n)->next) visit(node_key(n), arg);
  dict_type_slots().traverse(o, visit, arg);
}

void odict_clear_slot(Object* o) {
  OrderedDictObject* od = as_od(o);
  Object* inst = od->od_inst_dict.get();
  od->od_inst_dict.set(nullptr);
  xdecref(inst);
  dict_clear(o);
  clear_nodes(od);
}

std::vector<Addr> g_repr_active;  // Py_ReprEnter for OrderedDicts

// 3.12's odict_repr: the repr of a dict copied in the list's order (the copy
// goes through a list of the keys, as PyDict_Copy's dict_merge does).
Object* odict_repr(Object* o) {
  OrderedDictObject* od = as_od(o);
  if (!od->od_first) return str_from_utf8(short_type_name(o) + "()");
  Addr self = addr_of(o);
  if (std::find(g_repr_active.begin(), g_repr_active.end(), self) != g_repr_active.end()) return str_from_utf8("...");
  g_repr_active.push_back(self);
  Object* copy = dict_new();
  Object* keys = copy ? list_new(0) : nullptr;
  bool ok = keys && list_extend(keys, o) == 0;
  for (int64_t i = 0; ok && i < static_cast<ListObject*>(keys)->size; ++i) {
    Object* key = list_item(static_cast<ListObject*>(keys), i);
    Object* value = object_getitem(o, key);
    ok = value && dict_setitem(copy, key, value) == 0;
    xdecref(value);
  }
  xdecref(keys);
  std::string text;
  ok = ok && repr_utf8(copy, &text);
  xdecref(copy);
  g_repr_active.erase(std::find(g_repr_active.begin(), g_repr_active.end(), self));
  if (!ok) return nullptr;
  return str_from_utf8(short_type_name(o) + "(" + text + ")");
}

// _odict_keys_equal: the same keys in the same order.
int keys_equal(OrderedDictObject* a, OrderedDictObject* b) {
  uint64_t state_a = a->od_state, state_b = b->od_state;
  Addr na = a->od_first, nb = b->od_first;
  for (;;) {
    if (!na || !nb) return na == nb;
    Object* x = newref(node_key(na));
    Object* y = newref(node_key(nb));
    int r = object_rich_compare_bool(x, y, CompareOp::Eq);
    decref(x);
    decref(y);
    if (r <= 0) return r;
    if (a->od_state != state_a || b->od_state != state_b) {
      set_error(g_rt->types.RuntimeError, "OrderedDict mutated during iteration");
      return -1;
    }
    na = node_at(na)->next;
    nb = node_at(nb)->next;
  }
}

Object* odict_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_odict(v) || !is_dict(w) || (op != CompareOp::Eq && op != CompareOp::Ne)) {
    return newref(g_rt->not_implemented);
  }
  Object* cmp = dict_type_slots().richcompare(v, w, op);
  if (!cmp || !is_odict(w)) return cmp;
  if ((op == CompareOp::Eq && cmp == g_rt->false_obj) || (op == CompareOp::Ne && cmp == g_rt->true_obj)) return cmp;
  decref(cmp);
  int eq = keys_equal(as_od(v), as_od(w));
  if (eq < 0) return nullptr;
  return bool_obj((eq == 1) == (op == CompareOp::Eq));
}

size_t odict_size_of(Object* o) {
  OrderedDictObject* od = as_od(o);
  size_t res = dict_sizeof(o) + sizeof(Addr) * size_t(od->od_fast_nodes_size);
  if (od->od_first) res += sizeof(OrderedDictNode) * size_t(dict_size(o));
  return res;
}

Object* odict_iter_new(Object* od, int64_t kind);
Object* odict_iter(Object* o) { return odict_iter_new(o, kIterKeys); }

// OrderedDict instances have a __dict__ (od_inst_dict, made when first needed).
Object* inst_dict(OrderedDictObject* od) {
  if (!od->od_inst_dict) od->od_inst_dict.set(dict_new());
  return od->od_inst_dict.get();
}

Object* odict_getattr(Object* o, Object* name) {
  OrderedDictObject* od = as_od(o);
  if (str_to_utf8(static_cast<StrObject*>(name)) == "__dict__") {
    Object* d = inst_dict(od);
    return d ? newref(d) : nullptr;
  }
  if (od->od_inst_dict)
    if (Object* v = dict_getitem(od->od_inst_dict.get(), name)) return newref(v);
  return generic_getattr(o, name);
}

int odict_setattr(Object* o, Object* name, Object* value) {
  Object* d = inst_dict(as_od(o));
  if (!d) return -1;
  if (value) return dict_setitem(d, name, value);
  if (dict_delitem(d, name) == 0) return 0;
  clear_error();
  set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(o),
            str_to_utf8(static_cast<StrObject*>(name)).c_str());
  return -1;
}

// PyDict_Items: a list of (key, value) tuples.
Object* dict_items_list(Object* d) {
  ListObject* items = list_new(dict_size(d));
  if (!items) return nullptr;
  int64_t pos = 0, i = 0;
  Object *key, *value;
  while (dict_next(d, &pos, &key, &value)) {
    Object* pair[2] = {key, value};
    Object* t = tuple_from_array(pair, 2);
    if (!t) {
      decref(items);
      return nullptr;
    }
    list_items(items)[i++] = addr_of(t);
  }
  return items;
}

// mutablemapping_add_pairs: self[k] = v for each pair, unpacked through
// its iterator (with the unpacking messages of 3.12's C code).
bool add_pairs(Object* self, Object* pairs) {
  Object* it = object_iter(pairs);
  if (!it) return false;
  bool ok = true;
  while (ok) {
    Object* pair = iter_next(it);
    if (!pair) break;
    Object* pair_it = object_iter(pair);
    Object* key = pair_it ? iter_next(pair_it) : nullptr;
    Object* value = key ? iter_next(pair_it) : nullptr;
    Object* unexpected = value ? iter_next(pair_it) : nullptr;
    ok = false;
    if (!pair_it || error_occurred()) {
      // the pair's own error
    } else if (!key) {
      set_error(g_rt->types.ValueError, "need more than 0 values to unpack");
    } else if (!value) {
      set_error(g_rt->types.ValueError, "need more than 1 value to unpack");
    } else if (unexpected) {
      set_error(g_rt->types.ValueError, "too many values to unpack (expected 2)");
    } else {
      ok = object_setitem(self, key, value) == 0;
    }
    xdecref(unexpected);
    xdecref(value);
    xdecref(key);
    xdecref(pair_it);
    decref(pair);
  }
  decref(it);
  return ok && !error_occurred();
}

// mutablemapping_update_arg: an exact dict through its items list, a mapping
// through keys(), an object with items() through that, else pairs.
bool update_arg(Object* self, Object* arg) {
  if (type_of(arg) == g_rt->types.dict) {
    Object* items = dict_items_list(arg);
    bool ok = items && add_pairs(self, items);
    xdecref(items);
    return ok;
  }
  for (const char* method : {"keys", "items"}) {
    Object* func = object_getattr(arg, intern_str(method));
    if (!func) {
      if (!error_matches(g_rt->types.AttributeError)) return false;
      clear_error();
      continue;
    }
    Object* result = object_call(func, nullptr, 0, nullptr);
    decref(func);
    if (!result) return false;
    if (method[0] == 'i') {
      bool ok = add_pairs(self, result);
      decref(result);
      return ok;
    }
    Object* it = object_iter(result);
    decref(result);
    if (!it) return false;
    bool ok = true;
    while (ok) {
      Object* key = iter_next(it);
      if (!key) break;
      Object* value = object_getitem(arg, key);
      ok = value && object_setitem(self, key, value) == 0;
      xdecref(value);
      decref(key);
    }
    decref(it);
    return ok && !error_occurred();
  }
  return add_pairs(self, arg);
}

// MutableMapping.update (mutablemapping_update): the argument, then the
// keyword arguments through an items list (the keywords' dict is the one
// tp_call made, see via_tp_call), all through __setitem__.
bool update_from(Object* self, Object* arg, Object* const* kwvalues, Object* kwnames) {
  if (arg && !update_arg(self, arg)) return false;
  if (!kwnames || static_cast<TupleObject*>(kwnames)->size == 0) return true;
  auto* names = static_cast<TupleObject*>(kwnames);
  ListObject* items = list_new(names->size);
  bool ok = items != nullptr;
  for (int64_t i = 0; ok && i < names->size; ++i) {
    Object* pair[2] = {tuple_item(names, i), kwvalues[i]};
    Object* t = tuple_from_array(pair, 2);
    if (t) list_items(items)[i] = addr_of(t);
    else ok = false;
  }
  ok = ok && add_pairs(self, items);
  xdecref(items);
  return ok;
}

// OrderedDict.__init__(other=(), /, **kwds): MutableMapping.update.
int odict_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 1) {
    set_error(g_rt->types.TypeError, "expected at most 1 arguments, got %zu", nargs);
    return -1;
  }
  return update_from(self, nargs ? args[0] : nullptr, args + nargs, kwnames) ? 0 : -1;
}

Object* odict_new_instance(TypeObject* type, Object* const*, size_t, Object*) { return dict_new_of_type(type); }

Object* odict_construct(TypeObject* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* od = odict_new_instance(type, args, nargs, kwnames);
  if (od && odict_init(od, args, nargs, kwnames) < 0) {
    decref(od);
    return nullptr;
  }
  return od;
}

// ---- Methods ----

#define OD_METHOD(name) Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

// The `last` argument of popitem and move_to_end (positional or keyword).
bool last_arg(Object* given, bool* last) {
  if (!given) return true;
  int t = object_is_true(given);
  if (t < 0) return false;
  *last = t;
  return true;
}

OD_METHOD(m_move_to_end) {
  Object* a[2];
  if (!bind_args({"move_to_end", {"key", "last"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  bool last = true;
  if (!last_arg(a[1], &last)) return nullptr;
  OrderedDictObject* od = as_od(self);
  Object* key = a[0];
  if (!od->od_first) return set_error_object(g_rt->types.KeyError, key);
  Addr n = last ? od->od_last : od->od_first;
  if (key != node_key(n)) {
    n = odict_find_node(od, key);
    if (!n) return error_occurred() ? nullptr : set_error_object(g_rt->types.KeyError, key);
    if (last && n != od->od_last) {
      remove_node(od, n);
      add_tail(od, n);
    } else if (!last && n != od->od_first) {
      remove_node(od, n);
      add_head(od, n);
    }
  }
  return none();
}

OD_METHOD(m_popitem) {
  if (nargs > 1) return set_error(g_rt->types.TypeError, "popitem() takes at most 1 argument (%zu given)", nargs);
  Object* a[1];
  if (!bind_args({"popitem", {"last"}, 0, 1}, args, nargs, kwnames, a)) return nullptr;
  bool last = true;
  if (!last_arg(a[0], &last)) return nullptr;
  OrderedDictObject* od = as_od(self);
  if (!od->od_first) return set_error(g_rt->types.KeyError, "dictionary is empty");
  Object* key = newref(node_key(last ? od->od_last : od->od_first));
  Object* value = popkey(self, key, nullptr);
  if (!value) {
    decref(key);
    return nullptr;
  }
  Object* pair[2] = {key, value};
  Object* item = tuple_from_array(pair, 2);
  decref(key);
  decref(value);
  return item;
}

OD_METHOD(m_pop) {
  Object* a[2];
  if (!bind_args({"pop", {"key", "default"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  return popkey(self, a[0], a[1]);
}

OD_METHOD(m_setdefault) {
  Object* a[2];
  if (!bind_args({"setdefault", {"key", "default"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* v = dict_getitem(self, a[0]);
  if (v) return newref(v);
  if (error_occurred()) return nullptr;
  Object* dflt = a[1] ? a[1] : none();
  if (object_setitem(self, a[0], dflt) < 0) return nullptr;
  return newref(dflt);
}

OD_METHOD(m_update) {
  if (nargs > 1) return set_error(g_rt->types.TypeError, "update() takes at most 1 positional argument (%zu given)", nargs);
  return update_from(self, nargs ? args[0] : nullptr, args + nargs, kwnames) ? none() : nullptr;
}

Object* m_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.clear", kwnames) || !check_nargs("OrderedDict.clear", nargs, 0, 0)) return nullptr;
  dict_clear(self);
  clear_nodes(as_od(self));
  return none();
}

Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.copy", kwnames) || !check_nargs("OrderedDict.copy", nargs, 0, 0)) return nullptr;
  Object* copy = object_call(type_of(self), nullptr, 0, nullptr);
  if (!copy) return nullptr;
  for (Addr n = as_od(self)->od_first; n; n = node_at(n)->next) {
    Object* key = node_key(n);
    Object* value = dict_getitem(self, key);
    if (!value) {
      if (!error_occurred()) set_error_object(g_rt->types.KeyError, key);
      decref(copy);
      return nullptr;
    }
    if (object_setitem(copy, key, value) < 0) {
      decref(copy);
      return nullptr;
    }
  }
  return copy;
}

Object* new_view(Object* od, TypeObject* type) {
  auto* v = static_cast<ODictViewObject*>(new_object(type, sizeof(ODictViewObject)));
  if (!v) return nullptr;
  v->dict.set(newref(od));
  gc_track(v);
  return v;
}

Object* m_keys(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.keys", kwnames) || !check_nargs("OrderedDict.keys", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.odict_keys);
}

Object* m_values(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.values", kwnames) || !check_nargs("OrderedDict.values", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.odict_values);
}

Object* m_items(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.items", kwnames) || !check_nargs("OrderedDict.items", nargs, 0, 0)) return nullptr;
  return new_view(self, g_rt->types.odict_items);
}

Object* m_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.__reversed__", kwnames) || !check_nargs("OrderedDict.__reversed__", nargs, 0, 0)) return nullptr;
  return odict_iter_new(self, kIterKeys | kIterReversed);
}

Object* m_sizeof(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("OrderedDict.__sizeof__", kwnames) || !check_nargs("OrderedDict.__sizeof__", nargs, 0, 0)) return nullptr;
  return int_from_i64(int64_t(odict_size_of(self)));
}

const NativeFunctionDef kODictMethods[] = {
    {"move_to_end", m_move_to_end}, {"popitem", m_popitem}, {"pop", m_pop},     {"setdefault", m_setdefault},
    {"update", m_update},           {"clear", m_clear},     {"copy", m_copy},   {"__copy__", m_copy},
    {"keys", m_keys},               {"values", m_values},   {"items", m_items}, {"__reversed__", m_reversed},
    {"__sizeof__", m_sizeof},
};

// ---- Views: iteration and __reversed__ in the list's order ----

Object* view_od(Object* view) { return static_cast<ODictViewObject*>(view)->dict.get(); }
Object* keys_view_iter(Object* v) { return odict_iter_new(view_od(v), kIterKeys); }
Object* values_view_iter(Object* v) { return odict_iter_new(view_od(v), kIterValues); }
Object* items_view_iter(Object* v) { return odict_iter_new(view_od(v), kIterItems); }

Object* m_view_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__reversed__", kwnames) || !check_nargs("__reversed__", nargs, 0, 0)) return nullptr;
  int64_t kind = type_of(self) == g_rt->types.odict_keys ? kIterKeys
               : type_of(self) == g_rt->types.odict_values ? kIterValues : kIterItems;
  return odict_iter_new(view_od(self), kind | kIterReversed);
}

const NativeFunctionDef kViewMethods[] = {{"__reversed__", m_view_reversed}};

// ---- odict_iterator ----

Object* odict_iter_new(Object* o, int64_t kind) {
  OrderedDictObject* od = as_od(o);
  Object* result = nullptr;
  if ((kind & 3) == kIterItems) {
    Object* nones[2] = {none(), none()};
    if (!(result = tuple_from_array(nones, 2))) return nullptr;
  }
  TypeObject* type = (kind & 3) == kIterKeys ? g_rt->types.odict_keyiterator
                   : (kind & 3) == kIterValues ? g_rt->types.odict_valueiterator : g_rt->types.odict_itemiterator;
  auto* it = static_cast<ODictIterObject*>(new_object(type, sizeof(ODictIterObject)));
  if (!it) {
    xdecref(result);
    return nullptr;
  }
  it->kind = kind;
  Addr first = (kind & kIterReversed) ? od->od_last : od->od_first;
  if (first) it->di_current.set(newref(node_key(first)));
  it->di_size = dict_size(o);
  it->di_state = od->od_state;
  it->di_odict.set(static_cast<OrderedDictObject*>(newref(o)));
  it->di_result.set(result);
  gc_track(it);
  return it;
}

void drop_odict(ODictIterObject* it) {
  Object* od = it->di_odict.get();
  it->di_odict.set(nullptr);
  xdecref(od);
}

// odictiter_nextkey: the next key (new reference) or nullptr.
Object* next_key(ODictIterObject* it) {
  OrderedDictObject* od = it->di_odict.get();
  if (!od) return nullptr;
  if (!it->di_current) {
    drop_odict(it);
    return nullptr;
  }
  if (od->od_state != it->di_state) {
    set_error(g_rt->types.RuntimeError, "OrderedDict mutated during iteration");
    drop_odict(it);
    return nullptr;
  }
  if (it->di_size != dict_size(od)) {
    set_error(g_rt->types.RuntimeError, "OrderedDict changed size during iteration");
    it->di_size = -1;
    return nullptr;
  }
  Object* key = it->di_current.get();
  Addr n = odict_find_node(od, key);
  if (!n) {
    if (!error_occurred()) set_error_object(g_rt->types.KeyError, key);
    it->di_current.set(nullptr);
    decref(key);
    return nullptr;
  }
  Addr next = (it->kind & kIterReversed) ? node_at(n)->prev : node_at(n)->next;
  it->di_current.set(next ? newref(node_key(next)) : nullptr);
  return key;  // the iterator's reference passes to the caller
}

Object* odictiter_next(Object* o) {
  auto* it = static_cast<ODictIterObject*>(o);
  Object* key = next_key(it);
  if (!key) return nullptr;
  int64_t kind = it->kind & 3;
  if (kind == kIterKeys) return key;
  Object* value = dict_getitem(it->di_odict.get(), key);
  if (!value) {
    if (!error_occurred()) set_error_object(g_rt->types.KeyError, key);
    decref(key);
    drop_odict(it);
    return nullptr;
  }
  incref(value);
  if (kind == kIterValues) {
    decref(key);
    return value;
  }
  auto* result = static_cast<TupleObject*>(it->di_result.get());
  if (result->refcnt == 1) {
    Object* old_key = tuple_item(result, 0);
    Object* old_value = tuple_item(result, 1);
    tuple_set_item(result, 0, key);
    tuple_set_item(result, 1, value);
    incref(result);
    decref(old_key);
    decref(old_value);
    if (!gc_is_tracked(result)) gc_track(result);
    return result;
  }
  TupleObject* t = tuple_new(2);
  if (!t) {
    decref(key);
    decref(value);
    return nullptr;
  }
  tuple_set_item(t, 0, key);
  tuple_set_item(t, 1, value);
  return t;
}

Object* odictiter_self(Object* o) { return newref(o); }

void odictiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* it = static_cast<ODictIterObject*>(o);
  drop_odict(it);
  Object* current = it->di_current.get();
  Object* result = it->di_result.get();
  it->di_current.set(nullptr);
  it->di_result.set(nullptr);
  xdecref(current);
  xdecref(result);
  free_object(o);
}

void odictiter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* it = static_cast<ODictIterObject*>(o);
  if (Object* od = it->di_odict.get()) visit(od, arg);
  if (Object* current = it->di_current.get()) visit(current, arg);
  if (Object* result = it->di_result.get()) visit(result, arg);
}

// OrderedDict | dict (either side): type(the OrderedDict)(left), updated from
// right; |= updates in place (odict_or, odict_inplace_or).
Object* odict_or(Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return newref(g_rt->not_implemented);
  Object* r = object_call(type_of(is_odict(a) ? a : b), &a, 1, nullptr);
  if (r && !update_arg(r, b)) {
    decref(r);
    return nullptr;
  }
  return r;
}

Object* odict_ior(Object* a, Object* b) { return update_arg(a, b) ? newref(a) : nullptr; }

TypeSlots odict_slots, keys_slots, values_slots, items_slots, keyiter_slots, valueiter_slots, itemiter_slots;

TypeObject* new_type(TypeSlots& slots, TypeObject* base, uint64_t basicsize, uint64_t flags) {
  TypeObject* t = new_static_type();
  t->type.set(g_rt->types.type);
  t->base.set(base);
  t->basicsize = basicsize;
  t->flags = flags;
  register_type_slots(t, &slots);
  return t;
}

TypeObject* new_view_type(TypeSlots& s, TypeObject* base, const char* name, Object* (*iter)(Object*)) {
  s = slots_of(base);
  s.name = name;
  s.iter = iter;
  TypeObject* t = new_type(s, base, sizeof(ODictViewObject), kTypeHaveGC);
  add_methods(t, kViewMethods, std::size(kViewMethods));
  return t;
}

TypeObject* new_iter_type(TypeSlots& s) {
  s.name = "odict_iterator";
  s.dealloc = odictiter_dealloc;
  s.traverse = odictiter_traverse;
  s.iter = odictiter_self;
  s.iternext = odictiter_next;
  return new_type(s, g_rt->types.object, sizeof(ODictIterObject), kTypeHaveGC);
}

}  // namespace

void init_ordered_dict_types() {
  BuiltinTypes& t = g_rt->types;
  TypeSlots& s = odict_slots;
  s = dict_type_slots();
  s.name = "collections.OrderedDict";
  s.dealloc = odict_dealloc;
  s.traverse = odict_traverse;
  s.clear = odict_clear_slot;
  s.repr = odict_repr;
  s.richcompare = odict_richcompare;
  s.setitem = odict_setitem;
  s.iter = odict_iter;
  s.size_of = odict_size_of;
  s.getattr = odict_getattr;
  s.setattr = odict_setattr;
  s.construct = via_tp_call<odict_construct>;
  s.new_instance = odict_new_instance;
  s.init = odict_init;
  s.number[size_t(BinaryOp::Or)] = odict_or;
  s.inplace_number[size_t(BinaryOp::Or)] = odict_ior;
  t.ordered_dict = new_type(s, t.dict, sizeof(OrderedDictObject), kTypeHaveGC | kTypeBaseType | kTypeDictSubclass);
  t.ordered_dict->weaklistoffset = weaklist_field_offset(&OrderedDictObject::od_weakreflist);
  t.ordered_dict->dictoffset = weaklist_field_offset(&OrderedDictObject::od_inst_dict);
  add_methods(t.ordered_dict, kODictMethods, std::size(kODictMethods));

  t.odict_keys = new_view_type(keys_slots, t.dict_keys, "odict_keys", keys_view_iter);
  t.odict_values = new_view_type(values_slots, t.dict_values, "odict_values", values_view_iter);
  t.odict_items = new_view_type(items_slots, t.dict_items, "odict_items", items_view_iter);
  t.odict_keyiterator = new_iter_type(keyiter_slots);
  t.odict_valueiterator = new_iter_type(valueiter_slots);
  t.odict_itemiterator = new_iter_type(itemiter_slots);
}

}  // namespace heaplab
