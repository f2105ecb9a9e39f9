// Unpadded base64url (RFC 4648 §5), as share links carry their data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace heaplab {

// The bytes of `text`, or nullopt unless it is unpadded base64url whose
// unused bits in the last character are zero (as every encoder writes them).
std::optional<std::string> from_base64url(std::string_view text);

// The inverse: what the page's encoder writes (tests and fuzzing use it).
std::string to_base64url(std::string_view bytes);

}  // namespace heaplab
