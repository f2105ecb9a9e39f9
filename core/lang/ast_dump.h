// The text of CPython's `ast.dump(tree)` for a heaplab AST, for tests and
// for the playground's AST view.
#pragma once

#include <string>

#include "core/lang/ast.h"

namespace heaplab::ast {

// As ast.dump(tree, include_attributes=...) with the other defaults
// (annotate_fields=True, no indent).
std::string dump(const Mod& mod, bool include_attributes = false);

// Python's repr() of a constant, e.g. 'it\'s' -> "it's", 0x10 -> 16, 1e16 -> 1e+16.
std::string constant_repr(const ConstantValue& value);

}  // namespace heaplab::ast
