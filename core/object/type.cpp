#include "core/object/type.h"

#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/heap_type.h"
#include "core/object/host_stack.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

bool is_class(const TypeObject* t) { return t->flags & kTypeHeapType; }

void type_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  if (is_class(t)) return class_traverse(o, visit, arg);
  if (t->dict) visit(t->dict.get(), arg);
  if (t->mro) visit(t->mro.get(), arg);
  if (t->subclasses) visit(t->subclasses.get(), arg);
}

void type_clear(Object* o) {
  type_cache_invalidate();
  if (is_class(static_cast<TypeObject*>(o))) class_clear(o);
}

// Static types are immortal and never freed; classes are.
void type_dealloc(Object* o) {
  type_cache_invalidate();  // another type may take its address
  class_dealloc(o);
}

size_t type_size_of(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  constexpr size_t kStaticTypeSize = 432;  // sizeof(PyTypeObject) in 3.12
  return is_class(t) ? class_size_of(o) : kStaticTypeSize;
}

// type.__subclasses__(): the direct subclasses still alive, oldest first.
Object* type_subclasses(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("__subclasses__", kwnames) || !check_nargs("__subclasses__", nargs, 0, 0)) return nullptr;
  auto* t = static_cast<TypeObject*>(self);
  ListObject* result = list_new(0);
  if (!result || !t->subclasses) return result;
  int64_t pos = 0;
  Object *key, *ref;
  while (dict_next(t->subclasses.get(), &pos, &key, &ref)) {
    Object* sub = object_call(ref, nullptr, 0, nullptr);
    if (!sub) {
      decref(result);
      return nullptr;
    }
    int r = sub == none() ? 0 : list_append(result, sub);
    decref(sub);
    if (r < 0) {
      decref(result);
      return nullptr;
    }
  }
  return result;
}

int64_t type_hash(Object* o) { return int64_t((kIdBase + addr_of(o)) >> 4); }

Object* type_repr(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  std::string s = "<class '";
  if (is_class(t)) {
    Object* module = t->dict ? dict_getitem_str(t->dict.get(), intern_str("__module__")) : nullptr;
    if (module && is_str(module) && str_to_utf8(static_cast<StrObject*>(module)) != "builtins")
      s += str_to_utf8(static_cast<StrObject*>(module)) + ".";
    s += str_to_utf8(static_cast<StrObject*>(t->qualname.get()));
  } else {
    s += type_name(t);
  }
  return str_from_utf8(s + "'>");
}

