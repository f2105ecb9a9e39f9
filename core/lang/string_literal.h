// Decoding of string literal tokens: prefixes, quotes and escape sequences.
#pragma once

#include <string>
#include <string_view>

namespace heaplab {

enum class DecodeStatus {
  Ok,
  Error,         // `error` holds CPython's SyntaxError message
  NamedEscape,   // a \N{...} escape: decoded as U+FFFD, unsupported by heaplab
};

struct StringLiteral {
  std::string value;  // UTF-8 text, or raw bytes when `bytes`
  bool bytes = false;
  bool unicode_prefix = false;  // written u"..." (CPython's Constant kind 'u')
};

// A whole non-f string token, e.g. `rb'\x00'` or `"""doc"""`.
DecodeStatus decode_string_literal(std::string_view token, StringLiteral& out, std::string& error);

// The literal text of an f-string between replacement fields: escapes (unless
// raw) and, outside a format spec, doubled braces.
DecodeStatus decode_fstring_middle(std::string_view text, bool raw, bool in_spec, std::string& out,
                                   std::string& error);

}  // namespace heaplab
