#include "core/object/heap_type.h"

#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/gc_header.h"
#include "core/object/instance.h"
#include "core/object/instance_dict.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

std::string str_of(Object* s) { return str_to_utf8(static_cast<StrObject*>(s)); }

// C3 linearization of `bases` (each a type with an mro tuple) for `type`.
Object* compute_mro(TypeObject* type, TupleObject* bases) {
  for (int64_t i = 0; i < bases->size; ++i)
    for (int64_t j = i + 1; j < bases->size; ++j)
      if (tuple_item(bases, i) == tuple_item(bases, j))
        return set_error(g_rt->types.TypeError, "duplicate base class %s",
                         type_name(static_cast<TypeObject*>(tuple_item(bases, i))));
  std::vector<std::vector<TypeObject*>> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(tuple_item(bases, i));
    std::vector<TypeObject*> seq;
    if (auto* mro = static_cast<TupleObject*>(b->mro.get())) {
      for (int64_t j = 0; j < mro->size; ++j) seq.push_back(static_cast<TypeObject*>(tuple_item(mro, j)));
    } else {
      for (TypeObject* t = b; t; t = t->base.get()) seq.push_back(t);
    }
    seqs.push_back(seq);
  }
  std::vector<TypeObject*> direct;
  for (int64_t i = 0; i < bases->size; ++i) direct.push_back(static_cast<TypeObject*>(tuple_item(bases, i)));
  seqs.push_back(direct);
  std::vector<Object*> result{type};
  for (;;) {
    bool empty = true;
    for (auto& s : seqs) empty &= s.empty();
    if (empty) break;
    TypeObject* candidate = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      TypeObject* head = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        for (size_t k = 1; k < other.size(); ++k) in_tail |= other[k] == head;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) {
      std::string names;
      for (int64_t i = 0; i < bases->size; ++i)
        names += std::string(i ? ", " : "") + type_name(static_cast<TypeObject*>(tuple_item(bases, i)));
      return set_error(g_rt->types.TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                       names.c_str());
    }
    result.push_back(candidate);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
  }
  return tuple_from_array(result.data(), result.size());
}

// The class slot dispatchers: each looks the dunder up on the object's class
// and calls it. A class gets a dispatcher only for the dunders it (or a base
// class) defines; the rest of its behaviour is its base type's.

Object* call_dunder(Object* self, const char* name, Object* const* args, size_t nargs) {
  Object* f = class_lookup(type_of(self), name);
  if (!f) return set_error(g_rt->types.AttributeError, "'%s' object has no attribute '%s'", type_name(self), name);
  std::vector<Object*> all{self};
  all.insert(all.end(), args, args + nargs);
  // Functions are called unbound with self first; other descriptors bind.
  if (slots_of(f).descr_get && !is_function_object(f)) {
    Object* bound = slots_of(f).descr_get(f, self, type_of(self));
    if (!bound) return nullptr;
    Object* r = object_call(bound, args, nargs, nullptr);
    decref(bound);
    return r;
  }
  return object_call(f, all.data(), all.size(), nullptr);
}

Object* slot_repr(Object* o) {
  Object* r = call_dunder(o, "__repr__", nullptr, 0);
  if (r && !is_str(r)) {
    std::string t = type_name(r);
    decref(r);
    return set_error(g_rt->types.TypeError, "__repr__ returned non-string (type %s)", t.c_str());
  }
  return r;
}

Object* slot_str(Object* o) {
  Object* r = call_dunder(o, "__str__", nullptr, 0);
  if (r && !is_str(r)) {
    std::string t = type_name(r);
    decref(r);
    return set_error(g_rt->types.TypeError, "__str__ returned non-string (type %s)", t.c_str());
  }
  return r;
}

int64_t slot_hash(Object* o) {
  Object* f = class_lookup(type_of(o), "__hash__");
  if (f == none()) {
    set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
    return -1;
  }
  Object* r = call_dunder(o, "__hash__", nullptr, 0);
  if (!r) return -1;
  int64_t h;
  if (!int_is_int(r)) {
    decref(r);
    set_error(g_rt->types.TypeError, "__hash__ method should return an integer");
    return -1;
  }
  if (!int_as_i64(static_cast<IntObject*>(r), &h)) h = object_hash(r);
  decref(r);
  return h == -1 ? -2 : h;
}

