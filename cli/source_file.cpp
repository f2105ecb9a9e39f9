#include "cli/source_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace heaplab::cli {

namespace {

std::string errno_text(int error) {
  return "[Errno " + std::to_string(error) + "] " + std::strerror(error);
}

}  // namespace

SourceFile read_source_file(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return {std::nullopt, errno_text(errno)};
  if (S_ISDIR(info.st_mode)) return {std::nullopt, errno_text(EISDIR)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, errno_text(errno ? errno : EACCES)};
  std::ostringstream text;
  text << in.rdbuf();
  return {text.str(), {}};
}

std::string traceback_filename(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.string();
}

void report_unreadable_file(const std::string& path, const std::string& error) {
  std::fprintf(stderr, "heaplab: can't open file '%s': %s\n", path.c_str(), error.c_str());
}

}  // namespace heaplab::cli
