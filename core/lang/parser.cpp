// A hand-written recursive descent parser for the grammar of CPython 3.12
// (Grammar/python.gram). CPython's PEG parser runs twice: a fast pass, then,
// on failure, a pass with the `invalid_*` rules that produce the helpful
// messages. Here the checks of those rules are made inline where the parse
// would fail, and a failure without a specific message becomes
// "invalid syntax" at the furthest token read, as CPython does.
#include "core/lang/parser.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/lang/string_literal.h"
#include "core/lang/tokenizer.h"
#include "core/object/host_stack.h"

namespace heaplab {

using namespace ast;

namespace {

// Nesting depth of the recursive grammar rules, and so of the tree. Deeper
// sources (or a host stack running low first, as in a sanitizer build) get
// CPython's RecursionError message for compiling them, which also bounds the
// recursion of every pass over the tree.
constexpr int kMaxDepth = 2900;

constexpr const char* kNamedEscapeUnsupported = "'\\N{...}' escapes in string literals are not supported";

constexpr std::string_view kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

bool is_keyword(std::string_view w) {
  for (std::string_view k : kKeywords)
    if (k == w) return true;
  return false;
}

// CPython's _PyPegen_get_expr_name: how messages name an expression.
const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      ConstantKind k = static_cast<const Constant*>(e)->value.kind;
      return k == ConstantKind::None ? "None" : k == ConstantKind::True ? "True"
             : k == ConstantKind::False ? "False" : k == ConstantKind::Ellipsis ? "ellipsis" : "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

enum class TargetsKind { Star, For, Del };

class Parser {
 public:
  Parser(std::string_view src, const TokenizeResult& tokens, Arena& arena)
      : src_(src), toks_(tokens.tokens), a_(arena) {}

  const Mod* parse(ParseMode mode) {
    const Mod* mod = nullptr;
    if (mode == ParseMode::Eval) {
      mod = eval_input();
    } else if (mode == ParseMode::Interactive) {
      mod = interactive_input();
    } else {
      mod = file_input();
    }
    return failed() ? nullptr : mod;
  }

  std::optional<SyntaxErrorInfo> take_error() {
    if (!failed()) return std::nullopt;
    if (generic_) make_generic_error();
    return std::move(err_);
  }
  std::optional<UnsupportedFeature> take_unsupported() { return std::move(unsupported_); }
  bool read_end_of_input() const { return furthest_ + 1 >= toks_.size(); }
  // The line of the furthest token the parse read.
  int furthest_line() const { return toks_[std::min(furthest_, toks_.size() - 1)].lineno; }

 private:
  std::string_view src_;
  const std::vector<Token>& toks_;
  Arena& a_;
  size_t p_ = 0;
  size_t furthest_ = 0;
  int depth_ = 0;
  bool generic_ = false;  // failed with no specific message yet
  std::optional<SyntaxErrorInfo> err_;
  std::optional<UnsupportedFeature> unsupported_;

  // ------------------------------------------------------------ tokens

  const Token& at(size_t i) {
    if (i >= toks_.size()) i = toks_.size() - 1;
    if (i > furthest_) furthest_ = i;
    return toks_[i];
  }
  const Token& cur() { return at(p_); }
  const Token& prev() const { return toks_[p_ - 1]; }
  std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }
  bool failed() const { return err_.has_value(); }

  bool is_op(Op op) { return cur().kind == TokenKind::Op && cur().op == op; }
  bool is_op_at(size_t i, Op op) { return at(i).kind == TokenKind::Op && at(i).op == op; }
  bool is_kw(std::string_view w) { return cur().kind == TokenKind::Name && text(cur()) == w; }
  bool is_kw_at(size_t i, std::string_view w) { return at(i).kind == TokenKind::Name && text(at(i)) == w; }
  bool is_name() { return cur().kind == TokenKind::Name && !is_keyword(text(cur())); }
  bool accept(Op op) {
    if (!is_op(op)) return false;
    ++p_;
    return true;
  }
  bool accept_kw(std::string_view w) {
    if (!is_kw(w)) return false;
    ++p_;
    return true;
  }
  bool expect(Op op) {
    if (accept(op)) return true;
    return fail();
  }
  bool expect_kw(std::string_view w) {
    if (accept_kw(w)) return true;
    return fail();
  }

  // ------------------------------------------------------------ errors

  // A failure without a specific message ("invalid syntax" at the end).
  bool fail() {
    if (!failed()) {
      err_.emplace();
      generic_ = true;
    }
    return false;
  }

  void set_error(std::string type, std::string msg, int lineno, int offset, int end_lineno, int end_offset) {
    if (failed() && !generic_) return;
    generic_ = false;
    SyntaxErrorInfo e;
    e.type = std::move(type);
    e.msg = std::move(msg);
    e.lineno = lineno;
    e.offset = offset;
    e.end_lineno = end_lineno;
    e.end_offset = end_offset;
    e.text = std::string(source_line(src_, lineno));
    err_ = std::move(e);
  }

  int char_offset(int lineno, int byte_col) { return byte_col_to_offset(source_line(src_, lineno), byte_col); }

  // Error at a token, located as CPython's _PyPegen_raise_error: tokens
  // without a column of their own (INDENT, DEDENT, ENDMARKER) report the
  // tokenizer's cursor.
  std::nullptr_t error_at(const Token& t, std::string msg, std::string type = "SyntaxError") {
    if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent || t.kind == TokenKind::EndMarker) {
      set_error(std::move(type), std::move(msg), t.lineno, char_offset(t.lineno, t.col) - 1, t.lineno, -1);
      if (err_ && is_end_of_input(t)) err_->incomplete = true;
    } else {
      set_error(std::move(type), std::move(msg), t.lineno, char_offset(t.lineno, t.col), t.end_lineno,
                char_offset(t.end_lineno, t.end_col));
    }
    return nullptr;
  }

  // Only DEDENTs and the ENDMARKER from `t` on: the input ended.
  bool is_end_of_input(const Token& t) const {
    for (size_t i = size_t(&t - toks_.data()); i < toks_.size(); ++i)
      if (toks_[i].kind != TokenKind::Dedent && toks_[i].kind != TokenKind::EndMarker) return false;
    return true;
  }
  std::nullptr_t error_range(const Pos& from, const Pos& to, std::string msg) {
    set_error("SyntaxError", std::move(msg), from.lineno, char_offset(from.lineno, from.col_offset), to.end_lineno,
              char_offset(to.end_lineno, to.end_col_offset));
    return nullptr;
  }
  std::nullptr_t error_node(const Expr* e, std::string msg) { return error_range(e->pos, e->pos, std::move(msg)); }

  void make_generic_error() {
    const Token& t = toks_[std::min(furthest_, toks_.size() - 1)];
    generic_ = false;
    err_.reset();
    if (t.kind == TokenKind::Indent) {
      error_at(t, "unexpected indent", "IndentationError");
    } else if (t.kind == TokenKind::Dedent) {
      error_at(t, "unexpected unindent", "IndentationError");
    } else {
      error_at(t, "invalid syntax");
    }
  }

  void unsupported(const Token& t, std::string message) {
    if (!unsupported_) unsupported_ = UnsupportedFeature{std::move(message), t.lineno, t.col};
  }

  void too_deep() {
    if (failed() && !generic_) return;
    generic_ = false;
    SyntaxErrorInfo e;
    e.type = "RecursionError";
    e.msg = "maximum recursion depth exceeded during compilation";
    err_ = std::move(e);
  }

  // Recursion guard of the recursive rules.
  struct Nest {
    Parser& p;
    bool ok;
    explicit Nest(Parser& parser) : p(parser), ok(++parser.depth_ <= kMaxDepth && !host_stack_low()) {
      if (!ok) p.too_deep();
    }
    ~Nest() { --p.depth_; }
  };

  // ------------------------------------------------------------ positions

  Pos span(const Token& from) const {
    const Token& last = toks_[p_ - 1];
    return {from.lineno, from.col, last.end_lineno, last.end_col};
  }
  static Pos join(const Pos& a, const Pos& b) { return {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset}; }
  Pos span_from(const Pos& from) const {
    const Token& last = toks_[p_ - 1];
    return {from.lineno, from.col_offset, last.end_lineno, last.end_col};
  }
  static Pos pos_of(const Token& t) { return {t.lineno, t.col, t.end_lineno, t.end_col}; }

  template <class T, class K>
  T* node(K kind, Pos pos) {
    T* n = a_.make<T>();
    n->kind = kind;
    n->pos = pos;
    return n;
  }

  Name* make_name(const Token& t, ExprContext ctx = ExprContext::Load) {
    Name* n = node<Name>(ExprKind::Name, pos_of(t));
    n->id = a_.str(text(t));
    n->ctx = ctx;
    return n;
  }

  Identifier name_token() {
    if (!is_name()) return fail(), Identifier{};
    Identifier id = a_.str(text(cur()));
    ++p_;
    return id;
  }

  // ------------------------------------------------------------ modules

  const Mod* file_input() {
    std::vector<Stmt*> body;
    while (!failed() && cur().kind != TokenKind::EndMarker) {
      if (cur().kind == TokenKind::Error) return fail(), nullptr;
      statement(body);
    }
    if (failed()) return nullptr;
    Module* m = a_.make<Module>();
    m->kind = ModKind::Module;
    m->body = a_.seq(body);
    return m;
  }

  const Mod* interactive_input() {
    std::vector<Stmt*> body;
    if (cur().kind == TokenKind::Newline || cur().kind == TokenKind::EndMarker) {
      // An empty line.
    } else if (is_compound_start()) {
      statement(body);
      if (!failed() && cur().kind != TokenKind::EndMarker) {
        error_at(cur(), "multiple statements found while compiling a single statement");
        return nullptr;
      }
    } else {
      simple_stmts(body);
      if (!failed() && cur().kind != TokenKind::EndMarker) {
        error_at(cur(), "multiple statements found while compiling a single statement");
        return nullptr;
      }
    }
    if (failed()) return nullptr;
    Interactive* m = a_.make<Interactive>();
    m->kind = ModKind::Interactive;
    m->body = a_.seq(body);
    return m;
  }

  const Mod* eval_input() {
    Expr* e = star_expressions();
    if (!e) return nullptr;
    while (cur().kind == TokenKind::Newline) ++p_;
    if (cur().kind != TokenKind::EndMarker) return fail(), nullptr;
    Expression* m = a_.make<Expression>();
    m->kind = ModKind::Expression;
    m->body = e;
    return m;
  }

  // ------------------------------------------------------------ statements

  bool is_compound_start() {
    if (cur().kind == TokenKind::Op) return cur().op == Op::At;
    if (cur().kind != TokenKind::Name) return false;
    std::string_view w = text(cur());
    return w == "if" || w == "while" || w == "for" || w == "try" || w == "with" || w == "def" ||
           w == "class" || w == "async" || (w == "match" && looks_like_match());
  }

  void statement(std::vector<Stmt*>& out) {
    if (cur().kind == TokenKind::Indent) {
      fail();
      return;
    }
    if (is_compound_start()) {
      if (Stmt* s = compound_stmt()) out.push_back(s);
      return;
    }
    simple_stmts(out);
  }

