// types.GenericAlias: what subscripting a built-in class gives (list[int],
// dict[str, list[int]]), as annotations write them; and the
// __class_getitem__ of the built-in classes that make one.
#pragma once

#include <string>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// origin[args] (new reference); `args` is wrapped in a tuple unless it is one.
Object* new_generic_alias(Object* origin, Object* args);
bool is_generic_alias(const Object* o);
// How a union or an alias shows a type argument: int, collections.deque,
// list[int], ..., or the object's repr (UTF-8; false with an exception set).
bool type_argument_repr(Object* o, std::string* out);

void init_generic_alias_type();

}  // namespace heaplab
