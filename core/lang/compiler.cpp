#include "core/lang/compiler.h"

#include <cstring>
#include <map>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

using namespace ast;

// A constant value with the key CPython's constant merging would give it.
struct Constant {
  Object* value;  // new reference
  std::string key;
};

// The code object being built.
struct Unit {
  CodeBody body;
  std::vector<Object*> consts;  // owned references
  std::map<std::string, uint32_t> const_index;
  std::vector<std::string> names;
  std::map<std::string, uint32_t> name_index;
  int depth = 0;
  int max_depth = 0;
  bool interactive = false;
};

struct Loop {
  std::vector<size_t> breaks;  // JUMP instructions to patch to the loop's end
  size_t continue_target;
};

class Compiler {
 public:
  explicit Compiler(std::string_view filename) : filename_(filename) {}
  ~Compiler() {
    for (Object* c : unit_.consts) decref(c);
  }

  CompileResult compile(const Mod* mod);

 private:
  // ---- emitting
  size_t emit(Op op, uint32_t arg = 0) {
    unit_.body.instrs.push_back(make_instr(op, arg));
    unit_.body.positions.push_back(pos_);
    unit_.depth += stack_effect(op, arg);
    if (unit_.depth > unit_.max_depth) unit_.max_depth = unit_.depth;
    return unit_.body.instrs.size() - 1;
  }
  size_t here() const { return unit_.body.instrs.size(); }
  void patch(size_t at, size_t target) {
    Instr& i = unit_.body.instrs[at];
    i = make_instr(instr_op(i), uint32_t(target));
  }
  static int stack_effect(Op op, uint32_t arg) {
    switch (op) {
      case Op::POP_TOP: case Op::STORE_NAME: case Op::STORE_GLOBAL: case Op::BINARY_OP:
      case Op::COMPARE_OP: case Op::IS_OP: case Op::CONTAINS_OP: case Op::BINARY_SUBSCR: case Op::POP_JUMP_IF_FALSE:
      case Op::POP_JUMP_IF_TRUE: case Op::PRINT_EXPR: case Op::RETURN_VALUE: case Op::DELETE_ATTR: case Op::LIST_EXTEND:
        return -1;
      case Op::STORE_ATTR: case Op::DELETE_SUBSCR: return -2;
      case Op::STORE_SUBSCR: return -3;
      case Op::PUSH_NULL: case Op::COPY: case Op::LOAD_CONST: case Op::LOAD_NAME: case Op::LOAD_GLOBAL:
      case Op::IMPORT_NAME:
        return 1;
      case Op::LOAD_ATTR: return (arg & kMethodFlag) ? 1 : 0;
      case Op::BUILD_LIST: case Op::BUILD_TUPLE: return 1 - int(arg);
      case Op::CALL: return -int(arg) - 1;
      default: return 0;
    }
  }

  uint32_t add_const(Constant c) {
    auto it = unit_.const_index.find(c.key);
    if (it != unit_.const_index.end()) {
      decref(c.value);
      return it->second;
    }
    uint32_t i = uint32_t(unit_.consts.size());
    unit_.consts.push_back(c.value);
    unit_.const_index.emplace(std::move(c.key), i);
    return i;
  }
  uint32_t add_name(std::string_view name) {
    std::string n(name);
    auto it = unit_.name_index.find(n);
    if (it != unit_.name_index.end()) return it->second;
    uint32_t i = uint32_t(unit_.names.size());
    unit_.names.push_back(n);
    unit_.name_index.emplace(std::move(n), i);
    return i;
  }
  void load_const(Constant c) { emit(Op::LOAD_CONST, add_const(std::move(c))); }
  void load_none() { load_const({none(), "N"}); }

