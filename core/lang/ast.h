// The abstract syntax tree of Python 3.12, one struct per node kind of
// CPython's Parser/Python.asdl, with the same field names.
//
// Every node lives in an Arena owned by the ParseResult (see parser.h): nodes
// are never deleted one by one, and every node type is trivially destructible
// so the arena can release its blocks without running destructors. Strings
// (identifiers, str/bytes constants, int digits) are std::string_view into the
// same arena.
//
// Walking the tree: `switch (e->kind)` then `static_cast<const BinOp*>(e)`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace heaplab::ast {

// A node's source range as CPython reports it: 1-based lines, 0-based columns
// counted in UTF-8 bytes.
struct Pos {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// An immutable sequence stored in the arena (ASDL's `T*`).
template <class T>
struct Seq {
  T* items = nullptr;
  size_t count = 0;

  T* begin() const { return items; }
  T* end() const { return items + count; }
  size_t size() const { return count; }
  bool empty() const { return count == 0; }
  T& operator[](size_t i) const { return items[i]; }
};

// Bump allocator for nodes, sequences and strings of one parse.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t size, size_t align);

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena nodes are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  template <class T>
  Seq<T> seq(const std::vector<T>& values) {
    static_assert(std::is_trivially_destructible_v<T>, "arena nodes are never destroyed");
    Seq<T> s;
    if (values.empty()) return s;
    s.items = static_cast<T*>(allocate(sizeof(T) * values.size(), alignof(T)));
    for (size_t i = 0; i < values.size(); ++i) new (&s.items[i]) T(values[i]);
    s.count = values.size();
    return s;
  }

  std::string_view str(std::string_view text);

 private:
  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  size_t used_ = 0;      // bytes used in the last block
  size_t capacity_ = 0;  // size of the last block
};

using Identifier = std::string_view;

// ---------------------------------------------------------------- operators

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
  DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
  JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct Expr {
  ExprKind kind;
  Pos pos;
};

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr { BoolOpKind op; Seq<Expr*> values; };
struct NamedExpr : Expr { Expr* target; Expr* value; };
struct BinOp : Expr { Expr* left; OperatorKind op; Expr* right; };
struct UnaryOp : Expr { UnaryOpKind op; Expr* operand; };
struct Lambda : Expr { Arguments* args; Expr* body; };
struct IfExp : Expr { Expr* test; Expr* body; Expr* orelse; };
// keys[i] is nullptr for a `**mapping` entry, as None in CPython.
struct Dict : Expr { Seq<Expr*> keys; Seq<Expr*> values; };
struct Set : Expr { Seq<Expr*> elts; };
struct ListComp : Expr { Expr* elt; Seq<Comprehension*> generators; };
struct SetComp : Expr { Expr* elt; Seq<Comprehension*> generators; };
struct DictComp : Expr { Expr* key; Expr* value; Seq<Comprehension*> generators; };
struct GeneratorExp : Expr { Expr* elt; Seq<Comprehension*> generators; };
struct Await : Expr { Expr* value; };
struct Yield : Expr { Expr* value; };  // value may be nullptr
struct YieldFrom : Expr { Expr* value; };
struct Compare : Expr { Expr* left; Seq<CmpOpKind> ops; Seq<Expr*> comparators; };
struct Call : Expr { Expr* func; Seq<Expr*> args; Seq<Keyword*> keywords; };
// conversion is -1 (none) or the code of 's', 'r' or 'a', as CPython.
struct FormattedValue : Expr { Expr* value; int conversion; Expr* format_spec; };
struct JoinedStr : Expr { Seq<Expr*> values; };

enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Imaginary, Str, Bytes };

struct ConstantValue {
  ConstantKind kind = ConstantKind::None;
  // Int: the literal's digits without prefix and underscores, in `base`.
  // Str: UTF-8 text. Bytes: raw bytes.
  std::string_view text;
  int base = 10;
  double number = 0.0;  // Float, and the imaginary part of Imaginary
};

