// collections._tuplegetter: the descriptor namedtuple puts on its class for
// each field (32 bytes, GC): reading it on an instance gives item `index`.
#pragma once

namespace heaplab {

void init_tuplegetter_type();

}  // namespace heaplab
