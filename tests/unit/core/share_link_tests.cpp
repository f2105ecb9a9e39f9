// Share links decoded in the core: every step of "#v1." + base64url(
// deflate-raw(JSON)) and every refusal, with the sentences the page shows.
// The deflate fixtures were made with CPython's zlib (raw deflate, wbits=-15):
// level 0 for the stored block, strategy Z_FIXED for fixed Huffman codes, the
// default strategy for dynamic ones; the hand-made streams were written bit by
// bit to hold one fault each.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/exercise/json.h"
#include "core/share/builtin_exercises.h"
#include "core/share/inflate.h"
#include "core/share/base64url.h"
#include "core/share/share_link.h"

using namespace heaplab;

namespace {


// A link whose deflate data is one stored block holding `json` (at most 65535 bytes).
std::string stored_fragment(std::string_view json) {
  std::string block = "\x01";
  const size_t length = json.size();
  block += char(length & 0xFF);
  block += char(length >> 8);
  block += char(~length & 0xFF);
  block += char((~length >> 8) & 0xFF);
  block += json;
  return "#v1." + to_base64url(block);
}

JsonValue decoded(std::string_view fragment) {
  const ShareLinkResult result = decode_share_link(fragment);
  INFO(result.error);
  REQUIRE(result.ok);
  CHECK(result.error.empty());
  JsonParseResult parsed = parse_json(result.state_json);
  INFO(result.state_json);
  REQUIRE(parsed.value);
  return std::move(*parsed.value);
}

// The reason of a refusal, after checking the sentence around it.
std::string refusal(std::string_view fragment) {
  const ShareLinkResult result = decode_share_link(fragment);
  INFO(std::string(fragment.substr(0, 120)));
  REQUIRE_FALSE(result.ok);
  CHECK(result.state_json.empty());
  CHECK(result.error == "This share link cannot be opened: " + result.reason + ". The page starts with its defaults.");
  return result.reason;
}

const std::string kDamaged = "its data is damaged (it does not decompress), perhaps it was cut short when copied";
const std::string kNotBase64 = "its data is damaged (not base64url), perhaps it was cut short when copied";

}  // namespace

TEST_CASE("share link: stored, fixed and dynamic deflate blocks decode", "[share]") {
  for (const char* fragment : {"#v1.AawAU_97ImNvZGUiOiJpbXBvcnQgZ2NcbnggPSBbMV1cbnguYXBwZW5kKHgpXG5wcmludChcImjDqWxsbyDinJMg8J-QjVwi"
        "KVxuIiwiZXhlcmNpc2UiOiIwM19jeWNsZXMiLCJzZXR0aW5ncyI6eyJtZW1vcnlMaW1pdE1iIjo0OCwidGhyZXNob2xkcyI6WzEw"
        "MCw1LDNdLCJkZWJ1Z0FsbG9jYXRvciI6dHJ1ZX19", "#v1.q1ZKzk9JVbJSyswtyC8qUUhPjsmrULBViDaMBTL0EgsKUvNSNCo0Y_IKijLzSjRilDIOr8zJyVd4NGeywof5E3pjlIBySjpK"
        "qRWpRcmZxSCjDIzjkyuTc1KLgcLFqSUlmXnpxUpW1Uq5qbn5RZU-mbmZJb5JSlYmFjpKJRlFqcUZ-TkpQAXRhgYGOqY6xrE6Simp"
        "SaXpjkBrkhNL8ouUrEqKSlNrawE"}) {
    const JsonValue state = decoded(fragment);
    CHECK(state.find("code")->string == "import gc\nx = [1]\nx.append(x)\nprint(\"h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x90\x8d\")\n");
    CHECK(state.find("exercise")->string == "03_cycles");
    const JsonValue& settings = *state.find("settings");
    CHECK(settings.find("memoryLimitMb")->number == 48);
    CHECK(settings.find("thresholds")->array[1].number == 5);
    CHECK(settings.find("debugAllocator")->boolean);
  }
  const JsonValue dynamic = decoded("#v1.jdW7TgNhEIPRV1ltw0UUsZ0rz0Kzgg1ECkm02Q7x7vyTCjmN-_m6I89P_37-GPvX_jIdTvPjw_FwGrtFd953Q3eZzp_T8N3N"
        "X8PcTeNlHOZrd5iv43H_8NKOnrvF09vpf4gkRAthIZOQLaSFSkK1UBYuk3DZwqWFqyRctXBl4ToJ1y1cW7hJwk0LNxZuk3Dbwq2F"
        "uyTctXDnACI6KDu4w5PpufFxP4gAoQTBCSEyhEIEV4SIEcoRHBIiSShKcEuIMKE0wTkh8oQCBReFiBTKFBwVIlUoVnBXjFyxXNFd"
        "MXLFcsW7XcqG6bZM7oqRK5YruitGrliu6K4YuWK5orti5Irliu6KkSuWK7orRq5YruiuGLliuaK7UuRK5UruSpErlSu5K0WuVK50"
        "9_Kyn3d7eu5KkSuVK7krRa5UruSuFLlSuZK7UuRK5UruSpErlSu5K0WuVK5UrvrfPw");
  CHECK(utf16_length(dynamic.find("code")->string) == 2330);
  CHECK(dynamic.find("code")->string.rfind("print('line 0 of a program", 0) == 0);
  // A copy that overlaps what it writes: "ab", then length 6 at distance 2.
  CHECK(decoded("#v1.q1ZKzk9JVbJSSkyCQKVaAA").find("code")->string == "abababab");
}

