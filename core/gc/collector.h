// The cyclic garbage collector: CPython 3.12's Modules/gcmodule.c algorithm
// over the generation lists of core/object/gc_header.h.
#pragma once

#include <cstdint>

namespace heaplab {

// gc.collect(generation), 0 <= generation < 3: the collection with
// gc.callbacks invoked around it. Returns the objects collected plus the
// uncollectable ones; 0 when a collection is already running.
int64_t gc_collect(int generation);

// _Py_RunGC: the collection an allocation scheduled (gc_collection_due()).
// The VM calls it at a safe point; it collects the oldest generation whose
// count exceeds its threshold.
void gc_run_scheduled();

}  // namespace heaplab
