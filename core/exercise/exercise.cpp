#include "core/exercise/exercise.h"

#include <cmath>
#include <initializer_list>

#include "core/exercise/json.h"

namespace heaplab {

namespace {

// Bounds on what an exercise may hold, in JavaScript's string lengths.
constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxTitleLength = 200;  // also the topic
constexpr size_t kMaxTextLength = 32 * 1024;  // instructions, starter, a hint, a check's fields
constexpr size_t kMaxHints = 20;
constexpr size_t kMaxChecks = 50;
// The page's memory limit range (web/session/settings.js): an exercise's limit becomes its setting.
constexpr double kMaxMemoryLimitMb = 1024;

std::string too_long(std::string_view where, std::string_view key, size_t max) {
  return std::string(where) + ": \"" + std::string(key) + "\" is longer than " + std::to_string(max) + " characters";
}

// Field access that remembers the first problem, so loading reads straight.
class FieldReader {
 public:
  std::string error;

  bool check_keys(const JsonValue& object, std::string_view where,
                  std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.object) {
      bool known = false;
      for (std::string_view name : allowed) known = known || key == name;
      if (!known) return fail(std::string(where) + ": unknown key \"" + key + "\"");
    }
    return true;
  }

  const JsonValue* member(const JsonValue& object, std::string_view where, std::string_view key,
                          JsonValue::Kind kind, bool required) {
    const JsonValue* value = object.find(key);
    if (!value) {
      if (required) fail(std::string(where) + ": missing \"" + std::string(key) + "\"");
      return nullptr;
    }
    if (value->kind != kind) {
      fail(std::string(where) + ": \"" + std::string(key) + "\" must be " + article(kind) +
           json_kind_name(kind) + ", not " + article(value->kind) + json_kind_name(value->kind));
      return nullptr;
    }
    return value;
  }

  std::string string(const JsonValue& object, std::string_view where, std::string_view key,
                     bool required = true, size_t max = kMaxTextLength) {
    const JsonValue* value = member(object, where, key, JsonValue::Kind::String, required);
    if (!value) return {};
    if (utf16_length(value->string) > max) fail(too_long(where, key, max));
    return value->string;
  }

  // A string, or an array of strings that are its lines.
  std::string text(const JsonValue& object, std::string_view where, std::string_view key) {
    const JsonValue* value = object.find(key);
    if (!value || value->kind != JsonValue::Kind::Array) return string(object, where, key);
    std::string joined;
    for (const JsonValue& line : value->array) {
      if (line.kind != JsonValue::Kind::String) {
        fail(std::string(where) + ": \"" + std::string(key) + "\" must be a string or an array of strings");
        return {};
      }
      joined += line.string;
      joined += '\n';
    }
    if (utf16_length(joined) > kMaxTextLength) fail(too_long(where, key, kMaxTextLength));
    return joined;
  }

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

 private:
  static const char* article(JsonValue::Kind kind) {
    return kind == JsonValue::Kind::Array || kind == JsonValue::Kind::Object ? "an " : "a ";
  }
};

}  // namespace

ExerciseLoadResult load_exercise(std::string_view json_text) {
  JsonParseResult parsed = parse_json(json_text);
  if (!parsed.value) return {std::nullopt, "invalid JSON: " + parsed.error};
  return load_exercise(*parsed.value);
}

ExerciseLoadResult load_exercise(const JsonValue& root) {
  FieldReader read;
  if (root.kind != JsonValue::Kind::Object) return {std::nullopt, "an exercise must be a JSON object"};
  read.check_keys(root, "exercise",
                  {"id", "title", "topic", "instructions", "starter", "hints", "settings", "checks"});

  Exercise exercise;
  exercise.id = read.string(root, "exercise", "id", true, kMaxIdLength);
  exercise.title = read.string(root, "exercise", "title", true, kMaxTitleLength);
  exercise.topic = read.string(root, "exercise", "topic", true, kMaxTitleLength);
  exercise.instructions = read.text(root, "exercise", "instructions");
  exercise.starter = read.text(root, "exercise", "starter");

  if (const JsonValue* hints = read.member(root, "exercise", "hints", JsonValue::Kind::Array, false)) {
    if (hints->array.size() > kMaxHints) read.fail("exercise: more than " + std::to_string(kMaxHints) + " hints");
    for (const JsonValue& hint : hints->array) {
      if (hint.kind != JsonValue::Kind::String) read.fail("exercise: every hint must be a string");
      if (utf16_length(hint.string) > kMaxTextLength) {
        read.fail("exercise: a hint is longer than " + std::to_string(kMaxTextLength) + " characters");
      }
      exercise.hints.push_back(hint.string);
    }
  }

  if (const JsonValue* settings = read.member(root, "exercise", "settings", JsonValue::Kind::Object, false)) {
    read.check_keys(*settings, "settings", {"memory_limit_mb"});
    if (const JsonValue* limit =
            read.member(*settings, "settings", "memory_limit_mb", JsonValue::Kind::Number, false)) {
      if (limit->number < 1 || limit->number > kMaxMemoryLimitMb ||
          std::floor(limit->number) != limit->number) {
        read.fail("settings: \"memory_limit_mb\" must be a whole number of MB between 1 and 1024");
      } else {
        exercise.memory_limit = size_t(limit->number) << 20;
      }
    }
  }

  if (const JsonValue* checks = read.member(root, "exercise", "checks", JsonValue::Kind::Array, true)) {
    if (checks->array.empty()) read.fail("exercise: \"checks\" must not be empty");
    if (checks->array.size() > kMaxChecks) read.fail("exercise: more than " + std::to_string(kMaxChecks) + " checks");
    for (size_t i = 0; i < checks->array.size(); ++i) {
      const JsonValue& entry = checks->array[i];
      const std::string where = "checks[" + std::to_string(i) + "]";
      if (entry.kind != JsonValue::Kind::Object) {
        read.fail(where + ": must be an object");
        break;
      }
      read.check_keys(entry, where, {"name", "python", "message"});
      ExerciseCheck check;
      check.name = read.string(entry, where, "name");
      check.python = read.string(entry, where, "python");
      check.message = read.string(entry, where, "message", false);
      exercise.checks.push_back(std::move(check));
    }
  }

  if (!read.error.empty()) return {std::nullopt, read.error};
  return {std::move(exercise), {}};
}

}  // namespace heaplab
