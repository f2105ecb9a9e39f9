#include "core/lang/compiler.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "core/lang/code_builder.h"
#include "core/lang/symtable.h"
#include "core/object/abstract.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

using namespace ast;

SourcePos to_source_pos(const Pos& p) { return {p.lineno, p.end_lineno, p.col_offset, p.end_col_offset}; }

// Whether a class body annotates a name (CPython's find_ann): then the body
// starts by making its __annotations__ dict (SETUP_ANNOTATIONS).
bool has_annotations(const Seq<Stmt*>& body) {
  for (const Stmt* s : body) {
    switch (s->kind) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<const For*>(s);
        if (has_annotations(f->body) || has_annotations(f->orelse)) return true;
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        if (has_annotations(w->body) || has_annotations(w->orelse)) return true;
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        if (has_annotations(i->body) || has_annotations(i->orelse)) return true;
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (has_annotations(static_cast<const With*>(s)->body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<const Try*>(s);
        if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) return true;
        for (const ExceptHandler* h : t->handlers)
          if (has_annotations(h->body)) return true;
        break;
      }
      default: break;
    }
  }
  return false;
}

BinaryOp binary_op_of(OperatorKind k) {
  switch (k) {
    case OperatorKind::Add: return BinaryOp::Add;
    case OperatorKind::Sub: return BinaryOp::Subtract;
    case OperatorKind::Mult: return BinaryOp::Multiply;
    case OperatorKind::MatMult: return BinaryOp::MatrixMultiply;
    case OperatorKind::Div: return BinaryOp::TrueDivide;
    case OperatorKind::Mod: return BinaryOp::Remainder;
    case OperatorKind::Pow: return BinaryOp::Power;
    case OperatorKind::LShift: return BinaryOp::Lshift;
    case OperatorKind::RShift: return BinaryOp::Rshift;
    case OperatorKind::BitOr: return BinaryOp::Or;
    case OperatorKind::BitXor: return BinaryOp::Xor;
    case OperatorKind::BitAnd: return BinaryOp::And;
    case OperatorKind::FloorDiv: return BinaryOp::FloorDivide;
  }
  return BinaryOp::Add;
}