TEST_CASE("share link: the state keeps only checked fields, settings completed", "[share]") {
  const ShareLinkResult result = decode_share_link("#v1.q1ZKzk9JVbJSUtJRSq1ILUrOLAby8kpzcnSUilNLSjLz0ouVrKqVUlKTStMdc3LykxNL8ouUrEqKSlNrawE");
  REQUIRE(result.ok);
  CHECK(result.state_json == R"({"code":"","settings":{"memoryLimitMb":256,"thresholds":[700,10,10],"debugAllocator":true}})");
  CHECK(decode_share_link(stored_fragment(R"({"code": "x"})")).state_json == R"({"code":"x"})");
  // Markup is only characters of the code.
  CHECK(decoded(stored_fragment(R"J({"code": "print(\"<img src=x onerror=alert(1)>\")"})J")).find("code")->string ==
        "print(\"<img src=x onerror=alert(1)>\")");
  // A leading byte order mark is dropped, as the browser's TextDecoder does.
  CHECK(decoded(stored_fragment("\xEF\xBB\xBF{\"code\": \"\"}")).find("code")->string.empty());
  // The code's bound counts as JavaScript does: a snake is two characters.
  // 59,000 x and 500 snakes (made with zlib), then one snake more.
  CHECK(utf16_length(decoded("#v1.7cNBCQAhEADAKrIxrKO-_R4cRhBsYEUjmEOYgfmj9Noip_gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAec_aaqurbY1w").find("code")->string) == 60000);
  CHECK(refusal("#v1.7cNBCQAhEADAKrIxrKO-_R4cRhBsYEUjmEOYgfmj9Noip_gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAec_aaqur7Y1w") == "its code is longer than 60000 characters");
}

TEST_CASE("share link: a teacher's exercise object is carried whole", "[share]") {
  const JsonValue state = decoded("#v1.TY_BasQwDER_RegcCmmhh0BPPfcLtiHrOmItYlvB0kKWkH-vvbuUHsWb0czs6GUmHHBT-IBT38FrB2_jd8YOaaPiWSvdkeeq"
        "MXI-UJn6Co0tNt-nXLOBCVgoRA3Iyr6CyGpab85q5eqNJSsOJ_xyC8F50zMEiTM8E19w7FDNFaPy1-ZRI3C2u9OtK-X5LiQzzhdt"
        "zRIlKbcpcmKb0g8O_fvRYe3pl-baMbv0GFh_rTcLkp8B__ZWlEjVXZoyiizgDKrjGI_jFw");
  const JsonValue& exercise = *state.find("exercise");
  CHECK(exercise.find("id")->string == "teacher_1");
  CHECK(exercise.find("instructions")->array.at(0).string == "Make `xs` hold 1, 2, 3.");
  CHECK(exercise.find("settings")->find("memory_limit_mb")->number == 16);
  CHECK(exercise.find("checks")->array.at(0).find("message")->string == "look at xs");
  CHECK(state.find("settings") == nullptr);
  CHECK(refusal("#v1.HY7BCoMwEER_ZdlzKNhCD0JPPfcLrGgal7oYE8muYBH_vYnHmTezOzu6OBDWuKFB2ig5lix35CGbStaNlLoqQ2X1JfiMa1DQ"
        "CDomogLiwi4Dz6KSNQfRtDrlGATrBl92Iug36WGMfoDKwNXA7YKtQVGblFJ5L_CApn2HfGDkoGfTLguF4QySKoevlGUzzTH9Os8z"
        "azd_sK7uh8G8002l1R7HHw") == "its exercise is not valid (exercise: \"checks\" must not be empty)");
  CHECK(refusal("#v1.LY9Ba8MwDIX_itA5jLXbYQR22nm_oA2p54haxLaCpUJKyH-fHXqUvvf0njb0MhH2uGKHtFLxrHXckKe6NHI-UBlPFRpbbMIf"
        "eWQDE7BQiBqQhX0FkdW0zpzVysMbS1bsL_jrZoLbqjcIEic4dXDu4OMNhw7VXDEqLV7hGy7DNdcDgbMdTrcslKdDSGac79qaJUpS"
        "nmPkxDamP-zP759fe4e1qZ-bb8Ps0vFTq7M8LUh-RdSMV_5QUSJVd2_KKDKDM6iOfdj3fw") ==
        "its exercise is not valid (settings: \"memory_limit_mb\" must be a whole number of MB between 1 and 1024)");
}

TEST_CASE("share link: every built-in exercise id is known", "[share]") {
  REQUIRE(kBuiltinExerciseIdCount >= 15);
  for (size_t i = 0; i < kBuiltinExerciseIdCount; ++i) {
    const std::string id(kBuiltinExerciseIds[i]);
    CHECK(decoded(stored_fragment(R"({"code": "", "exercise": ")" + id + "\"}")).find("exercise")->string == id);
  }
  CHECK(refusal("#v1.q1ZKzk9JVbJSqlDSUUqtSC1KziwGcS0t43Mzi4sz89KVagE") == "it names an exercise this page does not have: \"99_missing\"");
  CHECK(refusal(stored_fragment(R"({"code": "", "exercise": ")" + std::string(100, 'z') + "\"}")) ==
        "it names an exercise this page does not have: \"" + std::string(64, 'z') + "\"");
}

