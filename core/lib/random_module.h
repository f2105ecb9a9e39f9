// _random: the Mersenne Twister (MT19937) under random.Random, seeded and
// drawn exactly as CPython's _random module.
#pragma once

#include "core/object/object.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_random_module();

}  // namespace heaplab