// CPython interns string constants made only of name characters.
bool all_name_chars(std::string_view s) {
  for (char c : s)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

// A block the compiler must unwind when `return`, `break` or `continue`
// leaves it (CPython's fblockinfo).
struct Block {
  enum Kind {
    ForLoop,
    WhileLoop,
    TryExcept,       // the body of a try with except clauses
    HandlerCleanup,  // an except clause's body
    FinallyTry,      // the body of a try with a finally clause
    FinallyEnd,      // a finally body run for an exception
    With,            // the body of a with statement
    PopValue,        // a finally body run by a return: the value waits below
  } kind;
  size_t continue_target = 0;
  const Seq<Stmt*>* finalbody = nullptr;  // FinallyTry
  std::string handler_name = {};          // HandlerCleanup: the `as` name to clear
  Pos pos = {};                           // With: the statement, where __exit__ is called
  size_t loop = 0;                        // loops: index into Unit::breaks
};

struct Unit {
  std::unique_ptr<CodeBuilder> code;
  const Scope* scope;
  std::string qualname;
  std::vector<Block> blocks;
  // Per loop, the JUMPs of its `break`s to patch to its end (kept apart from
  // the blocks, which unwinding copies and restores).
  std::vector<std::vector<size_t>> breaks;
  std::vector<const Scope*> inlined;  // comprehensions being inlined, innermost last
};

class Compiler {
 public:
  Compiler(std::string_view filename, const Symtable& table) : filename_(filename), table_(table) {}
  ~Compiler() {
    for (Object* o : literals_) decref(o);
  }

  CompileResult compile(const Mod* mod);

 private:
  CodeBuilder& c() { return *units_.back().code; }
  Unit& unit() { return units_.back(); }
  void at(const Pos& p) { c().set_position(to_source_pos(p)); }
  size_t emit(Op op, uint32_t arg = 0) { return c().emit(op, arg); }

  // ---- errors
  bool fail(const char* type, std::string msg, const Pos& pos) {
    if (!error_) error_ = CompileError{type, std::move(msg), pos.lineno, pos.col_offset, pos.end_lineno, pos.end_col_offset};
    return false;
  }
  bool unsupported(const char* what, const Pos& pos) {
    return fail("NotImplementedError", std::string(what) + " are not supported yet", pos);
  }
  bool out_of_memory() {
    if (!error_occurred()) set_memory_error();
    oom_ = true;
    return false;
  }

  // ---- constants: merged across the whole compilation, as 3.12's const cache
  Object* canonical(Object* value) { return const_cache_.canonical(value); }
  uint32_t add_const(Object* value) { return c().add_const(canonical(value)); }
  void load_const(Object* value) { emit(Op::LOAD_CONST, add_const(value)); }
  void load_none() { load_const(none()); }
  bool make_constant(const ast::Constant* k, Object** out);
  // The constant value of `e` when it is a literal or a foldable operation on
  // literals (3.12's AST optimizer), else nullptr (error_ or oom_ may be set).
  Object* fold(const Expr* e);

  // ---- names
  uint32_t name_index(std::string_view n) { return c().add_name(std::string(n)); }
  void name_op(std::string_view id, ExprContext ctx);

  // ---- code units
  void enter_unit(const Scope* scope, std::string qualname, const Pos& pos);
  CodeObject* leave_unit(uint64_t flags, uint32_t argcount, uint32_t posonly, uint32_t kwonly, int firstlineno);
  std::string qualname_for(const std::string& name);
  bool make_closure(CodeObject* code, const Scope* scope, uint32_t flags);

  // ---- statements
  bool stmts(const Seq<Stmt*>& body) {
    for (Stmt* s : body)
      if (!stmt(s)) return false;
    return true;
  }
  // A module's or class's body: a leading docstring becomes __doc__.
  bool body_with_docstring(const Seq<Stmt*>& body) {
    size_t start = 0;
    if (!body.empty() && body[0]->kind == StmtKind::Expr) {
      const Expr* e = static_cast<const ExprStmt*>(body[0])->value;
      if (e->kind == ExprKind::Constant && static_cast<const ast::Constant*>(e)->value.kind == ConstantKind::Str) {
        Object* doc = fold(e);
        if (!doc) return false;
        at(body[0]->pos);
        load_const(doc);
        emit(Op::STORE_NAME, name_index("__doc__"));
        start = 1;
      }
    }
    for (size_t i = start; i < body.size(); ++i)
      if (!stmt(body[i])) return false;
    return true;
  }
  bool stmt(const Stmt* s);
  bool function_def(const FunctionDef* f);
  bool class_def(const ClassDef* c);
  bool function_body(const Scope* scope, const Arguments* args, const std::function<bool()>& body, const Pos& pos,
                     const std::string& name, CodeObject** out);
  bool argument_defaults(const Arguments* a, uint32_t* flags);
  bool annotations(const Arguments* a, const Expr* returns, uint32_t* flags);
  bool if_stmt(const If* s);
  size_t begin_loop(Block::Kind kind, size_t top);  // pushes the block; returns its loop index
  bool while_stmt(const While* s);
  bool for_stmt(const For* s);
  bool try_stmt(const Try* s);
  bool try_except(const Try* s);
  bool raise_stmt(const Raise* r);
  bool assert_stmt(const Assert* a);
  bool aug_assign(const AugAssign* s);
  bool import_stmt(const Import* s);
  bool import_from(const ImportFrom* s);
  bool return_stmt(const Return* r);
  bool break_continue(const Stmt* s, bool is_break);
  bool unwind(const Block& block, bool preserve_tos);
  bool unwind_blocks(size_t outermost, bool preserve_tos);
  void pop_except_and_reraise(int depth);
  void call_exit_with_nones();
  bool with_stmt(const With* s, size_t index);

  // ---- expressions
  bool expr(const Expr* e);
  bool store(const Expr* target);
  bool del(const Expr* target);
  bool call(const Call* call);
  bool call_args(const Seq<Expr*>& args, const Seq<Keyword*>& keywords, size_t extra_positional);
  bool compare(const ast::Compare* c);
  bool boolop(const BoolOp* b);
  bool sequence(const Seq<Expr*>& elts, Op build, const Pos& pos);
  bool dict_display(const ast::Dict* d);
  bool comprehension(const Expr* node, const Seq<Comprehension*>& gens, Op build,
                     const std::function<bool()>& element);
  bool comprehension_loop(const Seq<Comprehension*>& gens, size_t index, const std::function<bool()>& element,
                          bool generator);
  bool generator_expression(const GeneratorExp* g);
  bool lambda(const Lambda* l);
  bool joined_str(const JoinedStr* j);
  bool slice(const Slice* s);

  std::string filename_;
  const Symtable& table_;
  std::vector<Unit> units_;
  ConstCache const_cache_;
  std::vector<Object*> literals_;
  std::optional<CompileError> error_;
  bool oom_ = false;
  bool interactive_ = false;
};

// ------------------------------------------------------------------ constants

bool Compiler::make_constant(const ast::Constant* k, Object** out) {
  const ConstantValue& v = k->value;
  Object* o = nullptr;
  switch (v.kind) {
    case ConstantKind::None: *out = none(); return true;
    case ConstantKind::True: *out = g_rt->true_obj; return true;
    case ConstantKind::False: *out = g_rt->false_obj; return true;
    case ConstantKind::Ellipsis: *out = g_rt->ellipsis; return true;
    case ConstantKind::Int: o = int_from_digits(v.text, v.base, false); break;
    case ConstantKind::Float: o = float_from_double(v.number); break;
    case ConstantKind::Str:
      o = all_name_chars(v.text) ? static_cast<Object*>(intern_str(v.text)) : str_from_utf8(v.text);
      break;
    case ConstantKind::Imaginary: return fail("NotImplementedError", "complex numbers are not supported", k->pos);
    case ConstantKind::Bytes: o = bytes_from_data(v.text); break;
  }
  if (!o) return out_of_memory();
  // The parse tree keeps every literal alive while the module runs.
  literals_.push_back(newref(o));
  *out = o;
  return true;
}

Object* Compiler::fold(const Expr* e) {
  if (e->kind == ExprKind::Constant) {
    Object* o = nullptr;
    return make_constant(static_cast<const ast::Constant*>(e), &o) ? o : nullptr;
  }
  if (e->kind == ExprKind::UnaryOp) {
    auto* u = static_cast<const UnaryOp*>(e);
    if (u->op != UnaryOpKind::USub && u->op != UnaryOpKind::Invert) return nullptr;
    if (u->operand->kind != ExprKind::Constant && u->operand->kind != ExprKind::UnaryOp &&
        u->operand->kind != ExprKind::BinOp)
      return nullptr;
    Object* operand = fold(u->operand);
    if (!operand) return nullptr;
    bool numeric = int_is_int(operand) || is_float(operand);
    Object* r = numeric ? (u->op == UnaryOpKind::USub ? unary_negative(operand) : unary_invert(operand)) : nullptr;
    decref(operand);
    if (!r) clear_error();
    else literals_.push_back(newref(r));
    return r;
  }
  if (e->kind == ExprKind::BinOp) {
    auto* b = static_cast<const BinOp*>(e);
    auto foldable = [](const Expr* x) {
      return x->kind == ExprKind::Constant || x->kind == ExprKind::UnaryOp || x->kind == ExprKind::BinOp ||
             x->kind == ExprKind::Tuple;
    };
    if (!foldable(b->left) || !foldable(b->right)) return nullptr;
    Object* l = fold(b->left);
    if (!l) return nullptr;
    Object* r = fold(b->right);
    if (!r) {
      decref(l);
      return nullptr;
    }
    auto bits = [](Object* v) {
      BigInt big = int_to_big(static_cast<IntObject*>(v));
      if (big.digits.empty()) return size_t(0);
      return (big.digits.size() - 1) * kDigitBits + (32 - __builtin_clz(big.digits.back()));
    };
    constexpr size_t kMaxIntSize = 128, kMaxStrSize = 4096, kMaxCollectionSize = 256;
    bool safe = true;
    if (b->op == OperatorKind::Pow && int_is_int(l) && int_is_int(r)) {
      int64_t w;
      bool positive = int_as_i64(static_cast<IntObject*>(r), &w) && w > 0;
      if (positive && int_sign(static_cast<IntObject*>(l)) != 0 && bits(l) > kMaxIntSize / uint64_t(w)) safe = false;
    } else if (b->op == OperatorKind::Mult && int_is_int(l) && int_is_int(r)) {
      size_t lb = bits(l), rb = bits(r);
      if (lb && rb && lb + rb > kMaxIntSize) safe = false;
    } else if (b->op == OperatorKind::Mult && (is_str(l) || is_str(r) || is_tuple(l) || is_tuple(r))) {
      Object* seq = int_is_int(l) ? r : l;
      Object* n = int_is_int(l) ? l : r;
      int64_t count;
      size_t len = is_str(seq) ? size_t(static_cast<StrObject*>(seq)->length) : size_t(object_length(seq));
      size_t limit = is_str(seq) ? kMaxStrSize : kMaxCollectionSize;
      if (!int_is_int(n) || !int_as_i64(static_cast<IntObject*>(n), &count) ||
          (count > 0 && len > limit / uint64_t(count)))  // (size_t is 32 bits in wasm)
        safe = false;
    } else if (b->op == OperatorKind::LShift && int_is_int(l) && int_is_int(r)) {
      int64_t w;
      if (!int_as_i64(static_cast<IntObject*>(r), &w) || w < 0 || w > int64_t(kMaxIntSize) ||
          bits(l) > kMaxIntSize - size_t(w))
        safe = false;
    } else if (b->op == OperatorKind::Mod && is_str(l)) {
      safe = false;  // str % args is formatting, never folded here
    }
    Object* v = safe ? binary_op(l, r, binary_op_of(b->op)) : nullptr;
    decref(l);
    decref(r);
    if (!v) {
      clear_error();  // e.g. 1/0: left for run time, where it raises
      return nullptr;
    }
    if (is_str(v) && size_t(static_cast<StrObject*>(v)->length) > kMaxStrSize) {
      decref(v);
      return nullptr;
    }
    if (is_str(v)) {
      // Folded strings are constants too: interned when made of name characters.
      std::string text = str_to_utf8(static_cast<StrObject*>(v));
      if (all_name_chars(text)) {
        decref(v);
        v = intern_str(text);
        if (!v) return nullptr;
      }
    }
    literals_.push_back(newref(v));
    return v;
  }
  if (e->kind == ExprKind::Tuple) {
    auto* t = static_cast<const ast::Tuple*>(e);
    if (t->ctx != ExprContext::Load) return nullptr;
    std::vector<Object*> items;
    for (Expr* elt : t->elts) {
      Object* o = elt->kind == ExprKind::Starred ? nullptr : fold(elt);
      if (!o) {
        for (Object* x : items) decref(x);
        return nullptr;
      }
      items.push_back(o);
    }
    Object* tuple = tuple_from_array(items.data(), items.size());
    for (Object* x : items) decref(x);
    if (!tuple) {
      out_of_memory();
      return nullptr;
    }
    tuple_maybe_untrack(tuple);  // a constant of atomic values is never part of a cycle
    literals_.push_back(newref(tuple));
    return tuple;
  }
  return nullptr;
}

// ------------------------------------------------------------------ names

void Compiler::name_op(std::string_view id, ExprContext ctx) {
  std::string name(id);
  Unit& u = unit();
  // Names bound by a comprehension being inlined are fast locals of this code.
  for (auto it = u.inlined.rbegin(); it != u.inlined.rend(); ++it) {
    auto sym = (*it)->symbols.find(name);
    if (sym != (*it)->symbols.end() && sym->second.assigned && sym->second.scope == NameScope::Cell) {
      emit(ctx == ExprContext::Load ? Op::LOAD_DEREF : ctx == ExprContext::Store ? Op::STORE_DEREF : Op::DELETE_DEREF,
           c().cell_slot(name));
      return;
    }
    if (sym != (*it)->symbols.end() && sym->second.assigned) {
      uint32_t slot = c().local_slot(name);
      emit(ctx == ExprContext::Load ? Op::LOAD_FAST : ctx == ExprContext::Store ? Op::STORE_FAST : Op::DELETE_FAST, slot);
      return;
    }
  }
  const Scope* scope = u.scope;
  NameScope ns = scope->scope_of(name);
  bool optimized = scope->kind != ScopeKind::Module && scope->kind != ScopeKind::Class;
  switch (ns) {
    case NameScope::Local:
      emit(ctx == ExprContext::Load ? Op::LOAD_FAST : ctx == ExprContext::Store ? Op::STORE_FAST : Op::DELETE_FAST,
           c().local_slot(name));
      return;
    case NameScope::Cell:
    case NameScope::Free:
      if (ctx == ExprContext::Load) {
        // A class body looks in its namespace before the enclosing function's cell.
        emit(scope->kind == ScopeKind::Class ? Op::LOAD_FROM_DICT_OR_DEREF : Op::LOAD_DEREF, c().cell_slot(name));
      } else {
        emit(ctx == ExprContext::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, c().cell_slot(name));
      }
      return;
    case NameScope::GlobalExplicit:
      emit(ctx == ExprContext::Load ? Op::LOAD_GLOBAL : ctx == ExprContext::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
           ctx == ExprContext::Load ? name_index(name) << 1 : name_index(name));
      return;
    case NameScope::GlobalImplicit:
      if (optimized) {
        emit(ctx == ExprContext::Load ? Op::LOAD_GLOBAL : ctx == ExprContext::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
             ctx == ExprContext::Load ? name_index(name) << 1 : name_index(name));
        return;
      }
      [[fallthrough]];
    case NameScope::Name:
      emit(ctx == ExprContext::Load ? Op::LOAD_NAME : ctx == ExprContext::Store ? Op::STORE_NAME : Op::DELETE_NAME,
           name_index(name));
      return;
  }
}

// ------------------------------------------------------------------ units

void Compiler::enter_unit(const Scope* scope, std::string qualname, const Pos& pos) {
  Unit u;
  u.code = std::make_unique<CodeBuilder>(scope);
  u.scope = scope;
  u.qualname = std::move(qualname);
  units_.push_back(std::move(u));
  c().declare_layout(scope->params, scope->cellvars, scope->freevars);
  at(pos);
}

CodeObject* Compiler::leave_unit(uint64_t flags, uint32_t argcount, uint32_t posonly, uint32_t kwonly,
                                 int firstlineno) {
  Unit u = std::move(units_.back());
  units_.pop_back();
  const Scope* s = u.scope;
  std::string name = s->kind == ScopeKind::Module ? "<module>" : s->name;
  CodeSpec spec{};
  spec.name = intern_str(name);
  spec.qualname = intern_str(u.qualname);
  spec.filename = str_from_utf8(filename_);
  if (!spec.filename) {
    out_of_memory();
    return nullptr;
  }
  spec.flags = flags;
  spec.argcount = argcount;
  spec.posonlyargcount = posonly;
  spec.kwonlyargcount = kwonly;
  spec.nfrees = uint32_t(s->freevars.size());
  spec.firstlineno = uint64_t(firstlineno);
  CodeObject* code = u.code->finish(spec, const_cache_);
  if (!code) out_of_memory();
  return code;
}

std::string Compiler::qualname_for(const std::string& name) {
  if (units_.size() <= 1) return name;
  const Unit& parent = unit();
  // A global declaration makes the qualified name the bare name.
  if (parent.scope->scope_of(name) == NameScope::GlobalExplicit) return name;
  if (parent.scope->kind == ScopeKind::Function || parent.scope->kind == ScopeKind::Lambda ||
      parent.scope->kind == ScopeKind::GeneratorExp) {
    return parent.qualname + ".<locals>." + name;
  }
  return parent.qualname + "." + name;
}

// Pushes the closure tuple (if the code has free variables) and the code,
// then MAKE_FUNCTION with `flags` for the extras already pushed.
bool Compiler::make_closure(CodeObject* code, const Scope* scope, uint32_t flags) {
  if (!scope->freevars.empty()) {
    for (const std::string& free : scope->freevars) emit(Op::LOAD_CLOSURE, c().cell_slot(free));
    emit(Op::BUILD_TUPLE, uint32_t(scope->freevars.size()));
    flags |= kMakeFunctionClosure;
  }
  emit(Op::LOAD_CONST, c().add_const(code));
  emit(Op::MAKE_FUNCTION, flags);
  return true;
}

bool Compiler::argument_defaults(const Arguments* a, uint32_t* flags) {
  if (!a->defaults.empty()) {
    Object* folded = nullptr;
    std::vector<Object*> consts;
    bool all_const = true;
    for (Expr* d : a->defaults) {
      Object* v = d->kind == ExprKind::Constant ? fold(d) : nullptr;
      if (!v) {
        all_const = false;
        break;
      }
      consts.push_back(v);
    }
    if (error_ || oom_) return false;
    if (all_const) {
      folded = tuple_from_array(consts.data(), consts.size());
      for (Object* o : consts) decref(o);
      if (!folded) return out_of_memory();
      load_const(folded);
    } else {
      for (Object* o : consts) decref(o);
      for (Expr* d : a->defaults)
        if (!expr(d)) return false;
      emit(Op::BUILD_TUPLE, uint32_t(a->defaults.size()));
    }
    *flags |= kMakeFunctionDefaults;
  }
  size_t nkw = 0;
  for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
    if (!a->kw_defaults[i]) continue;
    load_const(static_cast<Object*>(intern_str(a->kwonlyargs[i]->arg)));
    if (!expr(a->kw_defaults[i])) return false;
    ++nkw;
  }
  if (nkw) {
    emit(Op::BUILD_MAP, uint32_t(nkw));
    *flags |= kMakeFunctionKwDefaults;
  }
  return true;
}