  // simple_stmt (';' simple_stmt)* [';'] NEWLINE
  void simple_stmts(std::vector<Stmt*>& out) {
    for (;;) {
      Stmt* s = simple_stmt();
      if (!s) return;
      out.push_back(s);
      if (accept(Op::Semi)) {
        if (cur().kind == TokenKind::Newline) break;
        continue;
      }
      break;
    }
    if (cur().kind != TokenKind::Newline) {
      fail();
      return;
    }
    ++p_;
  }

  // A block: NEWLINE INDENT statements DEDENT, or simple statements on the
  // header's line. `what` names the header for CPython's IndentationError.
  Seq<Stmt*> block(const std::string& what, int header_line) {
    std::vector<Stmt*> body;
    if (cur().kind == TokenKind::Newline) {
      ++p_;
      if (cur().kind != TokenKind::Indent) {
        if (cur().kind == TokenKind::Error) return fail(), Seq<Stmt*>{};
        error_at(cur(), "expected an indented block after " + what + " on line " + std::to_string(header_line),
                 "IndentationError");
        return {};
      }
      ++p_;
      while (!failed() && cur().kind != TokenKind::Dedent && cur().kind != TokenKind::EndMarker) {
        if (cur().kind == TokenKind::Error) {
          fail();
          break;
        }
        statement(body);
      }
      if (failed()) return {};
      if (cur().kind == TokenKind::Dedent) ++p_;
    } else {
      simple_stmts(body);
    }
    if (failed()) return {};
    return a_.seq(body);
  }

  // ':' before a block, with CPython's "expected ':'" when the header line
  // ends without it.
  bool colon() {
    if (accept(Op::Colon)) return true;
    if (cur().kind == TokenKind::Newline) {
      error_at(cur(), "expected ':'");
      return false;
    }
    return fail();
  }

