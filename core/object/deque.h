// collections.deque (CPython 3.12's Modules/_collectionsmodule.c): a doubly
// linked list of 64-slot blocks (528 bytes each, PyMem blocks), a 216-byte
// GC object that keeps up to 16 freed blocks for reuse, its forward and
// reverse iterators (56 bytes each), with 3.12's block layout so that
// sys.getsizeof counts the same blocks.
// CPython makes this module's types heap types, whose traverse visits the
// type first; heaplab's are static (immortal) types, and traverse visits
// them all the same, so gc.get_referents lists what CPython's does.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace heaplab {

constexpr int64_t kDequeBlockLen = 64;                    // BLOCKLEN
constexpr int64_t kDequeCenter = (kDequeBlockLen - 1) / 2;  // CENTER
constexpr int kDequeMaxFreeBlocks = 16;                   // MAXFREEBLOCKS

struct DequeBlock {
  Addr leftlink;
  Addr data[kDequeBlockLen];
  Addr rightlink;
};
static_assert(sizeof(DequeBlock) == 528);

struct DequeObject : VarObject {
  Addr leftblock;
  Addr rightblock;
  int64_t leftindex;   // 0 <= leftindex < BLOCKLEN
  int64_t rightindex;  // 0 <= rightindex < BLOCKLEN
  uint64_t state;      // incremented whenever the indices move
  int64_t maxlen;      // -1 when unbounded
  int64_t numfreeblocks;
  Addr freeblocks[kDequeMaxFreeBlocks];
  Ref<Object> weakreflist;
};
static_assert(sizeof(DequeObject) == 216);

bool is_deque(const Object* o);

// Creates collections.deque and its two iterator types.
void init_deque_types();

}  // namespace heaplab
