#include "cli/command_line.h"

#include <charconv>
#include <string_view>

namespace heaplab::cli {

namespace {

constexpr size_t kMaxMemoryLimitMb = size_t(1) << 20;  // 1 TiB: anything larger is a typo

std::optional<size_t> parse_megabytes(std::string_view text) {
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0 ||
      value > kMaxMemoryLimitMb) {
    return std::nullopt;
  }
  return value << 20;
}

// Accepts both `--name value` and `--name=value`.
bool take_option_value(std::string_view name, std::string_view arg, int argc, char** argv,
                       int& index, std::optional<std::string>& value) {
  if (arg == name) {
    if (index + 1 < argc) value = argv[++index];
    return true;
  }
  if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
    value = std::string(arg.substr(name.size() + 1));
    return true;
  }
  return false;
}

ParseResult failure(std::string message) { return {std::nullopt, std::move(message)}; }

}  // namespace

ParseResult parse_command_line(const std::string& command, int argc, char** argv) {
  CommandLine line;
  line.command = command;
  bool options_ended = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      line.operands.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::optional<std::string> value;
    if (take_option_value("--memory-limit", arg, argc, argv, i, value)) {
      if (!value) return failure("--memory-limit needs a size in MB");
      line.memory_limit_bytes = parse_megabytes(*value);
      if (!line.memory_limit_bytes) {
        return failure("--memory-limit expects a whole number of MB between 1 and " +
                       std::to_string(kMaxMemoryLimitMb) + ", not '" + *value + "'");
      }
    } else if (take_option_value("--filter", arg, argc, argv, i, value)) {
      if (!value) return failure("--filter needs a substring");
      line.filter = *value;
    } else if (arg == "--no-audit") {
      line.no_audit = true;
    } else {
      return failure("unknown option '" + std::string(arg) + "'");
    }
  }
  return {std::move(line), {}};
}

SessionConfig session_config_for(const CommandLine& line) {
  SessionConfig config;
  if (line.memory_limit_bytes) config.memory_limit = *line.memory_limit_bytes;
  return config;
}

}  // namespace heaplab::cli