int64_t unhashable(Object* o) {
  set_error(g_rt->types.TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

const char* const kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

// The built-in type whose layout and behaviour a class's instances extend.
TypeObject* solid_base(TypeObject* t) {
  while (is_heap_type(t)) t = t->base.get();
  return t;
}

// The type whose fields an instance of `t` has (CPython's solid_base): the
// nearest ancestor that adds fields to its own base.
TypeObject* layout_base(TypeObject* t) {
  TypeObject* base = t->base.get();
  if (!base) return t;
  TypeObject* inherited = layout_base(base);
  bool adds_fields = t->basicsize != base->basicsize || t->itemsize != base->itemsize;
  return adds_fields ? t : inherited;
}

// A comparison the class does not define is its built-in base's (object's
// __ne__ inverts the class's __eq__).
Object* slot_richcompare(Object* a, Object* b, CompareOp op) {
  const char* name = kCompareNames[size_t(op)];
  if (is_heap_type(type_of(a)) && class_lookup(type_of(a), name)) return call_dunder(a, name, &b, 1);
  auto base_compare = slots_of(solid_base(type_of(a))).richcompare;
  return base_compare ? base_compare(a, b, op) : newref(g_rt->not_implemented);
}

int slot_truth(Object* o) {
  if (class_lookup(type_of(o), "__bool__")) {
    Object* r = call_dunder(o, "__bool__", nullptr, 0);
    if (!r) return -1;
    if (type_of(r) != g_rt->types.bool_) {
      std::string t = type_name(r);
      decref(r);
      set_error(g_rt->types.TypeError, "__bool__ should return bool, returned %s", t.c_str());
      return -1;
    }
    return r == g_rt->true_obj;
  }
  if (class_lookup(type_of(o), "__len__")) {
    int64_t n = object_length(o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t slot_length(Object* o) {
  Object* r = call_dunder(o, "__len__", nullptr, 0);
  if (!r) return -1;
  int64_t n;
  if (!int_is_int(r)) {
    std::string t = type_name(r);
    decref(r);
    set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", t.c_str());
    return -1;
  }
  bool fits = int_as_i64(static_cast<IntObject*>(r), &n);
  decref(r);
  if (!fits) {
    set_error(g_rt->types.OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    set_error(g_rt->types.ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

// __getattribute__, then __getattr__ when it raises AttributeError.
Object* slot_getattribute(Object* o, Object* name) {
  Object* r = call_dunder(o, "__getattribute__", &name, 1);
  if (r || !error_matches(g_rt->types.AttributeError)) return r;
  if (!class_lookup(type_of(o), "__getattr__")) return nullptr;
  clear_error();
  return call_dunder(o, "__getattr__", &name, 1);
}

int slot_setattr(Object* o, Object* name, Object* value) {
  const char* hook = value ? "__setattr__" : "__delattr__";
  if (!class_lookup(type_of(o), hook)) return object_generic_setattr(o, name, value);
  Object* args[] = {name, value};
  Object* r = call_dunder(o, hook, args, value ? 2 : 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* slot_getitem(Object* o, Object* key) {
  g_rt->next_call_inlined = true;  // BINARY_SUBSCR_GETITEM
  Object* r = call_dunder(o, "__getitem__", &key, 1);
  g_rt->next_call_inlined = false;
  return r;
}

int slot_setitem(Object* o, Object* key, Object* value) {
  // A class defining only one of the pair gets the other from its built-in
  // base (Counter defines __delitem__ and stores through dict.__setitem__).
  if (!class_lookup(type_of(o), value ? "__setitem__" : "__delitem__")) {
    if (auto base_setitem = slots_of(solid_base(type_of(o))).setitem) return base_setitem(o, key, value);
  }
  Object* args[] = {key, value};
  Object* r = value ? call_dunder(o, "__setitem__", args, 2) : call_dunder(o, "__delitem__", args, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_contains(Object* o, Object* item) {
  Object* r = call_dunder(o, "__contains__", &item, 1);
  if (!r) return -1;
  int t = object_is_true(r);
  decref(r);
  return t;
}

Object* slot_iter(Object* o) {
  Object* r = call_dunder(o, "__iter__", nullptr, 0);
  if (r && !slots_of(r).iternext) {
    std::string t = type_name(r);
    decref(r);
    return set_error(g_rt->types.TypeError, "iter() returned non-iterator of type '%s'", t.c_str());
  }
  return r;
}

Object* slot_iternext(Object* o) {
  Object* r = call_dunder(o, "__next__", nullptr, 0);
  if (!r && error_matches(g_rt->types.StopIteration)) clear_error();
  return r;
}

Object* slot_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  Object* f = class_lookup(type_of(o), "__call__");
  if (!f) return set_error(g_rt->types.TypeError, "'%s' object is not callable", type_name(o));
  size_t nkw = kwnames ? size_t(static_cast<TupleObject*>(kwnames)->size) : 0;
  std::vector<Object*> all{o};
  all.insert(all.end(), args, args + nargs + nkw);
  return object_call(f, all.data(), nargs + 1, kwnames);
}

void slot_finalize(Object* o) {
  Object* r = call_dunder(o, "__del__", nullptr, 0);
  if (r) {
    decref(r);
  } else {
    Object* del = class_lookup(type_of(o), "__del__");
    write_unraisable(nullptr, del);
  }
}

// __get__(self, instance or None, owner).
Object* slot_descr_get(Object* descr, Object* obj, Object* owner) {
  Object* args[] = {obj ? obj : none(), owner ? owner : none()};
  return call_dunder(descr, "__get__", args, 2);
}

// __set__(self, instance, value), or __delete__(self, instance).
int slot_descr_set(Object* descr, Object* obj, Object* value) {
  Object* args[] = {obj, value};
  Object* r = value ? call_dunder(descr, "__set__", args, 2) : call_dunder(descr, "__delete__", args, 1);
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* slot_unary(Object* o, const char* name) { return call_dunder(o, name, nullptr, 0); }
Object* slot_neg(Object* o) { return slot_unary(o, "__neg__"); }
Object* slot_pos(Object* o) { return slot_unary(o, "__pos__"); }
Object* slot_invert(Object* o) { return slot_unary(o, "__invert__"); }
Object* slot_index(Object* o) { return slot_unary(o, "__index__"); }

struct BinaryNames {
  const char* name;
  const char* reflected;
};
const BinaryNames kBinaryNames[] = {
    {"__add__", "__radd__"},        {"__and__", "__rand__"},       {"__floordiv__", "__rfloordiv__"},
    {"__lshift__", "__rlshift__"},  {"__matmul__", "__rmatmul__"}, {"__mul__", "__rmul__"},
    {"__mod__", "__rmod__"},        {"__or__", "__ror__"},         {"__pow__", "__rpow__"},
    {"__rshift__", "__rrshift__"},  {"__sub__", "__rsub__"},       {"__truediv__", "__rtruediv__"},
    {"__xor__", "__rxor__"},
};

// SLOT1BINFULL: the left operand's __op__, then the right one's __rop__.
template <BinaryOp op>
Object* slot_binary(Object* a, Object* b) {
  const BinaryNames& n = kBinaryNames[size_t(op)];
  bool a_has = is_heap_type(type_of(a)) && class_lookup(type_of(a), n.name);
  bool b_has = type_of(b) != type_of(a) && is_heap_type(type_of(b)) && class_lookup(type_of(b), n.reflected);
  if (a_has) {
    Object* r = call_dunder(a, n.name, &b, 1);
    if (!r || r != g_rt->not_implemented) return r;
    decref(r);
  }
  if (b_has) return call_dunder(b, n.reflected, &a, 1);
  // The base type's own operator, when it has one (a subclass of int...).
  TypeObject* base = type_of(a);
  while (base && is_heap_type(base)) base = base->base.get();
  if (base && slots_of(base).number[size_t(op)]) return slots_of(base).number[size_t(op)](a, b);
  return newref(g_rt->not_implemented);
}

template <size_t... I>
void install_binary(TypeSlots& s, const TypeObject* t, std::index_sequence<I...>) {
  ((class_lookup(t, kBinaryNames[I].name) || class_lookup(t, kBinaryNames[I].reflected)
        ? (void)(s.number[I] = slot_binary<BinaryOp(I)>)
        : (void)0),
   ...);
}

// The behaviour of a new class: its base's, plus dispatchers for the dunders
// defined along its mro.
void install_slots(TypeObject* t, TypeSlots& s) {
  auto has = [&](const char* name) { return class_lookup(t, name) != nullptr; };
  if (has("__getattribute__")) s.getattr = slot_getattribute;
  if (has("__setattr__") || has("__delattr__")) s.setattr = slot_setattr;
  if (has("__repr__")) s.repr = slot_repr;
  if (has("__str__")) s.str = slot_str;
  if (has("__hash__")) s.hash = slot_hash;
  else if (has("__eq__")) s.hash = unhashable;  // __eq__ without __hash__ sets __hash__ = None
  for (const char* name : kCompareNames)
    if (has(name)) s.richcompare = slot_richcompare;
  if (has("__bool__") || has("__len__")) s.truth = slot_truth;
  if (has("__len__")) s.length = slot_length;
  if (has("__getitem__")) s.getitem = slot_getitem;
  if (has("__setitem__") || has("__delitem__")) s.setitem = slot_setitem;
  if (has("__contains__")) s.contains = slot_contains;
  if (has("__iter__")) s.iter = slot_iter;
  if (has("__next__")) s.iternext = slot_iternext;
  if (has("__call__")) s.call = slot_call;
  if (has("__del__")) s.finalize = slot_finalize;
  if (has("__neg__")) s.negative = slot_neg;
  if (has("__pos__")) s.positive = slot_pos;
  if (has("__invert__")) s.invert = slot_invert;
  if (has("__index__")) s.index = slot_index;
  if (has("__get__")) s.descr_get = slot_descr_get;
  if (has("__set__") || has("__delete__")) s.descr_set = slot_descr_set;
  install_binary(s, t, std::make_index_sequence<size_t(BinaryOp::Count)>());
}

// type_new's last step: each attribute whose type defines __set_name__
// learns its owner and name, in the order of the namespace.
int call_set_name(TypeObject* t) {
  Object* items = dict_copy(t->dict.get());
  if (!items) return -1;
  int64_t pos = 0;
  Object *key, *value;
  int result = 0;
  while (dict_next(items, &pos, &key, &value)) {
    Object* r;
    if (is_heap_type(type_of(value))) {
      if (!class_lookup(type_of(value), "__set_name__")) continue;
      Object* args[] = {t, key};
      r = call_dunder(value, "__set_name__", args, 2);
    } else {
      // A built-in descriptor's method (property.__set_name__).
      Object* f = type_lookup(type_of(value), intern_str("__set_name__"));
      if (!f) continue;
      Object* args[] = {value, t, key};
      r = object_call(f, args, 3, nullptr);
    }
    if (!r) {
      result = -1;
      break;
    }
    decref(r);
  }
  decref(items);
  return result;
}

// type_new's init_subclass: super(t, t).__init_subclass__() — the nearest
// base's, bound to the new class (object's does nothing).
int init_subclass(TypeObject* t) {
  auto* mro = static_cast<TupleObject*>(t->mro.get());
  Object* key = intern_str("__init_subclass__");
  for (int64_t i = 1; i < mro->size; ++i) {
    auto* k = static_cast<TypeObject*>(tuple_item(mro, i));
    Object* f = k->dict ? dict_getitem_str(k->dict.get(), key) : nullptr;
    if (!f) continue;
    Object* bound = slots_of(f).descr_get ? slots_of(f).descr_get(f, nullptr, t) : newref(f);
    if (!bound) return -1;
    Object* r = object_call(bound, nullptr, 0, nullptr);
    decref(bound);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  return 0;
}

// The behaviour of class `t` computed afresh (its base's plus its dunders),
// then of its subclasses: assigning or deleting a dunder on a class changes
// how its instances behave, as CPython's update_slot.
void refresh_slots(TypeObject* t) {
  TypeSlots& s = const_cast<TypeSlots&>(slots_of(t));
  TypeObject* base = t->base.get();
  const char* name = s.name;
  s = is_heap_type(base) ? slots_of(base) : subtype_slots(base);
  s.name = name;
  install_slots(t, s);
  if (!t->subclasses) return;
  int64_t pos = 0;
  Object *key, *ref;
  while (dict_next(t->subclasses.get(), &pos, &key, &ref))
    if (Object* sub = weakref_referent(static_cast<WeakrefObject*>(ref)); sub && sub != none()) refresh_slots(static_cast<TypeObject*>(sub));
}

// ---- the class object itself

}  // namespace

void class_dunder_changed(TypeObject* t) { refresh_slots(t); }

Object* class_inplace_op(Object* a, Object* b, BinaryOp op) {
  static const char* const kInplaceNames[] = {"__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__",
                                              "__imul__", "__imod__", "__ior__", "__ipow__", "__irshift__",
                                              "__isub__", "__itruediv__", "__ixor__"};
  const char* name = kInplaceNames[size_t(op)];
  if (!is_heap_type(type_of(a)) || !class_lookup(type_of(a), name)) return newref(g_rt->not_implemented);
  return call_dunder(a, name, &b, 1);
}

void class_dealloc(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  gc_untrack(o);
  if (t->weakreflist) clear_weakrefs(o);
  // Leave the bases' subclass registries (remove_all_subclasses). A class
  // whose creation failed may not be in them yet; the exception that failure
  // raised stays pending meanwhile (type_dealloc_common).
  if (auto* bases = static_cast<TupleObject*>(t->bases.get())) {
    Object* pending = fetch_error();
    Object* key = int_from_i64(int64_t(kIdBase + addr_of(o)));
    for (int64_t i = 0; key && i < bases->size; ++i) {
      auto* b = static_cast<TypeObject*>(tuple_item(bases, i));
      if (!b->subclasses) continue;
      if (dict_delitem(b->subclasses.get(), key) < 0) clear_error();
      // An empty registry goes: the base may be a static type that outlives
      // every program.
      if (dict_size(b->subclasses.get()) == 0) set_ref(b->subclasses, static_cast<Object*>(nullptr));
    }
    xdecref(key);
    clear_error();
    if (pending) {
      raise(pending);
      decref(pending);
    }
  }
  xdecref(t->subclasses.get());
  if (t->cached_keys) release_shared_keys(t->cached_keys);
  for (Ref<Object>* field : {&t->dict, &t->mro, &t->bases, &t->name, &t->qualname}) xdecref(field->get());
  xdecref(t->base.get());
  free_object(o);
}

void class_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  for (Ref<Object>* field : {&t->dict, &t->mro, &t->bases, &t->name, &t->qualname, &t->subclasses})
    if (*field) visit(field->get(), arg);
  if (t->base) visit(t->base.get(), arg);
  if (t->cached_keys) shared_keys_traverse(t->cached_keys, visit, arg);
}

// As CPython's type_clear: the dict and the mro break the cycles; the bases
// stay, for the deallocation to leave their subclass registries.
void class_clear(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  for (Ref<Object>* field : {&t->dict, &t->mro}) {
    Object* old = field->get();
    field->addr = 0;
    xdecref(old);
  }
}

size_t class_size_of(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  return kHeapTypeSize + (t->cached_keys ? shared_keys_size(t->cached_keys) : 0);
}

bool is_heap_type(const TypeObject* t) { return t->flags & kTypeHeapType; }

StrObject* intern_dunder(const char* name) {
  // Remembered by the text's address (checked: the text is usually a
  // literal, but need not be) until the type cache's epoch moves, which a
  // switch of runtime does.
  struct Interned {
    const char* text;
    uint64_t epoch;
    StrObject* str;
  };
  static Interned names[64];
  Interned& n = names[(reinterpret_cast<uintptr_t>(name) >> 3) & 63];
  if (n.text != name || n.epoch != g_type_cache_epoch ||
      std::strcmp(static_cast<const char*>(str_data(n.str)), name) != 0) {
    StrObject* key = intern_str(name);
    if (!key) return nullptr;
    n = {name, g_type_cache_epoch, key};
  }
  return n.str;
}

Object* class_lookup(const TypeObject* t, const char* name) {
  if (!t->mro) return nullptr;
  StrObject* key = intern_dunder(name);
  return key ? class_lookup_interned(t, key) : nullptr;
}

Object* new_class(Object* name, Object* bases_arg, Object* ns) {
  auto* bases = static_cast<TupleObject*>(bases_arg);
  TypeObject* base = g_rt->types.object;
  if (bases->size == 0) {
    bases = static_cast<TupleObject*>(tuple_from_array(reinterpret_cast<Object* const*>(&base), 1));
    if (!bases) return nullptr;
  } else {
    incref(bases);
    base = static_cast<TypeObject*>(tuple_item(bases, 0));
  }
  for (int64_t i = 0; i < bases->size; ++i) {
    Object* b = tuple_item(bases, i);
    if (type_of(b) != g_rt->types.type || !(static_cast<TypeObject*>(b)->flags & kTypeBaseType)) {
      decref(bases);
      if (type_of(b) == g_rt->types.type) {
        return set_error(g_rt->types.TypeError, "type '%s' is not an acceptable base type",
                         type_name(static_cast<TypeObject*>(b)));
      }
      return set_error(g_rt->types.TypeError, "bases must be types");
    }
  }
  // The base whose layout the instances extend (best_base): every base's
  // layout must be a prefix of that one's.
  TypeObject* winner = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(tuple_item(bases, i));
    TypeObject* candidate = layout_base(b);
    if (!winner || is_subtype(candidate, winner)) {
      if (!winner || candidate != winner) base = b;
      winner = candidate;
    } else if (!is_subtype(winner, candidate)) {
      decref(bases);
      return set_error(g_rt->types.TypeError, "multiple bases have instance lay-out conflict");
    }
  }
  // Instances of a class are made by its built-in base's tp_new.
  TypeObject* solid = solid_base(base);
  if (!slots_of(solid).new_instance) {
    decref(bases);
    return set_error(g_rt->types.NotImplementedError, "subclasses of '%s' are not supported yet", type_name(solid));
  }
  auto* t = static_cast<TypeObject*>(new_object(g_rt->types.type, kHeapTypeSize));
  if (!t) {
    decref(bases);
    return nullptr;
  }
  // Tracked from the start: a class that fails half-built is a cycle (it is
  // in its own mro) that only the collector can free.
  gc_track(t);
  t->bases.set(bases);
  t->base.set(newref(base));
  t->name.set(newref(name));
  Object* dict = dict_copy(ns);
  if (!dict) {
    decref(t);
    return nullptr;
  }
  t->dict.set(dict);
  Object* qualname_key = intern_str("__qualname__");
  Object* qualname = dict_getitem_str(dict, qualname_key);
  t->qualname.set(newref(qualname ? qualname : name));
  if (qualname) dict_delitem(dict, qualname_key);
  dict_delitem(dict, intern_str("__classcell__"));
  clear_error();
  // __init_subclass__ and __class_getitem__ are class methods without saying so.
  for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
    Object* f = dict_getitem_str(dict, intern_str(implicit));
    if (!f || !is_function_object(f)) continue;
    Object* wrapped = object_call(g_rt->types.classmethod, &f, 1, nullptr);
    int r = wrapped ? dict_setitem(dict, intern_str(implicit), wrapped) : -1;
    xdecref(wrapped);
    if (r < 0) {
      decref(t);
      return nullptr;
    }
  }
  // __eq__ without __hash__ makes the instances unhashable: __hash__ = None.
  if (dict_getitem_str(dict, intern_str("__eq__")) && !dict_getitem_str(dict, intern_str("__hash__")) &&
      dict_setitem(dict, intern_str("__hash__"), none()) < 0) {
    decref(t);
    return nullptr;
  }
  t->flags = kTypeHeapType | kTypeBaseType | kTypeHaveGC | (base->flags & (kTypeLongSubclass | kTypeListSubclass |
             kTypeTupleSubclass | kTypeBytesSubclass | kTypeUnicodeSubclass | kTypeDictSubclass | kTypeBaseExcSubclass));
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->weaklistoffset = base->weaklistoffset;  // a set's own weak reference list
  Object* mro = compute_mro(t, bases);
  if (!mro) {
    decref(t);
    return nullptr;
  }
  t->mro.set(mro);
  type_cache_invalidate();  // lookups on the class so far walked its bases

  // __slots__: fixed fields instead of the managed __dict__ and __weakref__.
  Object* slots = dict_getitem_str(dict, intern_str("__slots__"));
  bool base_has_dict = base->flags & kTypeManagedDict || base->dictoffset;  // OrderedDict has its own __dict__ field
  bool base_has_weakref = base->flags & kTypeManagedWeakref || base->weaklistoffset;
  // Variable-size instances (tuple, int, bytes) get no weak reference list.
  bool add_dict = !base_has_dict, add_weakref = !base_has_weakref && base->itemsize == 0;
  if (slots) {
    add_dict = add_weakref = false;
    std::vector<Object*> names;
    if (is_str(slots)) {
      names.push_back(slots);
    } else {
      Object* it = object_iter(slots);
      if (!it) {
        decref(t);
        return nullptr;
      }
      while (Object* n = iter_next(it)) {
        names.push_back(n);
        decref(n);  // the slots sequence keeps them alive
      }
      decref(it);
    }
    for (Object* n : names) {
      if (!is_str(n)) {
        decref(t);
        return set_error(g_rt->types.TypeError, "__slots__ items must be strings, not '%s'", type_name(n));
      }
      std::string s = str_of(n);
      if (base->itemsize && s != "__dict__" && s != "__weakref__") {
        decref(t);
        return set_error(g_rt->types.TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_name(base));
      }
    }
    for (Object* n : names) {
      if (!is_str(n)) {
        decref(t);
        return set_error(g_rt->types.TypeError, "__slots__ items must be strings, not '%s'", type_name(n));
      }
      std::string s = str_of(n);
      if (s == "__dict__") {
        add_dict = !base_has_dict;
        continue;
      }
      if (s == "__weakref__") {
        add_weakref = !base_has_weakref && base->itemsize == 0;
        continue;
      }
      if (dict_getitem_str(dict, n)) {
        decref(t);
        return set_error(g_rt->types.ValueError, "'%s' in __slots__ conflicts with class variable", s.c_str());
      }
      Object* member = new_member_descriptor(t, n, int64_t(t->basicsize));
      if (!member || dict_setitem(dict, n, member) < 0) {
        xdecref(member);
        decref(t);
        return nullptr;
      }
      decref(member);
      t->basicsize += sizeof(Addr);
    }
  }
  if (add_dict || (base->flags & kTypeManagedDict)) t->flags |= kTypeManagedDict;
  if (add_weakref || (base->flags & kTypeManagedWeakref)) t->flags |= kTypeManagedWeakref;
  // The class's own __dict__ and __weakref__ attributes, where it adds them.
  for (auto [added, which, key] : {std::tuple{add_dict, InstanceAttribute::Dict, "__dict__"},
                                   std::tuple{add_weakref, InstanceAttribute::Weakref, "__weakref__"}}) {
    if (!added || dict_getitem_str(dict, intern_str(key))) continue;
    Object* d = new_getset_descriptor(t, which);
    if (!d || dict_setitem(dict, intern_str(key), d) < 0) {
      xdecref(d);
      decref(t);
      return nullptr;
    }
    decref(d);
  }
  if (t->flags & kTypeManagedDict) {
    t->cached_keys = new_shared_keys();
    if (!t->cached_keys) {
      decref(t);
      return nullptr;
    }
  }

  // Each base lists its subclasses weakly (__subclasses__).
  for (int64_t i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(tuple_item(bases, i));
    if (!b->subclasses) {
      Object* d = dict_new();
      if (!d) {
        decref(t);
        return nullptr;
      }
      b->subclasses.set(d);
    }
    Object* key = int_from_i64(int64_t(kIdBase + addr_of(t)));
    Object* ref = key ? weakref_new(g_rt->gc.weakref_types.ref, t, nullptr) : nullptr;
    int r = ref ? dict_setitem(b->subclasses.get(), key, ref) : -1;
    xdecref(key);
    xdecref(ref);
    if (r < 0) {
      decref(t);
      return nullptr;
    }
  }

  // The class's behaviour: its base's, then its dunders.
  g_rt->class_slots.push_back(is_heap_type(base) ? slots_of(base) : subtype_slots(base));
  TypeSlots& s = g_rt->class_slots.back();
  s.name = static_cast<const char*>(str_data(static_cast<StrObject*>(name)));
  install_slots(t, s);
  register_type_slots(t, &s);
  if (call_set_name(t) < 0 || init_subclass(t) < 0) {
    decref(t);
    return nullptr;
  }
  return t;
}

}  // namespace heaplab
