// list: PyListObject, a GC object whose items live in a separate PyMem block
// grown and shrunk by 3.12's over-allocation rule (list_resize).
#pragma once

#include <cstddef>

#include "core/object/object.h"

namespace heaplab {

struct ListObject : VarObject {
  Addr ob_item;  // Addr of an array of `allocated` item addresses
  int64_t allocated;
};

inline Addr* list_items(const ListObject* l) { return at<Addr>(l->ob_item); }
inline Object* list_item(const ListObject* l, int64_t i) { return at<Object>(list_items(l)[i]); }

bool is_list(const Object* o);
// A list of `n` NULL items allocated exactly (the caller fills them with
// stolen references), as PyList_New.
ListObject* list_new(int64_t n);
// BUILD_LIST: takes ownership of the `n` references.
Object* list_from_array_steal(Object* const* items, size_t n);
int list_append(Object* list, Object* item);  // new reference taken
void list_clear(Object* list);                  // list.clear()
int list_extend(Object* list, Object* iterable);

// Frees the lists the free list holds (gc.collect(2) does, as 3.12).
void list_clear_free_list();

void init_list_type();
void init_list_methods();  // append, pop, ... (needs dict and str)

}  // namespace heaplab
