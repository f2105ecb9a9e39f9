// The debug hooks of PYTHONMALLOC=debug (CPython 3.12's _PyMem_DebugRawAlloc
// and friends, without the optional serial number). Each block asks the
// underlying allocator for 24 more bytes and is laid out as
//
//   [size: 8 bytes, big-endian][API id][7 x 0xFD][data: n bytes][8 x 0xFD]
//                                                 ^ the address handed out
//
// Fresh data bytes are 0xCD, freed blocks are filled with 0xDD, and a free or
// realloc first checks the API id ('r', 'm', 'o') and both pads. CPython stops
// the process with a fatal error there; heaplab must not, so the check records
// CPython's report and the heap leaves the block alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/memory/domain.h"
#include "core/memory/region.h"

namespace heaplab::memory {

inline constexpr uint8_t kCleanByte = 0xCD;      // PYMEM_CLEANBYTE
inline constexpr uint8_t kDeadByte = 0xDD;       // PYMEM_DEADBYTE
inline constexpr uint8_t kForbiddenByte = 0xFD;  // PYMEM_FORBIDDENBYTE
inline constexpr size_t kDebugHeaderSize = 16;   // size + id + leading pad
inline constexpr size_t kDebugExtraBytes = 24;   // header + trailing pad

constexpr char debug_api_id(Domain d) { return d == Domain::Raw ? 'r' : d == Domain::Mem ? 'm' : 'o'; }

class DebugHooks {
 public:
  // Writes the header and trailing pad around `nbytes` of data in the
  // underlying block at `block`; fills the data with kCleanByte if asked.
  // Returns the data address.
  Addr decorate(Region& region, Addr block, size_t nbytes, Domain domain, bool fill_clean) const;
  // The size recorded in the header of the data at `p`.
  size_t requested_size(const Region& region, Addr p) const;
  // Checks the API id and pads of the data at `p`, whose underlying block has
  // `usable` bytes. Records CPython's report and returns false on a problem.
  bool check(const Region& region, const char* func, Domain domain, Addr p, size_t usable);

  std::vector<std::string> take_reports();

 private:
  std::string dump_address(const Region& region, Addr p, bool size_trusted) const;
  std::vector<std::string> reports_;
};

}  // namespace heaplab::memory
