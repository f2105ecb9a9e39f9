// The iterator types of the itertools module (CPython 3.12's
// Modules/itertoolsmodule.c): count, cycle, repeat, chain, islice,
// accumulate, product, permutations, combinations(_with_replacement),
// zip_longest, starmap, takewhile, dropwhile, filterfalse, groupby (and its
// _grouper), tee (_tee over linked _tee_dataobjects of 57 items), compress,
// pairwise and batched, with CPython's layouts: all GC types. product,
// permutations and the combinations reuse their result tuple while nobody
// else holds it, as CPython does.
// CPython makes this module's types heap types, whose traverse visits the
// type first; heaplab's are static (immortal) types, and traverse visits
// them all the same, so gc.get_referents lists what CPython's does.
#pragma once

#include <cstddef>

#include "core/object/object.h"
#include "core/object/type.h"

namespace heaplab {

// itertools.tee(iterable, n=2): a NativeFn (self is the module).
Object* itertools_tee(Object* self, Object* const* args, size_t nargs, Object* kwnames);
// Calls add(name, type) for each type, by its name in the module.
void itertools_public_types(void (*add)(const char* name, TypeObject* type, void* arg), void* arg);

void init_itertools_types();

}  // namespace heaplab
