// A small strict JSON reader (RFC 8259) for the exercise files: no comments,
// no trailing commas, no duplicate keys, strings must be valid UTF-8. Any
// malformed input gives an error naming the line and column, never a crash
// (nesting is bounded so hostile input cannot exhaust the stack).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heaplab {

struct JsonMember;

struct JsonValue {
  enum class Kind : unsigned char { Null, Bool, Number, String, Array, Object };

  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::vector<JsonMember> object;  // in document order

  // The member named `key` of an object, or nullptr.
  const JsonValue* find(std::string_view key) const;
};

// A named member of an object. (Not a std::pair: Clang cannot instantiate a
// pair of the still incomplete JsonValue inside its own definition.)
struct JsonMember {
  std::string key;
  JsonValue value;
};

// "null", "boolean", "number", "string", "array" or "object", for messages.
const char* json_kind_name(JsonValue::Kind kind);

struct JsonParseResult {
  std::optional<JsonValue> value;
  std::string error;  // "line 3, column 7: expected ',' or '}'" when value is empty
};

JsonParseResult parse_json(std::string_view text);

// The length of UTF-8 text as JavaScript counts it (UTF-16 code units), for
// bounds that the page and the core must agree on.
size_t utf16_length(std::string_view utf8);

}  // namespace heaplab
