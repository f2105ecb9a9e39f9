// The three allocation domains of PEP 445. Every allocation names its domain so
// that tracing and the views can tell object memory from buffers and raw memory.
#pragma once

#include <cstdint>

namespace heaplab::memory {

enum class Domain : uint8_t {
  Raw,     // PyMem_RawMalloc: always the raw allocator
  Mem,     // PyMem_Malloc: pymalloc for <= 512 bytes, else raw
  Object,  // PyObject_Malloc: pymalloc for <= 512 bytes, else raw
};

inline constexpr const char* domain_name(Domain d) {
  return d == Domain::Raw ? "raw" : d == Domain::Mem ? "mem" : "object";
}

}  // namespace heaplab::memory
