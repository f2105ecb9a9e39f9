// types.UnionType: `int | None`, `list[int] | str`, as annotations write them;
// isinstance and issubclass take one as they take a tuple of its members.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

bool is_union(const Object* o);
// The union's members, a tuple (borrowed).
Object* union_args(Object* o);
// `a | b` for types, aliases, None and unions (type.__or__); NotImplemented
// (new reference) for anything else.
Object* type_or(Object* a, Object* b);

void init_union_type();

}  // namespace heaplab
