#include "core/exercise/json.h"

#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <unordered_set>

namespace heaplab {

namespace {

constexpr int kMaxDepth = 200;

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  JsonParseResult read_document() {
    JsonValue value;
    skip_whitespace();
    if (!read_value(value, 0)) return {std::nullopt, error_};
    skip_whitespace();
    if (pos_ != text_.size()) {
      fail("unexpected text after the value");
      return {std::nullopt, error_};
    }
    return {std::move(value), {}};
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  // Records the first error, with the 1-based line and column of pos_.
  bool fail(const std::string& message) {
    if (!error_.empty()) return false;
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    error_ = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
    return false;
  }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  bool expect_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail("unexpected character");
    pos_ += word.size();
    return true;
  }

  bool read_value(JsonValue& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    if (at_end()) return fail("unexpected end of input, expected a value");
    switch (peek()) {
      case '{': return read_object(out, depth);
      case '[': return read_array(out, depth);
      case '"':
        out.kind = JsonValue::Kind::String;
        return read_string(out.string);
      case 't':
        out.kind = JsonValue::Kind::Bool;
        out.boolean = true;
        return expect_word("true");
      case 'f':
        out.kind = JsonValue::Kind::Bool;
        return expect_word("false");
      case 'n':
        out.kind = JsonValue::Kind::Null;
        return expect_word("null");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return read_number(out);
        return fail("unexpected character, expected a value");
    }
  }

  bool read_object(JsonValue& out, int depth) {
    out.kind = JsonValue::Kind::Object;
    ++pos_;  // {
    skip_whitespace();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    std::unordered_set<std::string> keys;  // a hash set: an object of many keys stays linear
    for (;;) {
      skip_whitespace();
      if (peek() != '"') return fail("expected a string key");
      std::string key;
      const size_t key_pos = pos_;
      if (!read_string(key)) return false;
      if (!keys.insert(key).second) {
        pos_ = key_pos;
        return fail("duplicate key \"" + key + "\"");
      }
      skip_whitespace();
      if (peek() != ':') return fail("expected ':'");
      ++pos_;
      skip_whitespace();
      JsonValue member;
      if (!read_value(member, depth + 1)) return false;
      out.object.push_back({std::move(key), std::move(member)});
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}'");
    }
  }

  bool read_array(JsonValue& out, int depth) {
    out.kind = JsonValue::Kind::Array;
    ++pos_;  // [
    skip_whitespace();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_whitespace();
      JsonValue element;
      if (!read_value(element, depth + 1)) return false;
      out.array.push_back(std::move(element));
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']'");
    }
  }

  bool read_digits() {
    if (at_end() || peek() < '0' || peek() > '9') return fail("expected a digit");
    while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    return true;
  }

  bool read_number(JsonValue& out) {
    const size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (peek() >= '0' && peek() <= '9') return fail("leading zeros are not allowed");
    } else if (!read_digits()) {
      return false;
    }
    if (peek() == '.') {
      ++pos_;
      if (!read_digits()) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!read_digits()) return false;
    }
    // strtod needs a terminated copy; the grammar above has already been checked.
    const std::string digits(text_.substr(start, pos_ - start));
    out.kind = JsonValue::Kind::Number;
    out.number = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(out.number)) {
      pos_ = start;
      return fail("number out of range");
    }
    return true;
  }

  bool read_hex4(uint32_t& code) {
    code = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      uint32_t digit;
      if (c >= '0' && c <= '9') digit = uint32_t(c - '0');
      else if (c >= 'a' && c <= 'f') digit = uint32_t(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = uint32_t(c - 'A' + 10);
      else return fail("expected 4 hex digits after \\u");
      code = code * 16 + digit;
      ++pos_;
    }
    return true;
  }

  static void append_utf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xC0 | (code >> 6));
      out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    } else {
      out += char(0xF0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3F));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    }
  }

  bool read_escape(std::string& out) {
    ++pos_;  // backslash
    const char c = peek();
    ++pos_;
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default:
        --pos_;
        return fail("invalid escape in string");
    }
    uint32_t code;
    if (!read_hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return fail("unpaired low surrogate \\u escape");
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") return fail("unpaired high surrogate \\u escape");
      pos_ += 2;
      uint32_t low;
      if (!read_hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired high surrogate \\u escape");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  // Copies one UTF-8 encoded character (lead byte at pos_), checking it is
  // well formed: no overlong forms, no surrogates, nothing past U+10FFFF.
  bool read_utf8_char(std::string& out) {
    const auto byte = [&](size_t i) { return uint8_t(text_[pos_ + i]); };
    const uint8_t lead = byte(0);
    size_t length;
    uint32_t code;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2, code = lead & 0x1F;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, code = lead & 0x0F;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, code = lead & 0x07;
    else return fail("invalid UTF-8 in string");
    if (pos_ + length > text_.size()) return fail("invalid UTF-8 in string");
    for (size_t i = 1; i < length; ++i) {
      if ((byte(i) & 0xC0) != 0x80) return fail("invalid UTF-8 in string");
      code = (code << 6) | (byte(i) & 0x3F);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      return fail("invalid UTF-8 in string");
    }
    out.append(text_.substr(pos_, length));
    pos_ += length;
    return true;
  }

  bool read_string(std::string& out) {
    ++pos_;  // opening quote
    for (;;) {
      if (at_end()) return fail("unterminated string");
      const uint8_t c = uint8_t(peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return fail("control character in string (escape it)");
      if (c == '\\') {
        if (!read_escape(out)) return false;
      } else if (c >= 0x80) {
        if (!read_utf8_char(out)) return false;
      } else {
        out += char(c);
        ++pos_;
      }
    }
  }
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const JsonMember& member : object) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

const char* json_kind_name(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::Null: return "null";
    case JsonValue::Kind::Bool: return "boolean";
    case JsonValue::Kind::Number: return "number";
    case JsonValue::Kind::String: return "string";
    case JsonValue::Kind::Array: return "array";
    case JsonValue::Kind::Object: return "object";
  }
  return "value";
}

JsonParseResult parse_json(std::string_view text) { return JsonReader(text).read_document(); }

size_t utf16_length(std::string_view utf8) {
  size_t length = 0;
  for (char c : utf8) {
    const uint8_t byte = uint8_t(c);
    if ((byte & 0xC0) != 0x80) ++length;  // a character starts here
    if (byte >= 0xF0) ++length;           // beyond U+FFFF: a surrogate pair
  }
  return length;
}

}  // namespace heaplab
