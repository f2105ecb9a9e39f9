// collections.OrderedDict (CPython 3.12's Objects/odictobject.c): a dict
// subtype of 112 bytes that keeps its order in a doubly linked list of
// 32-byte nodes (PyMem blocks), found through od_fast_nodes, an array that
// mirrors the dict's entry table and is rebuilt when the table is resized.
// Also its views (odict_keys, odict_values, odict_items) and iterators.
#pragma once

#include "core/object/dict.h"

namespace heaplab {

// _odictnode.
struct OrderedDictNode {
  Addr key;  // strong
  int64_t hash;
  Addr next;
  Addr prev;
};
static_assert(sizeof(OrderedDictNode) == 32);

struct OrderedDictObject : DictObject {
  Addr od_first;
  Addr od_last;
  Addr od_fast_nodes;  // od_fast_nodes_size node addresses, indexed like the dict's entries
  int64_t od_fast_nodes_size;
  Addr od_resize_sentinel;  // the dict keys object the fast nodes were built for
  uint64_t od_state;        // incremented whenever the list changes
  Ref<Object> od_inst_dict;  // __dict__, made when first needed
  Ref<Object> od_weakreflist;
};
static_assert(sizeof(OrderedDictObject) == 112);

void init_ordered_dict_types();

}  // namespace heaplab