  Stmt* compound_stmt() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    if (is_op(Op::At)) return decorated();
    std::string_view w = text(cur());
    if (w == "if") return if_stmt(false);
    if (w == "while") return while_stmt();
    if (w == "for") return for_stmt(nullptr);
    if (w == "try") return try_stmt();
    if (w == "with") return with_stmt(nullptr);
    if (w == "def") return function_def({}, nullptr);
    if (w == "class") return class_def({});
    if (w == "match") return match_stmt();
    // async
    const Token& async_tok = cur();
    ++p_;
    if (is_kw("def")) {
      unsupported(async_tok, "'async def' functions are not supported");
      return function_def({}, &async_tok);
    }
    if (is_kw("for")) {
      unsupported(async_tok, "'async for' loops are not supported");
      return for_stmt(&async_tok);
    }
    if (is_kw("with")) {
      unsupported(async_tok, "'async with' statements are not supported");
      return with_stmt(&async_tok);
    }
    return fail(), nullptr;
  }

  Stmt* decorated() {
    std::vector<Expr*> decorators;
    while (accept(Op::At)) {
      Expr* d = named_expression();
      if (!d) return nullptr;
      if (cur().kind != TokenKind::Newline) return fail(), nullptr;
      ++p_;
      decorators.push_back(d);
    }
    if (is_kw("def")) return function_def(decorators, nullptr);
    if (is_kw("class")) return class_def(decorators);
    if (is_kw("async") && is_kw_at(p_ + 1, "def")) {
      const Token& async_tok = cur();
      ++p_;
      unsupported(async_tok, "'async def' functions are not supported");
      return function_def(decorators, &async_tok);
    }
    return fail(), nullptr;
  }

  Stmt* if_stmt(bool elif) {
    const Token& start = cur();
    ++p_;
    Expr* test = named_expression();
    if (!test || !colon()) return nullptr;
    Seq<Stmt*> body = block(elif ? "'elif' statement" : "'if' statement", start.lineno);
    if (failed()) return nullptr;
    Seq<Stmt*> orelse;
    if (is_kw("elif")) {
      Stmt* s = if_stmt(true);
      if (!s) return nullptr;
      orelse = a_.seq(std::vector<Stmt*>{s});
    } else if (is_kw("else")) {
      orelse = else_block();
      if (failed()) return nullptr;
    }
    If* s = node<If>(StmtKind::If, block_span(start, orelse.empty() ? body : orelse));
    s->test = test;
    s->body = body;
    s->orelse = orelse;
    return s;
  }

  Seq<Stmt*> else_block() {
    const Token& t = cur();
    ++p_;
    if (!colon()) return {};
    return block("'else' statement", t.lineno);
  }

  // A compound statement ends where the last statement of its last block
  // ends.
  Pos block_span(const Token& start, Seq<Stmt*> last_block) const {
    if (last_block.empty()) return span(start);  // only after an error
    const Pos& end = last_block[last_block.size() - 1]->pos;
    return {start.lineno, start.col, end.end_lineno, end.end_col_offset};
  }

  Stmt* while_stmt() {
    const Token& start = cur();
    ++p_;
    Expr* test = named_expression();
    if (!test || !colon()) return nullptr;
    Seq<Stmt*> body = block("'while' statement", start.lineno);
    if (failed()) return nullptr;
    Seq<Stmt*> orelse;
    if (is_kw("else")) {
      orelse = else_block();
      if (failed()) return nullptr;
    }
    While* s = node<While>(StmtKind::While, block_span(start, orelse.empty() ? body : orelse));
    s->test = test;
    s->body = body;
    s->orelse = orelse;
    return s;
  }

  Stmt* for_stmt(const Token* async_tok) {
    const Token& start = async_tok ? *async_tok : cur();
    const Token& for_tok = cur();
    ++p_;
    Expr* target = star_targets(TargetsKind::For);
    if (!target) return nullptr;
    if (!is_kw("in")) {
      // CPython's invalid_for_target: `for f() in x` names the bad target.
      return fail(), nullptr;
    }
    ++p_;
    Expr* iter = star_expressions();
    if (!iter || !colon()) return nullptr;
    Seq<Stmt*> body = block("'for' statement", for_tok.lineno);
    if (failed()) return nullptr;
    Seq<Stmt*> orelse;
    if (is_kw("else")) {
      orelse = else_block();
      if (failed()) return nullptr;
    }
    For* s = node<For>(async_tok ? StmtKind::AsyncFor : StmtKind::For, block_span(start, orelse.empty() ? body : orelse));
    s->target = target;
    s->iter = iter;
    s->body = body;
    s->orelse = orelse;
    return s;
  }

  Stmt* try_stmt() {
    const Token& start = cur();
    ++p_;
    if (!colon()) return nullptr;
    Seq<Stmt*> body = block("'try' statement", start.lineno);
    if (failed()) return nullptr;
    std::vector<ExceptHandler*> handlers;
    bool star = false;
    while (is_kw("except")) {
      const Token& ex = cur();
      ++p_;
      bool this_star = accept(Op::Star);
      if (!handlers.empty() && this_star != star) {
        error_at(ex, "cannot have both 'except' and 'except*' on the same 'try'");
        return nullptr;
      }
      star = this_star;
      Expr* type = nullptr;
      Identifier name;
      if (!is_op(Op::Colon)) {
        type = expression();
        if (!type) return nullptr;
        if (is_op(Op::Comma)) {
          // except A, B:
          size_t save = p_;
          Expr* last = type;
          while (accept(Op::Comma)) {
            if (is_op(Op::Colon)) break;
            last = expression();
            if (!last) return nullptr;
          }
          if (is_op(Op::Colon) || is_kw("as")) {
            error_range(type->pos, last->pos, "multiple exception types must be parenthesized");
            return nullptr;
          }
          p_ = save;
          return fail(), nullptr;
        }
        if (accept_kw("as")) {
          name = name_token();
          if (failed()) return nullptr;
        }
      } else if (this_star) {
        error_at(cur(), "expected one or more exception types");
        return nullptr;
      }
      if (!colon()) return nullptr;
      Seq<Stmt*> hbody = block(this_star ? "'except*' statement" : "'except' statement", ex.lineno);
      if (failed()) return nullptr;
      ExceptHandler* h = a_.make<ExceptHandler>();
      h->pos = block_span(ex, hbody);
      h->type = type;
      h->name = name;
      h->body = hbody;
      handlers.push_back(h);
    }
    Seq<Stmt*> orelse, finalbody;
    if (!handlers.empty() && is_kw("else")) {
      orelse = else_block();
      if (failed()) return nullptr;
    }
    if (is_kw("finally")) {
      const Token& f = cur();
      ++p_;
      if (!colon()) return nullptr;
      finalbody = block("'finally' statement", f.lineno);
      if (failed()) return nullptr;
    }
    if (handlers.empty() && finalbody.empty()) {
      error_at(cur(), "expected 'except' or 'finally' block");
      return nullptr;
    }
    Seq<Stmt*> last = !finalbody.empty() ? finalbody : !orelse.empty() ? orelse
                      : handlers.empty() ? body : handlers.back()->body;
    Try* s = node<Try>(star ? StmtKind::TryStar : StmtKind::Try, block_span(start, last));
    s->body = body;
    s->handlers = a_.seq(handlers);
    s->orelse = orelse;
    s->finalbody = finalbody;
    return s;
  }

  Stmt* with_stmt(const Token* async_tok) {
    const Token& start = async_tok ? *async_tok : cur();
    const Token& with_tok = cur();
    ++p_;
    std::vector<WithItem*> items;
    bool parenthesized = false;
    if (is_op(Op::LPar)) {
      // `with (a as b, c):` is tried first; else the parenthesis belongs to
      // the first expression.
      size_t save = p_;
      ++p_;
      std::optional<SyntaxErrorInfo> saved_err = err_;
      bool saved_generic = generic_;
      bool ok = true;
      while (ok && !is_op(Op::RPar)) {
        WithItem* item = with_item();
        if (!item) {
          ok = false;
          break;
        }
        items.push_back(item);
        if (!accept(Op::Comma)) break;
      }
      if (ok && !items.empty() && accept(Op::RPar) && is_op(Op::Colon)) {
        parenthesized = true;
      } else {
        p_ = save;
        items.clear();
        err_ = saved_err;
        generic_ = saved_generic;
      }
    }
    if (!parenthesized) {
      do {
        WithItem* item = with_item();
        if (!item) return nullptr;
        items.push_back(item);
      } while (accept(Op::Comma));
    }
    if (!colon()) return nullptr;
    Seq<Stmt*> body = block("'with' statement", with_tok.lineno);
    if (failed()) return nullptr;
    With* s = node<With>(async_tok ? StmtKind::AsyncWith : StmtKind::With, block_span(start, body));
    s->items = a_.seq(items);
    s->body = body;
    return s;
  }

  WithItem* with_item() {
    Expr* e = expression();
    if (!e) return nullptr;
    Expr* vars = nullptr;
    if (accept_kw("as")) {
      vars = star_target_single(TargetsKind::Star);
      if (!vars) return nullptr;
      if (!is_op(Op::Comma) && !is_op(Op::RPar) && !is_op(Op::Colon)) return fail(), nullptr;
    }
    return a_.make<WithItem>(WithItem{e, vars});
  }

  // `match` is a soft keyword: it starts a match statement only when
  // followed by a subject and ':' NEWLINE.
  bool looks_like_match() {
    size_t save = p_;
    size_t save_furthest = furthest_;
    std::optional<SyntaxErrorInfo> saved_err = err_;
    bool saved_generic = generic_;
    ++p_;
    bool yes = false;
    if (!(cur().kind == TokenKind::Op &&
          (cur().op == Op::Equal || cur().op == Op::Dot || cur().op == Op::Colon || cur().op == Op::Comma))) {
      Expr* subject = star_named_expressions_tuple();
      yes = subject && is_op(Op::Colon) && at(p_ + 1).kind == TokenKind::Newline;
    }
    p_ = save;
    furthest_ = save_furthest;
    err_ = saved_err;
    generic_ = saved_generic;
    return yes;
  }

  // Match statements are not modelled: the statement is skipped whole and
  // reported as unsupported.
  Stmt* match_stmt() {
    const Token& start = cur();
    unsupported(start, "'match' statements are not supported");
    while (cur().kind != TokenKind::Newline) ++p_;
    ++p_;
    if (cur().kind != TokenKind::Indent) {
      error_at(cur(), "expected an indented block after 'match' statement on line " + std::to_string(start.lineno),
               "IndentationError");
      return nullptr;
    }
    int level = 0;
    do {
      if (cur().kind == TokenKind::Indent) ++level;
      if (cur().kind == TokenKind::Dedent) --level;
      if (cur().kind == TokenKind::EndMarker || cur().kind == TokenKind::Error) return fail(), nullptr;
      ++p_;
    } while (level > 0);
    Pass* s = node<Pass>(StmtKind::Pass, span(start));
    return s;
  }

  Stmt* function_def(std::vector<Expr*> decorators, const Token* async_tok) {
    const Token& def_tok = cur();
    ++p_;
    Identifier name = name_token();
    if (failed()) return nullptr;
    if (is_op(Op::LSqb)) type_params();
    if (failed()) return nullptr;
    if (!expect(Op::LPar)) return nullptr;
    Arguments* args = parameters(Op::RPar);
    if (!args || !expect(Op::RPar)) return nullptr;
    Expr* returns = nullptr;
    if (accept(Op::RArrow)) {
      returns = expression();
      if (!returns) return nullptr;
    }
    if (!colon()) return nullptr;
    Seq<Stmt*> body = block("function definition", def_tok.lineno);
    if (failed()) return nullptr;
    FunctionDef* s = node<FunctionDef>(async_tok ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef,
                                       block_span(async_tok ? *async_tok : def_tok, body));
    s->name = name;
    s->args = args;
    s->body = body;
    s->decorator_list = a_.seq(decorators);
    s->returns = returns;
    return s;
  }

  // PEP 695 type parameters are not modelled: skipped and reported.
  void type_params() {
    unsupported(cur(), "generic type parameters are not supported");
    int level = 0;
    do {
      if (cur().kind == TokenKind::EndMarker || cur().kind == TokenKind::Error) {
        fail();
        return;
      }
      if (is_op(Op::LSqb) || is_op(Op::LPar) || is_op(Op::LBrace)) ++level;
      if (is_op(Op::RSqb) || is_op(Op::RPar) || is_op(Op::RBrace)) --level;
      ++p_;
    } while (level > 0);
  }

  Stmt* class_def(std::vector<Expr*> decorators) {
    const Token& start = cur();
    ++p_;
    Identifier name = name_token();
    if (failed()) return nullptr;
    if (is_op(Op::LSqb)) type_params();
    if (failed()) return nullptr;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords;
    if (accept(Op::LPar)) {
      if (!is_op(Op::RPar) && !call_arguments(bases, keywords, true)) return nullptr;
      if (!expect(Op::RPar)) return nullptr;
    }
    if (!colon()) return nullptr;
    Seq<Stmt*> body = block("class definition", start.lineno);
    if (failed()) return nullptr;
    ClassDef* s = node<ClassDef>(StmtKind::ClassDef, block_span(start, body));
    s->name = name;
    s->bases = a_.seq(bases);
    s->keywords = a_.seq(keywords);
    s->body = body;
    s->decorator_list = a_.seq(decorators);
    return s;
  }

  // Parameters of a def (closer ')') or a lambda (closer ':').
  Arguments* parameters(Op closer) {
    bool lambda = closer == Op::Colon;
    std::vector<Arg*> posonly, args, kwonly;
    std::vector<Expr*> defaults, kw_defaults;
    Arg* vararg = nullptr;
    Arg* kwarg = nullptr;
    bool star_seen = false, slash_seen = false, kwarg_seen = false;
    while (!is_op(closer)) {
      const Token& t = cur();
      if (kwarg_seen) {
        error_at(t, "arguments cannot follow var-keyword argument");
        return nullptr;
      }
      if (accept(Op::Slash)) {
        if (slash_seen) return error_at(t, "/ may appear only once");
        if (star_seen) return error_at(t, "/ must be ahead of *");
        if (args.empty()) {
          if (is_op(Op::Comma)) return error_at(t, "at least one argument must precede /");
          return error_at(t, "invalid syntax");
        }
        slash_seen = true;
        posonly.swap(args);
      } else if (accept(Op::Star)) {
        if (star_seen) return error_at(t, "* argument may appear only once");
        star_seen = true;
        if (is_op(Op::Comma) || is_op(closer)) {
          // Bare '*': keyword-only parameters must follow.
          if (is_op(closer) || is_op_at(p_ + 1, closer) || is_op_at(p_ + 1, Op::DoubleStar))
            return error_at(t, "named arguments must follow bare *");
        } else {
          vararg = parameter(lambda, true);
          if (!vararg) return nullptr;
          if (is_op(Op::Equal)) return error_at(cur(), "var-positional argument cannot have default value");
        }
      } else if (accept(Op::DoubleStar)) {
        kwarg = parameter(lambda, false);
        if (!kwarg) return nullptr;
        if (is_op(Op::Equal)) return error_at(cur(), "var-keyword argument cannot have default value");
        kwarg_seen = true;
      } else {
        Arg* a = parameter(lambda, false);
        if (!a) return nullptr;
        Expr* def = nullptr;
        if (accept(Op::Equal)) {
          def = expression();
          if (!def) return nullptr;
        }
        if (star_seen) {
          kwonly.push_back(a);
          kw_defaults.push_back(def);
        } else {
          if (def) {
            defaults.push_back(def);
          } else if (!defaults.empty()) {
            return error_at(t, "parameter without a default follows parameter with a default");
          }
          args.push_back(a);
        }
      }
      if (!accept(Op::Comma)) break;
    }
    if (!is_op(closer)) return fail(), nullptr;
    Arguments* r = a_.make<Arguments>();
    r->posonlyargs = a_.seq(posonly);
    r->args = a_.seq(args);
    r->vararg = vararg;
    r->kwonlyargs = a_.seq(kwonly);
    r->kw_defaults = a_.seq(kw_defaults);
    r->kwarg = kwarg;
    r->defaults = a_.seq(defaults);
    return r;
  }

  Arg* parameter(bool lambda, bool star) {
    const Token& t = cur();
    Identifier id = name_token();
    if (failed()) return nullptr;
    Expr* annotation = nullptr;
    if (!lambda && accept(Op::Colon)) {
      annotation = star && is_op(Op::Star) ? star_expression() : expression();
      if (!annotation) return nullptr;
    }
    Arg* a = a_.make<Arg>();
    a->pos = span(t);
    a->arg = id;
    a->annotation = annotation;
    return a;
  }

  Stmt* simple_stmt() {
    const Token& start = cur();
    if (start.kind == TokenKind::Name) {
      std::string_view w = text(start);
      if (w == "pass" || w == "break" || w == "continue") {
        ++p_;
        StmtKind k = w == "pass" ? StmtKind::Pass : w == "break" ? StmtKind::Break : StmtKind::Continue;
        return node<Stmt>(k, span(start));
      }
      if (w == "return") {
        ++p_;
        Expr* value = nullptr;
        if (!at_simple_stmt_end()) {
          value = star_expressions();
          if (!value) return nullptr;
        }
        Return* s = node<Return>(StmtKind::Return, span(start));
        s->value = value;
        return s;
      }
      if (w == "raise") return raise_stmt();
      if (w == "global" || w == "nonlocal") return global_stmt(w == "global");
      if (w == "del") return del_stmt();
      if (w == "assert") {
        ++p_;
        Expr* test = expression();
        if (!test) return nullptr;
        Expr* msg = nullptr;
        if (accept(Op::Comma)) {
          msg = expression();
          if (!msg) return nullptr;
        }
        Assert* s = node<Assert>(StmtKind::Assert, span(start));
        s->test = test;
        s->msg = msg;
        return s;
      }
      if (w == "import") return import_stmt();
      if (w == "from") return import_from();
      if (w == "type" && at(p_ + 1).kind == TokenKind::Name && (is_op_at(p_ + 2, Op::Equal) || is_op_at(p_ + 2, Op::LSqb))) {
        unsupported(start, "'type' statements are not supported");
        while (!at_simple_stmt_end() && cur().kind != TokenKind::Error) ++p_;
        return node<Pass>(StmtKind::Pass, span(start));
      }
    }
    return expression_stmt();
  }

  bool at_simple_stmt_end() { return cur().kind == TokenKind::Newline || is_op(Op::Semi); }

  Stmt* raise_stmt() {
    const Token& start = cur();
    ++p_;
    Expr* exc = nullptr;
    Expr* cause = nullptr;
    if (!at_simple_stmt_end()) {
      exc = expression();
      if (!exc) return nullptr;
      if (accept_kw("from")) {
        cause = expression();
        if (!cause) return nullptr;
      }
    }
    Raise* s = node<Raise>(StmtKind::Raise, span(start));
    s->exc = exc;
    s->cause = cause;
    return s;
  }

  Stmt* global_stmt(bool global) {
    const Token& start = cur();
    ++p_;
    std::vector<Identifier> names;
    do {
      Identifier id = name_token();
      if (failed()) return nullptr;
      names.push_back(id);
    } while (accept(Op::Comma));
    if (global) {
      Global* s = node<Global>(StmtKind::Global, span(start));
      s->names = a_.seq(names);
      return s;
    }
    Nonlocal* s = node<Nonlocal>(StmtKind::Nonlocal, span(start));
    s->names = a_.seq(names);
    return s;
  }

  Stmt* del_stmt() {
    const Token& start = cur();
    ++p_;
    std::vector<Expr*> targets;
    for (;;) {
      Expr* e = star_expression_for_target();
      if (!e) return nullptr;
      targets.push_back(e);
      if (!accept(Op::Comma)) break;
      if (at_simple_stmt_end()) break;
    }
    if (!at_simple_stmt_end()) return fail(), nullptr;
    for (Expr* e : targets)
      if (!set_context(e, ExprContext::Del, TargetsKind::Del)) return nullptr;
    Delete* s = node<Delete>(StmtKind::Delete, span(start));
    s->targets = a_.seq(targets);
    return s;
  }

  Expr* star_expression_for_target() {
    if (is_op(Op::Star)) {
      const Token& t = cur();
      ++p_;
      Expr* v = bitwise_or();
      if (!v) return nullptr;
      Starred* s = node<Starred>(ExprKind::Starred, span(t));
      s->value = v;
      s->ctx = ExprContext::Load;
      return s;
    }
    return expression();
  }

  Alias* make_alias(const Token& start, Identifier name, Identifier asname) {
    Alias* a = a_.make<Alias>();
    a->pos = span(start);
    a->name = name;
    a->asname = asname;
    return a;
  }

  // dotted_name: NAME ('.' NAME)*
  Identifier dotted_name() {
    std::string name;
    do {
      if (!is_name()) return fail(), Identifier{};
      if (!name.empty()) name += '.';
      name += text(cur());
      ++p_;
    } while (accept(Op::Dot));
    return a_.str(name);
  }

  Stmt* import_stmt() {
    const Token& start = cur();
    ++p_;
    std::vector<Alias*> names;
    do {
      const Token& t = cur();
      Identifier name = dotted_name();
      if (failed()) return nullptr;
      Identifier asname;
      if (accept_kw("as")) {
        asname = name_token();
        if (failed()) return nullptr;
      }
      names.push_back(make_alias(t, name, asname));
    } while (accept(Op::Comma));
    Import* s = node<Import>(StmtKind::Import, span(start));
    s->names = a_.seq(names);
    return s;
  }

  Stmt* import_from() {
    const Token& start = cur();
    ++p_;
    int level = 0;
    for (;;) {
      if (accept(Op::Dot)) {
        ++level;
      } else if (accept(Op::Ellipsis)) {
        level += 3;
      } else {
        break;
      }
    }
    Identifier module;
    if (!is_kw("import")) {
      module = dotted_name();
      if (failed()) return nullptr;
    } else if (level == 0) {
      return fail(), nullptr;
    }
    if (!expect_kw("import")) return nullptr;
    std::vector<Alias*> names;
    if (is_op(Op::Star)) {
      const Token& t = cur();
      ++p_;
      names.push_back(make_alias(t, a_.str("*"), {}));
    } else {
      bool paren = accept(Op::LPar);
      do {
        if (paren && is_op(Op::RPar)) break;
        const Token& t = cur();
        Identifier name = name_token();
        if (failed()) return nullptr;
        Identifier asname;
        if (accept_kw("as")) {
          asname = name_token();
          if (failed()) return nullptr;
        }
        names.push_back(make_alias(t, name, asname));
        if (!paren && is_op(Op::Comma) && at(p_ + 1).kind == TokenKind::Newline) {
          error_at(at(p_ + 1), "trailing comma not allowed without surrounding parentheses");
          return nullptr;
        }
      } while (accept(Op::Comma));
      if (paren && (names.empty() || !expect(Op::RPar))) return fail(), nullptr;
    }
    ImportFrom* s = node<ImportFrom>(StmtKind::ImportFrom, span(start));
    s->module = module;
    s->names = a_.seq(names);
    s->level = level;
    return s;
  }

  static bool augassign_op(Op op, OperatorKind& kind) {
    switch (op) {
      case Op::PlusEqual: kind = OperatorKind::Add; return true;
      case Op::MinEqual: kind = OperatorKind::Sub; return true;
      case Op::StarEqual: kind = OperatorKind::Mult; return true;
      case Op::AtEqual: kind = OperatorKind::MatMult; return true;
      case Op::SlashEqual: kind = OperatorKind::Div; return true;
      case Op::PercentEqual: kind = OperatorKind::Mod; return true;
      case Op::AmperEqual: kind = OperatorKind::BitAnd; return true;
      case Op::VBarEqual: kind = OperatorKind::BitOr; return true;
      case Op::CircumflexEqual: kind = OperatorKind::BitXor; return true;
      case Op::LeftShiftEqual: kind = OperatorKind::LShift; return true;
      case Op::RightShiftEqual: kind = OperatorKind::RShift; return true;
      case Op::DoubleStarEqual: kind = OperatorKind::Pow; return true;
      case Op::DoubleSlashEqual: kind = OperatorKind::FloorDiv; return true;
      default: return false;
    }
  }

  Expr* yield_or_star_expressions() { return is_kw("yield") ? yield_expr() : star_expressions(); }

  Stmt* expression_stmt() {
    const Token& start = cur();
    bool parenthesized_name = is_op(Op::LPar);
    Expr* first = yield_or_star_expressions();
    if (!first) return nullptr;
    if (is_op(Op::Colon)) {
      // Annotated assignment.
      if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List) {
        error_node(first, std::string("only single target (not ") + expr_name(first) + ") can be annotated");
        return nullptr;
      }
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript) {
        error_node(first, "illegal target for annotation");
        return nullptr;
      }
      ++p_;
      Expr* annotation = expression();
      if (!annotation) return nullptr;
      Expr* value = nullptr;
      if (accept(Op::Equal)) {
        value = yield_or_star_expressions();
        if (!value) return nullptr;
      }
      set_context(first, ExprContext::Store, TargetsKind::Star);
      AnnAssign* s = node<AnnAssign>(StmtKind::AnnAssign, span(start));
      s->target = first;
      s->annotation = annotation;
      s->value = value;
      s->simple = first->kind == ExprKind::Name && !parenthesized_name;
      return s;
    }
    OperatorKind aug;
    if (cur().kind == TokenKind::Op && augassign_op(cur().op, aug)) {
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript) {
        error_node(first, std::string("'") + expr_name(first) + "' is an illegal expression for augmented assignment");
        return nullptr;
      }
      ++p_;
      Expr* value = yield_or_star_expressions();
      if (!value) return nullptr;
      set_context(first, ExprContext::Store, TargetsKind::Star);
      AugAssign* s = node<AugAssign>(StmtKind::AugAssign, span(start));
      s->target = first;
      s->op = aug;
      s->value = value;
      return s;
    }
    if (is_op(Op::ColonEqual) && first->kind != ExprKind::Name) {
      error_node(first, std::string("cannot use assignment expressions with ") + expr_name(first));
      return nullptr;
    }
    if (is_op(Op::Equal)) {
      std::vector<Expr*> targets{first};
      std::vector<size_t> first_tokens{size_t(&start - toks_.data())};
      Expr* value = nullptr;
      while (accept(Op::Equal)) {
        first_tokens.push_back(p_);
        value = yield_or_star_expressions();
        if (!value) return nullptr;
        targets.push_back(value);
      }
      targets.pop_back();
      for (size_t k = 0; k < targets.size(); ++k) {
        if (is_kw_at(first_tokens[k], "yield")) {
          error_node(targets[k], "assignment to yield expression not possible");
          return nullptr;
        }
      }
      if (targets.size() == 1 && maybe_meant_equality(targets[0], first_tokens[0], first_tokens[1])) return nullptr;
      for (Expr* t : targets)
        if (!set_context(t, ExprContext::Store, TargetsKind::Star)) return nullptr;
      Assign* s = node<Assign>(StmtKind::Assign, span(start));
      s->targets = a_.seq(targets);
      s->value = value;
      return s;
    }
    if (!at_simple_stmt_end()) {
      legacy_print_check(first);
      return fail(), nullptr;
    }
    ExprStmt* s = node<ExprStmt>(StmtKind::Expr, span(start));
    s->value = first;
    return s;
  }

  // CPython's invalid_named_expression, reached for `f() = 1`: the target
  // (or the last item of an unparenthesized tuple target) directly before
  // the only '=' is invalid, and a bitwise_or follows the '='.
  bool maybe_meant_equality(Expr* target, size_t target_tok, size_t value_tok) {
    const Token& v = toks_[value_tok];
    if (v.kind == TokenKind::Op && v.op == Op::Star) return false;
    if (v.kind == TokenKind::Name) {
      std::string_view w = text(v);
      if (w == "not" || w == "lambda" || w == "yield") return false;
    }
    Expr* candidate = target;
    size_t candidate_tok = target_tok;
    if (target->kind == ExprKind::Tuple && !(toks_[target_tok].kind == TokenKind::Op && toks_[target_tok].op == Op::LPar)) {
      Seq<Expr*> elts = static_cast<Tuple*>(target)->elts;
      candidate = elts[elts.size() - 1];
      candidate_tok = token_index_at(candidate->pos, target_tok);
    }
    if (!invalid_target(candidate, TargetsKind::Star)) return false;
    const Token& c = toks_[candidate_tok];
    if (c.kind == TokenKind::Op && c.op == Op::LPar &&
        (candidate->kind == ExprKind::Tuple || candidate->kind == ExprKind::GeneratorExp))
      return false;
    if (c.kind == TokenKind::Op && c.op == Op::LSqb && candidate->kind != ExprKind::ListComp) return false;
    if (c.kind == TokenKind::Name && (text(c) == "True" || text(c) == "False" || text(c) == "None")) return false;
    error_node(candidate, std::string("cannot assign to ") + expr_name(candidate) +
                              " here. Maybe you meant '==' instead of '='?");
    return true;
  }

  size_t token_index_at(const Pos& pos, size_t from) const {
    for (size_t i = from; i < toks_.size(); ++i)
      if (toks_[i].lineno == pos.lineno && toks_[i].col == pos.col_offset) return i;
    return from;
  }

  // `print "x"`: CPython's invalid_legacy_expression.
  void legacy_print_check(Expr* first) {
    if (first->kind != ExprKind::Name) return;
    Identifier id = static_cast<Name*>(first)->id;
    if (id != "print" && id != "exec") return;
    if (is_op(Op::LPar)) return;
    size_t save = p_;
    size_t save_furthest = furthest_;
    Expr* rest = star_expressions();
    if (rest && !failed()) {
      error_range(first->pos, rest->pos,
                  "Missing parentheses in call to '" + std::string(id) + "'. Did you mean " + std::string(id) + "(...)?");
      return;
    }
    if (failed() && generic_) {
      err_.reset();
      generic_ = false;
    }
    p_ = save;
    furthest_ = save_furthest;
  }

  // CPython's _PyPegen_get_invalid_target: the first part of `e` that
  // cannot be a target, or nullptr.
  static Expr* invalid_target(Expr* e, TargetsKind kind) {
    switch (e->kind) {
      case ExprKind::Name:
      case ExprKind::Attribute:
      case ExprKind::Subscript: return nullptr;
      case ExprKind::Starred:
        if (kind == TargetsKind::Del) return e;
        return invalid_target(static_cast<Starred*>(e)->value, kind);
      case ExprKind::List:
      case ExprKind::Tuple: {
        Seq<Expr*> elts = e->kind == ExprKind::List ? static_cast<List*>(e)->elts : static_cast<Tuple*>(e)->elts;
        for (Expr* x : elts)
          if (Expr* bad = invalid_target(x, kind)) return bad;
        return nullptr;
      }
      case ExprKind::Compare:
        if (kind == TargetsKind::For) {
          auto* c = static_cast<Compare*>(e);
          return c->ops[0] == CmpOpKind::In ? invalid_target(c->left, kind) : nullptr;
        }
        return e;
      default: return e;
    }
  }

  // Turns a Load expression into an assignment (or del) target, with
  // CPython's message naming the first invalid part.
  bool set_context(Expr* e, ExprContext ctx, TargetsKind kind) {
    if (Expr* bad = invalid_target(e, kind)) {
      error_node(bad, std::string(kind == TargetsKind::Del ? "cannot delete " : "cannot assign to ") + expr_name(bad));
      return false;
    }
    apply_context(e, ctx);
    return true;
  }

  static void apply_context(Expr* e, ExprContext ctx) {
    switch (e->kind) {
      case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; break;
      case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
      case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
      case ExprKind::Starred:
        static_cast<Starred*>(e)->ctx = ctx;
        apply_context(static_cast<Starred*>(e)->value, ctx);
        break;
      case ExprKind::List:
        static_cast<List*>(e)->ctx = ctx;
        for (Expr* x : static_cast<List*>(e)->elts) apply_context(x, ctx);
        break;
      case ExprKind::Tuple:
        static_cast<Tuple*>(e)->ctx = ctx;
        for (Expr* x : static_cast<Tuple*>(e)->elts) apply_context(x, ctx);
        break;
      default: break;
    }
  }

  // ------------------------------------------------------------ targets

  // star_targets of `for` and comprehensions: stops before `in`.
  Expr* star_targets(TargetsKind kind) {
    const Token& start = cur();
    Expr* first = star_target_single(kind);
    if (!first) return nullptr;
    if (!is_op(Op::Comma)) return first;
    std::vector<Expr*> elts{first};
    while (accept(Op::Comma)) {
      if (is_kw("in") || is_op(Op::Equal)) break;
      Expr* e = star_target_single(kind);
      if (!e) return nullptr;
      elts.push_back(e);
    }
    Tuple* t = node<Tuple>(ExprKind::Tuple, span(start));
    t->elts = a_.seq(elts);
    t->ctx = ExprContext::Store;
    return t;
  }

  Expr* star_target_single(TargetsKind kind) {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    if (is_op(Op::Star)) {
      const Token& t = cur();
      ++p_;
      if (is_op(Op::Star)) return fail(), nullptr;
      Expr* v = star_target_single(kind);
      if (!v) return nullptr;
      Starred* s = node<Starred>(ExprKind::Starred, span(t));
      s->value = v;
      s->ctx = ExprContext::Store;
      return s;
    }
    Expr* e = primary();
    if (!e) return nullptr;
    if (!set_context(e, ExprContext::Store, kind)) return nullptr;
    return e;
  }

  // ------------------------------------------------------------ expressions

  // star_expressions: a tuple when there is a comma.
  Expr* star_expressions() {
    const Token& start = cur();
    Expr* first = star_expression();
    if (!first) return nullptr;
    if (!is_op(Op::Comma)) return first;
    std::vector<Expr*> elts{first};
    while (accept(Op::Comma)) {
      if (!starts_expression()) break;
      Expr* e = star_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    Tuple* t = node<Tuple>(ExprKind::Tuple, span(start));
    t->elts = a_.seq(elts);
    t->ctx = ExprContext::Load;
    return t;
  }

  // Can the current token begin an expression?
  bool starts_expression() {
    const Token& t = cur();
    switch (t.kind) {
      case TokenKind::Name: {
        std::string_view w = text(t);
        return !is_keyword(w) || w == "None" || w == "True" || w == "False" || w == "not" || w == "lambda" ||
               w == "await" || w == "yield";
      }
      case TokenKind::Number:
      case TokenKind::String:
      case TokenKind::FStringStart: return true;
      case TokenKind::Op:
        switch (t.op) {
          case Op::LPar: case Op::LSqb: case Op::LBrace: case Op::Minus: case Op::Plus: case Op::Tilde:
          case Op::Star: case Op::Ellipsis: return true;
          default: return false;
        }
      default: return false;
    }
  }

  Expr* star_expression() {
    if (is_op(Op::Star)) {
      const Token& t = cur();
      ++p_;
      Expr* v = bitwise_or();
      if (!v) return nullptr;
      Starred* s = node<Starred>(ExprKind::Starred, span(t));
      s->value = v;
      s->ctx = ExprContext::Load;
      return s;
    }
    return expression();
  }

  // The subject of a match statement (for detection only).
  Expr* star_named_expressions_tuple() {
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    while (accept(Op::Comma)) {
      if (!starts_expression()) break;
      if (!star_named_expression()) return nullptr;
    }
    return first;
  }

  Expr* star_named_expression() {
    if (is_op(Op::Star)) return star_expression();
    return named_expression();
  }

  Expr* named_expression() {
    if (is_name() && is_op_at(p_ + 1, Op::ColonEqual)) {
      const Token& t = cur();
      ++p_;
      ++p_;
      Expr* value = expression();
      if (!value) return nullptr;
      NamedExpr* n = node<NamedExpr>(ExprKind::NamedExpr, span(t));
      n->target = make_name(t, ExprContext::Store);
      n->value = value;
      return n;
    }
    Expr* e = expression();
    if (!e) return nullptr;
    if (is_op(Op::ColonEqual)) {
      error_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
      return nullptr;
    }
    if (is_op(Op::Equal) && !is_op_at(p_ + 1, Op::Equal)) invalid_named_expression(e);
    return e;
  }

  // `if x = 1:` where a named expression is expected.
  void invalid_named_expression(Expr* e) {
    if (e->kind == ExprKind::Name) {
      size_t save = p_, save_f = furthest_;
      ++p_;
      Expr* rhs = bitwise_or();
      if (rhs && !is_op(Op::Equal) && !is_op(Op::ColonEqual)) {
        error_range(e->pos, rhs->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return;
      }
      if (failed() && generic_) err_.reset(), generic_ = false;
      p_ = save, furthest_ = save_f;
      return;
    }
    if (e->kind == ExprKind::List || e->kind == ExprKind::Tuple || e->kind == ExprKind::GeneratorExp) return;
    if (e->kind == ExprKind::Constant) {
      ConstantKind k = static_cast<Constant*>(e)->value.kind;
      if (k == ConstantKind::True || k == ConstantKind::False || k == ConstantKind::None) return;
    }
    size_t save = p_, save_f = furthest_;
    ++p_;
    Expr* rhs = bitwise_or();
    if (rhs && !is_op(Op::Equal) && !is_op(Op::ColonEqual)) {
      error_node(e, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
      return;
    }
    if (failed() && generic_) err_.reset(), generic_ = false;
    p_ = save, furthest_ = save_f;
  }

  Expr* expression() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    if (is_kw("lambda")) return lambdef();
    size_t start = p_;
    Expr* body = disjunction();
    if (!body) return nullptr;
    if (!is_kw("if")) {
      if (starts_expression() && !is_kw("yield") && !is_op(Op::Star)) forgot_comma(body, start);
      return body;
    }
    ++p_;
    Expr* test = disjunction();
    if (!test) return nullptr;
    if (!is_kw("else")) {
      if (!is_op(Op::Colon)) error_range(body->pos, test->pos, "expected 'else' after 'if' expression");
      return fail(), nullptr;
    }
    ++p_;
    Expr* orelse = expression();
    if (!orelse) return nullptr;
    IfExp* e = node<IfExp>(ExprKind::IfExp, join(body->pos, orelse->pos));
    e->test = test;
    e->body = body;
    e->orelse = orelse;
    return e;
  }

  // Two expressions in a row inside brackets: CPython suggests a comma.
  // `start` is the index of a's first token.
  void forgot_comma(Expr* a, size_t start) {
    const Token& first = toks_[start];
    if (first.kind == TokenKind::Name) {
      std::string_view w = text(first);
      if (w == "match" || w == "case" || w == "_" || w == "type") return;
      TokenKind next = toks_[start + 1].kind;
      if (next == TokenKind::String || next == TokenKind::FStringStart) return;
    }
    size_t save = p_, save_f = furthest_;
    Expr* b = is_kw("lambda") ? lambdef() : disjunction();
    if (b && !failed() && tokenized_level_at(p_) > 0) {
      error_range(a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
    if (failed() && generic_) err_.reset(), generic_ = false;
    p_ = save, furthest_ = save_f;
  }

  // Bracket nesting at token i, counted from the tokens before it.
  int tokenized_level_at(size_t i) {
    int level = 0;
    for (size_t k = 0; k < i && k < toks_.size(); ++k) {
      const Token& t = toks_[k];
      if (t.kind != TokenKind::Op) continue;
      if (t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace) ++level;
      if (t.op == Op::RPar || t.op == Op::RSqb || t.op == Op::RBrace) --level;
    }
    return level;
  }

  Expr* lambdef() {
    const Token& start = cur();
    ++p_;
    Arguments* args = parameters(Op::Colon);
    if (!args || !expect(Op::Colon)) return nullptr;
    Expr* body = expression();
    if (!body) return nullptr;
    Lambda* l = node<Lambda>(ExprKind::Lambda, span(start));
    l->args = args;
    l->body = body;
    return l;
  }

  Expr* disjunction() { return bool_chain("or", BoolOpKind::Or); }

  Expr* bool_chain(std::string_view word, BoolOpKind op) {
    Expr* first = op == BoolOpKind::Or ? bool_chain("and", BoolOpKind::And) : inversion();
    if (!first || !is_kw(word)) return first;
    std::vector<Expr*> values{first};
    while (accept_kw(word)) {
      Expr* e = op == BoolOpKind::Or ? bool_chain("and", BoolOpKind::And) : inversion();
      if (!e) return nullptr;
      values.push_back(e);
    }
    BoolOp* b = node<BoolOp>(ExprKind::BoolOp, join(first->pos, values.back()->pos));
    b->op = op;
    b->values = a_.seq(values);
    return b;
  }

  Expr* inversion() {
    if (is_kw("not")) {
      Nest nest(*this);
      if (!nest.ok) return nullptr;
      const Token& t = cur();
      ++p_;
      Expr* operand = inversion();
      if (!operand) return nullptr;
      UnaryOp* u = node<UnaryOp>(ExprKind::UnaryOp, join(pos_of(t), operand->pos));
      u->op = UnaryOpKind::Not;
      u->operand = operand;
      return u;
    }
    return comparison();
  }

  bool compare_op(CmpOpKind& op) {
    const Token& t = cur();
    if (t.kind == TokenKind::Op) {
      switch (t.op) {
        case Op::EqEqual: op = CmpOpKind::Eq; break;
        case Op::NotEqual: op = CmpOpKind::NotEq; break;
        case Op::Less: op = CmpOpKind::Lt; break;
        case Op::LessEqual: op = CmpOpKind::LtE; break;
        case Op::Greater: op = CmpOpKind::Gt; break;
        case Op::GreaterEqual: op = CmpOpKind::GtE; break;
        default: return false;
      }
      ++p_;
      return true;
    }
    if (is_kw("in")) {
      op = CmpOpKind::In;
      ++p_;
      return true;
    }
    if (is_kw("not") && is_kw_at(p_ + 1, "in")) {
      op = CmpOpKind::NotIn;
      p_ += 2;
      return true;
    }
    if (is_kw("is")) {
      ++p_;
      op = accept_kw("not") ? CmpOpKind::IsNot : CmpOpKind::Is;
      return true;
    }
    return false;
  }

  Expr* comparison() {
    Expr* left = bitwise_or();
    if (!left) return nullptr;
    std::vector<CmpOpKind> ops;
    std::vector<Expr*> comparators;
    CmpOpKind op;
    while (compare_op(op)) {
      Expr* right = bitwise_or();
      if (!right) return nullptr;
      ops.push_back(op);
      comparators.push_back(right);
    }
    if (ops.empty()) return left;
    Compare* c = node<Compare>(ExprKind::Compare, join(left->pos, comparators.back()->pos));
    c->left = left;
    c->ops = a_.seq(ops);
    c->comparators = a_.seq(comparators);
    return c;
  }

  // Binary operator levels, loosest first.
  enum class Level { BitOr, BitXor, BitAnd, Shift, Sum, Term };

  bool binary_op(Level level, OperatorKind& kind) {
    if (cur().kind != TokenKind::Op) return false;
    Op op = cur().op;
    switch (level) {
      case Level::BitOr: kind = OperatorKind::BitOr; return op == Op::VBar;
      case Level::BitXor: kind = OperatorKind::BitXor; return op == Op::CircumFlex;
      case Level::BitAnd: kind = OperatorKind::BitAnd; return op == Op::Amper;
      case Level::Shift:
        kind = op == Op::LeftShift ? OperatorKind::LShift : OperatorKind::RShift;
        return op == Op::LeftShift || op == Op::RightShift;
      case Level::Sum:
        kind = op == Op::Plus ? OperatorKind::Add : OperatorKind::Sub;
        return op == Op::Plus || op == Op::Minus;
      case Level::Term:
        switch (op) {
          case Op::Star: kind = OperatorKind::Mult; return true;
          case Op::Slash: kind = OperatorKind::Div; return true;
          case Op::DoubleSlash: kind = OperatorKind::FloorDiv; return true;
          case Op::Percent: kind = OperatorKind::Mod; return true;
          case Op::At: kind = OperatorKind::MatMult; return true;
          default: return false;
        }
    }
    return false;
  }

  Expr* bitwise_or() { return binary(Level::BitOr); }

  // Left-associative chains are built in a loop; each link counts towards
  // the nesting limit because it deepens the tree.
  Expr* binary(Level level) {
    Expr* left = level == Level::Term ? factor() : binary(static_cast<Level>(int(level) + 1));
    if (!left) return nullptr;
    int links = 0;
    OperatorKind kind;
    while (binary_op(level, kind)) {
      ++p_;
      Expr* right = level == Level::Term ? factor() : binary(static_cast<Level>(int(level) + 1));
      if (!right) {
        depth_ -= links;
        return nullptr;
      }
      BinOp* b = node<BinOp>(ExprKind::BinOp, join(left->pos, right->pos));
      b->left = left;
      b->op = kind;
      b->right = right;
      left = b;
      ++links;
      if (++depth_ > kMaxDepth) {
        depth_ -= links;
        too_deep();
        return nullptr;
      }
    }
    depth_ -= links;
    return left;
  }

  Expr* factor() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    if (cur().kind == TokenKind::Op && (cur().op == Op::Plus || cur().op == Op::Minus || cur().op == Op::Tilde)) {
      const Token& t = cur();
      ++p_;
      Expr* operand = factor();
      if (!operand) return nullptr;
      UnaryOp* u = node<UnaryOp>(ExprKind::UnaryOp, join(pos_of(t), operand->pos));
      u->op = t.op == Op::Plus ? UnaryOpKind::UAdd : t.op == Op::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
      u->operand = operand;
      return u;
    }
    return power();
  }

  Expr* power() {
    Expr* left = await_primary();
    if (!left) return nullptr;
    if (!accept(Op::DoubleStar)) return left;
    Expr* right = factor();
    if (!right) return nullptr;
    BinOp* b = node<BinOp>(ExprKind::BinOp, join(left->pos, right->pos));
    b->left = left;
    b->op = OperatorKind::Pow;
    b->right = right;
    return b;
  }

  Expr* await_primary() {
    if (is_kw("await")) {
      const Token& t = cur();
      ++p_;
      unsupported(t, "'await' expressions are not supported");
      Expr* v = primary();
      if (!v) return nullptr;
      Await* a = node<Await>(ExprKind::Await, join(pos_of(t), v->pos));
      a->value = v;
      return a;
    }
    return primary();
  }

  // atom followed by calls, subscripts and attributes.
  Expr* primary() {
    Expr* e = atom();
    if (!e) return nullptr;
    int links = 0;
    for (;;) {
      if (accept(Op::Dot)) {
        Identifier attr = name_token();
        if (failed()) break;
        Attribute* a = node<Attribute>(ExprKind::Attribute, span_from(e->pos));
        a->value = e;
        a->attr = attr;
        a->ctx = ExprContext::Load;
        e = a;
      } else if (is_op(Op::LPar)) {
        ++p_;
        std::vector<Expr*> args;
        std::vector<Keyword*> keywords;
        if (!is_op(Op::RPar) && !call_arguments(args, keywords)) break;
        if (!expect(Op::RPar)) break;
        Call* c = node<Call>(ExprKind::Call, span_from(e->pos));
        c->func = e;
        c->args = a_.seq(args);
        c->keywords = a_.seq(keywords);
        // A lone generator argument spans the call's parentheses.
        if (args.size() == 1 && keywords.empty() && args[0]->kind == ExprKind::GeneratorExp &&
            is_genexp_without_parens_) {
          const Token& close = prev();
          args[0]->pos = {open_paren_.lineno, open_paren_.col, close.end_lineno, close.end_col};
        }
        is_genexp_without_parens_ = false;
        e = c;
      } else if (is_op(Op::LSqb)) {
        ++p_;
        Expr* index = slices();
        if (!index || !expect(Op::RSqb)) break;
        Subscript* s = node<Subscript>(ExprKind::Subscript, span_from(e->pos));
        s->value = e;
        s->slice = index;
        s->ctx = ExprContext::Load;
        e = s;
      } else {
        break;
      }
      ++links;
      if (++depth_ > kMaxDepth) {
        depth_ -= links;
        too_deep();
        return nullptr;
      }
    }
    depth_ -= links;
    return failed() ? nullptr : e;
  }

  // Set by call_arguments when the only argument is an unparenthesized
  // generator expression, so that the call can widen its position.
  bool is_genexp_without_parens_ = false;
  Token open_paren_;

  bool call_arguments(std::vector<Expr*>& args, std::vector<Keyword*>& keywords, bool in_class = false) {
    const Token& open = prev();
    bool keyword_seen = false, double_star_seen = false;
    is_genexp_without_parens_ = false;
    for (;;) {
      const Token& t = cur();
      if (is_op(Op::Star)) {
        ++p_;
        Expr* v = expression();
        if (!v) return false;
        if (double_star_seen) {
          error_at(t, "iterable argument unpacking follows keyword argument unpacking");
          return false;
        }
        Starred* s = node<Starred>(ExprKind::Starred, span(t));
        s->value = v;
        s->ctx = ExprContext::Load;
        args.push_back(s);
      } else if (is_op(Op::DoubleStar)) {
        ++p_;
        Expr* v = expression();
        if (!v) return false;
        Keyword* k = a_.make<Keyword>();
        k->pos = span(t);
        k->value = v;
        keywords.push_back(k);
        double_star_seen = true;
      } else if (is_name() && is_op_at(p_ + 1, Op::Equal) && !is_op_at(p_ + 2, Op::Equal)) {
        Identifier id = a_.str(text(t));
        p_ += 2;
        if (is_op(Op::Comma) || is_op(Op::RPar)) {
          error_range(pos_of(t), pos_of(prev()), "expected argument value expression");
          return false;
        }
        Expr* v = expression();
        if (!v) return false;
        Keyword* k = a_.make<Keyword>();
        k->pos = span(t);
        k->arg = id;
        k->value = v;
        keywords.push_back(k);
        keyword_seen = true;
      } else {
        Expr* v = is_name() && is_op_at(p_ + 1, Op::ColonEqual) ? named_expression() : expression();
        if (!v) return false;
        if (is_kw("for") || is_kw("async")) {
          if (in_class) return fail();
          v = generator_tail(t, v);
          if (!v) return false;
          if (!args.empty() || !keywords.empty() || !is_op(Op::RPar)) {
            if (is_op(Op::Comma) || !args.empty() || !keywords.empty()) {
              const Token& last = prev();
              error_range(v->pos, pos_of(last), "Generator expression must be parenthesized");
              return false;
            }
          }
          is_genexp_without_parens_ = true;
          open_paren_ = open;
        } else if (is_op(Op::Equal)) {
          // f(a.b=1), f(1=2)
          const Token& eq = cur();
          error_range(v->pos, pos_of(eq), "expression cannot contain assignment, perhaps you meant \"==\"?");
          return false;
        }
        // CPython reports these at the last token read.
        if (double_star_seen) {
          error_at(cur(), "positional argument follows keyword argument unpacking");
          return false;
        }
        if (keyword_seen) {
          error_at(cur(), "positional argument follows keyword argument");
          return false;
        }
        args.push_back(v);
      }
      if (!accept(Op::Comma)) break;
      if (is_op(Op::RPar)) break;
    }
    if (!is_op(Op::RPar)) return fail();
    return true;
  }

  // The index of a subscript: one slice, or a tuple of them.
  Expr* slices() {
    const Token& start = cur();
    Expr* first = slice();
    if (!first) return nullptr;
    if (!is_op(Op::Comma) && first->kind != ExprKind::Starred) return first;
    std::vector<Expr*> elts{first};
    while (accept(Op::Comma)) {
      if (is_op(Op::RSqb)) break;
      Expr* e = slice();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    Tuple* t = node<Tuple>(ExprKind::Tuple, span(start));
    t->elts = a_.seq(elts);
    t->ctx = ExprContext::Load;
    return t;
  }

  Expr* slice() {
    const Token& start = cur();
    if (is_op(Op::Star)) return star_expression();
    Expr* lower = nullptr;
    if (!is_op(Op::Colon)) {
      lower = named_expression();
      if (!lower) return nullptr;
      if (!is_op(Op::Colon)) return lower;
    }
    ++p_;
    Expr* upper = nullptr;
    Expr* step = nullptr;
    if (!is_op(Op::Colon) && !is_op(Op::Comma) && !is_op(Op::RSqb)) {
      upper = expression();
      if (!upper) return nullptr;
    }
    if (accept(Op::Colon)) {
      if (!is_op(Op::Comma) && !is_op(Op::RSqb)) {
        step = expression();
        if (!step) return nullptr;
      }
    }
    Slice* s = node<Slice>(ExprKind::Slice, span(start));
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    return s;
  }

  Constant* constant(const Token& t, ConstantKind kind) {
    Constant* c = node<Constant>(ExprKind::Constant, pos_of(t));
    c->value.kind = kind;
    c->kind_u = false;
    return c;
  }

  Expr* atom() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    const Token& t = cur();
    switch (t.kind) {
      case TokenKind::Name: {
        std::string_view w = text(t);
        if (w == "None" || w == "True" || w == "False") {
          ++p_;
          return constant(t, w == "None" ? ConstantKind::None : w == "True" ? ConstantKind::True : ConstantKind::False);
        }
        if (is_keyword(w)) return fail(), nullptr;
        ++p_;
        return make_name(t);
      }
      case TokenKind::Number: ++p_; return number(t);
      case TokenKind::String:
      case TokenKind::FStringStart: return strings();
      case TokenKind::Op:
        switch (t.op) {
          case Op::LPar: return paren_atom();
          case Op::LSqb: return list_atom();
          case Op::LBrace: return brace_atom();
          case Op::Ellipsis: ++p_; return constant(t, ConstantKind::Ellipsis);
          default: break;
        }
        break;
      default: break;
    }
    return fail(), nullptr;
  }

  Expr* number(const Token& t) {
    std::string digits;
    for (char c : text(t))
      if (c != '_') digits += c;
    Constant* c = constant(t, ConstantKind::Int);
    char last = digits.back() | 0x20;
    if (last == 'j') {
      digits.pop_back();
      c->value.kind = ConstantKind::Imaginary;
      c->value.number = std::strtod(digits.c_str(), nullptr);
      return c;
    }
    bool prefixed = digits.size() > 1 && digits[0] == '0' && std::isalpha(static_cast<unsigned char>(digits[1]));
    if (prefixed) {
      char b = digits[1] | 0x20;
      c->value.base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
      digits.erase(0, 2);
    } else if (digits.find_first_of(".eE") != std::string::npos) {
      c->value.kind = ConstantKind::Float;
      c->value.number = std::strtod(digits.c_str(), nullptr);
      return c;
    }
    size_t nz = digits.find_first_not_of('0');
    digits.erase(0, nz == std::string::npos ? digits.size() - 1 : nz);
    c->value.text = a_.str(digits);
    return c;
  }

  // ( ... ): a group, a tuple, a generator expression or a yield.
  Expr* paren_atom() {
    const Token& open = cur();
    ++p_;
    if (accept(Op::RPar)) {
      Tuple* t = node<Tuple>(ExprKind::Tuple, span(open));
      t->ctx = ExprContext::Load;
      return t;
    }
    if (is_kw("yield")) {
      Expr* y = yield_expr();
      if (!y || !expect(Op::RPar)) return nullptr;
      return y;
    }
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (is_kw("for") || is_kw("async")) {
      Expr* g = generator_tail(open, first);
      if (!g || !expect(Op::RPar)) return nullptr;
      g->pos = span(open);
      return g;
    }
    if (accept(Op::RPar)) {
      if (first->kind == ExprKind::Starred) {
        error_node(first, "cannot use starred expression here");
        return nullptr;
      }
      return first;
    }
    if (!is_op(Op::Comma)) return fail(), nullptr;
    std::vector<Expr*> elts{first};
    while (accept(Op::Comma)) {
      if (is_op(Op::RPar)) break;
      Expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (!expect(Op::RPar)) return nullptr;
    Tuple* t = node<Tuple>(ExprKind::Tuple, span(open));
    t->elts = a_.seq(elts);
    t->ctx = ExprContext::Load;
    return t;
  }

  Expr* list_atom() {
    const Token& open = cur();
    ++p_;
    std::vector<Expr*> elts;
    if (!is_op(Op::RSqb)) {
      Expr* first = star_named_expression();
      if (!first) return nullptr;
      if (is_kw("for") || is_kw("async")) {
        std::vector<Comprehension*> gens;
        if (!for_if_clauses(gens) || !expect(Op::RSqb)) return nullptr;
        ListComp* l = node<ListComp>(ExprKind::ListComp, span(open));
        l->elt = first;
        l->generators = a_.seq(gens);
        return l;
      }
      elts.push_back(first);
      while (accept(Op::Comma)) {
        if (is_op(Op::RSqb)) break;
        Expr* e = star_named_expression();
        if (!e) return nullptr;
        elts.push_back(e);
      }
    }
    if (!expect(Op::RSqb)) return nullptr;
    List* l = node<List>(ExprKind::List, span(open));
    l->elts = a_.seq(elts);
    l->ctx = ExprContext::Load;
    return l;
  }

  // { ... }: dict, set, or their comprehensions.
  Expr* brace_atom() {
    const Token& open = cur();
    ++p_;
    if (accept(Op::RBrace)) {
      Dict* d = node<Dict>(ExprKind::Dict, span(open));
      return d;
    }
    std::vector<Expr*> keys, values;
    // First item decides dict or set.
    if (is_op(Op::DoubleStar)) return dict_rest(open, keys, values);
    Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (is_op(Op::Colon) && first->kind != ExprKind::Starred) {
      ++p_;
      if (is_op(Op::RBrace) || is_op(Op::Comma)) {
        error_at(prev(), "expression expected after dictionary key and ':'");
        return nullptr;
      }
      Expr* value = expression();
      if (!value) return nullptr;
      if (is_kw("for") || is_kw("async")) {
        std::vector<Comprehension*> gens;
        if (!for_if_clauses(gens) || !expect(Op::RBrace)) return nullptr;
        DictComp* d = node<DictComp>(ExprKind::DictComp, span(open));
        d->key = first;
        d->value = value;
        d->generators = a_.seq(gens);
        return d;
      }
      keys.push_back(first);
      values.push_back(value);
      if (!accept(Op::Comma)) {
        if (!expect(Op::RBrace)) return nullptr;
        return make_dict(open, keys, values);
      }
      return dict_rest(open, keys, values);
    }
    if (is_kw("for") || is_kw("async")) {
      std::vector<Comprehension*> gens;
      if (!for_if_clauses(gens) || !expect(Op::RBrace)) return nullptr;
      SetComp* s = node<SetComp>(ExprKind::SetComp, span(open));
      s->elt = first;
      s->generators = a_.seq(gens);
      return s;
    }
    std::vector<Expr*> elts{first};
    while (accept(Op::Comma)) {
      if (is_op(Op::RBrace)) break;
      Expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (!expect(Op::RBrace)) return nullptr;
    Set* s = node<Set>(ExprKind::Set, span(open));
    s->elts = a_.seq(elts);
    return s;
  }

  Expr* dict_rest(const Token& open, std::vector<Expr*>& keys, std::vector<Expr*>& values) {
    while (!is_op(Op::RBrace)) {
      if (accept(Op::DoubleStar)) {
        Expr* v = bitwise_or();
        if (!v) return nullptr;
        keys.push_back(nullptr);
        values.push_back(v);
      } else {
        Expr* k = expression();
        if (!k) return nullptr;
        if (!is_op(Op::Colon)) {
          if (is_op(Op::Comma) || is_op(Op::RBrace)) {
            error_range(k->pos, k->pos, "':' expected after dictionary key");
            err_->end_offset = 0;
            return nullptr;
          }
          return fail(), nullptr;
        }
        ++p_;
        if (is_op(Op::RBrace) || is_op(Op::Comma)) {
          error_at(prev(), "expression expected after dictionary key and ':'");
          return nullptr;
        }
        Expr* v = expression();
        if (!v) return nullptr;
        keys.push_back(k);
        values.push_back(v);
      }
      if (!accept(Op::Comma)) break;
    }
    if (!expect(Op::RBrace)) return nullptr;
    return make_dict(open, keys, values);
  }

  Expr* make_dict(const Token& open, const std::vector<Expr*>& keys, const std::vector<Expr*>& values) {
    Dict* d = node<Dict>(ExprKind::Dict, span(open));
    d->keys = a_.seq(keys);
    d->values = a_.seq(values);
    return d;
  }

  Expr* generator_tail(const Token& open, Expr* elt) {
    if (elt->kind == ExprKind::Starred) {
      error_node(elt, "iterable unpacking cannot be used in comprehension");
      return nullptr;
    }
    std::vector<Comprehension*> gens;
    if (!for_if_clauses(gens)) return nullptr;
    GeneratorExp* g = node<GeneratorExp>(ExprKind::GeneratorExp, span(open));
    g->elt = elt;
    g->generators = a_.seq(gens);
    return g;
  }

  bool for_if_clauses(std::vector<Comprehension*>& gens) {
    while (is_kw("for") || (is_kw("async") && is_kw_at(p_ + 1, "for"))) {
      bool is_async = false;
      if (is_kw("async")) {
        unsupported(cur(), "asynchronous comprehensions are not supported");
        is_async = true;
        ++p_;
      }
      ++p_;
      Expr* target = star_targets(TargetsKind::For);
      if (!target) return false;
      if (!expect_kw("in")) return false;
      Expr* iter = disjunction();
      if (!iter) return false;
      std::vector<Expr*> ifs;
      while (accept_kw("if")) {
        Expr* cond = disjunction();
        if (!cond) return false;
        ifs.push_back(cond);
      }
      gens.push_back(a_.make<Comprehension>(Comprehension{target, iter, a_.seq(ifs), is_async}));
    }
    if (gens.empty()) return fail();
    return true;
  }

  Expr* yield_expr() {
    const Token& start = cur();
    ++p_;
    if (accept_kw("from")) {
      Expr* v = expression();
      if (!v) return nullptr;
      YieldFrom* y = node<YieldFrom>(ExprKind::YieldFrom, span(start));
      y->value = v;
      return y;
    }
    Expr* v = nullptr;
    if (starts_expression()) {
      v = star_expressions();
      if (!v) return nullptr;
    }
    Yield* y = node<Yield>(ExprKind::Yield, span(start));
    y->value = v;
    return y;
  }

  // ------------------------------------------------------------ strings

  // Adjacent string literals, concatenated; a JoinedStr when any is an
  // f-string.
  Expr* strings() {
    const Token& start = cur();
    bool any_bytes = false, any_text = false, any_f = false;
    bool first_u = false;
    std::vector<Expr*> parts;  // Constant(Str) and FormattedValue, unmerged
    std::string bytes;
    bool first = true;
    while (cur().kind == TokenKind::String || cur().kind == TokenKind::FStringStart) {
      const Token& t = cur();
      if (t.kind == TokenKind::FStringStart) {
        any_f = any_text = true;
        if (!fstring(parts)) return nullptr;
      } else {
        ++p_;
        StringLiteral lit;
        std::string error;
        DecodeStatus status = decode_string_literal(text(t), lit, error);
        if (status == DecodeStatus::Error) return error_at(t, error);
        if (status == DecodeStatus::NamedEscape) unsupported(t, kNamedEscapeUnsupported);
        if (first && lit.unicode_prefix) first_u = true;
        if (lit.bytes) {
          any_bytes = true;
          bytes += lit.value;
        } else {
          any_text = true;
          Constant* c = constant(t, ConstantKind::Str);
          c->value.text = a_.str(lit.value);
          parts.push_back(c);
        }
      }
      if (failed()) return nullptr;
      first = false;
    }
    Pos pos = span(start);
    if (any_bytes && any_text) {
      error_at(cur(), "cannot mix bytes and nonbytes literals");
      return nullptr;
    }
    if (any_bytes) {
      Constant* c = constant(start, ConstantKind::Bytes);
      c->pos = pos;
      c->value.text = a_.str(bytes);
      return c;
    }
    if (!any_f) {
      std::string s;
      for (Expr* e : parts) s += static_cast<Constant*>(e)->value.text;
      Constant* c = constant(start, ConstantKind::Str);
      c->pos = pos;
      c->value.text = a_.str(s);
      c->kind_u = first_u;
      return c;
    }
    JoinedStr* j = node<JoinedStr>(ExprKind::JoinedStr, pos);
    j->values = merge_parts(parts, pos);
    if (first_u && !j->values.empty() && j->values[0]->kind == ExprKind::Constant)
      static_cast<Constant*>(j->values[0])->kind_u = true;
    return j;
  }

  // Adjacent constants become one; empty ones vanish.
  Seq<Expr*> merge_parts(const std::vector<Expr*>& parts, const Pos& pos) {
    std::vector<Expr*> out;
    std::string pending;
    bool have_pending = false;
    Pos pending_pos = pos;
    auto flush = [&] {
      if (have_pending && !pending.empty()) {
        Constant* c = a_.make<Constant>();
        c->kind = ExprKind::Constant;
        c->pos = pending_pos;
        c->value.kind = ConstantKind::Str;
        c->value.text = a_.str(pending);
        c->kind_u = false;
        out.push_back(c);
      }
      pending.clear();
      have_pending = false;
    };
    for (Expr* e : parts) {
      if (e->kind == ExprKind::Constant) {
        if (!have_pending) pending_pos = e->pos;
        else pending_pos = join(pending_pos, e->pos);
        pending += static_cast<Constant*>(e)->value.text;
        have_pending = true;
      } else {
        flush();
        out.push_back(e);
      }
    }
    flush();
    return a_.seq(out);
  }

  // FSTRING_START (middle | replacement field)* FSTRING_END, appended to
  // `parts`.
  bool fstring(std::vector<Expr*>& parts) {
    const Token& start = cur();
    std::string_view prefix = text(start);
    bool raw = prefix.find_first_of("rR") != std::string_view::npos;
    ++p_;
    for (;;) {
      const Token& t = cur();
      if (t.kind == TokenKind::FStringEnd) {
        ++p_;
        return true;
      }
      if (t.kind == TokenKind::FStringMiddle) {
        ++p_;
        Constant* c = fstring_middle(t, raw, false);
        if (!c) return false;
        parts.push_back(c);
        continue;
      }
      if (is_op(Op::LBrace)) {
        if (!replacement_field(parts, raw)) return false;
        continue;
      }
      return fail();
    }
  }

  Constant* fstring_middle(const Token& t, bool raw, bool in_spec) {
    std::string value;
    std::string error;
    DecodeStatus status = decode_fstring_middle(text(t), raw, in_spec, value, error);
    if (status == DecodeStatus::Error) return error_at(t, error);
    if (status == DecodeStatus::NamedEscape) unsupported(t, kNamedEscapeUnsupported);
    Constant* c = constant(t, ConstantKind::Str);
    c->value.text = a_.str(value);
    return c;
  }

  bool replacement_field(std::vector<Expr*>& parts, bool raw) {
    Nest nest(*this);
    if (!nest.ok) return false;
    const Token& open = cur();
    ++p_;
    if (is_op(Op::RBrace) || is_op(Op::Exclamation) || is_op(Op::Colon) || is_op(Op::Equal)) {
      const char* what = is_op(Op::RBrace) ? "'}'" : is_op(Op::Exclamation) ? "'!'" : is_op(Op::Colon) ? "':'" : "'='";
      error_at(cur(), std::string("f-string: valid expression required before ") + what);
      return false;
    }
    if (is_kw("lambda")) {
      const Token& l = cur();
      size_t save = p_;
      while (!is_op(Op::Colon) && cur().kind != TokenKind::FStringEnd && cur().kind != TokenKind::Error &&
             cur().kind != TokenKind::EndMarker)
        ++p_;
      const Token& colon_tok = cur();
      p_ = save;
      error_range(pos_of(l), pos_of(colon_tok), "f-string: lambda expressions are not allowed without parentheses");
      return false;
    }
    Expr* value = is_kw("yield") ? yield_expr() : star_expressions();
    if (!value) {
      if (generic_ && cur().kind == TokenKind::FStringEnd) error_at(cur(), "f-string: expecting '}'");
      return false;
    }
    int conversion = -1;
    bool debug = false;
    if (is_op(Op::Equal)) {
      debug = true;
      ++p_;
    }
    size_t after_expr = p_;
    if (accept(Op::Exclamation)) {
      const Token& conv = cur();
      if (conv.kind != TokenKind::Name) {
        if (is_op(Op::RBrace) || is_op(Op::Colon)) {
          error_at(cur(), "f-string: missing conversion character");
          return false;
        }
        error_at(cur(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
      }
      if (conv.col != prev().end_col || conv.lineno != prev().end_lineno) {
        error_at(conv, "f-string: conversion type must come right after the exclamanation mark");
        return false;
      }
      std::string_view c = text(conv);
      if (c != "s" && c != "r" && c != "a") {
        error_at(conv, "f-string: invalid conversion character '" + std::string(c) + "': expected 's', 'r', or 'a'");
        return false;
      }
      conversion = c[0];
      ++p_;
    }
    Expr* spec = nullptr;
    if (is_op(Op::Colon)) {
      const Token& colon_tok = cur();
      ++p_;
      std::vector<Expr*> spec_parts;
      while (!is_op(Op::RBrace)) {
        const Token& t = cur();
        if (t.kind == TokenKind::FStringMiddle) {
          ++p_;
          Constant* c = fstring_middle(t, raw, true);
          if (!c) return false;
          spec_parts.push_back(c);
        } else if (is_op(Op::LBrace)) {
          if (!replacement_field(spec_parts, raw)) return false;
        } else {
          if (t.kind == TokenKind::Error) return fail();
          error_at(t, "f-string: expecting '}'");
          return false;
        }
      }
      Pos spec_pos = span(colon_tok);
      JoinedStr* j = node<JoinedStr>(ExprKind::JoinedStr, spec_pos);
      j->values = merge_parts(spec_parts, spec_pos);
      if (!spec_parts.empty() && spec_parts.back()->kind == ExprKind::FormattedValue) {
        // CPython 3.12 ends a spec that ends with a field with an empty string.
        std::vector<Expr*> values(j->values.begin(), j->values.end());
        Constant* empty = constant(cur(), ConstantKind::Str);
        values.push_back(empty);
        j->values = a_.seq(values);
      }
      spec = j;
    }
    if (!is_op(Op::RBrace)) {
      if (cur().kind == TokenKind::Error) return fail();
      error_at(cur(), "f-string: expecting '}'");
      return false;
    }
    ++p_;
    if (debug) {
      // The expression's source text, '=' and the blanks after it.
      const Token& after = toks_[after_expr];
      std::string_view expr_text = src_.substr(open.end, after.start - open.end);
      Constant* c = constant(open, ConstantKind::Str);
      c->value.text = a_.str(expr_text);
      parts.push_back(c);
      if (conversion == -1 && !spec) conversion = 'r';
    }
    FormattedValue* f = node<FormattedValue>(ExprKind::FormattedValue, span(open));
    f->value = value;
    f->conversion = conversion;
    f->format_spec = spec;
    parts.push_back(f);
    return true;
  }
};

// \r\n and \r become \n, as CPython's tokenizer reads them.
std::string normalize_newlines(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += source[i];
    }
  }
  return out;
}

}  // namespace

ParseResult parse(std::string_view raw_source, ParseMode mode) {
  ParseResult result;
  result.arena = std::make_unique<Arena>();
  std::string source = normalize_newlines(raw_source);
  if (source.find('\0') != std::string::npos) {
    SyntaxErrorInfo e;
    e.msg = "source code string cannot contain null bytes";
    result.error = std::move(e);
    return result;
  }
  TokenizeResult tokens = tokenize(source);
  Parser parser(source, tokens, *result.arena);
  const Mod* mod = parser.parse(mode);
  std::optional<SyntaxErrorInfo> error = parser.take_error();
  if (mod && !error) {
    result.mod = mod;
    result.unsupported = parser.take_unsupported();
    return result;
  }
  // As CPython: an error of the tokenizer anywhere in the source wins over
  // the parser's; an unclosed bracket wins when the parser read to the end
  // of the input or past the bracket's line.
  if (tokens.error) {
    result.error = std::move(tokens.error);
  } else if (tokens.unclosed && (!error || parser.read_end_of_input() || tokens.unclosed->lineno < parser.furthest_line())) {
    const OpenBracket& b = *tokens.unclosed;
    SyntaxErrorInfo e;
    e.msg = std::string("'") + b.ch + "' was never closed";
    e.lineno = e.end_lineno = b.lineno;
    e.text = std::string(source_line(source, b.lineno));
    e.offset = byte_col_to_offset(e.text, b.col);
    e.end_offset = 0;
    e.incomplete = true;
    result.error = std::move(e);
  } else {
    result.error = std::move(error);
  }
  return result;
}

}  // namespace heaplab

namespace heaplab {

namespace {

bool only_blank_or_comment_lines(std::string_view source) {
  size_t i = 0;
  while (i < source.size()) {
    size_t eol = source.find('\n', i);
    if (eol == std::string_view::npos) eol = source.size();
    std::string_view line = source.substr(i, eol - i);
    size_t first = line.find_first_not_of(" \t\f\r");
    if (first != std::string_view::npos && line[first] != '#') return false;
    i = eol + 1;
  }
  return true;
}

bool is_compound(const ast::Stmt* s) {
  switch (s->kind) {
    case ast::StmtKind::FunctionDef: case ast::StmtKind::AsyncFunctionDef: case ast::StmtKind::ClassDef:
    case ast::StmtKind::For: case ast::StmtKind::AsyncFor: case ast::StmtKind::While: case ast::StmtKind::If:
    case ast::StmtKind::With: case ast::StmtKind::AsyncWith: case ast::StmtKind::Try: case ast::StmtKind::TryStar:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_incomplete_input(std::string_view source) {
  if (only_blank_or_comment_lines(source)) return false;
  ParseResult r = parse(source, ParseMode::File);
  if (r.error) return r.error->incomplete;
  const auto& body = static_cast<const ast::Module*>(r.mod)->body;
  if (body.empty()) return false;
  size_t first = source.find_first_not_of(" \t\f\r\n");
  bool match_stmt = r.unsupported && source.substr(first, 5) == "match";
  if (!is_compound(body[0]) && !match_stmt) return false;
  // As in CPython's REPL, a compound statement ends with an empty line.
  size_t last_newline = source.rfind('\n');
  if (last_newline == std::string_view::npos) return true;
  return source.find_first_not_of(" \t\f\r", last_newline + 1) != std::string_view::npos;
}

}  // namespace heaplab
