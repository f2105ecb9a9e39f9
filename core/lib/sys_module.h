// The sys module: the interpreter's view of its own memory (getsizeof,
// getrefcount, getallocatedblocks, _debugmallocstats) and limits.
#pragma once

#include <string_view>

#include "core/object/object.h"
#include "core/session/session.h"

namespace heaplab {

// A new reference to the module, its dict filled.
Object* make_sys_module();

// sys.argv = [script]: the program's name as given ('' for the REPL).
void sys_set_argv(Object* sys, std::string_view script);

// Where print(file=...) writes: sys.stdout, sys.stderr or None (stdout) set
// *is_stream; any other file gets its write() called.
Stream text_stream_target(Object* file, bool* is_stream);

}  // namespace heaplab