Object* type_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* t = static_cast<TypeObject*>(callable);
  if (t == g_rt->types.type) {
    if (nargs == 1 && !kwnames) return newref(type_of(args[0]));
    if (nargs == 3 && !kwnames) {
      if (!is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        return set_error(g_rt->types.TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
      return new_class(args[0], args[1], args[2]);
    }
    return set_error(g_rt->types.TypeError, "type() takes 1 or 3 arguments");
  }
  const TypeSlots& s = slots_of(t);
  if (!s.construct) return set_error(g_rt->types.TypeError, "cannot create '%s' instances", type_name(t));
  return s.construct(t, args, nargs, kwnames);
}

// A name found along the class's mro, as read on the class: functions stay
// plain, classmethods bind to it.
Object* class_attribute(TypeObject* t, Object* v) {
  if (auto get = slots_of(v).descr_get; get && type_of(v) != g_rt->types.function) return get(v, nullptr, t);
  return newref(v);
}

Object* type_getattr(Object* o, Object* name) {
  auto* t = static_cast<TypeObject*>(o);
  auto* s = static_cast<StrObject*>(name);
  if (s->length < 2 || str_char(s, 0) != '_' || str_char(s, 1) != '_') {  // the special names below are dunders
    if (Object* v = type_lookup(t, name)) return class_attribute(t, v);
    return set_error(g_rt->types.AttributeError, "type object '%s' has no attribute '%s'", type_name(t),
                     str_to_utf8(s).c_str());
  }
  std::string n = str_to_utf8(s);
  // A static type's tp_name may carry its module: "weakref.ReferenceType".
  std::string tp_name = type_name(t);
  size_t dot = tp_name.rfind('.');
  std::string short_name = dot == std::string::npos ? tp_name : tp_name.substr(dot + 1);
  if (n == "__name__") return is_class(t) ? newref(t->name.get()) : str_from_utf8(short_name);
  if (n == "__qualname__") return is_class(t) ? newref(t->qualname.get()) : str_from_utf8(short_name);
  if (n == "__mro__") {
    if (t->mro) return newref(t->mro.get());
    // A static type's mro is its chain of bases (single inheritance).
    std::vector<Object*> chain;
    for (TypeObject* b = t; b; b = b->base.get()) chain.push_back(b);
    return tuple_from_array(chain.data(), chain.size());
  }
  if (n == "__bases__") {
    if (t->bases) return newref(t->bases.get());
    Object* base = t->base.get();
    return base ? tuple_from_array(&base, 1) : newref(g_rt->empty_tuple);
  }
  if (n == "__base__") return newref(t->base ? static_cast<Object*>(t->base.get()) : none());
  if (n == "__dict__" && t->dict) return newref(t->dict.get());
  if (n == "__subclasses__") {
    static const NativeFunctionDef subclasses_def{"__subclasses__", type_subclasses};
    return new_builtin_function(&subclasses_def, t, nullptr);
  }
  if (n == "__basicsize__") return int_from_i64(int64_t(t->basicsize));
  if (n == "__itemsize__") return int_from_i64(int64_t(t->itemsize));
  if (Object* v = type_lookup(t, name)) return class_attribute(t, v);
  if (n == "__module__") return str_from_utf8(dot == std::string::npos ? "builtins" : tp_name.substr(0, dot));
  if (n == "__doc__") return newref(none());
  return set_error(g_rt->types.AttributeError, "type object '%s' has no attribute '%s'", type_name(t), n.c_str());
}

int type_setattr(Object* o, Object* name, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  std::string n = str_to_utf8(static_cast<StrObject*>(name));
  if (!is_class(t)) {
    set_error(g_rt->types.TypeError, "cannot set '%s' attribute of immutable type '%s'", n.c_str(), type_name(t));
    return -1;
  }
  if (value ? dict_setitem(t->dict.get(), name, value) < 0 : dict_delitem(t->dict.get(), name) < 0) {
    if (value) return -1;
    clear_error();
    set_error(g_rt->types.AttributeError, "type object '%s' has no attribute '%s'", type_name(t), n.c_str());
    return -1;
  }
  if (n == "__abstractmethods__") {
    // type_set_abstractmethods: a class with abstract methods has no instances.
    int abstract = value ? object_is_true(value) : 0;
    if (abstract < 0) return -1;
    t->flags = abstract ? t->flags | kTypeIsAbstract : t->flags & ~uint64_t(kTypeIsAbstract);
  }
  if (n.size() > 4 && n.starts_with("__") && n.ends_with("__")) class_dunder_changed(t);
  return 0;
}

TypeSlots type_slots;

}  // namespace

TypeSlots** g_type_slots = nullptr;

void register_type_slots(TypeObject* type, TypeSlots* slots) {
  std::vector<TypeSlots*>& table = g_rt->type_slot_table;
  size_t index = 0;
  while (index < table.size() && table[index] != slots) ++index;
  if (index == table.size()) table.push_back(slots);
  g_type_slots = table.data();
  type->slots_index = index;
}

// Freeing a long chain of objects recurses once per link. CPython's
// trashcan (dealloc_enter) bounds that for its containers only; for the
// other types, once the host stack runs low a deallocation waits in this
// queue, which the outermost dealloc() empties.
static int g_dealloc_nesting = 0;
static std::vector<Object*> g_deferred_deallocs;

