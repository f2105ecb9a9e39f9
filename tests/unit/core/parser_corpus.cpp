// The parser against CPython 3.12's own answers, recorded once by
// parser_data/generate.py: AST dumps, SyntaxErrors and REPL completeness.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/lang/ast_dump.h"
#include "core/lang/parser.h"

namespace fs = std::filesystem;
using heaplab::ParseMode;

namespace {

fs::path data_dir() { return fs::path(__FILE__).parent_path() / "parser_data"; }

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string chomp(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// The sources of one corpus folder, sorted.
std::vector<fs::path> sources(const char* folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(data_dir() / folder))
    if (entry.path().extension() == ".py") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void check_dumps(const char* folder, bool attributes) {
  std::vector<fs::path> files = sources(folder);
  REQUIRE(!files.empty());
  for (const fs::path& py : files) {
    fs::path expected = py;
    expected.replace_extension(".dump");
    std::string source = read(py);
    INFO(py.filename().string() << ":\n" << source);
    heaplab::ParseResult r = heaplab::parse(source, ParseMode::File);
    if (r.error) FAIL_CHECK("unexpected " << r.error->type << ": " << r.error->msg << " line " << r.error->lineno);
    else CHECK(heaplab::ast::dump(*r.mod, attributes) == chomp(read(expected)));
  }
}

}  // namespace

TEST_CASE("parser: ASTs match CPython's ast.dump", "[parser]") { check_dumps("valid", false); }

TEST_CASE("parser: positions match CPython's ast.dump(include_attributes=True)", "[parser]") {
  check_dumps("attrs", true);
}

TEST_CASE("parser: SyntaxErrors match CPython's", "[parser]") {
  std::vector<fs::path> files = sources("invalid");
  REQUIRE(!files.empty());
  for (const fs::path& py : files) {
    fs::path expected_path = py;
    expected_path.replace_extension(".err");
    std::string source = read(py);
    std::istringstream expected(read(expected_path));
    std::string type, msg;
    int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
    std::getline(expected, type);
    std::getline(expected, msg);
    expected >> lineno >> offset >> end_lineno >> end_offset;
    INFO(py.filename().string() << ":\n" << source);
    heaplab::ParseResult r = heaplab::parse(source, ParseMode::File);
    if (!r.error) {
      FAIL_CHECK("parsed without error, expected " << type << ": " << msg);
      continue;
    }
    const heaplab::SyntaxErrorInfo& e = *r.error;
    CHECK(e.type + ": " + e.msg == type + ": " + msg);
    CHECK(std::vector<int>{e.lineno, e.offset} == std::vector<int>{lineno, offset});
  }
}

TEST_CASE("parser: REPL input completeness matches codeop", "[parser]") {
  std::vector<fs::path> files = sources("repl");
  REQUIRE(!files.empty());
  for (const fs::path& py : files) {
    fs::path expected = py;
    expected.replace_extension(".expect");
    std::string source = read(py);
    INFO(py.filename().string() << ":\n" << source);
    CHECK((heaplab::is_incomplete_input(source) ? "incomplete" : "complete") == chomp(read(expected)));
  }
}
