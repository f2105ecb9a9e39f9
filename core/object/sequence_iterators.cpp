#include "core/object/sequence_iterators.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "core/object/bytearray.h"
#include "core/object/bytes.h"
#include "core/object/gc_header.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

SeqIterObject* new_iter(TypeObject* type, Object* seq, int64_t index) {
  auto* it = static_cast<SeqIterObject*>(new_object(type, sizeof(SeqIterObject)));
  if (!it) return nullptr;
  it->index = index;
  it->seq.set(newref(seq));
  gc_track(it);
  return it;
}

// Drops the sequence once the iterator is exhausted, as CPython does.
Object* exhausted(SeqIterObject* it) {
  Object* seq = it->seq.get();
  it->seq.set(nullptr);
  xdecref(seq);
  return nullptr;
}

void seqiter_dealloc(Object* o) {
  gc_untrack(o);
  auto* it = static_cast<SeqIterObject*>(o);
  Object* seq = it->seq.get();
  it->seq.set(nullptr);
  xdecref(seq);
  free_object(o);
}

void seqiter_traverse(Object* o, VisitFn visit, void* arg) {
  if (Object* seq = static_cast<SeqIterObject*>(o)->seq.get()) visit(seq, arg);
}

Object* iter_self(Object* o) { return newref(o); }

Object* listiter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* l = static_cast<ListObject*>(it->seq.get());
  if (!l) return nullptr;
  if (it->index < l->size) return newref(list_item(l, it->index++));
  return exhausted(it);
}

Object* tupleiter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* t = static_cast<TupleObject*>(it->seq.get());
  if (!t) return nullptr;
  if (it->index < t->size) return newref(tuple_item(t, it->index++));
  return exhausted(it);
}

Object* striter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* s = static_cast<StrObject*>(it->seq.get());
  if (!s) return nullptr;
  if (it->index < s->length) return str_char_object(str_char(s, it->index++));
  return exhausted(it);
}

Object* bytesiter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* b = static_cast<BytesObject*>(it->seq.get());
  if (!b) return nullptr;
  if (it->index < b->size) return int_from_i64(uint8_t(b->data[it->index++]));
  return exhausted(it);
}

Object* bytearrayiter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* b = static_cast<ByteArrayObject*>(it->seq.get());
  if (!b) return nullptr;
  if (it->index < b->size) return int_from_i64(bytearray_data(b)[it->index++]);
  return exhausted(it);
}

Object* listreviter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  auto* l = static_cast<ListObject*>(it->seq.get());
  if (!l) return nullptr;
  if (it->index >= 0 && it->index < l->size) return newref(list_item(l, it->index--));
  it->index = -1;
  return exhausted(it);
}

size_t seqiter_size_of(Object*) { return sizeof(SeqIterObject); }

// __length_hint__: the items left (0 once exhausted).
int64_t sequence_length(Object* seq) {
  return is_str(seq) ? static_cast<StrObject*>(seq)->length : static_cast<VarObject*>(seq)->size;
}

Object* seqiter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  std::string name = std::string(type_name(self)) + ".__length_hint__";
  if (!check_no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
  auto* it = static_cast<SeqIterObject*>(self);
  Object* seq = it->seq.get();
  if (type_of(self) == g_rt->types.list_reverseiterator) {
    bool live = seq && it->index + 1 <= sequence_length(seq);
    return int_from_i64(live ? it->index + 1 : 0);
  }
  return int_from_i64(seq ? std::max<int64_t>(sequence_length(seq) - it->index, 0) : 0);
}

const NativeFunctionDef kSeqIterMethods[] = {{"__length_hint__", seqiter_length_hint}};

TypeSlots list_iter_slots, tuple_iter_slots, str_ascii_iter_slots, str_iter_slots, bytes_iter_slots,
    bytearray_iter_slots, list_reviter_slots;

void init_one(TypeObject* type, TypeSlots& s, const char* name, Object* (*next)(Object*)) {
  s.name = name;
  s.dealloc = seqiter_dealloc;
  s.traverse = seqiter_traverse;
  s.iter = iter_self;
  s.iternext = next;
  s.size_of = seqiter_size_of;
  register_type_slots(type, &s);
  add_methods(type, kSeqIterMethods, std::size(kSeqIterMethods));
}

}  // namespace

Object* list_iter(Object* list) { return new_iter(g_rt->types.list_iterator, list, 0); }
Object* tuple_iter(Object* tuple) { return new_iter(g_rt->types.tuple_iterator, tuple, 0); }
Object* str_iter(Object* str) {
  bool ascii = str_is_ascii(static_cast<StrObject*>(str));
  return new_iter(ascii ? g_rt->types.str_ascii_iterator : g_rt->types.str_iterator, str, 0);
}
Object* bytes_iter(Object* bytes) { return new_iter(g_rt->types.bytes_iterator, bytes, 0); }
Object* bytearray_iter(Object* bytearray) { return new_iter(g_rt->types.bytearray_iterator, bytearray, 0); }
Object* list_reversed_iter(Object* list) {
  return new_iter(g_rt->types.list_reverseiterator, list, static_cast<ListObject*>(list)->size - 1);
}

void init_sequence_iterator_types() {
  const BuiltinTypes& t = g_rt->types;
  init_one(t.list_iterator, list_iter_slots, "list_iterator", listiter_next);
  init_one(t.tuple_iterator, tuple_iter_slots, "tuple_iterator", tupleiter_next);
  init_one(t.str_ascii_iterator, str_ascii_iter_slots, "str_ascii_iterator", striter_next);
  init_one(t.str_iterator, str_iter_slots, "str_iterator", striter_next);
  init_one(t.bytes_iterator, bytes_iter_slots, "bytes_iterator", bytesiter_next);
  init_one(t.bytearray_iterator, bytearray_iter_slots, "bytearray_iterator", bytearrayiter_next);
  init_one(t.list_reverseiterator, list_reviter_slots, "list_reverseiterator", listreviter_next);
}

}  // namespace heaplab
