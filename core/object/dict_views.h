// dict's methods (get, pop, popitem, setdefault, update, copy, clear, keys,
// values, items) and the view objects keys/values/items return
// (_PyDictViewObject: 24 bytes, GC), with dict_valueiterator and
// dict_itemiterator (the items iterator reuses its result tuple).
#pragma once

#include "core/object/object.h"

namespace heaplab {

// dict.update(arg, **kwargs): a mapping, or an iterable of pairs. 0 / -1.
int dict_update_from(Object* d, Object* arg, Object* const* kwvalues, Object* kwnames);

// PyDict_Merge: a dict's items directly (unless its class iterates its own
// way), anything else through keys() and [key]. 0 / -1.
int dict_merge(Object* d, Object* other);

void init_dict_views();   // the view and iterator types
void init_dict_methods(); // dict's method table (after the strings exist)

}  // namespace heaplab
