#include "core/share/share_link.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include "core/exercise/exercise.h"
#include "core/exercise/json.h"
#include "core/inspect/json_text.h"
#include "core/share/base64url.h"
#include "core/share/builtin_exercises.h"
#include "core/share/inflate.h"

namespace heaplab {

namespace {

constexpr std::string_view kPrefix = "#v1.";
constexpr std::string_view kVersion = "v1";

// The page's settings (web/session/settings.js): defaults and ranges.
constexpr int64_t kDefaultMemoryLimitMb = 256;
constexpr int64_t kDefaultThresholds[3] = {700, 10, 10};  // gc.get_threshold() of CPython 3.12
constexpr int64_t kMinMemoryLimitMb = 1;
constexpr int64_t kMaxMemoryLimitMb = 1024;
constexpr int64_t kMaxThreshold = 1'000'000;

ShareLinkResult refuse(std::string reason) {
  ShareLinkResult result;
  result.error = "This share link cannot be opened: " + reason + ". The page starts with its defaults.";
  result.reason = std::move(reason);
  return result;
}

// 8192 -> "8,192", as the page's toLocaleString('en-US') writes it.
std::string with_commas(size_t n) {
  std::string digits = std::to_string(n);
  for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// Well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const uint8_t lead = uint8_t(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    uint8_t low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead == 0xE0) length = 3, low = 0xA0;
    else if (lead == 0xED) length = 3, high = 0x9F;
    else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
    else if (lead == 0xF0) length = 4, low = 0x90;
    else if (lead == 0xF4) length = 4, high = 0x8F;
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else return false;
    if (text.size() - i < length) return false;
    const uint8_t second = uint8_t(text[i + 1]);
    if (second < low || second > high) return false;
    for (size_t k = 2; k < length; ++k) {
      if ((uint8_t(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

bool is_whole_number(const JsonValue& value, int64_t min, int64_t max) {
  return value.kind == JsonValue::Kind::Number && std::floor(value.number) == value.number &&
         value.number >= double(min) && value.number <= double(max);
}

bool is_builtin_exercise(std::string_view id) {
  for (size_t i = 0; i < kBuiltinExerciseIdCount; ++i) {
    if (kBuiltinExerciseIds[i] == id) return true;
  }
  return false;
}

// At most `max` UTF-16 units of `text`, never cutting a character in two.
std::string_view utf16_prefix(std::string_view text, size_t max) {
  size_t units = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const uint8_t byte = uint8_t(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    units += byte >= 0xF0 ? 2 : 1;
    if (units > max) return text.substr(0, i);
  }
  return text;
}

void append_json(std::string& out, const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::Null: out += "null"; return;
    case JsonValue::Kind::Bool: out += value.boolean ? "true" : "false"; return;
    case JsonValue::Kind::Number:
      // Only whole numbers in small ranges pass the checks.
      out += std::to_string(int64_t(value.number));
      return;
    case JsonValue::Kind::String: append_json_string(out, value.string); return;
    case JsonValue::Kind::Array:
      out += '[';
      for (size_t i = 0; i < value.array.size(); ++i) {
        if (i > 0) out += ',';
        append_json(out, value.array[i]);
      }
      out += ']';
      return;
    case JsonValue::Kind::Object:
      out += '{';
      for (size_t i = 0; i < value.object.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, value.object[i].key);
        out += ':';
        append_json(out, value.object[i].value);
      }
      out += '}';
      return;
  }
}

// The settings completed with the defaults, as JSON, or the reason they are refused.
bool read_settings(const JsonValue& settings, std::string& out, std::string& reason) {
  if (settings.kind != JsonValue::Kind::Object) {
    reason = "its \"settings\" must be an object";
    return false;
  }
  for (const auto& [key, value] : settings.object) {
    if (key != "memoryLimitMb" && key != "thresholds" && key != "debugAllocator") {
      reason = "its settings have an unknown field \"" + key + "\"";
      return false;
    }
  }
  int64_t memory_limit = kDefaultMemoryLimitMb;
  if (const JsonValue* limit = settings.find("memoryLimitMb")) {
    if (!is_whole_number(*limit, kMinMemoryLimitMb, kMaxMemoryLimitMb)) {
      reason = "in its settings, the memory limit must be a whole number of MiB from " +
               std::to_string(kMinMemoryLimitMb) + " to " + std::to_string(kMaxMemoryLimitMb);
      return false;
    }
    memory_limit = int64_t(limit->number);
  }
  int64_t thresholds[3] = {kDefaultThresholds[0], kDefaultThresholds[1], kDefaultThresholds[2]};
  if (const JsonValue* given = settings.find("thresholds")) {
    bool valid = given->kind == JsonValue::Kind::Array && given->array.size() == 3;
    for (size_t i = 0; valid && i < 3; ++i) {
      valid = is_whole_number(given->array[i], 0, kMaxThreshold);
      if (valid) thresholds[i] = int64_t(given->array[i].number);
    }
    if (!valid) {
      reason = "in its settings, the GC thresholds must be three whole numbers from 0 to " + std::to_string(kMaxThreshold);
      return false;
    }
  }
  bool debug_allocator = false;
  if (const JsonValue* debug = settings.find("debugAllocator")) {
    if (debug->kind != JsonValue::Kind::Bool) {
      reason = "in its settings, debugAllocator must be true or false";
      return false;
    }
    debug_allocator = debug->boolean;
  }
  out += "{\"memoryLimitMb\":" + std::to_string(memory_limit) + ",\"thresholds\":[" + std::to_string(thresholds[0]) +
         "," + std::to_string(thresholds[1]) + "," + std::to_string(thresholds[2]) +
         "],\"debugAllocator\":" + (debug_allocator ? "true" : "false") + "}";
  return true;
}

// The strict check of a decoded state: only the known keys, each of its type
// and within its range.
ShareLinkResult check_state(const JsonValue& state) {
  if (state.kind != JsonValue::Kind::Object) return refuse("it does not hold an object");
  for (const auto& [key, value] : state.object) {
    if (key != "code" && key != "exercise" && key != "settings") {
      return refuse("it has an unknown field \"" + key + "\"");
    }
  }

  const JsonValue* code = state.find("code");
  if (!code || code->kind != JsonValue::Kind::String) return refuse("its \"code\" is missing or not text");
  if (utf16_length(code->string) > kMaxShareCodeChars) {
    return refuse("its code is longer than " + std::to_string(kMaxShareCodeChars) + " characters");
  }
  std::string out = "{\"code\":";
  append_json_string(out, code->string);

  const JsonValue* exercise = state.find("exercise");
  if (exercise && exercise->kind == JsonValue::Kind::String) {
    if (!is_builtin_exercise(exercise->string)) {
      return refuse("it names an exercise this page does not have: \"" +
                    std::string(utf16_prefix(exercise->string, 64)) + "\"");
    }
    out += ",\"exercise\":";
    append_json_string(out, exercise->string);
  } else if (exercise && exercise->kind == JsonValue::Kind::Object) {
    const ExerciseLoadResult loaded = load_exercise(*exercise);
    if (!loaded.exercise) return refuse("its exercise is not valid (" + loaded.error + ")");
    out += ",\"exercise\":";
    append_json(out, *exercise);
  } else if (exercise && exercise->kind != JsonValue::Kind::Null) {
    return refuse("its \"exercise\" must be an exercise id or an exercise object");
  }

  if (const JsonValue* settings = state.find("settings")) {
    std::string reason;
    out += ",\"settings\":";
    if (!read_settings(*settings, out, reason)) return refuse(std::move(reason));
  }
  out += '}';

  ShareLinkResult result;
  result.ok = true;
  result.state_json = std::move(out);
  return result;
}

}  // namespace

ShareLinkResult decode_share_link(std::string_view fragment) {
  const size_t chars = utf16_length(fragment);
  if (chars > kMaxShareFragmentChars) {
    return refuse("it is too long (" + with_commas(chars) + " characters after the #; links hold at most " +
                  with_commas(kMaxShareFragmentChars) + ")");
  }
  // "#v<digits>." names the format's version.
  size_t digits_end = 2;
  while (digits_end < fragment.size() && fragment[digits_end] >= '0' && fragment[digits_end] <= '9') ++digits_end;
  if (fragment.substr(0, 2) != "#v" || digits_end == 2 || digits_end == fragment.size() ||
      fragment[digits_end] != '.') {
    return refuse("it is not a heaplab share link");
  }
  const std::string_view version = fragment.substr(1, digits_end - 1);
  if (version != kVersion) return refuse("it was made by another version of heaplab (" + std::string(version) + ")");

  const std::optional<std::string> compressed = from_base64url(fragment.substr(kPrefix.size()));
  if (!compressed) return refuse("its data is damaged (not base64url), perhaps it was cut short when copied");

  InflateResult inflated = inflate_raw(*compressed, kMaxShareJsonBytes);
  if (inflated.status == InflateResult::Status::TooLarge) {
    return refuse("it expands to more than " + std::to_string(kMaxShareJsonBytes / 1024) + " KB");
  }
  if (inflated.status != InflateResult::Status::Ok || !valid_utf8(inflated.data)) {
    return refuse("its data is damaged (it does not decompress), perhaps it was cut short when copied");
  }
  std::string_view json = inflated.data;
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);  // a byte order mark, as TextDecoder drops it

  const JsonParseResult parsed = parse_json(json);
  if (!parsed.value) return refuse("its data is not valid JSON");
  return check_state(*parsed.value);
}

}  // namespace heaplab