// A function's annotations as 3.12 builds them: a tuple of name, value
// pairs (args, then posonlyargs, *args, keyword-only, **kwargs, return).
bool Compiler::annotations(const Arguments* a, const Expr* returns, uint32_t* flags) {
  uint32_t n = 0;
  auto one = [&](const std::string& name, const Expr* annotation) {
    if (!annotation) return true;
    load_const(static_cast<Object*>(intern_str(name)));
    if (!expr(annotation)) return false;
    n += 2;
    return true;
  };
  for (const Seq<Arg*>* group : {&a->args, &a->posonlyargs})
    for (const Arg* p : *group)
      if (!one(std::string(p->arg), p->annotation)) return false;
  if (a->vararg && !one(std::string(a->vararg->arg), a->vararg->annotation)) return false;
  for (const Arg* p : a->kwonlyargs)
    if (!one(std::string(p->arg), p->annotation)) return false;
  if (a->kwarg && !one(std::string(a->kwarg->arg), a->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (n) {
    emit(Op::BUILD_TUPLE, n);
    *flags |= kMakeFunctionAnnotations;
  }
  return true;
}

bool Compiler::function_body(const Scope* scope, const Arguments* args, const std::function<bool()>& body,
                             const Pos& pos, const std::string& name, CodeObject** out) {
  enter_unit(scope, qualname_for(name), pos);
  if (!body()) return false;
  uint64_t flags = kCodeOptimized | kCodeNewLocals;
  if (scope->has_varargs) flags |= kCodeVarargs;
  if (scope->has_varkeywords) flags |= kCodeVarkeywords;
  if (scope->is_generator) flags |= kCodeGenerator;
  if (!scope->freevars.empty()) flags |= kCodeNested;
  uint32_t posonly = args ? uint32_t(args->posonlyargs.size()) : 0;
  uint32_t argcount = args ? uint32_t(args->posonlyargs.size() + args->args.size()) : uint32_t(scope->params.size());
  uint32_t kwonly = args ? uint32_t(args->kwonlyargs.size()) : 0;
  *out = leave_unit(flags, argcount, posonly, kwonly, pos.lineno);
  return *out != nullptr;
}

bool Compiler::function_def(const FunctionDef* f) {
  if (f->kind == StmtKind::AsyncFunctionDef) return unsupported("async functions", f->pos);
  for (Expr* d : f->decorator_list)
    if (!expr(d)) return false;
  at(f->pos);
  uint32_t flags = 0;
  if (!argument_defaults(f->args, &flags) || !annotations(f->args, f->returns, &flags)) return false;
  const Scope* scope = table_.scope_of_node.at(f);
  CodeObject* code = nullptr;
  bool ok = function_body(scope, f->args, [&] {
    // co_consts[0] is the docstring, or None: the function's __doc__.
    Object* doc = none();
    if (!f->body.empty() && f->body[0]->kind == StmtKind::Expr) {
      auto* e = static_cast<const ExprStmt*>(f->body[0])->value;
      if (e->kind == ExprKind::Constant && static_cast<const ast::Constant*>(e)->value.kind == ConstantKind::Str) {
        doc = fold(e);
        if (!doc) return false;
      }
    }
    c().add_const(canonical(doc));
    if (!stmts(f->body)) return false;
    emit(Op::RETURN_CONST, add_const(none()));
    return true;
  }, f->pos, std::string(f->name), &code);
  if (!ok) return false;
  at(f->pos);
  make_closure(code, scope, flags);
  for (size_t i = 0; i < f->decorator_list.size(); ++i) emit(Op::CALL, 0);
  name_op(f->name, ExprContext::Store);
  return true;
}

bool Compiler::lambda(const Lambda* l) {
  uint32_t flags = 0;
  if (!argument_defaults(l->args, &flags)) return false;
  const Scope* scope = table_.scope_of_node.at(l);
  CodeObject* code = nullptr;
  bool ok = function_body(scope, l->args, [&] {
    c().add_const(canonical(none()));
    if (!expr(l->body)) return false;
    at(l->body->pos);
    emit(Op::RETURN_VALUE);
    return true;
  }, l->pos, "<lambda>", &code);
  if (!ok) return false;
  at(l->pos);
  return make_closure(code, scope, flags);
}

bool Compiler::class_def(const ClassDef* k) {
  for (Expr* d : k->decorator_list)
    if (!expr(d)) return false;
  at(k->pos);
  emit(Op::PUSH_NULL);
  emit(Op::LOAD_BUILD_CLASS);
  const Scope* scope = table_.scope_of_node.at(k);
  std::string qualname = qualname_for(std::string(k->name));
  enter_unit(scope, qualname, k->pos);
  emit(Op::LOAD_NAME, name_index("__name__"));
  emit(Op::STORE_NAME, name_index("__module__"));
  load_const(static_cast<Object*>(intern_str(qualname)));
  emit(Op::STORE_NAME, name_index("__qualname__"));
  if (has_annotations(k->body)) {
    emit(Op::BUILD_MAP, 0);
    emit(Op::STORE_NAME, name_index("__annotations__"));
  }
  if (!body_with_docstring(k->body)) return false;
  if (scope->needs_class_cell) {
    emit(Op::LOAD_CLOSURE, c().cell_slot("__class__"));
    emit(Op::COPY, 1);
    emit(Op::STORE_NAME, name_index("__classcell__"));
    emit(Op::RETURN_VALUE);
  } else {
    emit(Op::RETURN_CONST, add_const(none()));
  }
  CodeObject* code = leave_unit(0, 0, 0, 0, k->pos.lineno);
  if (!code) return false;
  at(k->pos);
  make_closure(code, scope, 0);
  load_const(static_cast<Object*>(intern_str(k->name)));
  for (Expr* b : k->bases)
    if (b->kind == ExprKind::Starred) return unsupported("starred base classes", b->pos);
  if (!call_args(k->bases, k->keywords, 2)) return false;
  for (size_t i = 0; i < k->decorator_list.size(); ++i) emit(Op::CALL, 0);
  name_op(k->name, ExprContext::Store);
  return true;
}

// ------------------------------------------------------------------ statements

bool Compiler::stmt(const Stmt* s) {
  at(s->pos);
  switch (s->kind) {
    case StmtKind::Expr: {
      auto* e = static_cast<const ExprStmt*>(s);
      if (!expr(e->value)) return false;
      at(s->pos);
      bool interactive = units_.size() == 1 && interactive_;
      emit(interactive ? Op::PRINT_EXPR : Op::POP_TOP);
      return true;
    }
    case StmtKind::Assign: {
      auto* a = static_cast<const Assign*>(s);
      if (!expr(a->value)) return false;
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        if (!store(a->targets[i])) return false;
      }
      return true;
    }
    case StmtKind::AugAssign: return aug_assign(static_cast<const AugAssign*>(s));
    case StmtKind::AnnAssign: {
      auto* a = static_cast<const AnnAssign*>(s);
      if (a->value && (!expr(a->value) || !store(a->target))) return false;
      // A class body records `name: annotation` in its __annotations__;
      // elsewhere annotations are not evaluated.
      if (!a->simple || unit().scope->kind != ScopeKind::Class) return true;
      if (!expr(a->annotation)) return false;
      emit(Op::LOAD_NAME, name_index("__annotations__"));
      load_const(static_cast<Object*>(intern_str(static_cast<const Name*>(a->target)->id)));
      at(s->pos);
      emit(Op::STORE_SUBSCR);
      return true;
    }
    case StmtKind::Delete:
      for (Expr* t : static_cast<const Delete*>(s)->targets)
        if (!del(t)) return false;
      return true;
    case StmtKind::If: return if_stmt(static_cast<const If*>(s));
    case StmtKind::While: return while_stmt(static_cast<const While*>(s));
    case StmtKind::For: return for_stmt(static_cast<const For*>(s));
    case StmtKind::AsyncFor: return unsupported("'async for' loops", s->pos);
    case StmtKind::Pass: emit(Op::NOP); return true;
    case StmtKind::Break: return break_continue(s, true);
    case StmtKind::Continue: return break_continue(s, false);
    case StmtKind::Return: return return_stmt(static_cast<const Return*>(s));
    case StmtKind::Import: return import_stmt(static_cast<const Import*>(s));
    case StmtKind::ImportFrom: return import_from(static_cast<const ImportFrom*>(s));
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      return true;  // resolved by the symbol table
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
      return function_def(static_cast<const FunctionDef*>(s));
    case StmtKind::ClassDef: return class_def(static_cast<const ClassDef*>(s));
    case StmtKind::Raise: return raise_stmt(static_cast<const Raise*>(s));
    case StmtKind::Try: return try_stmt(static_cast<const Try*>(s));
    case StmtKind::TryStar: return unsupported("'except*' clauses", s->pos);
    case StmtKind::Assert: return assert_stmt(static_cast<const Assert*>(s));
    case StmtKind::With: return with_stmt(static_cast<const With*>(s), 0);
    case StmtKind::AsyncWith: return unsupported("'async with' statements", s->pos);
  }
  return unsupported("this statement", s->pos);
}

bool Compiler::if_stmt(const If* s) {
  if (!expr(s->test)) return false;
  size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
  if (!stmts(s->body)) return false;
  if (s->orelse.empty()) {
    c().patch(to_else, c().here());
    return true;
  }
  size_t to_end = emit(Op::JUMP);
  c().patch(to_else, c().here());
  if (!stmts(s->orelse)) return false;
  c().patch(to_end, c().here());
  return true;
}

size_t Compiler::begin_loop(Block::Kind kind, size_t top) {
  Block b{kind, top};
  b.loop = unit().breaks.size();
  unit().breaks.emplace_back();
  unit().blocks.push_back(b);
  return b.loop;
}

bool Compiler::while_stmt(const While* s) {
  size_t top = c().here();
  if (!expr(s->test)) return false;
  size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
  size_t loop = begin_loop(Block::WhileLoop, top);
  if (!stmts(s->body)) return false;
  at(s->pos);
  emit(Op::JUMP, uint32_t(top));
  unit().blocks.pop_back();
  c().patch(to_else, c().here());
  if (!stmts(s->orelse)) return false;
  for (size_t b : unit().breaks[loop]) c().patch(b, c().here());
  return true;
}

bool Compiler::for_stmt(const For* s) {
  if (!expr(s->iter)) return false;
  at(s->iter->pos);
  emit(Op::GET_ITER);
  size_t top = c().here();
  at(s->pos);
  size_t for_iter = emit(Op::FOR_ITER);
  size_t loop = begin_loop(Block::ForLoop, top);
  if (!store(s->target)) return false;
  if (!stmts(s->body)) return false;
  at(s->pos);
  emit(Op::JUMP, uint32_t(top));
  unit().blocks.pop_back();
  // FOR_ITER pops the exhausted iterator and jumps here.
  c().set_depth(c().depth() - 1);
  c().patch(for_iter, c().here());
  if (!stmts(s->orelse)) return false;
  for (size_t b : unit().breaks[loop]) c().patch(b, c().here());
  return true;
}

// Emits what leaving `block` early requires; pops the handlers the block
// pushed, as CPython's POP_BLOCK (the caller restores them afterwards).
bool Compiler::unwind(const Block& block, bool preserve_tos) {
  switch (block.kind) {
    case Block::WhileLoop:
      return true;
    case Block::ForLoop:
    case Block::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return true;
    case Block::TryExcept:
      c().pop_handler();
      return true;
    case Block::HandlerCleanup:
      // Leaving an except clause: restore the previously handled exception.
      if (!block.handler_name.empty()) c().pop_handler();
      if (preserve_tos) emit(Op::SWAP, 2);
      c().pop_handler();
      emit(Op::POP_EXCEPT);
      if (!block.handler_name.empty()) {
        load_none();
        name_op(block.handler_name, ExprContext::Store);
        name_op(block.handler_name, ExprContext::Del);
      }
      return true;
    case Block::FinallyTry: {
      // Run the finally body inline, outside the block being left (a return
      // value waits on the stack below it).
      c().pop_handler();
      if (preserve_tos) unit().blocks.push_back({Block::PopValue});
      bool ok = stmts(*block.finalbody);
      if (preserve_tos) unit().blocks.pop_back();
      return ok;
    }
    case Block::FinallyEnd:
      // [prev, exc]: drop the exception, restore the previous one.
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      c().pop_handler();
      emit(Op::POP_EXCEPT);
      return true;
    case Block::With: {
      SourcePos saved = c().position();
      at(block.pos);
      c().pop_handler();
      if (preserve_tos) emit(Op::SWAP, 2);
      call_exit_with_nones();
      emit(Op::POP_TOP);
      c().set_position(saved);
      return true;
    }
  }
  return true;
}

// Unwinds the blocks from the innermost down to (not including) `outermost`,
// with the block and handler stacks restored afterwards.
bool Compiler::unwind_blocks(size_t outermost, bool preserve_tos) {
  std::vector<Block> blocks = unit().blocks;
  std::vector<size_t> handlers = c().handler_stack();
  for (size_t j = blocks.size(); j-- > outermost;) {
    unit().blocks.resize(j);
    if (!unwind(blocks[j], preserve_tos)) return false;
  }
  unit().blocks = std::move(blocks);
  c().set_handler_stack(std::move(handlers));
  return true;
}

bool Compiler::break_continue(const Stmt* s, bool is_break) {
  auto& blocks = unit().blocks;
  for (size_t i = blocks.size(); i-- > 0;) {
    if (blocks[i].kind != Block::ForLoop && blocks[i].kind != Block::WhileLoop) continue;
    // Unwind the blocks inside the loop, then leave or restart it.
    int depth = c().depth();
    at(s->pos);
    emit(Op::NOP);
    if (!unwind_blocks(i + 1, false)) return false;
    at(s->pos);
    Block& loop = unit().blocks[i];
    if (is_break) {
      if (loop.kind == Block::ForLoop) emit(Op::POP_TOP);
      unit().breaks[loop.loop].push_back(emit(Op::JUMP));
    } else {
      emit(Op::JUMP, uint32_t(loop.continue_target));
    }
    c().set_depth(depth);
    return true;
  }
  return fail("SyntaxError", is_break ? "'break' outside loop" : "'continue' not properly in loop", s->pos);
}

bool Compiler::return_stmt(const Return* r) {
  const Scope* scope = unit().scope;
  if (scope->kind == ScopeKind::Module || scope->kind == ScopeKind::Class) {
    return fail("SyntaxError", "'return' outside function", r->pos);
  }
  int depth = c().depth();
  // As CPython: a computed value is pushed before the unwinding and kept
  // below it; a constant is loaded after.
  bool preserve_tos = r->value && r->value->kind != ExprKind::Constant;
  if (preserve_tos && !expr(r->value)) return false;
  if (!unwind_blocks(0, preserve_tos)) return false;
  at(r->pos);
  if (!r->value) {
    load_none();
  } else if (!preserve_tos && !expr(r->value)) {
    return false;
  }
  at(r->pos);
  emit(Op::RETURN_VALUE);
  c().set_depth(depth);
  return true;
}

bool Compiler::try_stmt(const Try* s) {
  if (s->finalbody.empty()) return try_except(s);
  // try/finally: the body (itself a try/except when there are handlers) is
  // protected; the finally body runs inline on the normal path and in a
  // handler that re-raises on the exceptional one.
  int depth = c().depth();
  size_t body_handler = c().push_handler(depth, false);
  unit().blocks.push_back({Block::FinallyTry, 0, &s->finalbody});
  bool ok = s->handlers.empty() ? stmts(s->body) : try_except(s);
  if (!ok) return false;
  unit().blocks.pop_back();
  c().pop_handler();
  if (!stmts(s->finalbody)) return false;
  size_t to_end = emit(Op::JUMP);
  // Exceptional path: [exc] on the stack.
  c().set_handler_target(body_handler, c().here());
  c().set_depth(depth + 1);
  size_t cleanup = c().push_handler(depth + 1, true);
  emit(Op::PUSH_EXC_INFO);
  unit().blocks.push_back({Block::FinallyEnd});
  if (!stmts(s->finalbody)) return false;
  unit().blocks.pop_back();
  emit(Op::RERAISE, 0);
  c().pop_handler();
  c().set_handler_target(cleanup, c().here());
  pop_except_and_reraise(depth);
  c().set_depth(depth);
  c().patch(to_end, c().here());
  return true;
}

// The cleanup of an exception handler: [prev, lasti, exc] above `depth` ->
// the previous exception restored, the new one raised on.
void Compiler::pop_except_and_reraise(int depth) {
  c().set_depth(depth + 3);
  emit(Op::COPY, 3);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE, 1);
}