// kind_u is CPython's `kind='u'` for a string literal written with a u prefix.
struct Constant : Expr { ConstantValue value; bool kind_u; };
struct Attribute : Expr { Expr* value; Identifier attr; ExprContext ctx; };
struct Subscript : Expr { Expr* value; Expr* slice; ExprContext ctx; };
struct Starred : Expr { Expr* value; ExprContext ctx; };
struct Name : Expr { Identifier id; ExprContext ctx; };
struct List : Expr { Seq<Expr*> elts; ExprContext ctx; };
struct Tuple : Expr { Seq<Expr*> elts; ExprContext ctx; };
struct Slice : Expr { Expr* lower; Expr* upper; Expr* step; };  // each may be nullptr

// ---------------------------------------------------------------- helpers

struct Comprehension { Expr* target; Expr* iter; Seq<Expr*> ifs; bool is_async; };

struct Arg { Pos pos; Identifier arg; Expr* annotation; };  // annotation may be nullptr

// kw_defaults[i] is nullptr when kwonlyargs[i] has no default.
struct Arguments {
  Seq<Arg*> posonlyargs;
  Seq<Arg*> args;
  Arg* vararg;  // may be nullptr
  Seq<Arg*> kwonlyargs;
  Seq<Expr*> kw_defaults;
  Arg* kwarg;  // may be nullptr
  Seq<Expr*> defaults;
};

struct Keyword { Pos pos; Identifier arg; Expr* value; };  // arg empty for `**mapping`
struct Alias { Pos pos; Identifier name; Identifier asname; };  // asname empty when absent
struct WithItem { Expr* context_expr; Expr* optional_vars; };  // optional_vars may be nullptr

struct Stmt;
struct ExceptHandler { Pos pos; Expr* type; Identifier name; Seq<Stmt*> body; };  // type may be nullptr, name empty

// ---------------------------------------------------------------- statements

// Match and TypeAlias have no node: the parser reports them as unsupported
// features (ParseResult::unsupported) instead.
enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
  For, AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar, Assert, Import,
  ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt {
  StmtKind kind;
  Pos pos;
};

// kind FunctionDef or AsyncFunctionDef.
struct FunctionDef : Stmt {
  Identifier name;
  Arguments* args;
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;
  Expr* returns;  // may be nullptr
};
struct ClassDef : Stmt {
  Identifier name;
  Seq<Expr*> bases;
  Seq<Keyword*> keywords;
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;
};
struct Return : Stmt { Expr* value; };  // may be nullptr
struct Delete : Stmt { Seq<Expr*> targets; };
struct Assign : Stmt { Seq<Expr*> targets; Expr* value; };
struct AugAssign : Stmt { Expr* target; OperatorKind op; Expr* value; };
// simple: the target is a bare Name not in parentheses.
struct AnnAssign : Stmt { Expr* target; Expr* annotation; Expr* value; bool simple; };
// kind For or AsyncFor.
struct For : Stmt { Expr* target; Expr* iter; Seq<Stmt*> body; Seq<Stmt*> orelse; };
struct While : Stmt { Expr* test; Seq<Stmt*> body; Seq<Stmt*> orelse; };
struct If : Stmt { Expr* test; Seq<Stmt*> body; Seq<Stmt*> orelse; };
// kind With or AsyncWith.
struct With : Stmt { Seq<WithItem*> items; Seq<Stmt*> body; };
struct Raise : Stmt { Expr* exc; Expr* cause; };  // each may be nullptr
// kind Try or TryStar.
struct Try : Stmt {
  Seq<Stmt*> body;
  Seq<ExceptHandler*> handlers;
  Seq<Stmt*> orelse;
  Seq<Stmt*> finalbody;
};
struct Assert : Stmt { Expr* test; Expr* msg; };  // msg may be nullptr
struct Import : Stmt { Seq<Alias*> names; };
struct ImportFrom : Stmt { Identifier module; Seq<Alias*> names; int level; };  // module empty for `from . import x`
struct Global : Stmt { Seq<Identifier> names; };
struct Nonlocal : Stmt { Seq<Identifier> names; };
struct ExprStmt : Stmt { Expr* value; };  // ASDL's Expr statement
struct Pass : Stmt {};
struct Break : Stmt {};
struct Continue : Stmt {};

// ---------------------------------------------------------------- modules

enum class ModKind : uint8_t { Module, Interactive, Expression };

struct Mod {
  ModKind kind;
};
struct Module : Mod { Seq<Stmt*> body; };
struct Interactive : Mod { Seq<Stmt*> body; };
struct Expression : Mod { Expr* body; };

}  // namespace heaplab::ast