TEST_CASE("share link: refused before decoding", "[share]") {
  CHECK(refusal("#v1." + std::string(8189, 'A')) ==
        "it is too long (8,193 characters after the #; links hold at most 8,192)");
  CHECK(refusal("#v1." + std::string(8188, 'A')) != refusal("#v1." + std::string(8189, 'A')));
  for (const char* fragment : {"", "#", "#section-2", "#v1", "#v.AAAA", "#V1.AAAA", "v1.AAAA"}) {
    CHECK(refusal(fragment) == "it is not a heaplab share link");
  }
  CHECK(refusal("#v2.AAAA") == "it was made by another version of heaplab (v2)");
  CHECK(refusal("#v01.AAAA") == "it was made by another version of heaplab (v01)");
  for (const char* fragment : {"#v1.", "#v1.abc$def", "#v1.AAAA=", "#v1.ab+/", "#v1.ABCDE", "#v1.%3Cimg%3E", "#v1.AB",
                               "#v1.A\xc3\xa9"}) {
    CHECK(refusal(fragment) == kNotBase64);
  }
}

TEST_CASE("share link: damaged deflate data is refused", "[share]") {
  for (const char* fragment : {"#v1.jdW7TgNhEIPRV1ltw0UUsZ0rz0Kzgg1ECkm02Q7x7vyTCjmN-_m6I89P_37-GPvX_jIdTvPjw_FwGrtFd953Q3eZzp_T8N3N"
        "X8PcTeNlHOZrd5iv43H_8NKOnrvF09vpf4gkRAthIZOQLaSFSkK1UBYuk3DZwqWFqyRctXBl4ToJ1y1cW7hJwk0LNxZuk3Dbwq2F"
        "uyTctXDnACI6KDu4w5PpufFxP4gAoQTBCSE", "#v1.q1ZKzk9JVbJSyswtyC8qUUhPjsmrULBViDaMBTL0EgsKUvNSNCo0Y_IKijLzSjRilDIOr8zJyVd4NGeywof5E3pjlIBySjpK"
        "qRWpRcmZxSCjDIzjkyuTc1KLgcLFqSUlmXnpxUpW1Uq5qbn5RZU-mbmZJb5JSlYmFjpKJRlFqcUZ-TkpQAXRhgYGOqY6xrE6Simp"
        "SaXpjkBrkhNL8ouUrEqKSlNrawEA", "#v1.BeCTJEmSJEmSAA", "#v1.SwQSAA", "#v1.SwQ-AA",
                               "#v1.SxwDAA", "#v1.Bw", "#v1.AQIAAABhYg", "#v1.AA", "#v1._w"}) {
    CHECK(refusal(fragment) == kDamaged);
  }
  CHECK(refusal("#v1.q1ZKzk9JVbJSOqyhVAsA") == kDamaged);
  CHECK(refusal(stored_fragment("{\"code\": \"\xed\xa0\x80\"}")) == kDamaged);  // a UTF-8 encoded surrogate
  CHECK(refusal(stored_fragment("{\"code\": \"\xc0\xaf\"}")) == kDamaged);      // overlong
}

TEST_CASE("share link: inflating stops at 64 KiB", "[share]") {
  // 70,000 zeros in 87 bytes of deflate data.
  CHECK(refusal("#v1.7cExAQAAAMKg9U9tCU-gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAIC3AQ") == "it expands to more than 64 KB");
  CHECK(refusal("#v1.7cFBDQAgDAQwLycDO4w3XxKC9yGk7c3ctTJyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAA4Mtr") == "it expands to more than 64 KB");
}