bool Compiler::try_except(const Try* s) {
  int depth = c().depth();
  size_t body_handler = c().push_handler(depth, false);
  unit().blocks.push_back({Block::TryExcept});
  if (!stmts(s->body)) return false;
  unit().blocks.pop_back();
  c().pop_handler();
  if (!stmts(s->orelse)) return false;
  size_t to_end = emit(Op::JUMP);
  // Handler: [exc] on the stack.
  c().set_handler_target(body_handler, c().here());
  c().set_depth(depth + 1);
  size_t cleanup = c().push_handler(depth + 1, true);
  emit(Op::PUSH_EXC_INFO);  // [prev, exc]
  std::vector<size_t> ends;
  for (ExceptHandler* h : s->handlers) {
    at(h->pos);
    size_t next = 0;
    if (h->type) {
      if (!expr(h->type)) return false;
      emit(Op::CHECK_EXC_MATCH);
      next = emit(Op::POP_JUMP_IF_FALSE);
    }
    std::vector<size_t> handlers = c().handler_stack();
    std::string name(h->name);
    Block block{Block::HandlerCleanup};
    block.handler_name = name;
    if (!name.empty()) {
      // `except E as e` clears e however the body ends.
      name_op(name, ExprContext::Store);
      size_t name_cleanup = c().push_handler(depth + 1, true);
      unit().blocks.push_back(block);
      if (!stmts(h->body)) return false;
      unit().blocks.pop_back();
      c().pop_handler();
      c().pop_handler();
      emit(Op::POP_EXCEPT);
      load_none();
      name_op(name, ExprContext::Store);
      name_op(name, ExprContext::Del);
      ends.push_back(emit(Op::JUMP));
      // [prev, lasti, exc2]: clear the name, then re-raise into the cleanup.
      c().set_handler_stack(handlers);
      c().set_handler_target(name_cleanup, c().here());
      c().set_depth(depth + 3);
      load_none();
      name_op(name, ExprContext::Store);
      name_op(name, ExprContext::Del);
      at(h->pos);
      emit(Op::RERAISE, 1);
    } else {
      emit(Op::POP_TOP);
      unit().blocks.push_back(block);
      if (!stmts(h->body)) return false;
      unit().blocks.pop_back();
      c().pop_handler();
      emit(Op::POP_EXCEPT);
      ends.push_back(emit(Op::JUMP));
      c().set_handler_stack(handlers);
    }
    c().set_depth(depth + 2);
    if (next) c().patch(next, c().here());
  }
  emit(Op::RERAISE, 0);  // no clause matched
  c().pop_handler();
  c().set_handler_target(cleanup, c().here());
  pop_except_and_reraise(depth);
  c().set_depth(depth);
  for (size_t e : ends) c().patch(e, c().here());
  c().patch(to_end, c().here());
  return true;
}