  // ---- errors
  bool fail(const char* type, std::string msg, const Pos& pos) {
    if (!error_) error_ = CompileError{type, std::move(msg), pos.lineno, pos.col_offset};
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

  // ---- constants
  bool make_constant(const ast::Constant* c, Constant* out);
  bool fold_constant(const Expr* e, Constant* out);

  // ---- statements and expressions
  bool stmts(const Seq<Stmt*>& body) {
    for (Stmt* s : body)
      if (!stmt(s)) return false;
    return true;
  }
  bool stmt(const Stmt* s);
  bool expr(const Expr* e);
  bool store(const Expr* target);
  bool del(const Expr* target);
  bool call(const Call* c);
  bool compare(const ast::Compare* c);
  bool boolop(const BoolOp* b);
  bool sequence(const Seq<Expr*>& elts, bool is_list, const Pos& pos);
  bool if_stmt(const If* s);
  bool while_stmt(const While* s);
  bool aug_assign(const AugAssign* s);

  std::string filename_;
  Unit unit_;
  std::vector<Loop> loops_;
  SourcePos pos_{};
  std::optional<CompileError> error_;
  bool oom_ = false;
};

SourcePos to_source_pos(const Pos& p) { return {p.lineno, p.end_lineno, p.col_offset, p.end_col_offset}; }

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

std::string key_of(Object* v) {
  if (v == none()) return "N";
  if (v == g_rt->true_obj) return "T";
  if (v == g_rt->false_obj) return "F";
  if (v == g_rt->ellipsis) return "E";
  if (is_str(v)) return "s" + str_to_utf8(static_cast<StrObject*>(v));
  if (int_is_int(v)) return "i" + int_to_decimal(static_cast<IntObject*>(v));
  if (is_float(v)) {
    double d = float_value(v);
    char buf[sizeof d];
    std::memcpy(buf, &d, sizeof d);
    return "f" + std::string(buf, sizeof d);
  }
  if (is_tuple(v)) {
    std::string k = "t(";
    auto* t = static_cast<TupleObject*>(v);
    for (int64_t i = 0; i < t->size; ++i) k += key_of(tuple_item(t, i)) + ",";
    return k + ")";
  }
  return "?" + std::to_string(addr_of(v));
}

// CPython interns string constants made only of name characters.
bool all_name_chars(std::string_view s) {
  for (char c : s)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

bool Compiler::make_constant(const ast::Constant* c, Constant* out) {
  const ConstantValue& v = c->value;
  Object* o = nullptr;
  switch (v.kind) {
    case ConstantKind::None: o = none(); break;
    case ConstantKind::True: o = g_rt->true_obj; break;
    case ConstantKind::False: o = g_rt->false_obj; break;
    case ConstantKind::Ellipsis: o = g_rt->ellipsis; break;
    case ConstantKind::Int: o = int_from_digits(v.text, v.base, false); break;
    case ConstantKind::Float: o = float_from_double(v.number); break;
    case ConstantKind::Str:
      o = all_name_chars(v.text) ? static_cast<Object*>(intern_str(v.text)) : str_from_utf8(v.text);
      break;
    case ConstantKind::Imaginary: return fail("NotImplementedError", "complex numbers are not supported", c->pos);
    case ConstantKind::Bytes: return fail("NotImplementedError", "bytes literals are not supported yet", c->pos);
  }
  if (!o) return out_of_memory();
  *out = {o, key_of(o)};
  return true;
}

// The constant value of `e` when it is a literal or a foldable operation on
// literals (CPython's AST optimizer: unary minus, and binary operators within
// its size limits). Returns false when `e` is not constant.
bool Compiler::fold_constant(const Expr* e, Constant* out) {
  if (e->kind == ExprKind::Constant) {
    return make_constant(static_cast<const ast::Constant*>(e), out);
  }
  if (e->kind == ExprKind::UnaryOp) {
    auto* u = static_cast<const UnaryOp*>(e);
    if (u->op != UnaryOpKind::USub && u->op != UnaryOpKind::Invert) return false;
    Constant operand;
    if (!fold_constant(u->operand, &operand)) return false;
    bool numeric = int_is_int(operand.value) || is_float(operand.value);
    Object* r = numeric ? (u->op == UnaryOpKind::USub ? unary_negative(operand.value) : unary_invert(operand.value))
                        : nullptr;
    decref(operand.value);
    if (!r) {
      clear_error();
      return false;
    }
    *out = {r, key_of(r)};
    return true;
  }
  if (e->kind == ExprKind::BinOp) {
    auto* b = static_cast<const BinOp*>(e);
    Constant l, r;
    if (!fold_constant(b->left, &l)) return false;
    if (!fold_constant(b->right, &r)) {
      decref(l.value);
      return false;
    }
    bool safe = true;
    auto bits = [](Object* v) {
      BigInt big = int_to_big(static_cast<IntObject*>(v));
      if (big.digits.empty()) return size_t(0);
      return (big.digits.size() - 1) * kDigitBits + (32 - __builtin_clz(big.digits.back()));
    };
    constexpr size_t kMaxIntSize = 128, kMaxStrSize = 4096;
    if (b->op == OperatorKind::Pow && int_is_int(l.value) && int_is_int(r.value)) {
      int64_t w;
      bool positive = int_as_i64(static_cast<IntObject*>(r.value), &w) && w > 0;
      if (positive && int_sign(static_cast<IntObject*>(l.value)) != 0 && bits(l.value) > kMaxIntSize / size_t(w))
        safe = false;
    } else if (b->op == OperatorKind::Mult && int_is_int(l.value) && int_is_int(r.value)) {
      size_t lb = bits(l.value), rb = bits(r.value);
      if (lb && rb && lb + rb > kMaxIntSize) safe = false;
    } else if (b->op == OperatorKind::Mult && (is_str(l.value) || is_str(r.value))) {
      Object* s = is_str(l.value) ? l.value : r.value;
      Object* n = is_str(l.value) ? r.value : l.value;
      int64_t count;
      if (!int_is_int(n) || !int_as_i64(static_cast<IntObject*>(n), &count) ||
          (count > 0 && size_t(static_cast<StrObject*>(s)->length) > kMaxStrSize / size_t(count)))
        safe = false;
    } else if (b->op == OperatorKind::LShift && int_is_int(l.value) && int_is_int(r.value)) {
      int64_t w;
      if (!int_as_i64(static_cast<IntObject*>(r.value), &w) || w > int64_t(kMaxIntSize) ||
          bits(l.value) > kMaxIntSize - size_t(w < 0 ? 0 : w))
        safe = false;
    } else if (b->op == OperatorKind::Mod && is_str(l.value)) {
      safe = false;  // str % args is formatting, never folded
    }
    Object* v = safe ? binary_op(l.value, r.value, binary_op_of(b->op)) : nullptr;
    decref(l.value);
    decref(r.value);
    if (!v) {
      clear_error();  // e.g. 1/0: left for run time, where it raises
      return false;
    }
    if (is_str(v) && size_t(static_cast<StrObject*>(v)->length) > kMaxStrSize) {
      decref(v);
      return false;
    }
    *out = {v, key_of(v)};
    return true;
  }
  if (e->kind == ExprKind::Tuple) {
    auto* t = static_cast<const ast::Tuple*>(e);
    if (t->ctx != ExprContext::Load) return false;
    std::vector<Object*> items;
    for (Expr* elt : t->elts) {
      Constant c;
      if (elt->kind == ExprKind::Starred || !fold_constant(elt, &c)) {
        for (Object* o : items) decref(o);
        return false;
      }
      items.push_back(c.value);
    }
    Object* tuple = tuple_from_array(items.data(), items.size());
    for (Object* o : items) decref(o);
    if (!tuple) return out_of_memory();
    *out = {tuple, key_of(tuple)};
    return true;
  }
  return false;
}

CompileResult Compiler::compile(const Mod* mod) {
  CompileResult result;
  bool ok = true;
  SourcePos first{1, 1, 0, 0};
  pos_ = first;
  if (mod->kind == ModKind::Module) {
    ok = stmts(static_cast<const ast::Module*>(mod)->body);
  } else if (mod->kind == ModKind::Interactive) {
    unit_.interactive = true;
    ok = stmts(static_cast<const ast::Interactive*>(mod)->body);
  } else {
    auto* e = static_cast<const ast::Expression*>(mod);
    pos_ = to_source_pos(e->body->pos);
    ok = expr(e->body);
    if (ok) emit(Op::RETURN_VALUE);
  }
  if (ok && mod->kind != ModKind::Expression) emit(Op::RETURN_CONST, add_const({none(), "N"}));
  if (!ok) {
    result.error = error_;
    return result;
  }
  std::vector<Object*> name_objs;
  for (const std::string& n : unit_.names) {
    StrObject* s = intern_str(n);
    if (!s) {
      out_of_memory();
      return result;
    }
    name_objs.push_back(s);
  }
  Object* consts = tuple_from_array(unit_.consts.data(), unit_.consts.size());
  Object* names = consts ? tuple_from_array(name_objs.data(), name_objs.size()) : nullptr;
  Object* varnames = names ? newref(g_rt->empty_tuple) : nullptr;
  Object* name = varnames ? static_cast<Object*>(intern_str("<module>")) : nullptr;
  Object* filename = name ? str_from_utf8(filename_) : nullptr;
  if (!filename) {
    for (Object* o : {consts, names, varnames}) xdecref(o);
    out_of_memory();
    return result;
  }
  result.code = new_code(consts, names, varnames, name, filename, unit_.interactive ? kCodeFlagInteractive : 0, 0,
                         uint64_t(unit_.max_depth), 1, unit_.body);
  return result;
}

bool Compiler::stmt(const Stmt* s) {
  pos_ = to_source_pos(s->pos);
  switch (s->kind) {
    case StmtKind::Expr: {
      auto* e = static_cast<const ExprStmt*>(s);
      if (!expr(e->value)) return false;
      pos_ = to_source_pos(s->pos);
      emit(unit_.interactive ? Op::PRINT_EXPR : Op::POP_TOP);
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
      if (!a->value) return true;  // a bare annotation stores nothing here
      if (!expr(a->value)) return false;
      return store(a->target);
    }
    case StmtKind::Delete:
      for (Expr* t : static_cast<const Delete*>(s)->targets)
        if (!del(t)) return false;
      return true;
    case StmtKind::If: return if_stmt(static_cast<const If*>(s));
    case StmtKind::While: return while_stmt(static_cast<const While*>(s));
    case StmtKind::Pass: emit(Op::NOP); return true;
    case StmtKind::Break:
      if (loops_.empty()) return fail("SyntaxError", "'break' outside loop", s->pos);
      loops_.back().breaks.push_back(emit(Op::JUMP));
      return true;
    case StmtKind::Continue:
      if (loops_.empty()) return fail("SyntaxError", "'continue' not properly in loop", s->pos);
      emit(Op::JUMP, uint32_t(loops_.back().continue_target));
      return true;
    case StmtKind::Import:
      for (Alias* a : static_cast<const Import*>(s)->names) {
        pos_ = to_source_pos(a->pos);
        if (a->name.find('.') != std::string_view::npos) return unsupported("dotted imports", a->pos);
        emit(Op::IMPORT_NAME, add_name(a->name));
        emit(Op::STORE_NAME, add_name(a->asname.empty() ? a->name : a->asname));
      }
      return true;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      return true;  // module level: names are global already
    case StmtKind::Return: return fail("SyntaxError", "'return' outside function", s->pos);
    case StmtKind::FunctionDef: return unsupported("function definitions", s->pos);
    case StmtKind::AsyncFunctionDef: return unsupported("async functions", s->pos);
    case StmtKind::ClassDef: return unsupported("class definitions", s->pos);
    case StmtKind::For: case StmtKind::AsyncFor: return unsupported("'for' loops", s->pos);
    case StmtKind::With: case StmtKind::AsyncWith: return unsupported("'with' statements", s->pos);
    case StmtKind::Raise: return unsupported("'raise' statements", s->pos);
    case StmtKind::Try: case StmtKind::TryStar: return unsupported("'try' statements", s->pos);
    case StmtKind::Assert: return unsupported("'assert' statements", s->pos);
    case StmtKind::ImportFrom: return unsupported("'from ... import' statements", s->pos);
  }
  return unsupported("this statement", s->pos);
}

bool Compiler::if_stmt(const If* s) {
  if (!expr(s->test)) return false;
  size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
  if (!stmts(s->body)) return false;
  if (s->orelse.empty()) {
    patch(to_else, here());
    return true;
  }
  size_t to_end = emit(Op::JUMP);
  patch(to_else, here());
  if (!stmts(s->orelse)) return false;
  patch(to_end, here());
  return true;
}

bool Compiler::while_stmt(const While* s) {
  size_t top = here();
  if (!expr(s->test)) return false;
  size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
  loops_.push_back({{}, top});
  if (!stmts(s->body)) return false;
  pos_ = to_source_pos(s->pos);
  emit(Op::JUMP, uint32_t(top));
  Loop loop = std::move(loops_.back());
  loops_.pop_back();
  patch(to_else, here());
  if (!stmts(s->orelse)) return false;
  for (size_t b : loop.breaks) patch(b, here());
  return true;
}

bool Compiler::aug_assign(const AugAssign* s) {
  uint32_t op = uint32_t(binary_op_of(s->op)) | kInplaceFlag;
  const Expr* t = s->target;
  switch (t->kind) {
    case ExprKind::Name: {
      auto* n = static_cast<const Name*>(t);
      pos_ = to_source_pos(t->pos);
      emit(Op::LOAD_NAME, add_name(n->id));
      if (!expr(s->value)) return false;
      pos_ = to_source_pos(s->pos);
      emit(Op::BINARY_OP, op);
      pos_ = to_source_pos(t->pos);
      emit(Op::STORE_NAME, add_name(n->id));
      return true;
    }
    case ExprKind::Subscript: {
      auto* sub = static_cast<const Subscript*>(t);
      if (!expr(sub->value) || !expr(sub->slice)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      if (!expr(s->value)) return false;
      pos_ = to_source_pos(s->pos);
      emit(Op::BINARY_OP, op);
      pos_ = to_source_pos(t->pos);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      return true;
    }
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, add_name(a->attr) << 1);
      if (!expr(s->value)) return false;
      pos_ = to_source_pos(s->pos);
      emit(Op::BINARY_OP, op);
      pos_ = to_source_pos(t->pos);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, add_name(a->attr));
      return true;
    }
    default:
      return fail("SyntaxError", "'expression' is an illegal expression for augmented assignment", t->pos);
  }
}

