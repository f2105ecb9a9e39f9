// The symbol table: which names are local, global, free (from an enclosing
// function) or cells (captured by a nested function), per scope, as
// CPython's Python/symtable.c decides them. The compiler reads it to choose
// between LOAD_FAST, LOAD_DEREF, LOAD_GLOBAL and LOAD_NAME.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/lang/ast.h"

namespace heaplab {

// Comprehension: a list, set or dict comprehension, inlined into the
// enclosing code as 3.12 does (PEP 709); a generator expression is a function.
enum class ScopeKind : uint8_t { Module, Function, Class, Lambda, GeneratorExp, Comprehension };

enum class NameScope : uint8_t {
  Local,           // a fast local of a function
  Cell,            // a local captured by a nested scope
  Free,            // a variable of an enclosing function
  GlobalExplicit,  // declared `global`
  GlobalImplicit,  // not assigned here: module global or builtin
  Name,            // module and class bodies: looked up by name at run time
};

struct Symbol {
  bool assigned = false;  // bound in this scope (assignment, def, import, for target, ...)
  bool used = false;
  bool param = false;
  bool declared_global = false;
  bool declared_nonlocal = false;
  ast::Pos nonlocal_pos = {};  // the nonlocal statement, for its errors
  NameScope scope = NameScope::GlobalImplicit;
};

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::map<std::string, Symbol> symbols;
  std::vector<std::string> params;  // in order: positional, *args, keyword-only, **kwargs
  bool is_generator = false;
  bool needs_class_cell = false;  // a method uses super() or __class__
  bool has_varargs = false;
  bool has_varkeywords = false;
  // A class's names that its body binds but that its methods take from an
  // enclosing function: free variables of the class too (DEF_FREE_CLASS).
  std::set<std::string> free_through_class;
  // Names in the order the compiler lays them out.
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;

  NameScope scope_of(const std::string& name) const;
};

struct SymtableError {
  std::string msg;
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;  // the end of the offending node (0: unknown)
  int end_col_offset = 0;
};

struct Symtable {
  std::unique_ptr<Scope> top;
  // The scope created for each function, lambda, class or comprehension node.
  std::map<const void*, Scope*> scope_of_node;
  std::optional<SymtableError> error;
};

Symtable build_symtable(const ast::Mod* mod);

}  // namespace heaplab