// The call of __exit__ that ends a with block normally: exit(None, None, None),
// the bound __exit__ below three Nones (CALL 2 takes the first None as `self`).
void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Op::CALL, 2);
}

// `with a as x, b as y: body` is `with a as x: with b as y: body`, item by
// item, compiled as CPython 3.12 does.
bool Compiler::with_stmt(const With* s, size_t index) {
  const WithItem* item = s->items[index];
  if (!expr(item->context_expr)) return false;
  at(s->pos);
  emit(Op::BEFORE_WITH);  // [exit, enter()]
  int depth = c().depth() - 1;  // up to and including exit
  size_t body_handler = c().push_handler(depth, true);
  Block block{Block::With};
  block.pos = s->pos;
  unit().blocks.push_back(block);
  if (item->optional_vars) {
    if (!store(item->optional_vars)) return false;
  } else {
    emit(Op::POP_TOP);
  }
  bool ok = index + 1 < s->items.size() ? with_stmt(s, index + 1) : stmts(s->body);
  if (!ok) return false;
  unit().blocks.pop_back();
  c().pop_handler();
  at(s->pos);
  call_exit_with_nones();
  emit(Op::POP_TOP);
  size_t to_end = emit(Op::JUMP);
  // Exceptional path: [exit, lasti, exc] -> exit(type, exc, tb), and the
  // exception is suppressed when that returns a true value.
  c().set_handler_target(body_handler, c().here());
  c().set_depth(depth + 2);
  size_t cleanup = c().push_handler(depth + 2, true);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  size_t suppress = emit(Op::POP_JUMP_IF_TRUE);
  emit(Op::RERAISE, 2);
  c().patch(suppress, c().here());
  c().set_depth(depth + 3);
  emit(Op::POP_TOP);
  c().pop_handler();
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  size_t suppressed_end = emit(Op::JUMP);
  c().set_handler_target(cleanup, c().here());
  pop_except_and_reraise(depth + 1);
  c().set_depth(depth - 1);
  c().patch(to_end, c().here());
  c().patch(suppressed_end, c().here());
  return true;
}

bool Compiler::raise_stmt(const Raise* r) {
  uint32_t n = 0;
  if (r->exc) {
    if (!expr(r->exc)) return false;
    ++n;
    if (r->cause) {
      if (!expr(r->cause)) return false;
      ++n;
    }
  }
  at(r->pos);
  emit(Op::RAISE_VARARGS, n);
  return true;
}

bool Compiler::assert_stmt(const Assert* a) {
  if (!expr(a->test)) return false;
  size_t ok = emit(Op::POP_JUMP_IF_TRUE);
  at(a->pos);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (a->msg) {
    if (!expr(a->msg)) return false;
    at(a->pos);
    emit(Op::CALL, 0);
  }
  emit(Op::RAISE_VARARGS, 1);
  c().patch(ok, c().here());
  return true;
}

