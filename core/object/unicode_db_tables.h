// The generated tables behind unicode_db.h (scripts/gen_unicode_db.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace heaplab::unicode_db {

// Character classes: run i covers kRunStarts[i] up to the next start, every
// code point in it with the bits kRunFlags[i] (unicode_db.h's Flag).
extern const uint32_t kRunStarts[];
extern const uint16_t kRunFlags[];
extern const size_t kRunCount;

// Full case mappings of the code points that have one, sorted by code point.
// A mapping is one code point, or (bit 31 set) a length in bits 24-27 and an
// offset into kCasePool.
struct CaseEntry {
  uint32_t cp, upper, lower, title, fold;
};
extern const CaseEntry kCases[];
extern const size_t kCaseCount;
extern const char32_t kCasePool[];

}  // namespace heaplab::unicode_db
