#include "core/object/runtime.h"

#include <cstring>

#include "core/object/array.h"
#include "core/object/bytearray.h"
#include "core/object/builtin_constructors.h"
#include "core/object/builtin_iterators.h"
#include "core/object/bytes.h"
#include "core/object/defaultdict.h"
#include "core/object/deque.h"
#include "core/object/lru_cache.h"
#include "core/object/dict.h"
#include "core/object/dict_views.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/function.h"
#include "core/object/host_stack.h"
#include "core/object/generic_alias.h"
#include "core/object/method.h"
#include "core/object/traceback.h"
#include "core/object/descriptors.h"
#include "core/object/super.h"
#include "core/object/frame_object.h"
#include "core/object/int.h"
#include "core/object/int_methods.h"
#include "core/object/float_methods.h"
#include "core/object/itertools.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/ordered_dict.h"
#include "core/object/range.h"
#include "core/object/sequence_iterators.h"
#include "core/object/set.h"
#include "core/object/slice.h"
#include "core/object/slot_wrapper.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/str_methods.h"
#include "core/object/tuple.h"
#include "core/object/tuple_methods.h"
#include "core/object/union_type.h"
#include "core/object/tuplegetter.h"
#include "core/object/weakref.h"

namespace heaplab {

uint8_t* g_region_base = nullptr;
Runtime* g_rt = nullptr;

void init_type_type();

namespace {

using memory::Domain;

// The built-in types that are not exceptions, with CPython's layout figures
// (basicsize, itemsize) and subclass flags.
struct StaticTypeSpec {
  TypeObject* BuiltinTypes::*field;
  TypeObject* BuiltinTypes::*base;
  uint64_t basicsize;
  uint64_t itemsize;
  uint64_t flags;
};

const StaticTypeSpec kStaticTypes[] = {
    {&BuiltinTypes::object, nullptr, 16, 0, kTypeBaseType},
    {&BuiltinTypes::type, &BuiltinTypes::object, 920, 40, kTypeHaveGC | kTypeBaseType | kTypeTypeSubclass},
    {&BuiltinTypes::none, &BuiltinTypes::object, 16, 0, 0},
    {&BuiltinTypes::not_implemented, &BuiltinTypes::object, 16, 0, 0},
    {&BuiltinTypes::ellipsis, &BuiltinTypes::object, 16, 0, 0},
    {&BuiltinTypes::int_, &BuiltinTypes::object, 24, 4, kTypeBaseType | kTypeLongSubclass},
    {&BuiltinTypes::bool_, &BuiltinTypes::int_, 24, 4, kTypeLongSubclass},
    {&BuiltinTypes::float_, &BuiltinTypes::object, 24, 0, kTypeBaseType},
    {&BuiltinTypes::str, &BuiltinTypes::object, 64, 0, kTypeBaseType | kTypeUnicodeSubclass},
    {&BuiltinTypes::bytes, &BuiltinTypes::object, 33, 1, kTypeBaseType | kTypeBytesSubclass},
    {&BuiltinTypes::list, &BuiltinTypes::object, 40, 0, kTypeHaveGC | kTypeBaseType | kTypeListSubclass},
    {&BuiltinTypes::tuple, &BuiltinTypes::object, 24, 8, kTypeHaveGC | kTypeBaseType | kTypeTupleSubclass},
    {&BuiltinTypes::dict, &BuiltinTypes::object, 48, 0, kTypeHaveGC | kTypeBaseType | kTypeDictSubclass},
    {&BuiltinTypes::module, &BuiltinTypes::object, 72, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::code, &BuiltinTypes::object, 200, 2, 0},
    {&BuiltinTypes::function, &BuiltinTypes::object, 144, 0, kTypeHaveGC},
    {&BuiltinTypes::builtin_function, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::method_descriptor, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::classmethod_descriptor, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::method, &BuiltinTypes::object, 48, 0, kTypeHaveGC},
    {&BuiltinTypes::cell, &BuiltinTypes::object, 24, 0, kTypeHaveGC},
    {&BuiltinTypes::traceback, &BuiltinTypes::object, 40, 0, kTypeHaveGC},
    {&BuiltinTypes::member_descriptor, &BuiltinTypes::object, 64, 0, kTypeHaveGC},
    {&BuiltinTypes::getset_descriptor, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::property, &BuiltinTypes::object, 64, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::staticmethod, &BuiltinTypes::object, 32, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::classmethod, &BuiltinTypes::object, 32, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::super, &BuiltinTypes::object, 40, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::generator, &BuiltinTypes::object, 144, 8, kTypeHaveGC},
    {&BuiltinTypes::frame, &BuiltinTypes::object, 72, 8, kTypeHaveGC},
    {&BuiltinTypes::list_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::tuple_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::str_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::dict_keyiterator, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::range, &BuiltinTypes::object, 48, 0, 0},
    {&BuiltinTypes::range_iterator, &BuiltinTypes::object, 40, 0, 0},
    {&BuiltinTypes::longrange_iterator, &BuiltinTypes::object, 40, 0, 0},
    {&BuiltinTypes::str_ascii_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::list_reverseiterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::set, &BuiltinTypes::object, 200, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::frozenset, &BuiltinTypes::object, 200, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::set_iterator, &BuiltinTypes::object, 48, 0, kTypeHaveGC},
    {&BuiltinTypes::bytes_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::bytearray, &BuiltinTypes::object, 56, 0, kTypeBaseType},
    {&BuiltinTypes::bytearray_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::slice, &BuiltinTypes::object, 40, 0, kTypeHaveGC},
    {&BuiltinTypes::enumerate, &BuiltinTypes::object, 56, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::zip, &BuiltinTypes::object, 48, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::map, &BuiltinTypes::object, 32, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::filter, &BuiltinTypes::object, 32, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::reversed, &BuiltinTypes::object, 32, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::callable_iterator, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::text_stream, &BuiltinTypes::object, 24, 0, 0},
    {&BuiltinTypes::dict_keys, &BuiltinTypes::object, 24, 0, kTypeHaveGC},
    {&BuiltinTypes::dict_values, &BuiltinTypes::object, 24, 0, kTypeHaveGC},
    {&BuiltinTypes::dict_items, &BuiltinTypes::object, 24, 0, kTypeHaveGC},
    {&BuiltinTypes::dict_valueiterator, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::dict_itemiterator, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::wrapper_descriptor, &BuiltinTypes::object, 56, 0, kTypeHaveGC},
    {&BuiltinTypes::method_wrapper, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
    {&BuiltinTypes::generic_alias, &BuiltinTypes::object, 64, 0, kTypeHaveGC | kTypeBaseType},
    {&BuiltinTypes::union_type, &BuiltinTypes::object, 32, 0, kTypeHaveGC},
};

void track_new(Object* o) {
  if (g_rt->track_objects) g_rt->live_objects.insert(o);
}

}  // namespace

Runtime::Runtime(size_t memory_limit, bool track, memory::HeapMode mode)
    : heap(memory_limit, mode), track_objects(track) {
  activate();
  init_gc_state();  // first: initialising the types already tracks objects
  for (const auto& spec : kStaticTypes) types.*spec.field = new_static_type();
  create_exception_type_objects();
  for (const auto& spec : kStaticTypes) {
    TypeObject* t = types.*spec.field;
    t->type.set(types.type);
    if (spec.base) t->base.set(types.*spec.base);
    t->basicsize = spec.basicsize;
    t->itemsize = spec.itemsize;
    t->flags = spec.flags;
  }
  init_type_type();
  init_object_type();
  init_int_type();
  init_singleton_types();  // bool copies int's behaviour
  init_float_type();
  init_str_type();
  init_tuple_type();
  init_list_type();
  init_dict_type();
  init_native_function_types();
  init_module_type();
  init_exception_types();

  // Types added by later work register here, one line each.
  init_function_types();
  init_method_type();
  init_traceback_type();
  init_descriptor_types();
  init_super_type();
  init_frame_object_type();
  init_gc_lists();
  init_weakref_types();
  init_sequence_iterator_types();
  init_range_type();
  init_slice_type();
  init_set_type();
  init_bytes_type();
  init_bytearray_type();
  init_builtin_iterator_types();
  init_dict_views();
  init_dict_methods();
  init_tuple_methods();
  init_int_methods();
  init_float_methods();
  init_builtin_constructors();
  init_str_methods();
  init_slot_wrapper_types();

  init_singletons();
  init_static_strings();
  init_static_tuples();
  auto* memory_error = static_cast<ExceptionObject*>(new_static_object(types.MemoryError, sizeof(ExceptionObject)));
  memory_error->args.set(empty_tuple);
  memory_error_instance = memory_error;
  init_list_methods();
  init_object_methods();
  init_deque_types();
  init_defaultdict_type();
  init_array_types();
  init_ordered_dict_types();
  init_itertools_types();
  init_tuplegetter_type();
  init_format_methods();
  init_generic_alias_type();  // after the collections types it serves
  init_union_type();
  init_lru_cache_types();
  init_builtin_slot_wrappers();  // last: after every type's methods
}

Runtime::~Runtime() {
  if (g_rt == this) g_rt = nullptr;
}

void Runtime::activate() {
  if (g_rt != this) type_cache_invalidate();  // the cache holds the active region's addresses
  g_rt = this;
  g_region_base = heap.base();
  g_type_slots = type_slot_table.data();
  host_stack_init();
}

IntObject* Runtime::small_int(int64_t v) const {
  auto* base = reinterpret_cast<uint8_t*>(small_ints);
  return reinterpret_cast<IntObject*>(base + size_t(v - kSmallIntMin) * kSmallIntStride);
}

Object* new_object(TypeObject* type, size_t size) {
  size_t pre = preheader_size(type);
  size_t total = size + pre;
  Addr a = g_rt->heap.malloc(Domain::Object, total);
  if (!a) return set_memory_error();
  uint8_t* p = g_region_base + a;
  std::memset(p, 0, total);
  auto* o = reinterpret_cast<Object*>(p + pre);
  o->refcnt = 1;
  o->type.set(type);
  if (type->flags & kTypeHeapType) incref(type);
  if (has_gc(type)) gc_link_new(o);
  track_new(o);
  return o;
}

Object* resize_object(Object* o, size_t new_size) {
  Addr a = g_rt->heap.realloc(Domain::Object, addr_of(o), new_size);
  if (!a) return set_memory_error();
  auto* moved = at<Object>(a);
  if (moved != o && g_rt->track_objects) {
    g_rt->live_objects.erase(o);
    g_rt->live_objects.insert(moved);
  }
  return moved;
}

void free_object(Object* o) {
  TypeObject* type = type_of(o);
  if (g_rt->track_objects) g_rt->live_objects.erase(o);
  if (has_gc(type)) gc_on_free(o);
  uint8_t* p = reinterpret_cast<uint8_t*>(o) - preheader_size(type);
  g_rt->heap.free(Domain::Object, addr_of(p));
  if (type->flags & kTypeHeapType) decref(type);
}

void note_object_dead(Object* o) {
  if (g_rt->track_objects) g_rt->live_objects.erase(o);
}

void note_object_reborn(Object* o) {
  track_new(o);
  memory::Tracer& tracer = g_rt->heap.tracer();
  if (tracer.tracing()) [[unlikely]]
    tracer.retrace(addr_of(o) - preheader_size(type_of(o)));
}

bool dealloc_enter(Object* o) {
  constexpr int kTrashLimit = 50;  // _PyTrash_UNWIND_LEVEL
  if (g_rt->dealloc_depth >= kTrashLimit) {
    g_rt->dealloc_later.push_back(o);
    return false;
  }
  ++g_rt->dealloc_depth;
  return true;
}

void dealloc_leave() {
  if (--g_rt->dealloc_depth > 0) return;
  while (!g_rt->dealloc_later.empty()) {
    Object* o = g_rt->dealloc_later.back();
    g_rt->dealloc_later.pop_back();
    dealloc(o);
  }
}

Addr mem_alloc(size_t n) { return g_rt->heap.malloc(Domain::Mem, n); }
Addr mem_realloc(Addr a, size_t n) { return g_rt->heap.realloc(Domain::Mem, a, n); }
void mem_free(Addr a) {
  if (a) g_rt->heap.free(Domain::Mem, a);
}

TypeObject* new_static_type() {
  // Type objects are GC objects: reserve the header CPython's static types have.
  Addr a = g_rt->heap.static_alloc(sizeof(GCHeader) + sizeof(TypeObject));
  auto* t = reinterpret_cast<TypeObject*>(g_region_base + a + sizeof(GCHeader));
  std::memset(static_cast<void*>(t), 0, sizeof(TypeObject));
  t->refcnt = kImmortalRefcnt;
  return t;
}

Object* new_static_object(TypeObject* type, size_t size) {
  bool gc = has_gc(type);
  size_t total = size + (gc ? sizeof(GCHeader) : 0);
  Addr a = g_rt->heap.static_alloc(total);
  uint8_t* p = g_region_base + a;
  std::memset(p, 0, total);
  auto* o = reinterpret_cast<Object*>(p + (gc ? sizeof(GCHeader) : 0));
  o->refcnt = kImmortalRefcnt;
  o->type.set(type);
  return o;
}

}  // namespace heaplab
