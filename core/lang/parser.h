// Python 3.12 source text -> AST, with CPython's SyntaxErrors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/lang/ast.h"
#include "core/lang/syntax_error.h"

namespace heaplab {

// As the mode argument of CPython's compile().
enum class ParseMode : uint8_t {
  File,         // "exec": a Module
  Interactive,  // "single": an Interactive holding one statement line
  Eval,         // "eval": an Expression
};

// Syntax the parser accepts but heaplab does not run ('match', async, `type`,
// generic parameters). The caller raises
// `NotImplementedError: <message>`; a SyntaxError anywhere in the source wins.
struct UnsupportedFeature {
  std::string message;  // e.g. "'match' statements are not supported"
  int lineno = 0;       // 1-based
  int col_offset = 0;   // 0-based, UTF-8 bytes
};

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns every node of `mod`
  const ast::Mod* mod = nullptr;      // nullptr when `error` is set
  std::optional<SyntaxErrorInfo> error;
  std::optional<UnsupportedFeature> unsupported;  // first one in the source
};

ParseResult parse(std::string_view source, ParseMode mode);

// codeop semantics for a REPL: true when `source` is not yet a complete
// interactive input (open bracket, unterminated triple-quoted string, trailing
// backslash, or a compound statement not yet closed by an empty line).
bool is_incomplete_input(std::string_view source);

}  // namespace heaplab
