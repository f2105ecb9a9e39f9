// The compiler: AST -> code objects, following CPython 3.12's code
// generation (its instruction choices, constant merging per code object and
// constant folding) so that identity and reference counts behave the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/lang/ast.h"
#include "core/lang/code.h"

namespace heaplab {

// A feature the compiler does not support (NotImplementedError) or a
// compile-time SyntaxError such as 'break' outside loop.
struct CompileError {
  std::string type;  // "NotImplementedError" or "SyntaxError"
  std::string msg;
  int lineno = 0;
  int col_offset = 0;
};

struct CompileResult {
  CodeObject* code = nullptr;  // new reference; nullptr with `error` set, or with a Python exception (MemoryError)
  std::optional<CompileError> error;
};

// `interactive`: expression statements print their values (REPL).
CompileResult compile_module(const ast::Mod* mod, std::string_view filename);

}  // namespace heaplab
