// collections.defaultdict (CPython's defdictobject): a dict subtype of 56
// bytes whose __missing__ calls default_factory and stores the result.
// CPython makes this module's types heap types, whose traverse visits the
// type first; heaplab's are static (immortal) types, and traverse visits
// them all the same, so gc.get_referents lists what CPython's does.
#pragma once

#include "core/object/dict.h"

namespace heaplab {

struct DefaultDictObject : DictObject {
  Ref<Object> default_factory;  // 0 for None
};
static_assert(sizeof(DefaultDictObject) == 56);

void init_defaultdict_type();

}  // namespace heaplab