bool Compiler::store(const Expr* t) {
  pos_ = to_source_pos(t->pos);
  switch (t->kind) {
    case ExprKind::Name:
      emit(Op::STORE_NAME, add_name(static_cast<const Name*>(t)->id));
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::STORE_ATTR, add_name(a->attr));
      return true;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::STORE_SUBSCR);
      return true;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      return unsupported("unpacking assignments", t->pos);
    default:
      return unsupported("assignments to this target", t->pos);
  }
}

bool Compiler::del(const Expr* t) {
  pos_ = to_source_pos(t->pos);
  switch (t->kind) {
    case ExprKind::Name:
      emit(Op::DELETE_NAME, add_name(static_cast<const Name*>(t)->id));
      return true;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(t);
      if (!expr(a->value)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::DELETE_ATTR, add_name(a->attr));
      return true;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      pos_ = to_source_pos(t->pos);
      emit(Op::DELETE_SUBSCR);
      return true;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      for (Expr* e : t->kind == ExprKind::Tuple ? static_cast<const ast::Tuple*>(t)->elts : static_cast<const ast::List*>(t)->elts)
        if (!del(e)) return false;
      return true;
    default:
      return unsupported("deleting this target", t->pos);
  }
}

bool Compiler::sequence(const Seq<Expr*>& elts, bool is_list, const Pos& pos) {
  for (Expr* e : elts)
    if (e->kind == ExprKind::Starred) return unsupported("starred expressions in displays", e->pos);
  // A list of more than two constants is built from a constant tuple.
  if (is_list && elts.size() > 2) {
    std::vector<Object*> items;
    bool all_const = true;
    for (Expr* e : elts) {
      if (e->kind != ExprKind::Constant) {
        all_const = false;
        break;
      }
      Constant c;
      if (!fold_constant(e, &c)) {
        for (Object* o : items) decref(o);
        return false;
      }
      items.push_back(c.value);
    }
    if (all_const) {
      Object* tuple = tuple_from_array(items.data(), items.size());
      for (Object* o : items) decref(o);
      if (!tuple) return out_of_memory();
      pos_ = to_source_pos(pos);
      emit(Op::BUILD_LIST, 0);
      load_const({tuple, key_of(tuple)});
      emit(Op::LIST_EXTEND, 1);
      return true;
    }
    for (Object* o : items) decref(o);
  }
  for (Expr* e : elts)
    if (!expr(e)) return false;
  pos_ = to_source_pos(pos);
  emit(is_list ? Op::BUILD_LIST : Op::BUILD_TUPLE, uint32_t(elts.size()));
  return true;
}

