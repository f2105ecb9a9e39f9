#include "core/lang/ast_dump.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/object/float_format.h"

namespace heaplab::ast {

namespace {

// ------------------------------------------------------------ reprs

// Digits in `base` -> decimal digits (arbitrary length).
std::string to_decimal(std::string_view digits, int base) {
  if (base == 10) return std::string(digits);
  std::vector<uint32_t> limbs{0};  // little-endian, base 1e9
  for (char c : digits) {
    uint32_t d = c <= '9' ? uint32_t(c - '0') : uint32_t((c | 0x20) - 'a' + 10);
    uint64_t carry = d;
    for (uint32_t& limb : limbs) {
      uint64_t v = uint64_t(limb) * uint64_t(base) + carry;
      limb = uint32_t(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(uint32_t(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

uint32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3f);
  i += len;
  return cp;
}

// str.isprintable(), approximately: controls, separators other than the
// space, format characters, surrogates and private use are not printable.
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f)) return false;
  if ((cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff) return false;
  if ((cp >= 0xd800 && cp <= 0xf8ff) || (cp >= 0xfff9 && cp <= 0xfffb)) return false;
  if (cp >= 0xf0000 || (cp >= 0xe0000 && cp <= 0xe0fff)) return false;
  if ((cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;  // noncharacters
  if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61c || cp == 0x6dd || cp == 0x70f || cp == 0x180e) return false;
  return true;
}

std::string str_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    size_t begin = i;
    uint32_t cp = next_code_point(s, i);
    char buf[16];
    if (cp == uint32_t(quote) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (is_printable(cp)) {
      out.append(s.substr(begin, i - begin));
    } else {
      if (cp <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    }
  }
  out += quote;
  return out;
}

std::string bytes_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  out += quote;
  return out;
}

// ------------------------------------------------------------ tree

const char* operator_name(OperatorKind op) {
  static const char* const names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                      "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
  return names[int(op)];
}
const char* unary_name(UnaryOpKind op) {
  static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
  return names[int(op)];
}
const char* cmp_name(CmpOpKind op) {
  static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return names[int(op)];
}
const char* ctx_name(ExprContext ctx) {
  static const char* const names[] = {"Load", "Store", "Del"};
  return names[int(ctx)];
}

// Writes `Kind(field=value, ...)`, one field at a time.
class Dumper {
 public:
  explicit Dumper(bool attributes) : attributes_(attributes) {}
  std::string out;

  void mod(const Mod& m) {
    switch (m.kind) {
      case ModKind::Module:
        out += "Module(body=";
        stmts(static_cast<const Module&>(m).body);
        out += ", type_ignores=[])";
        break;
      case ModKind::Interactive:
        out += "Interactive(body=";
        stmts(static_cast<const Interactive&>(m).body);
        out += ")";
        break;
      case ModKind::Expression:
        out += "Expression(body=";
        expr(static_cast<const Expression&>(m).body);
        out += ")";
        break;
    }
  }

 private:
  bool attributes_;
  bool first_field_ = true;

  // Field separators: every node opens with open() and closes with close().
  void open(const char* kind) {
    out += kind;
    out += '(';
    first_field_ = true;
  }
  void field(const char* name) {
    if (!first_field_) out += ", ";
    first_field_ = false;
    out += name;
    out += '=';
  }
  void close(const Pos* pos) {
    if (attributes_ && pos) {
      field("lineno");
      out += std::to_string(pos->lineno);
      field("col_offset");
      out += std::to_string(pos->col_offset);
      field("end_lineno");
      out += std::to_string(pos->end_lineno);
      field("end_col_offset");
      out += std::to_string(pos->end_col_offset);
    }
    out += ')';
    first_field_ = false;
  }
  void word(const char* name) {
    out += name;
    out += "()";
  }
  void ident(Identifier id) { out += str_repr(id); }

  void expr_field(const char* name, const Expr* e) {
    if (!e) return;
    field(name);
    expr(e);
  }
  void exprs_field(const char* name, Seq<Expr*> es) {
    field(name);
    exprs(es);
  }
  void stmts_field(const char* name, Seq<Stmt*> ss) {
    field(name);
    stmts(ss);
  }
  void ctx_field(ExprContext ctx) {
    field("ctx");
    word(ctx_name(ctx));
  }

  void exprs(Seq<Expr*> es) {
    out += '[';
    for (size_t i = 0; i < es.size(); ++i) {
      if (i) out += ", ";
      if (es[i]) expr(es[i]);
      else out += "None";
    }
    out += ']';
  }
  void stmts(Seq<Stmt*> ss) {
    out += '[';
    for (size_t i = 0; i < ss.size(); ++i) {
      if (i) out += ", ";
      stmt(ss[i]);
    }
    out += ']';
  }

  void arg(const Arg* a) {
    open("arg");
    field("arg");
    ident(a->arg);
    expr_field("annotation", a->annotation);
    close(&a->pos);
  }
  void args_list(const char* name, Seq<Arg*> list) {
    field(name);
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      arg(list[i]);
    }
    out += ']';
  }
  void arguments(const Arguments* a) {
    open("arguments");
    args_list("posonlyargs", a->posonlyargs);
    args_list("args", a->args);
    if (a->vararg) {
      field("vararg");
      arg(a->vararg);
    }
    args_list("kwonlyargs", a->kwonlyargs);
    exprs_field("kw_defaults", a->kw_defaults);
    if (a->kwarg) {
      field("kwarg");
      arg(a->kwarg);
    }
    exprs_field("defaults", a->defaults);
    close(nullptr);
  }
  void keywords(Seq<Keyword*> ks) {
    field("keywords");
    out += '[';
    for (size_t i = 0; i < ks.size(); ++i) {
      if (i) out += ", ";
      open("keyword");
      if (!ks[i]->arg.empty()) {
        field("arg");
        ident(ks[i]->arg);
      }
      expr_field("value", ks[i]->value);
      close(&ks[i]->pos);
    }
    out += ']';
  }
  void generators(Seq<Comprehension*> gs) {
    field("generators");
    out += '[';
    for (size_t i = 0; i < gs.size(); ++i) {
      if (i) out += ", ";
      open("comprehension");
      expr_field("target", gs[i]->target);
      expr_field("iter", gs[i]->iter);
      exprs_field("ifs", gs[i]->ifs);
      field("is_async");
      out += gs[i]->is_async ? "1" : "0";
      close(nullptr);
    }
    out += ']';
  }
  void aliases(Seq<Alias*> as) {
    field("names");
    out += '[';
    for (size_t i = 0; i < as.size(); ++i) {
      if (i) out += ", ";
      open("alias");
      field("name");
      ident(as[i]->name);
      if (!as[i]->asname.empty()) {
        field("asname");
        ident(as[i]->asname);
      }
      close(&as[i]->pos);
    }
    out += ']';
  }
  void type_params() {
    field("type_params");
    out += "[]";
  }

  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        open("BoolOp");
        field("op");
        word(n->op == BoolOpKind::And ? "And" : "Or");
        exprs_field("values", n->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        open("NamedExpr");
        expr_field("target", n->target);
        expr_field("value", n->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        open("BinOp");
        expr_field("left", n->left);
        field("op");
        word(operator_name(n->op));
        expr_field("right", n->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        open("UnaryOp");
        field("op");
        word(unary_name(n->op));
        expr_field("operand", n->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        open("Lambda");
        field("args");
        arguments(n->args);
        expr_field("body", n->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        open("IfExp");
        expr_field("test", n->test);
        expr_field("body", n->body);
        expr_field("orelse", n->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        open("Dict");
        exprs_field("keys", n->keys);
        exprs_field("values", n->values);
        break;
      }
      case ExprKind::Set:
        open("Set");
        exprs_field("elts", static_cast<const Set*>(e)->elts);
        break;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp: {
        // The three share their layout.
        auto* n = static_cast<const ListComp*>(e);
        open(e->kind == ExprKind::ListComp ? "ListComp" : e->kind == ExprKind::SetComp ? "SetComp" : "GeneratorExp");
        expr_field("elt", n->elt);
        generators(n->generators);
        break;
      }
      case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        open("DictComp");
        expr_field("key", n->key);
        expr_field("value", n->value);
        generators(n->generators);
        break;
      }
      case ExprKind::Await:
        open("Await");
        expr_field("value", static_cast<const Await*>(e)->value);
        break;
      case ExprKind::Yield:
        open("Yield");
        expr_field("value", static_cast<const Yield*>(e)->value);
        break;
      case ExprKind::YieldFrom:
        open("YieldFrom");
        expr_field("value", static_cast<const YieldFrom*>(e)->value);
        break;
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        open("Compare");
        expr_field("left", n->left);
        field("ops");
        out += '[';
        for (size_t i = 0; i < n->ops.size(); ++i) {
          if (i) out += ", ";
          word(cmp_name(n->ops[i]));
        }
        out += ']';
        exprs_field("comparators", n->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        open("Call");
        expr_field("func", n->func);
        exprs_field("args", n->args);
        keywords(n->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        open("FormattedValue");
        expr_field("value", n->value);
        field("conversion");
        out += std::to_string(n->conversion);
        expr_field("format_spec", n->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        open("JoinedStr");
        exprs_field("values", static_cast<const JoinedStr*>(e)->values);
        break;
      case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        open("Constant");
        field("value");
        out += constant_repr(n->value);
        if (n->kind_u) {
          field("kind");
          out += "'u'";
        }
        break;
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        open("Attribute");
        expr_field("value", n->value);
        field("attr");
        ident(n->attr);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        open("Subscript");
        expr_field("value", n->value);
        expr_field("slice", n->slice);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        open("Starred");
        expr_field("value", n->value);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        open("Name");
        field("id");
        ident(n->id);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::List: {
        auto* n = static_cast<const List*>(e);
        open("List");
        exprs_field("elts", n->elts);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::Tuple: {
        auto* n = static_cast<const Tuple*>(e);
        open("Tuple");
        exprs_field("elts", n->elts);
        ctx_field(n->ctx);
        break;
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        open("Slice");
        expr_field("lower", n->lower);
        expr_field("upper", n->upper);
        expr_field("step", n->step);
        break;
      }
    }
    close(&e->pos);
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        open(s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
        field("name");
        ident(n->name);
        field("args");
        arguments(n->args);
        stmts_field("body", n->body);
        exprs_field("decorator_list", n->decorator_list);
        expr_field("returns", n->returns);
        type_params();
        break;
      }
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        open("ClassDef");
        field("name");
        ident(n->name);
        exprs_field("bases", n->bases);
        keywords(n->keywords);
        stmts_field("body", n->body);
        exprs_field("decorator_list", n->decorator_list);
        type_params();
        break;
      }
      case StmtKind::Return:
        open("Return");
        expr_field("value", static_cast<const Return*>(s)->value);
        break;
      case StmtKind::Delete:
        open("Delete");
        exprs_field("targets", static_cast<const Delete*>(s)->targets);
        break;
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        open("Assign");
        exprs_field("targets", n->targets);
        expr_field("value", n->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        open("AugAssign");
        expr_field("target", n->target);
        field("op");
        word(operator_name(n->op));
        expr_field("value", n->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        open("AnnAssign");
        expr_field("target", n->target);
        expr_field("annotation", n->annotation);
        expr_field("value", n->value);
        field("simple");
        out += n->simple ? "1" : "0";
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* n = static_cast<const For*>(s);
        open(s->kind == StmtKind::For ? "For" : "AsyncFor");
        expr_field("target", n->target);
        expr_field("iter", n->iter);
        stmts_field("body", n->body);
        stmts_field("orelse", n->orelse);
        break;
      }
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        open("While");
        expr_field("test", n->test);
        stmts_field("body", n->body);
        stmts_field("orelse", n->orelse);
        break;
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        open("If");
        expr_field("test", n->test);
        stmts_field("body", n->body);
        stmts_field("orelse", n->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* n = static_cast<const With*>(s);
        open(s->kind == StmtKind::With ? "With" : "AsyncWith");
        field("items");
        out += '[';
        for (size_t i = 0; i < n->items.size(); ++i) {
          if (i) out += ", ";
          open("withitem");
          expr_field("context_expr", n->items[i]->context_expr);
          expr_field("optional_vars", n->items[i]->optional_vars);
          close(nullptr);
        }
        out += ']';
        stmts_field("body", n->body);
        break;
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        open("Raise");
        expr_field("exc", n->exc);
        expr_field("cause", n->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* n = static_cast<const Try*>(s);
        open(s->kind == StmtKind::Try ? "Try" : "TryStar");
        stmts_field("body", n->body);
        field("handlers");
        out += '[';
        for (size_t i = 0; i < n->handlers.size(); ++i) {
          const ExceptHandler* h = n->handlers[i];
          if (i) out += ", ";
          open("ExceptHandler");
          expr_field("type", h->type);
          if (!h->name.empty()) {
            field("name");
            ident(h->name);
          }
          stmts_field("body", h->body);
          close(&h->pos);
        }
        out += ']';
        stmts_field("orelse", n->orelse);
        stmts_field("finalbody", n->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        open("Assert");
        expr_field("test", n->test);
        expr_field("msg", n->msg);
        break;
      }
      case StmtKind::Import:
        open("Import");
        aliases(static_cast<const Import*>(s)->names);
        break;
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        open("ImportFrom");
        if (!n->module.empty()) {
          field("module");
          ident(n->module);
        }
        aliases(n->names);
        field("level");
        out += std::to_string(n->level);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        Seq<Identifier> names =
            s->kind == StmtKind::Global ? static_cast<const Global*>(s)->names : static_cast<const Nonlocal*>(s)->names;
        open(s->kind == StmtKind::Global ? "Global" : "Nonlocal");
        field("names");
        out += '[';
        for (size_t i = 0; i < names.size(); ++i) {
          if (i) out += ", ";
          ident(names[i]);
        }
        out += ']';
        break;
      }
      case StmtKind::Expr:
        open("Expr");
        expr_field("value", static_cast<const ExprStmt*>(s)->value);
        break;
      case StmtKind::Pass: open("Pass"); break;
      case StmtKind::Break: open("Break"); break;
      case StmtKind::Continue: open("Continue"); break;
    }
    close(&s->pos);
  }
};

}  // namespace

std::string constant_repr(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Ellipsis: return "Ellipsis";
    case ConstantKind::Int: return to_decimal(v.text, v.base);
    case ConstantKind::Float: return format_float_repr(v.number);
    case ConstantKind::Imaginary: return format_float_repr(v.number, true) + "j";
    case ConstantKind::Str: return str_repr(v.text);
    case ConstantKind::Bytes: return bytes_repr(v.text);
  }
  return "";
}

std::string dump(const Mod& mod, bool include_attributes) {
  Dumper d(include_attributes);
  d.mod(mod);
  return std::move(d.out);
}

}  // namespace heaplab::ast
