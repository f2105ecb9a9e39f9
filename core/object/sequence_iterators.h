// The iterators of the built-in sequences: list_iterator, tuple_iterator,
// str_ascii_iterator / str_iterator (3.12 picks by the string's kind),
// bytes_iterator, bytearray_iterator and list_reverseiterator. All share
// CPython's 32-byte layout (it_index, it_seq) and are GC objects.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

struct SeqIterObject : Object {
  int64_t index;
  Ref<Object> seq;  // NULL once exhausted
};
static_assert(sizeof(SeqIterObject) == 32);

// iter(x) for each sequence type (new references).
Object* list_iter(Object* list);
Object* tuple_iter(Object* tuple);
Object* str_iter(Object* str);
Object* bytes_iter(Object* bytes);
Object* bytearray_iter(Object* bytearray);
// reversed(list), as list.__reversed__.
Object* list_reversed_iter(Object* list);

void init_sequence_iterator_types();

}  // namespace heaplab
