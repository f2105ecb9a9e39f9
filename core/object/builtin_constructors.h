// Calling the built-in types whose files predate their constructors:
// int(x, base), float(x), str(x) / str(b, encoding), tuple(it), dict(...).
#pragma once

namespace heaplab {

void init_builtin_constructors();

}  // namespace heaplab
