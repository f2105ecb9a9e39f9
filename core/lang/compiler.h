// The compiler: AST -> code objects, following CPython 3.12's code
// generation (its instruction choices, constant merging across the whole
// compilation, constant folding and comprehension inlining) so that identity
// and reference counts behave the same.
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
  int end_lineno = 0;  // the end of the offending node (0: unknown)
  int end_col_offset = 0;
};

struct CompileResult {
  CodeObject* code = nullptr;  // new reference; nullptr with `error` set, or with a Python exception (MemoryError)
  // One object per literal in the source, as CPython's AST arena holds them
  // while the module runs (a tuple, new reference): it keeps each literal's
  // refcount one higher during the run, as in CPython.
  Object* literals = nullptr;
  std::optional<CompileError> error;
};

CompileResult compile_module(const ast::Mod* mod, std::string_view filename);

}  // namespace heaplab
