// The strict JSON reader the exercise files go through: values, escapes and
// UTF-8 come out right; every malformed input gives an error with its line
// and column, never a crash.
#include <catch2/catch.hpp>

#include <string>

#include "core/exercise/json.h"

using namespace heaplab;

namespace {

std::string error_of(std::string_view text) {
  JsonParseResult r = parse_json(text);
  REQUIRE_FALSE(r.value);
  return r.error;
}

}  // namespace

TEST_CASE("JSON values of every kind") {
  JsonParseResult r = parse_json(R"( {"a": [1, -2.5e3, 0, true, false, null], "b": {"c": "d"}, "e": []} )");
  REQUIRE(r.value);
  const JsonValue& root = *r.value;
  REQUIRE(root.kind == JsonValue::Kind::Object);
  const JsonValue* a = root.find("a");
  REQUIRE(a);
  REQUIRE(a->array.size() == 6);
  CHECK(a->array[0].number == 1);
  CHECK(a->array[1].number == -2500);
  CHECK(a->array[3].boolean);
  CHECK(a->array[4].kind == JsonValue::Kind::Bool);
  CHECK_FALSE(a->array[4].boolean);
  CHECK(a->array[5].kind == JsonValue::Kind::Null);
  CHECK(root.find("b")->find("c")->string == "d");
  CHECK(root.find("e")->array.empty());
  CHECK(root.find("missing") == nullptr);
  CHECK(root.object[0].key == "a");  // document order
}

TEST_CASE("JSON string escapes and UTF-8") {
  JsonParseResult r = parse_json(R"("a\"b\\c\/\n\t\u00e9\u20ac\ud83d\ude00")");
  REQUIRE(r.value);
  CHECK(r.value->string == "a\"b\\c/\n\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  CHECK(parse_json("\"h\xC3\xA9llo\"").value->string == "h\xC3\xA9llo");
}

TEST_CASE("malformed JSON gives an error naming the place") {
  CHECK(error_of("") == "line 1, column 1: unexpected end of input, expected a value");
  CHECK(error_of("{\"a\": 1,}") == "line 1, column 9: expected a string key");
  CHECK(error_of("[1,\n 2,\n ]") == "line 3, column 2: unexpected character, expected a value");
  CHECK(error_of("{\"a\": 1 \"b\": 2}") == "line 1, column 9: expected ',' or '}'");
  CHECK(error_of("{\"a\": 1, \"a\": 2}") == "line 1, column 10: duplicate key \"a\"");
  CHECK(error_of("[1] 2") == "line 1, column 5: unexpected text after the value");
  CHECK(error_of("01") == "line 1, column 2: leading zeros are not allowed");
  CHECK(error_of("1.") == "line 1, column 3: expected a digit");
  CHECK(error_of("-") == "line 1, column 2: expected a digit");
  CHECK(error_of("1e999") == "line 1, column 1: number out of range");
  CHECK(error_of("tru") == "line 1, column 1: unexpected character");
  CHECK(error_of("// comment\n1") == "line 1, column 1: unexpected character, expected a value");
  CHECK(error_of("\"abc") == "line 1, column 5: unterminated string");
  CHECK(error_of("\"a\nb\"") == "line 1, column 3: control character in string (escape it)");
  CHECK(error_of("\"\\x\"") == "line 1, column 3: invalid escape in string");
  CHECK(error_of("\"\\u12\"") == "line 1, column 6: expected 4 hex digits after \\u");
  CHECK(error_of("\"\\ud83d\"") == "line 1, column 8: unpaired high surrogate \\u escape");
  CHECK(error_of("\"\\ude00\"") == "line 1, column 8: unpaired low surrogate \\u escape");
  CHECK(error_of("\"\xC0\xAF\"") == "line 1, column 2: invalid UTF-8 in string");      // overlong
  CHECK(error_of("\"\xED\xA0\x80\"") == "line 1, column 2: invalid UTF-8 in string");  // surrogate
  CHECK(error_of("\"\xE2\x82\"") == "line 1, column 2: invalid UTF-8 in string");      // truncated
  CHECK(error_of("\"\xE2\x82") == "line 1, column 2: invalid UTF-8 in string");
  CHECK(error_of("\"\\") == "line 1, column 3: invalid escape in string");
  CHECK(error_of(std::string_view("[\0]", 3)) == "line 1, column 2: unexpected character, expected a value");
}

TEST_CASE("deep nesting is an error, not a stack overflow") {
  const std::string deep(100'000, '[');
  CHECK(error_of(deep) == "line 1, column 202: nesting deeper than 200 levels");
  std::string fine = std::string(150, '[') + std::string(150, ']');
  CHECK(parse_json(fine).value);
}

TEST_CASE("every prefix of a valid document is rejected cleanly") {
  const std::string doc = R"({"id": "x", "list": [1, 2.5, "s\u00e9", {"k": null}], "t": true})";
  REQUIRE(parse_json(doc).value);
  for (size_t n = 0; n < doc.size(); ++n) {
    JsonParseResult r = parse_json(std::string_view(doc).substr(0, n));
    CHECK_FALSE(r.value);
    CHECK_FALSE(r.error.empty());
  }
}