TEST_CASE("inflate_raw: the output bound is exact", "[share]") {
  // One stored block of 3 bytes, then the final fixed block holding 'd'.
  const std::string stored("\x00\x03\x00\xfc\xff" "abc", 8);
  std::string input = stored + std::string("\x4b\x01\x00", 3);
  InflateResult whole = inflate_raw(input, 4);
  REQUIRE(whole.status == InflateResult::Status::Ok);
  CHECK(whole.data == "abcd");
  CHECK(inflate_raw(input, 3).status == InflateResult::Status::TooLarge);
  CHECK(inflate_raw(input.substr(0, input.size() - 1), 4).status == InflateResult::Status::Damaged);
  CHECK(inflate_raw("", 4).status == InflateResult::Status::Damaged);
}

TEST_CASE("share link: refused for what the JSON holds", "[share]") {
  CHECK(refusal("#v1.q1ZKzk9JVbJSUKpQ0gEA") == "its data is not valid JSON");
  CHECK(refusal(stored_fragment(std::string(300, '[') + std::string(300, ']'))) == "its data is not valid JSON");
  CHECK(refusal(stored_fragment(R"({"code": "a", "code": "b"})")) == "its data is not valid JSON");
  CHECK(refusal("#v1.q1ZKzk9JVbJSqlDSUSpOLsosKAFybJLslGoB") == "it has an unknown field \"script\"");
  CHECK(refusal("#v1.q1ZKzk9JVbJSqlDSUSpOLSnJzEsvVrKqVspNzc0vqvTJzM0s8U1SsjI0MDKtrQUA") ==
        "in its settings, the memory limit must be a whole number of MiB from 1 to 1024");
  CHECK(refusal("#v1.7cExDQAgEAQwLycDOzwzKwnB-9tgaHszd62MHAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAIDf5DU") == "its code is longer than 60000 characters");

  const std::pair<const char*, const char*> cases[] = {
      {R"([1, 2])", "it does not hold an object"},
      {R"("code")", "it does not hold an object"},
      {R"({"exercise": "03_cycles"})", "its \"code\" is missing or not text"},
      {R"({"code": 42})", "its \"code\" is missing or not text"},
      {R"({"code": "x", "exercise": 3})", "its \"exercise\" must be an exercise id or an exercise object"},
      {R"({"code": "x", "exercise": []})", "its \"exercise\" must be an exercise id or an exercise object"},
      {R"({"code": "x", "exercise": {"id": "e"}})", "its exercise is not valid (exercise: missing \"title\")"},
      {R"({"code": "x", "settings": []})", "its \"settings\" must be an object"},
      {R"({"code": "x", "settings": null})", "its \"settings\" must be an object"},
      {R"({"code": "x", "settings": {"theme": "light"}})", "its settings have an unknown field \"theme\""},
      {R"({"code": "x", "settings": {"__proto__": {"memoryLimitMb": 5}}})",
       "its settings have an unknown field \"__proto__\""},
      {R"({"code": "x", "settings": {"memoryLimitMb": "64"}})",
       "in its settings, the memory limit must be a whole number of MiB from 1 to 1024"},
      {R"({"code": "x", "settings": {"memoryLimitMb": 0}})",
       "in its settings, the memory limit must be a whole number of MiB from 1 to 1024"},
      {R"({"code": "x", "settings": {"memoryLimitMb": 2.5}})",
       "in its settings, the memory limit must be a whole number of MiB from 1 to 1024"},
      {R"({"code": "x", "settings": {"thresholds": [700, 10]}})",
       "in its settings, the GC thresholds must be three whole numbers from 0 to 1000000"},
      {R"({"code": "x", "settings": {"thresholds": [700, 10, -1]}})",
       "in its settings, the GC thresholds must be three whole numbers from 0 to 1000000"},
      {R"({"code": "x", "settings": {"thresholds": [700, 10, 1000001]}})",
       "in its settings, the GC thresholds must be three whole numbers from 0 to 1000000"},
      {R"({"code": "x", "settings": {"thresholds": ["700", 10, 10]}})",
       "in its settings, the GC thresholds must be three whole numbers from 0 to 1000000"},
      {R"({"code": "x", "settings": {"debugAllocator": "yes"}})", "in its settings, debugAllocator must be true or false"},
  };
  for (const auto& [json, reason] : cases) {
    INFO(json);
    CHECK(refusal(stored_fragment(json)) == reason);
  }
  // Settings written as 1e2 or 256.0 are whole numbers.
  const JsonValue state = decoded(stored_fragment(R"({"code": "", "settings": {"memoryLimitMb": 1e2, "thresholds": [256.0, 0, 1000000]}})"));
  CHECK(state.find("settings")->find("memoryLimitMb")->number == 100);
  CHECK(state.find("settings")->find("thresholds")->array[0].number == 256);
}