bool Compiler::compare(const ast::Compare* c) {
  auto emit_cmp = [&](CmpOpKind k) {
    pos_ = to_source_pos(c->pos);
    switch (k) {
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
  if (!expr(c->left)) return false;
  size_t n = c->ops.size();
  std::vector<size_t> cleanups;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!expr(c->comparators[i])) return false;
    pos_ = to_source_pos(c->pos);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    emit_cmp(c->ops[i]);
    emit(Op::COPY, 1);
    cleanups.push_back(emit(Op::POP_JUMP_IF_FALSE));
    emit(Op::POP_TOP);
  }
  if (!expr(c->comparators[n - 1])) return false;
  emit_cmp(c->ops[n - 1]);
  if (n > 1) {
    size_t to_end = emit(Op::JUMP);
    for (size_t j : cleanups) patch(j, here());
    // The cleanup path has the failed result above the saved operand.
    unit_.depth += 1;
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    patch(to_end, here());
  }
  return true;
}

bool Compiler::boolop(const BoolOp* b) {
  std::vector<size_t> jumps;
  Op jump = b->op == BoolOpKind::And ? Op::POP_JUMP_IF_FALSE : Op::POP_JUMP_IF_TRUE;
  for (size_t i = 0; i < b->values.size(); ++i) {
    if (!expr(b->values[i])) return false;
    if (i + 1 < b->values.size()) {
      pos_ = to_source_pos(b->pos);
      emit(Op::COPY, 1);
      jumps.push_back(emit(jump));
      emit(Op::POP_TOP);
    }
  }
  for (size_t j : jumps) patch(j, here());
  return true;
}

