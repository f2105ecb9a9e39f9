// The host's own call stack. Depth counters (CPython's recursion limits)
// bound most recursion in C++, but how many bytes a level takes depends on
// the build (an AddressSanitizer build's frames are several times larger)
// and some recursion has no counter in CPython at all (hashing nested
// tuples, freeing a chain of objects its trashcan does not cover). So the
// recursive paths also check the stack itself: near its end they raise
// RecursionError (or defer the deallocation) instead of overflowing it.
#pragma once

#include <cstdint>

namespace heaplab {

// The lowest stack address a guarded step may start from; the bytes below
// it are the reserve one step may use before it checks again.
extern uintptr_t g_host_stack_floor;

// Sets the floor for the calling thread's stack (cheap after the first call
// on a thread). Interpreter::activate calls it.
void host_stack_init();

// True when the stack is nearly used up: the caller must not recurse further.
inline bool host_stack_low() { return uintptr_t(__builtin_frame_address(0)) < g_host_stack_floor; }

// A WebAssembly engine runs the code's calls on its own stack (about 1 MB in
// V8), which the program cannot measure: what host_stack_low() sees there is
// only Emscripten's shadow stack. So recursion that no depth counter of
// CPython's bounds (freeing a chain, hashing nested tuples) also stops at
// this depth in WebAssembly.
#ifdef __EMSCRIPTEN__
constexpr int kMaxUncountedDepth = 5000;
#else
constexpr int kMaxUncountedDepth = 1 << 30;
#endif

}  // namespace heaplab
