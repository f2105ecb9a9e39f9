// The parser's API beyond the corpus: modes, unsupported features, limits,
// REPL flags and robustness on hostile input.
#include <catch2/catch.hpp>

#include <string>

#include "core/lang/ast_dump.h"
#include "core/lang/parser.h"

using heaplab::ParseMode;
using heaplab::ParseResult;

namespace {

std::string dump_of(const std::string& source, ParseMode mode) {
  ParseResult r = heaplab::parse(source, mode);
  if (r.error) return "error: " + r.error->msg;
  return heaplab::ast::dump(*r.mod);
}

std::string error_of(const std::string& source) {
  ParseResult r = heaplab::parse(source, ParseMode::File);
  return r.error ? r.error->type + ": " + r.error->msg : "no error";
}

std::string unsupported_of(const std::string& source) {
  ParseResult r = heaplab::parse(source, ParseMode::File);
  if (r.error) return "error: " + r.error->msg;
  return r.unsupported ? r.unsupported->message : "supported";
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("parser: eval and interactive modes", "[parser]") {
  CHECK(dump_of("1 + 2\n", ParseMode::Eval) ==
        "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))");
  CHECK(dump_of("x = 1\n", ParseMode::Eval).rfind("error: ", 0) == 0);
  CHECK(dump_of("x\n", ParseMode::Interactive) == "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])");
  CHECK(dump_of("x = 1; y = 2\n", ParseMode::Interactive) ==
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
        "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])");
  CHECK(dump_of("if x:\n    y\n\n", ParseMode::Interactive) ==
        "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])])");
  CHECK(dump_of("x = 1\ny = 2\n", ParseMode::Interactive) ==
        "error: multiple statements found while compiling a single statement");
  CHECK(dump_of("\n", ParseMode::Interactive) == "Interactive(body=[])");
}

TEST_CASE("parser: constants carry their values", "[parser]") {
  ParseResult r = heaplab::parse("0x_1F\n", ParseMode::Eval);
  REQUIRE(r.mod);
  auto* c = static_cast<const heaplab::ast::Constant*>(static_cast<const heaplab::ast::Expression*>(r.mod)->body);
  CHECK(c->value.kind == heaplab::ast::ConstantKind::Int);
  CHECK(c->value.text == "1F");
  CHECK(c->value.base == 16);
  r = heaplab::parse("2.5j\n", ParseMode::Eval);
  c = static_cast<const heaplab::ast::Constant*>(static_cast<const heaplab::ast::Expression*>(r.mod)->body);
  CHECK(c->value.kind == heaplab::ast::ConstantKind::Imaginary);
  CHECK(c->value.number == 2.5);
  CHECK(dump_of("1_000_000_000_000_000_000_000\n", ParseMode::Eval) ==
        "Expression(body=Constant(value=1000000000000000000000))");
  CHECK(dump_of("0o777 + 0b101\n", ParseMode::Eval) ==
        "Expression(body=BinOp(left=Constant(value=511), op=Add(), right=Constant(value=5)))");
}

TEST_CASE("parser: features heaplab does not run are reported, not rejected", "[parser]") {
  CHECK(unsupported_of("match x:\n    case 1:\n        pass\n") == "'match' statements are not supported");
  CHECK(unsupported_of("match = 1\nmatch(x)\nmatch.y = 2\n") == "supported");
  CHECK(unsupported_of("async def f():\n    await g()\n") == "'async def' functions are not supported");
  CHECK(unsupported_of("def f():\n    await g()\n") == "'await' expressions are not supported");
  CHECK(unsupported_of("type X = int\n") == "'type' statements are not supported");
  CHECK(unsupported_of("type = 1\ntype(x)\n") == "supported");
  CHECK(unsupported_of("def f[T](x: T) -> T: pass\n") == "generic type parameters are not supported");
  CHECK(unsupported_of("class A[T]: pass\n") == "generic type parameters are not supported");
  CHECK(unsupported_of("x = '\\N{BULLET}'\n") == "'\\N{...}' escapes in string literals are not supported");
  // A SyntaxError anywhere wins over an unsupported feature.
  CHECK(unsupported_of("match x:\n    case 1:\n        pass\nx = = 1\n") == "error: invalid syntax");
  ParseResult r = heaplab::parse("x = 1\nmatch x:\n    case 1: pass\n", ParseMode::File);
  REQUIRE(r.unsupported);
  CHECK(r.unsupported->lineno == 2);
  CHECK(r.unsupported->col_offset == 0);
}

TEST_CASE("parser: SyntaxError fields", "[parser]") {
  ParseResult r = heaplab::parse("x = (1,\n", ParseMode::File);
  REQUIRE(r.error);
  CHECK(r.error->msg == "'(' was never closed");
  CHECK(r.error->text == "x = (1,\n");
  CHECK(r.error->offset == 5);
  CHECK(r.error->incomplete);
  r = heaplab::parse("é = = 1\n", ParseMode::File);
  REQUIRE(r.error);
  CHECK(r.error->offset == 5);  // characters, not bytes
  CHECK(r.error->end_offset == 6);
  r = heaplab::parse("x = = 1\r\ny\r\n", ParseMode::File);
  REQUIRE(r.error);
  CHECK(r.error->lineno == 1);
  CHECK(r.error->offset == 5);
  CHECK_FALSE(heaplab::parse("x = = 1\n", ParseMode::File).error->incomplete);
}

TEST_CASE("parser: hostile input ends in an error, never a crash", "[parser]") {
  CHECK(error_of(repeat("(", 100000)) == "SyntaxError: too many nested parentheses");
  CHECK(error_of(repeat("[", 100000)) == "SyntaxError: too many nested parentheses");
  CHECK(error_of("x = " + repeat("{", 100000)) == "SyntaxError: too many nested parentheses");
  CHECK(error_of(repeat("-", 100000) + "x") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of(repeat("not ", 100000) + "x") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of(repeat("x + ", 100000) + "x") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of(repeat("lambda: ", 100000) + "x") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of("x = " + repeat("a if b else ", 100000) + "c") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of("x" + repeat(".a", 100000)) ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(error_of(repeat("x**", 100000) + "x") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  std::string ifs;
  for (int i = 0; i < 150; ++i) ifs += std::string(size_t(i), ' ') + "if x:\n";
  CHECK(error_of(ifs) == "IndentationError: too many levels of indentation");
  // Brackets up to the limit, each holding a deep expression.
  CHECK(error_of("x = " + repeat("[-", 199) + "1" + repeat("]", 199) + "\n") == "no error");
  CHECK(error_of(repeat("f'{", 150) + repeat("}'", 150)) != "");
  CHECK(error_of(std::string("x = 1\0", 6)) == "SyntaxError: source code string cannot contain null bytes");
  CHECK(error_of("x = '\xff'\n") != "");
  CHECK(error_of("\xef\xbb\xbfx = 1\n") == "no error");
}

TEST_CASE("parser: REPL completeness", "[parser]") {
  CHECK(heaplab::is_incomplete_input("if x:"));
  CHECK(heaplab::is_incomplete_input("if x:\n    y"));
  CHECK_FALSE(heaplab::is_incomplete_input("if x:\n    y\n"));
  CHECK(heaplab::is_incomplete_input("x = [1,"));
  CHECK(heaplab::is_incomplete_input("s = '''abc"));
  CHECK(heaplab::is_incomplete_input("x = 1 + \\"));
  CHECK_FALSE(heaplab::is_incomplete_input("x = 1"));
  CHECK_FALSE(heaplab::is_incomplete_input("x = = 1"));
  CHECK_FALSE(heaplab::is_incomplete_input("x = 'abc"));
  CHECK_FALSE(heaplab::is_incomplete_input(""));
  CHECK(heaplab::is_incomplete_input("match x:\n    case 1:\n        pass"));
}