bool Compiler::call(const Call* c) {
  for (Expr* a : c->args)
    if (a->kind == ExprKind::Starred) return unsupported("starred arguments", a->pos);
  for (Keyword* k : c->keywords)
    if (k->arg.empty()) return unsupported("'**' arguments", k->pos);
  if (c->func->kind == ExprKind::Attribute) {
    auto* a = static_cast<const Attribute*>(c->func);
    if (!expr(a->value)) return false;
    pos_ = to_source_pos(a->pos);
    emit(Op::LOAD_ATTR, (add_name(a->attr) << 1) | kMethodFlag);
  } else {
    pos_ = to_source_pos(c->pos);
    emit(Op::PUSH_NULL);
    if (!expr(c->func)) return false;
  }
  for (Expr* a : c->args)
    if (!expr(a)) return false;
  for (Keyword* k : c->keywords)
    if (!expr(k->value)) return false;
  pos_ = to_source_pos(c->pos);
  if (!c->keywords.empty()) {
    std::vector<Object*> names;
    for (Keyword* k : c->keywords) names.push_back(intern_str(k->arg));
    Object* t = tuple_from_array(names.data(), names.size());
    if (!t) return out_of_memory();
    emit(Op::KW_NAMES, add_const({t, key_of(t)}));
  }
  emit(Op::CALL, uint32_t(c->args.size() + c->keywords.size()));
  return true;
}

