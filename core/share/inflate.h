// Raw DEFLATE (RFC 1951) decompression for share links: the browser's
// CompressionStream('deflate-raw') output, read back inside the module so that
// a hostile link meets one bounded, fuzzed reader. Strict: any invalid code,
// length, distance or block is an error, as is data after the final block.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace heaplab {

struct InflateResult {
  enum class Status : unsigned char { Ok, Damaged, TooLarge };
  Status status = Status::Damaged;
  std::string data;  // the inflated bytes when status is Ok
};

// Inflates `input`, stopping with TooLarge as soon as the output would exceed
// `max_output` bytes (memory stays within that bound). Never reads past the
// input; time is linear in input plus output.
InflateResult inflate_raw(std::string_view input, size_t max_output);

}  // namespace heaplab