bool Compiler::aug_assign(const AugAssign* s) {
  uint32_t op = uint32_t(binary_op_of(s->op)) | kInplaceFlag;
  const Expr* t = s->target;
  switch (t->kind) {
    case ExprKind::Name: {
      auto* n = static_cast<const Name*>(t);
      at(t->pos);
      name_op(n->id, ExprContext::Load);
      if (!expr(s->value)) return false;
      at(s->pos);
      emit(Op::BINARY_OP, op);
      at(t->pos);
      name_op(n->id, ExprContext::Store);
      return true;
    }
    case ExprKind::Subscript: {
      auto* sub = static_cast<const Subscript*>(t);
      if (!expr(sub->value) || !expr(sub->slice)) return false;
      at(t->pos);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      if (!expr(s->value)) return false;
      at(s->pos);
      emit(Op::BINARY_OP, op);
      at(t->pos);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      return true;
    }
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      at(t->pos);
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, name_index(a->attr) << 1);
      if (!expr(s->value)) return false;
      at(s->pos);
      emit(Op::BINARY_OP, op);
      at(t->pos);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, name_index(a->attr));
      return true;
    }
    default:
      return fail("SyntaxError", "'expression' is an illegal expression for augmented assignment", t->pos);
  }
}

bool Compiler::import_stmt(const Import* s) {
  for (Alias* a : s->names) {
    at(a->pos);
    std::string_view name = a->name;
    size_t dot = name.find('.');
    emit(Op::IMPORT_NAME, name_index(name) << 1 | kImportTopLevel);
    if (a->asname.empty()) {
      name_op(name.substr(0, dot), ExprContext::Store);  // `import a.b` binds a
      continue;
    }
    // `import a.b.c as d`: the attributes down from the package, as 3.12.
    while (dot != std::string_view::npos) {
      size_t next = name.find('.', dot + 1);
      emit(Op::IMPORT_FROM, name_index(name.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1)));
      if (next == std::string_view::npos) break;
      emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      dot = next;
    }
    name_op(a->asname, ExprContext::Store);
    if (name.find('.') != std::string_view::npos) emit(Op::POP_TOP);
  }
  return true;
}

bool Compiler::import_from(const ImportFrom* s) {
  if (s->level > 0) return unsupported("relative imports", s->pos);
  emit(Op::IMPORT_NAME, name_index(s->module) << 1);
  for (Alias* a : s->names) {
    at(a->pos);
    if (a->name == "*") return unsupported("'import *' statements", a->pos);
    emit(Op::IMPORT_FROM, name_index(a->name));
    name_op(a->asname.empty() ? a->name : a->asname, ExprContext::Store);
  }
  emit(Op::POP_TOP);
  return true;
}

// ------------------------------------------------------------------ targets

bool Compiler::store(const Expr* t) {
  at(t->pos);
  switch (t->kind) {
    case ExprKind::Name:
      name_op(static_cast<const Name*>(t)->id, ExprContext::Store);
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      at(t->pos);
      emit(Op::STORE_ATTR, name_index(a->attr));
      return true;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      at(t->pos);
      emit(Op::STORE_SUBSCR);
      return true;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
      const Seq<Expr*>& elts = t->kind == ExprKind::Tuple ? static_cast<const ast::Tuple*>(t)->elts
                                                          : static_cast<const ast::List*>(t)->elts;
      size_t star = elts.size();
      for (size_t i = 0; i < elts.size(); ++i) {
        if (elts[i]->kind != ExprKind::Starred) continue;
        if (star != elts.size()) return fail("SyntaxError", "multiple starred expressions in assignment", t->pos);
        star = i;
      }
      at(t->pos);
      if (star == elts.size()) {
        emit(Op::UNPACK_SEQUENCE, uint32_t(elts.size()));
      } else {
        emit(Op::UNPACK_EX, uint32_t(star) | uint32_t(elts.size() - star - 1) << 8);
      }
      for (Expr* e : elts) {
        const Expr* target = e->kind == ExprKind::Starred ? static_cast<const Starred*>(e)->value : e;
        if (!store(target)) return false;
      }
      return true;
    }
    case ExprKind::Starred:
      return fail("SyntaxError", "starred assignment target must be in a list or tuple", t->pos);
    default:
      return unsupported("assignments to this target", t->pos);
  }
}

bool Compiler::del(const Expr* t) {
  at(t->pos);
  switch (t->kind) {
    case ExprKind::Name:
      name_op(static_cast<const Name*>(t)->id, ExprContext::Del);
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      at(t->pos);
      emit(Op::DELETE_ATTR, name_index(a->attr));
      return true;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      at(t->pos);
      emit(Op::DELETE_SUBSCR);
      return true;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      for (Expr* e : t->kind == ExprKind::Tuple ? static_cast<const ast::Tuple*>(t)->elts
                                                : static_cast<const ast::List*>(t)->elts)
        if (!del(e)) return false;
      return true;
    default:
      return unsupported("deleting this target", t->pos);
  }
}

// ------------------------------------------------------------------ expressions

bool Compiler::sequence(const Seq<Expr*>& elts, Op build, const Pos& pos) {
  bool starred = false;
  for (Expr* e : elts) starred |= e->kind == ExprKind::Starred;
  // More than two constants: built from one constant tuple (3.12).
  if (!starred && build != Op::BUILD_TUPLE && elts.size() > 2) {
    std::vector<Object*> items;
    bool all_const = true;
    for (Expr* e : elts) {
      Object* o = e->kind == ExprKind::Constant ? fold(e) : nullptr;
      if (!o) {
        all_const = false;
        break;
      }
      items.push_back(o);
    }
    if (error_ || oom_) return false;
    if (all_const && build == Op::BUILD_LIST) {
      Object* tuple = tuple_from_array(items.data(), items.size());
      for (Object* o : items) decref(o);
      if (!tuple) return out_of_memory();
      at(pos);
      emit(Op::BUILD_LIST, 0);
      load_const(tuple);
      emit(Op::LIST_EXTEND, 1);
      return true;
    }
    for (Object* o : items) decref(o);
  }
  if (!starred) {
    for (Expr* e : elts)
      if (!expr(e)) return false;
    at(pos);
    emit(build, uint32_t(elts.size()));
    return true;
  }
  // With starred items: build a list, extend it, convert as needed.
  at(pos);
  emit(build == Op::BUILD_SET ? Op::BUILD_SET : Op::BUILD_LIST, 0);
  for (Expr* e : elts) {
    if (e->kind == ExprKind::Starred) {
      if (!expr(static_cast<const Starred*>(e)->value)) return false;
      at(pos);
      emit(build == Op::BUILD_SET ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
    } else {
      if (!expr(e)) return false;
      at(pos);
      emit(build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND, 1);
    }
  }
  if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
  return true;
}

bool Compiler::dict_display(const ast::Dict* d) {
  size_t pending = 0;
  bool built = false;
  for (size_t i = 0; i < d->keys.size(); ++i) {
    if (!d->keys[i]) {
      if (!built) {
        emit(Op::BUILD_MAP, uint32_t(pending));
        built = true;
      } else if (pending) {
        emit(Op::BUILD_MAP, uint32_t(pending));
        emit(Op::DICT_UPDATE, 1);
      }
      pending = 0;
      if (!expr(d->values[i])) return false;
      at(d->pos);
      emit(Op::DICT_UPDATE, 1);
      continue;
    }
    if (!expr(d->keys[i]) || !expr(d->values[i])) return false;
    ++pending;
  }
  at(d->pos);
  if (!built) {
    emit(Op::BUILD_MAP, uint32_t(pending));
  } else if (pending) {
    emit(Op::BUILD_MAP, uint32_t(pending));
    emit(Op::DICT_UPDATE, 1);
  }
  return true;
}

bool Compiler::compare(const ast::Compare* k) {
  auto emit_cmp = [&](CmpOpKind op) {
    at(k->pos);
    switch (op) {
      case CmpOpKind::Eq: emit(Op::COMPARE_OP, uint32_t(CompareOp::Eq)); break;
      case CmpOpKind::NotEq: emit(Op::COMPARE_OP, uint32_t(CompareOp::Ne)); break;
      case CmpOpKind::Lt: emit(Op::COMPARE_OP, uint32_t(CompareOp::Lt)); break;
      case CmpOpKind::LtE: emit(Op::COMPARE_OP, uint32_t(CompareOp::Le)); break;
      case CmpOpKind::Gt: emit(Op::COMPARE_OP, uint32_t(CompareOp::Gt)); break;
      case CmpOpKind::GtE: emit(Op::COMPARE_OP, uint32_t(CompareOp::Ge)); break;
      case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
      case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
      case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
    }
  };
  if (!expr(k->left)) return false;
  size_t n = k->ops.size();
  std::vector<size_t> cleanups;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!expr(k->comparators[i])) return false;
    at(k->pos);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    emit_cmp(k->ops[i]);
    emit(Op::COPY, 1);
    cleanups.push_back(emit(Op::POP_JUMP_IF_FALSE));
    emit(Op::POP_TOP);
  }
  if (!expr(k->comparators[n - 1])) return false;
  emit_cmp(k->ops[n - 1]);
  if (n > 1) {
    size_t to_end = emit(Op::JUMP);
    for (size_t j : cleanups) c().patch(j, c().here());
    c().set_depth(c().depth() + 1);  // the cleanup path has the saved operand too
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    c().patch(to_end, c().here());
  }
  return true;
}