bool Compiler::expr(const Expr* e) {
  SourcePos saved = pos_;
  pos_ = to_source_pos(e->pos);
  bool ok = true;
  switch (e->kind) {
    case ExprKind::Constant:
    case ExprKind::UnaryOp:
    case ExprKind::BinOp:
    case ExprKind::Tuple: {
      Constant c;
      if (fold_constant(e, &c)) {
        load_const(std::move(c));
        break;
      }
      if (oom_ || error_) return false;
      if (e->kind == ExprKind::Constant) return false;
      if (e->kind == ExprKind::UnaryOp) {
        auto* u = static_cast<const UnaryOp*>(e);
        if (!expr(u->operand)) return false;
        pos_ = to_source_pos(e->pos);
        Op op = u->op == UnaryOpKind::Not ? Op::UNARY_NOT : u->op == UnaryOpKind::USub ? Op::UNARY_NEGATIVE
              : u->op == UnaryOpKind::UAdd ? Op::UNARY_POSITIVE : Op::UNARY_INVERT;
        emit(op);
      } else if (e->kind == ExprKind::BinOp) {
        auto* b = static_cast<const BinOp*>(e);
        if (!expr(b->left) || !expr(b->right)) return false;
        pos_ = to_source_pos(e->pos);
        emit(Op::BINARY_OP, uint32_t(binary_op_of(b->op)));
      } else {
        ok = sequence(static_cast<const ast::Tuple*>(e)->elts, false, e->pos);
      }
      break;
    }
    case ExprKind::Name:
      emit(Op::LOAD_NAME, add_name(static_cast<const Name*>(e)->id));
      break;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      if (!expr(a->value)) return false;
      pos_ = to_source_pos(e->pos);
      emit(Op::LOAD_ATTR, add_name(a->attr) << 1);
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      if (s->slice->kind == ExprKind::Slice) return unsupported("slices", s->slice->pos);
      if (!expr(s->value) || !expr(s->slice)) return false;
      pos_ = to_source_pos(e->pos);
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case ExprKind::List: ok = sequence(static_cast<const ast::List*>(e)->elts, true, e->pos); break;
    case ExprKind::Compare: ok = compare(static_cast<const ast::Compare*>(e)); break;
    case ExprKind::BoolOp: ok = boolop(static_cast<const BoolOp*>(e)); break;
    case ExprKind::Call: ok = call(static_cast<const Call*>(e)); break;
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      if (!expr(i->test)) return false;
      size_t to_else = emit(Op::POP_JUMP_IF_FALSE);
      if (!expr(i->body)) return false;
      size_t to_end = emit(Op::JUMP);
      patch(to_else, here());
      unit_.depth -= 1;  // only one branch's value is on the stack
      if (!expr(i->orelse)) return false;
      patch(to_end, here());
      break;
    }
    case ExprKind::NamedExpr: return unsupported("assignment expressions", e->pos);
    case ExprKind::Lambda: return unsupported("lambda expressions", e->pos);
    case ExprKind::Dict: return unsupported("dict displays", e->pos);
    case ExprKind::Set: return unsupported("set displays", e->pos);
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp:
      return unsupported("comprehensions", e->pos);
    case ExprKind::GeneratorExp: return unsupported("generator expressions", e->pos);
    case ExprKind::Await: return unsupported("'await' expressions", e->pos);
    case ExprKind::Yield: case ExprKind::YieldFrom: return fail("SyntaxError", "'yield' outside function", e->pos);
    case ExprKind::FormattedValue: case ExprKind::JoinedStr: return unsupported("f-strings", e->pos);
    case ExprKind::Starred: return fail("SyntaxError", "can't use starred expression here", e->pos);
    case ExprKind::Slice: return unsupported("slices", e->pos);
  }
  pos_ = saved;
  return ok;
}

}  // namespace

CompileResult compile_module(const ast::Mod* mod, std::string_view filename) {
  Compiler c(filename);
  return c.compile(mod);
}

}  // namespace heaplab
