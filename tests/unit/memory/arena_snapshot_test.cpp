#include "core/inspect/arena_snapshot.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace heaplab::memory;

namespace {

// Just enough JSON to check the snapshot: a strict parser into a tree.
struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;
  const Json& operator[](const std::string& key) const { return object.at(key); }
  const Json& operator[](size_t i) const { return array.at(i); }
};

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}
  bool parse(Json& out) {
    bool ok = value(out);
    skip_space();
    return ok && i_ == s_.size();
  }

 private:
  void skip_space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool literal(const char* word) {
    size_t n = std::char_traits<char>::length(word);
    if (s_.compare(i_, n, word) != 0) return false;
    i_ += n;
    return true;
  }
  bool string(std::string& out) {
    if (s_[i_] != '"') return false;
    for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_) {
      if (s_[i_] == '\\') return false;  // the snapshot never needs escapes
      out += s_[i_];
    }
    return i_++ < s_.size();
  }
  bool value(Json& out) {
    skip_space();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') {
      out.type = Json::Type::Object;
      ++i_;
      skip_space();
      if (s_[i_] == '}') return ++i_, true;
      for (;;) {
        skip_space();
        std::string key;
        if (!string(key)) return false;
        skip_space();
        if (s_[i_++] != ':') return false;
        if (out.object.count(key) || !value(out.object[key])) return false;
        skip_space();
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        return s_[i_++] == '}';
      }
    }
    if (c == '[') {
      out.type = Json::Type::Array;
      ++i_;
      skip_space();
      if (s_[i_] == ']') return ++i_, true;
      for (;;) {
        out.array.emplace_back();
        if (!value(out.array.back())) return false;
        skip_space();
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        return s_[i_++] == ']';
      }
    }
    if (c == '"') {
      out.type = Json::Type::String;
      return string(out.string);
    }
    if (literal("true")) return out.type = Json::Type::Bool, out.boolean = true, true;
    if (literal("false")) return out.type = Json::Type::Bool, true;
    if (literal("null")) return true;
    size_t start = i_;
    if (s_[i_] == '-') ++i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ == start) return false;
    out.type = Json::Type::Number;
    out.number = std::stod(s_.substr(start, i_ - start));
    return true;
  }
  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

TEST_CASE("arena snapshot: JSON with units, arenas, pools, raw chunks and stats", "[snapshot]") {
  Heap heap(8 * kUnitSize);
  Addr a = heap.malloc(Domain::Object, 24);
  heap.malloc(Domain::Object, 24);
  heap.malloc(Domain::Mem, 500);
  Addr r = heap.malloc(Domain::Object, 1500);
  heap.malloc(Domain::Raw, 600);
  heap.free(Domain::Object, r);

  const std::string text = heaplab::arena_snapshot_json(heap);
  Json j;
  REQUIRE(Parser(text).parse(j));
  CHECK(j["limit"].number == 8 * kUnitSize);
  CHECK(j["mapped"].number == 3 * kUnitSize);
  CHECK(j["unit_size"].number == 1048576);
  CHECK(j["arena_size"].number == 1048576);
  CHECK(j["pool_size"].number == 16384);

  const Json& units = j["units"];
  REQUIRE(units.array.size() == 3);
  CHECK(units[0]["address"].number == 0);
  CHECK(units[0]["kind"].string == "static");
  CHECK(units[1]["kind"].string == "arena");
  CHECK(units[2]["kind"].string == "raw");

  const Json& arenas = j["arenas"];
  REQUIRE(arenas.array.size() == 1);
  const Json& arena = arenas[0];
  CHECK(arena["index"].number == 0);
  CHECK(arena["address"].number == kUnitSize);
  CHECK(arena["free_pools"].number == 62);
  CHECK(arena["total_pools"].number == 64);
  REQUIRE(arena["pools"].array.size() == 64);
  const Json& pool = arena["pools"][0];
  CHECK(pool["address"].number == double(a - kPoolOverhead));
  CHECK(pool["szidx"].number == 1);
  CHECK(pool["block_size"].number == 32);
  CHECK(pool["used"].number == 2);
  CHECK(pool["capacity"].number == 510);
  CHECK(arena["pools"][1]["block_size"].number == 512);
  CHECK(arena["pools"][2]["unused"].boolean);
  CHECK(arena["pools"][2].object.count("szidx") == 0);

  const Json& raw = j["raw"];
  REQUIRE(raw.array.size() == 3);
  CHECK(raw[0]["address"].number == 2 * kUnitSize + 16);
  CHECK(raw[0]["size"].number == 1504);
  CHECK_FALSE(raw[0]["used"].boolean);
  CHECK(raw[1]["size"].number == 608);
  CHECK(raw[1]["used"].boolean);

  const Json& stats = j["stats"];
  CHECK(stats["arenas_allocated_total"].number == 1);
  CHECK(stats["arenas_reclaimed"].number == 0);
  CHECK(stats["arenas_highwater"].number == 1);
  CHECK(stats["arenas_current"].number == 1);
  CHECK(stats["allocated_blocks"].number == 3);
  CHECK(stats["bytes_in_allocated_blocks"].number == 2 * 32 + 512);
  CHECK(stats["bytes_in_available_blocks"].number == 508 * 32 + 30 * 512);
  CHECK(stats["unused_pools"].number == 62);
  CHECK(stats["bytes_in_pool_headers"].number == 96);
  CHECK(stats["quantization"].number == (16336 % 32) + (16336 % 512));
  CHECK(stats["raw_bytes_used"].number == 624);
  CHECK(stats["raw_bytes_free"].number == kUnitSize - 16 - 624);
  CHECK(stats.object.size() == 12);
}

TEST_CASE("arena snapshot: an empty heap", "[snapshot]") {
  Heap heap(2 * kUnitSize);
  const std::string text = heaplab::arena_snapshot_json(heap);
  Json j;
  REQUIRE(Parser(text).parse(j));
  CHECK(j["units"].array.size() == 1);
  CHECK(j["arenas"].array.empty());
  CHECK(j["raw"].array.empty());
  CHECK(j["stats"]["allocated_blocks"].number == 0);
}