bool Compiler::boolop(const BoolOp* b) {
  std::vector<size_t> jumps;
  Op jump = b->op == BoolOpKind::And ? Op::POP_JUMP_IF_FALSE : Op::POP_JUMP_IF_TRUE;
  for (size_t i = 0; i < b->values.size(); ++i) {
    if (!expr(b->values[i])) return false;
    if (i + 1 < b->values.size()) {
      at(b->pos);
      emit(Op::COPY, 1);
      jumps.push_back(emit(jump));
      emit(Op::POP_TOP);
    }
  }
  for (size_t j : jumps) c().patch(j, c().here());
  return true;
}

// Pushes the arguments and emits CALL (or CALL_FUNCTION_EX with * or **);
// `extra_positional` arguments are already on the stack.
bool Compiler::call_args(const Seq<Expr*>& args, const Seq<Keyword*>& keywords, size_t extra_positional) {
  bool starred = false;
  for (Expr* a : args) starred |= a->kind == ExprKind::Starred;
  for (Keyword* k : keywords) starred |= k->arg.empty();
  const SourcePos call_pos = c().position();
  if (!starred) {
    for (Expr* a : args)
      if (!expr(a)) return false;
    for (Keyword* k : keywords)
      if (!expr(k->value)) return false;
    c().set_position(call_pos);
    if (!keywords.empty()) {
      std::vector<Object*> names;
      for (Keyword* k : keywords) names.push_back(intern_str(k->arg));
      Object* t = tuple_from_array(names.data(), names.size());
      if (!t) return out_of_memory();
      emit(Op::KW_NAMES, add_const(t));
    }
    emit(Op::CALL, uint32_t(extra_positional + args.size() + keywords.size()));
    return true;
  }
  // f(*a, **k): positional arguments as a tuple, keywords as a dict.
  emit(Op::BUILD_LIST, uint32_t(extra_positional));
  for (Expr* a : args) {
    if (a->kind == ExprKind::Starred) {
      if (!expr(static_cast<const Starred*>(a)->value)) return false;
      c().set_position(call_pos);
      emit(Op::LIST_EXTEND, 1);
    } else {
      if (!expr(a)) return false;
      c().set_position(call_pos);
      emit(Op::LIST_APPEND, 1);
    }
  }
  emit(Op::LIST_TO_TUPLE);
  bool has_kwargs = !keywords.empty();
  if (has_kwargs) {
    emit(Op::BUILD_MAP, 0);
    for (Keyword* k : keywords) {
      if (k->arg.empty()) {
        if (!expr(k->value)) return false;
        c().set_position(call_pos);
        emit(Op::DICT_UPDATE, 1);
      } else {
        load_const(static_cast<Object*>(intern_str(k->arg)));
        if (!expr(k->value)) return false;
        c().set_position(call_pos);
        emit(Op::MAP_ADD, 1);
      }
    }
  }
  c().set_position(call_pos);
  emit(Op::CALL_FUNCTION_EX, has_kwargs ? 1 : 0);
  return true;
}

bool Compiler::call(const Call* k) {
  bool starred = false;
  for (Expr* a : k->args) starred |= a->kind == ExprKind::Starred;
  for (Keyword* kw : k->keywords) starred |= kw->arg.empty();
  if (k->func->kind == ExprKind::Attribute && !starred) {
    // obj.method(...): the method unbound with obj as its first argument
    // (CALL_FUNCTION_EX, for * and ** arguments, takes a plain attribute).
    auto* a = static_cast<const Attribute*>(k->func);
    if (!expr(a->value)) return false;
    at(a->pos);
    emit(Op::LOAD_ATTR, (name_index(a->attr) << 1) | kMethodFlag);
  } else {
    at(k->pos);
    if (k->func->kind == ExprKind::Name && unit().scope->kind != ScopeKind::Module &&
        unit().scope->kind != ScopeKind::Class && unit().inlined.empty() &&
        unit().scope->scope_of(std::string(static_cast<const Name*>(k->func)->id)) == NameScope::GlobalImplicit) {
      // LOAD_GLOBAL pushes the NULL itself.
      emit(Op::LOAD_GLOBAL, (name_index(static_cast<const Name*>(k->func)->id) << 1) | 1);
    } else {
      emit(Op::PUSH_NULL);
      if (!expr(k->func)) return false;
    }
  }
  at(k->pos);
  return call_args(k->args, k->keywords, 0);
}

// An f-string: its parts, then BUILD_STRING; past 30 parts, as CPython,
// ''.join of a list (keeping the stack small).
bool Compiler::joined_str(const JoinedStr* j) {
  constexpr size_t kStackUseGuideline = 30;
  size_t n = j->values.size();
  if (n > kStackUseGuideline) {
    load_const(static_cast<Object*>(intern_str("")));
    emit(Op::LOAD_ATTR, (name_index("join") << 1) | kMethodFlag);
    emit(Op::BUILD_LIST, 0);
    for (Expr* v : j->values) {
      if (!expr(v)) return false;
      at(j->pos);
      emit(Op::LIST_APPEND, 1);
    }
    emit(Op::CALL, 1);
    return true;
  }
  for (Expr* v : j->values)
    if (!expr(v)) return false;
  at(j->pos);
  if (n != 1) emit(Op::BUILD_STRING, uint32_t(n));
  return true;
}

bool Compiler::slice(const Slice* s) {
  uint32_t n = 2;
  if (s->lower) {
    if (!expr(s->lower)) return false;
  } else {
    load_none();
  }
  if (s->upper) {
    if (!expr(s->upper)) return false;
  } else {
    load_none();
  }
  if (s->step) {
    if (!expr(s->step)) return false;
    n = 3;
  }
  at(s->pos);
  emit(Op::BUILD_SLICE, n);
  return true;
}

// Inlines a list/set/dict comprehension into the current code (PEP 709).
bool Compiler::comprehension(const Expr* node, const Seq<Comprehension*>& gens, Op build,
                             const std::function<bool()>& element) {
  const Scope* scope = table_.scope_of_node.at(node);
  if (!expr(gens[0]->iter)) return false;
  at(node->pos);
  emit(Op::GET_ITER);
  // Save the outer values of the names the comprehension binds; a name
  // captured by a closure gets a fresh cell (the outer cell is saved).
  std::vector<std::string> bound;
  std::vector<uint32_t> slots;
  for (const auto& [name, sym] : scope->symbols) {
    if (!sym.assigned) continue;
    bound.push_back(name);
    bool cell = sym.scope == NameScope::Cell;
    slots.push_back(cell ? c().comprehension_cell_slot(name) : c().local_slot(name));
    emit(Op::LOAD_FAST_AND_CLEAR, slots.back());
    if (cell) emit(Op::MAKE_CELL, slots.back());
    emit(Op::SWAP, 2);
  }
  emit(build, 0);
  emit(Op::SWAP, 2);
  unit().inlined.push_back(scope);
  bool ok = comprehension_loop(gens, 0, element, false);
  unit().inlined.pop_back();
  if (!ok) return false;
  at(node->pos);
  for (size_t i = bound.size(); i-- > 0;) {
    emit(Op::SWAP, 2);
    emit(Op::STORE_FAST, slots[i]);
  }
  return true;
}

// One `for ... in ... if ...` level; the iterator of level `index` is on the
// stack (the first one is pushed by the caller).
bool Compiler::comprehension_loop(const Seq<Comprehension*>& gens, size_t index, const std::function<bool()>& element,
                                  bool generator) {
  const Comprehension* g = gens[index];
  if (index > 0) {
    if (!expr(g->iter)) return false;
    emit(Op::GET_ITER);
  }
  size_t top = c().here();
  size_t for_iter = emit(Op::FOR_ITER);
  if (!store(g->target)) return false;
  std::vector<size_t> skips;
  for (Expr* cond : g->ifs) {
    if (!expr(cond)) return false;
    skips.push_back(emit(Op::POP_JUMP_IF_FALSE, uint32_t(top)));
  }
  if (index + 1 < gens.size()) {
    if (!comprehension_loop(gens, index + 1, element, generator)) return false;
  } else if (!element()) {
    return false;
  }
  emit(Op::JUMP, uint32_t(top));
  c().set_depth(c().depth() - 1);
  c().patch(for_iter, c().here());
  for (size_t s : skips) c().patch(s, top);
  return true;
}

