// tuple.count and tuple.index.
#pragma once

namespace heaplab {

void init_tuple_methods();

}  // namespace heaplab
