// The "tracemalloc" object of the session snapshot: whether tracing is on,
// the traced and peak sizes, and the live blocks grouped by the line that
// allocated them (their innermost frame), biggest first, as
// Snapshot.statistics('lineno') orders them.
#pragma once

#include <cstddef>
#include <string>

#include "core/memory/tracer.h"

namespace heaplab {

// At most `max_lines` lines are listed; "lines_total" counts them all.
std::string trace_snapshot_json(const memory::Tracer& tracer, size_t max_lines = 100);

}  // namespace heaplab