void dealloc(Object* o) {
  if (g_dealloc_nesting > 0 && (host_stack_low() || g_dealloc_nesting >= kMaxUncountedDepth)) [[unlikely]] {
    g_deferred_deallocs.push_back(o);
    return;
  }
  ++g_dealloc_nesting;
  slots_of(o).dealloc(o);
  --g_dealloc_nesting;
  while (g_dealloc_nesting == 0 && !g_deferred_deallocs.empty()) [[unlikely]] {
    Object* next = g_deferred_deallocs.back();
    g_deferred_deallocs.pop_back();
    ++g_dealloc_nesting;
    slots_of(next).dealloc(next);
    --g_dealloc_nesting;
  }
}

const char* type_name(const TypeObject* t) {
  return slots_of(t).name;
}

namespace {

// The type attribute cache (CPython's method cache): the result of a lookup
// by type and interned name, valid until the epoch changes, which happens
// whenever a dict the lookups read changes or goes (dict_watch_for_types),
// a class goes, or another runtime becomes active.
struct TypeCacheEntry {
  Addr type;
  Addr name;  // with kClassesOnly for class_lookup_interned's entries
  uint64_t epoch;
  Addr value;  // 0: not found
};
constexpr size_t kTypeCacheSize = 4096;
constexpr Addr kClassesOnly = 1;  // names are 8-byte aligned: bit 0 is free
TypeCacheEntry g_type_cache[kTypeCacheSize];

// Walks the mro (or the base chain of a static type not given one), marking
// each namespace it reads when the result is to be cached.
Object* lookup_uncached(const TypeObject* t, Object* name, bool watch, bool classes_only) {
  auto look = [&](const TypeObject* k) -> Object* {
    if (!k->dict || (classes_only && !(k->flags & kTypeHeapType))) return nullptr;
    if (watch) dict_watch_for_types(k->dict.get());
    return dict_getitem_str(k->dict.get(), name);
  };
  if (auto* mro = static_cast<TupleObject*>(t->mro.get())) {
    for (int64_t i = 0; i < mro->size; ++i)
      if (Object* v = look(static_cast<TypeObject*>(tuple_item(mro, i)))) return v;
    return nullptr;
  }
  for (; t; t = t->base.get())
    if (Object* v = look(t)) return v;
  return nullptr;
}

Object* cached_lookup(const TypeObject* t, Object* name, bool classes_only) {
  // Only immortal interned names: their address is theirs for good.
  if ((static_cast<StrObject*>(name)->state & kStrInternedMask) < 2) {
    return lookup_uncached(t, name, false, classes_only);
  }
  Addr ta = addr_of(t), na = addr_of(name) | (classes_only ? kClassesOnly : 0);
  TypeCacheEntry& e = g_type_cache[((ta >> 4) * 31 + (na >> 3)) & (kTypeCacheSize - 1)];
  if (e.type == ta && e.name == na && e.epoch == g_type_cache_epoch) return at<Object>(e.value);
  Object* v = lookup_uncached(t, name, true, classes_only);
  if (error_occurred()) return v;  // a failed comparison: nothing to remember
  e = {ta, na, g_type_cache_epoch, addr_of(v)};
  return v;
}

}  // namespace

uint64_t g_type_cache_epoch = 1;

Object* type_lookup(const TypeObject* t, Object* name) { return cached_lookup(t, name, false); }

Object* class_lookup_interned(const TypeObject* t, Object* name) { return cached_lookup(t, name, true); }

bool is_subtype(const TypeObject* t, const TypeObject* base) {
  if (auto* mro = static_cast<TupleObject*>(t->mro.get())) {
    for (int64_t i = 0; i < mro->size; ++i)
      if (tuple_item(mro, i) == base) return true;
    return false;
  }
  for (; t; t = t->base.get())
    if (t == base) return true;
  return false;
}

void init_type_type() {
  TypeSlots& s = type_slots;
  s.name = "type";
  s.dealloc = type_dealloc;
  s.traverse = type_traverse;
  s.repr = type_repr;
  s.call = type_call;
  s.getattr = type_getattr;
  s.setattr = type_setattr;
  s.clear = type_clear;
  s.size_of = type_size_of;
  s.hash = type_hash;
  g_rt->types.type->weaklistoffset = offsetof(TypeObject, weakreflist);
  register_type_slots(g_rt->types.type, &type_slots);
}

}  // namespace heaplab