bool Compiler::generator_expression(const GeneratorExp* g) {
  const Scope* scope = table_.scope_of_node.at(g);
  CodeObject* code = nullptr;
  bool ok = function_body(scope, nullptr, [&] {
    c().add_const(canonical(none()));
    emit(Op::LOAD_FAST, c().local_slot(".0"));
    return comprehension_loop(g->generators, 0, [&] {
      if (!expr(g->elt)) return false;
      at(g->elt->pos);
      emit(Op::YIELD_VALUE);
      emit(Op::POP_TOP);
      return true;
    }, true) && (emit(Op::RETURN_CONST, add_const(none())), true);
  }, g->pos, "<genexpr>", &code);
  if (!ok) return false;
  at(g->pos);
  make_closure(code, scope, 0);
  // The first iterable is evaluated here and passed as the argument `.0`.
  emit(Op::PUSH_NULL);
  emit(Op::SWAP, 2);
  if (!expr(g->generators[0]->iter)) return false;
  at(g->pos);
  emit(Op::GET_ITER);
  emit(Op::CALL, 1);
  return true;
}

bool Compiler::expr(const Expr* e) {
  SourcePos saved = c().position();
  at(e->pos);
  bool ok = true;
  switch (e->kind) {
    case ExprKind::Constant:
    case ExprKind::UnaryOp:
    case ExprKind::BinOp:
    case ExprKind::Tuple: {
      if (Object* v = fold(e)) {
        load_const(v);
        break;
      }
      if (oom_ || error_) return false;
      if (e->kind == ExprKind::UnaryOp) {
        auto* u = static_cast<const UnaryOp*>(e);
        if (!expr(u->operand)) return false;
        at(e->pos);
        Op op = u->op == UnaryOpKind::Not ? Op::UNARY_NOT : u->op == UnaryOpKind::USub ? Op::UNARY_NEGATIVE
              : u->op == UnaryOpKind::UAdd ? Op::UNARY_POSITIVE : Op::UNARY_INVERT;
        emit(op);
      } else if (e->kind == ExprKind::BinOp) {
        auto* b = static_cast<const BinOp*>(e);
        if (!expr(b->left) || !expr(b->right)) return false;
        at(e->pos);
        emit(Op::BINARY_OP, uint32_t(binary_op_of(b->op)));
      } else {
        ok = sequence(static_cast<const ast::Tuple*>(e)->elts, Op::BUILD_TUPLE, e->pos);
      }
      break;
    }
    case ExprKind::Name: name_op(static_cast<const Name*>(e)->id, ExprContext::Load); break;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      if (!expr(a->value)) return false;
      at(e->pos);
      emit(Op::LOAD_ATTR, name_index(a->attr) << 1);
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      if (!expr(s->value) || !expr(s->slice)) return false;
      at(e->pos);
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case ExprKind::Slice: ok = slice(static_cast<const Slice*>(e)); break;
    case ExprKind::List: ok = sequence(static_cast<const ast::List*>(e)->elts, Op::BUILD_LIST, e->pos); break;
    case ExprKind::Set: ok = sequence(static_cast<const ast::Set*>(e)->elts, Op::BUILD_SET, e->pos); break;
    case ExprKind::Dict: ok = dict_display(static_cast<const ast::Dict*>(e)); break;
    case ExprKind::Compare: ok = compare(static_cast<const ast::Compare*>(e)); break;
    case ExprKind::BoolOp: ok = boolop(static_cast<const BoolOp*>(e)); break;
    case ExprKind::Call: ok = call(static_cast<const Call*>(e)); break;
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      if (!expr(i->test)) return false;
      size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
      if (!expr(i->body)) return false;
      size_t to_end = emit(Op::JUMP);
      c().patch(to_else, c().here());
      c().set_depth(c().depth() - 1);  // only one branch's value is on the stack
      if (!expr(i->orelse)) return false;
      c().patch(to_end, c().here());
      break;
    }
    case ExprKind::NamedExpr: {
      auto* n = static_cast<const NamedExpr*>(e);
      if (!expr(n->value)) return false;
      at(e->pos);
      emit(Op::COPY, 1);
      // The target belongs to the enclosing scope, not to a comprehension.
      std::vector<const Scope*> inlined;
      inlined.swap(unit().inlined);
      name_op(static_cast<const Name*>(n->target)->id, ExprContext::Store);
      inlined.swap(unit().inlined);
      break;
    }
    case ExprKind::Lambda: ok = lambda(static_cast<const Lambda*>(e)); break;
    case ExprKind::ListComp: {
      auto* l = static_cast<const ListComp*>(e);
      ok = comprehension(e, l->generators, Op::BUILD_LIST, [&] {
        if (!expr(l->elt)) return false;
        emit(Op::LIST_APPEND, uint32_t(l->generators.size() + 1));
        return true;
      });
      break;
    }
    case ExprKind::SetComp: {
      auto* l = static_cast<const SetComp*>(e);
      ok = comprehension(e, l->generators, Op::BUILD_SET, [&] {
        if (!expr(l->elt)) return false;
        emit(Op::SET_ADD, uint32_t(l->generators.size() + 1));
        return true;
      });
      break;
    }
    case ExprKind::DictComp: {
      auto* l = static_cast<const DictComp*>(e);
      ok = comprehension(e, l->generators, Op::BUILD_MAP, [&] {
        if (!expr(l->key) || !expr(l->value)) return false;
        emit(Op::MAP_ADD, uint32_t(l->generators.size() + 1));
        return true;
      });
      break;
    }
    case ExprKind::GeneratorExp: ok = generator_expression(static_cast<const GeneratorExp*>(e)); break;
    case ExprKind::Yield: {
      auto* y = static_cast<const Yield*>(e);
      if (y->value) {
        if (!expr(y->value)) return false;
      } else {
        load_none();
      }
      at(e->pos);
      emit(Op::YIELD_VALUE);
      break;
    }
    case ExprKind::YieldFrom: {
      // As CPython 3.12: SEND passes values in and out of the receiver until
      // it ends (jumping to END_SEND with its return value); an exception
      // thrown into the paused YIELD_VALUE goes to CLEANUP_THROW.
      if (!expr(static_cast<const YieldFrom*>(e)->value)) return false;
      at(e->pos);
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      size_t send = emit(Op::SEND);
      int depth = c().depth();  // [receiver, value]
      size_t thrown = c().push_handler(depth, false);
      emit(Op::YIELD_VALUE, kYieldFromFlag);
      c().pop_handler();
      emit(Op::JUMP, uint32_t(send));
      c().set_handler_target(thrown, c().here());
      c().set_depth(depth + 1);
      emit(Op::CLEANUP_THROW);
      c().patch(send, c().here());
      emit(Op::END_SEND);
      break;
    }
    case ExprKind::Await: return unsupported("'await' expressions", e->pos);
    case ExprKind::JoinedStr: ok = joined_str(static_cast<const JoinedStr*>(e)); break;
    case ExprKind::FormattedValue: {
      // FORMAT_VALUE's argument: the conversion, plus kFormatHasSpec when
      // the spec (itself an f-string) is on the stack above the value.
      auto* v = static_cast<const FormattedValue*>(e);
      if (!expr(v->value)) return false;
      uint32_t flags = v->conversion == 's' ? kFormatStr : v->conversion == 'r' ? kFormatRepr
                     : v->conversion == 'a' ? kFormatAscii : 0;
      if (v->format_spec) {
        if (!expr(v->format_spec)) return false;
        flags |= kFormatHasSpec;
      }
      at(e->pos);
      emit(Op::FORMAT_VALUE, flags);
      break;
    }
    case ExprKind::Starred: return fail("SyntaxError", "can't use starred expression here", e->pos);
  }
  c().set_position(saved);
  return ok;
}

CompileResult Compiler::compile(const Mod* mod) {
  CompileResult result;
  interactive_ = mod->kind == ModKind::Interactive;
  enter_unit(table_.top.get(), "<module>", Pos{1, 0, 1, 0});
  bool ok;
  if (mod->kind == ModKind::Expression) {
    auto* e = static_cast<const ast::Expression*>(mod);
    ok = expr(e->body);
    if (ok) emit(Op::RETURN_VALUE);
  } else {
    ok = mod->kind == ModKind::Module ? body_with_docstring(static_cast<const ast::Module*>(mod)->body)
                                      : stmts(static_cast<const ast::Interactive*>(mod)->body);
    if (ok) emit(Op::RETURN_CONST, add_const(none()));
  }
  if (!ok) {
    result.error = error_;
    return result;
  }
  result.code = leave_unit(interactive_ ? uint64_t(kCodeInteractive) : 0, 0, 0, 0, 1);
  if (!result.code) return result;
  result.literals = tuple_from_array(literals_.data(), literals_.size());
  if (!result.literals) {
    decref(result.code);
    result.code = nullptr;
  }
  return result;
}

}  // namespace

CompileResult compile_module(const ast::Mod* mod, std::string_view filename) {
  Symtable table = build_symtable(mod);
  if (table.error) {
    CompileResult r;
    const SymtableError& e = *table.error;
    r.error = CompileError{"SyntaxError", e.msg, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset};
    return r;
  }
  Compiler c(filename, table);
  return c.compile(mod);
}

}  // namespace heaplab
