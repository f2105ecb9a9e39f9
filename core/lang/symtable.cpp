#include "core/lang/symtable.h"

#include <algorithm>
#include <functional>

namespace heaplab {

using namespace ast;

NameScope Scope::scope_of(const std::string& name) const {
  auto it = symbols.find(name);
  if (it != symbols.end()) return it->second.scope;
  if (kind == ScopeKind::Module || kind == ScopeKind::Class) return NameScope::Name;
  return NameScope::GlobalImplicit;
}

namespace {

class Builder {
 public:
  explicit Builder(Symtable& table) : table_(table) {}

  void module(const Mod* mod) {
    table_.top = std::make_unique<Scope>();
    table_.top->kind = ScopeKind::Module;
    table_.top->name = "<module>";
    cur_ = table_.top.get();
    switch (mod->kind) {
      case ModKind::Module: stmts(static_cast<const ast::Module*>(mod)->body); break;
      case ModKind::Interactive: stmts(static_cast<const ast::Interactive*>(mod)->body); break;
      case ModKind::Expression: expr(static_cast<const ast::Expression*>(mod)->body); break;
    }
    if (!table_.error) analyze(table_.top.get());
  }

 private:
  Symbol& sym(const std::string& name) { return cur_->symbols[name]; }
  void bind(std::string_view name) { sym(std::string(name)).assigned = true; }
  void use(std::string_view name) {
    std::string n(name);
    Symbol& s = sym(n);
    s.used = true;
    // An inlined comprehension (PEP 709) reads the names it does not bind
    // from the enclosing scope, as if that scope had used them.
    if (cur_->kind == ScopeKind::Comprehension && !s.assigned) {
      Scope* outer = cur_->parent;
      while (outer->kind == ScopeKind::Comprehension) outer = outer->parent;
      Scope* saved = cur_;
      cur_ = outer;
      use(name);
      cur_ = saved;
      return;
    }
    // super() needs the implicit __class__ cell of the enclosing class.
    if (name == "super" && cur_->kind != ScopeKind::Class) sym("__class__").used = true;
  }
  void error(std::string msg, const Pos& pos) {
    if (!table_.error) {
      table_.error = SymtableError{std::move(msg), pos.lineno, pos.col_offset, pos.end_lineno, pos.end_col_offset};
    }
  }

  Scope* enter(ScopeKind kind, std::string name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = std::move(name);
    s->parent = cur_;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.scope_of_node[node] = raw;
    cur_ = raw;
    return raw;
  }
  void leave() { cur_ = cur_->parent; }

  void param(const Arg* a) {
    std::string n(a->arg);
    Symbol& s = sym(n);
    s.assigned = s.param = true;
    cur_->params.push_back(n);
  }
  void arguments(const Arguments* a) {
    for (Arg* p : a->posonlyargs) param(p);
    for (Arg* p : a->args) param(p);
    for (Arg* p : a->kwonlyargs) param(p);
    if (a->vararg) {
      param(a->vararg);
      cur_->has_varargs = true;
    }
    if (a->kwarg) {
      param(a->kwarg);
      cur_->has_varkeywords = true;
    }
  }
  // Defaults and annotations are evaluated in the enclosing scope.
  void argument_defaults(const Arguments* a) {
    for (Expr* d : a->defaults) expr(d);
    for (Expr* d : a->kw_defaults)
      if (d) expr(d);
    auto annotation = [&](const Arg* p) {
      if (p && p->annotation) expr(p->annotation);
    };
    for (Arg* p : a->posonlyargs) annotation(p);
    for (Arg* p : a->args) annotation(p);
    for (Arg* p : a->kwonlyargs) annotation(p);
    annotation(a->vararg);
    annotation(a->kwarg);
  }

  void stmts(const Seq<Stmt*>& body) {
    for (Stmt* s : body) stmt(s);
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        for (Expr* d : f->decorator_list) expr(d);
        argument_defaults(f->args);
        if (f->returns) expr(f->returns);
        bind(f->name);
        enter(ScopeKind::Function, std::string(f->name), f);
        arguments(f->args);
        stmts(f->body);
        leave();
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = static_cast<const ClassDef*>(s);
        for (Expr* d : c->decorator_list) expr(d);
        for (Expr* b : c->bases) expr(b);
        for (Keyword* k : c->keywords) expr(k->value);
        bind(c->name);
        enter(ScopeKind::Class, std::string(c->name), c);
        stmts(c->body);
        leave();
        break;
      }
      case StmtKind::Return:
        if (auto* v = static_cast<const Return*>(s)->value) expr(v);
        break;
      case StmtKind::Delete:
        for (Expr* t : static_cast<const Delete*>(s)->targets) expr(t);
        break;
      case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        for (Expr* t : a->targets) expr(t);
        expr(a->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = static_cast<const AugAssign*>(s);
        expr(a->target);
        if (a->target->kind == ExprKind::Name) use(static_cast<const Name*>(a->target)->id);
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        expr(a->target);
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) expr(a->annotation);
        if (a->value) expr(a->value);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = static_cast<const For*>(s);
        expr(f->target);
        expr(f->iter);
        stmts(f->body);
        stmts(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        expr(i->test);
        stmts(i->body);
        stmts(i->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = static_cast<const With*>(s);
        for (WithItem* item : w->items) {
          expr(item->context_expr);
          if (item->optional_vars) expr(item->optional_vars);
        }
        stmts(w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = static_cast<const Raise*>(s);
        if (r->exc) expr(r->exc);
        if (r->cause) expr(r->cause);
        break;
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = static_cast<const Try*>(s);
        stmts(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) bind(h->name);
          stmts(h->body);
        }
        stmts(t->orelse);
        stmts(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = static_cast<const Assert*>(s);
        expr(a->test);
        if (a->msg) expr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (Alias* a : static_cast<const Import*>(s)->names) {
          std::string_view n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
          bind(n);
        }
        break;
      case StmtKind::ImportFrom:
        for (Alias* a : static_cast<const ImportFrom*>(s)->names) {
          if (a->name == "*") {
            if (cur_->kind != ScopeKind::Module) error("import * only allowed at module level", a->pos);
            continue;
          }
          bind(a->asname.empty() ? a->name : a->asname);
        }
        break;
      case StmtKind::Global:
        for (Identifier n : static_cast<const Global*>(s)->names) {
          Symbol& sy = sym(std::string(n));
          if (sy.param) error("name '" + std::string(n) + "' is parameter and global", s->pos);
          else if (sy.assigned || sy.used)
            error("name '" + std::string(n) + "' is " + (sy.assigned ? "assigned to" : "used prior to") + " global declaration", s->pos);
          sy.declared_global = true;
        }
        break;
      case StmtKind::Nonlocal:
        for (Identifier n : static_cast<const Nonlocal*>(s)->names) {
          if (cur_->kind == ScopeKind::Module) {
            error("nonlocal declaration not allowed at module level", s->pos);
            continue;
          }
          Symbol& sy = sym(std::string(n));
          if (sy.param) error("name '" + std::string(n) + "' is parameter and nonlocal", s->pos);
          else if (sy.assigned || sy.used)
            error("name '" + std::string(n) + "' is " + (sy.assigned ? "assigned to" : "used prior to") + " nonlocal declaration", s->pos);
          sy.declared_nonlocal = true;
          sy.nonlocal_pos = s->pos;
        }
        break;
      case StmtKind::Expr: expr(static_cast<const ExprStmt*>(s)->value); break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  void comprehension(const Expr* node, ScopeKind kind, const Seq<Comprehension*>& gens,
                     const std::function<void()>& element) {
    // The first iterable is evaluated in the enclosing scope.
    expr(gens[0]->iter);
    const char* name = kind == ScopeKind::GeneratorExp ? "<genexpr>" : "<comprehension>";
    Scope* scope = enter(kind, name, node);
    if (kind == ScopeKind::GeneratorExp) {
      scope->is_generator = true;
      Symbol& dot0 = sym(".0");
      dot0.assigned = dot0.param = true;
      scope->params.push_back(".0");
    }
    for (size_t i = 0; i < gens.size(); ++i) {
      expr(gens[i]->target);
      if (i > 0) expr(gens[i]->iter);
      for (Expr* cond : gens[i]->ifs) expr(cond);
    }
    element();
    leave();
  }

  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : static_cast<const BoolOp*>(e)->values) expr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        expr(n->value);
        // The target binds in the nearest enclosing non-comprehension scope.
        Scope* saved = cur_;
        while (cur_->kind == ScopeKind::Comprehension || cur_->kind == ScopeKind::GeneratorExp) cur_ = cur_->parent;
        std::string name(static_cast<const Name*>(n->target)->id);
        bind(name);
        Scope* target_scope = cur_;
        cur_ = saved;
        if (target_scope != cur_) sym(name).used = true;  // resolved as free/global from the comprehension
        break;
      }
      case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        expr(b->left);
        expr(b->right);
        break;
      }
      case ExprKind::UnaryOp: expr(static_cast<const UnaryOp*>(e)->operand); break;
      case ExprKind::Lambda: {
        auto* l = static_cast<const Lambda*>(e);
        argument_defaults(l->args);
        enter(ScopeKind::Lambda, "<lambda>", l);
        arguments(l->args);
        expr(l->body);
        leave();
        break;
      }
      case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(e);
        expr(i->test);
        expr(i->body);
        expr(i->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* d = static_cast<const ast::Dict*>(e);
        for (Expr* k : d->keys)
          if (k) expr(k);
        for (Expr* v : d->values) expr(v);
        break;
      }
      case ExprKind::Set:
        for (Expr* x : static_cast<const ast::Set*>(e)->elts) expr(x);
        break;
      case ExprKind::ListComp: {
        auto* c = static_cast<const ListComp*>(e);
        comprehension(e, ScopeKind::Comprehension, c->generators, [&] { expr(c->elt); });
        break;
      }
      case ExprKind::SetComp: {
        auto* c = static_cast<const SetComp*>(e);
        comprehension(e, ScopeKind::Comprehension, c->generators, [&] { expr(c->elt); });
        break;
      }
      case ExprKind::DictComp: {
        auto* c = static_cast<const DictComp*>(e);
        comprehension(e, ScopeKind::Comprehension, c->generators, [&] {
          expr(c->key);
          expr(c->value);
        });
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* c = static_cast<const GeneratorExp*>(e);
        comprehension(e, ScopeKind::GeneratorExp, c->generators, [&] { expr(c->elt); });
        break;
      }
      case ExprKind::Await: expr(static_cast<const Await*>(e)->value); break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        const Expr* v = e->kind == ExprKind::Yield ? static_cast<const Yield*>(e)->value : static_cast<const YieldFrom*>(e)->value;
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          error("'yield' outside function", e->pos);
        } else if (cur_->kind == ScopeKind::Comprehension) {
          error("'yield' inside list comprehension", e->pos);
        }
        cur_->is_generator = true;
        if (v) expr(v);
        break;
      }
      case ExprKind::Compare: {
        auto* c = static_cast<const Compare*>(e);
        expr(c->left);
        for (Expr* x : c->comparators) expr(x);
        break;
      }
      case ExprKind::Call: {
        auto* c = static_cast<const Call*>(e);
        expr(c->func);
        for (Expr* a : c->args) expr(a);
        for (Keyword* k : c->keywords) expr(k->value);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = static_cast<const FormattedValue*>(e);
        expr(f->value);
        if (f->format_spec) expr(f->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        for (Expr* v : static_cast<const JoinedStr*>(e)->values) expr(v);
        break;
      case ExprKind::Constant: break;
      case ExprKind::Attribute: expr(static_cast<const Attribute*>(e)->value); break;
      case ExprKind::Subscript: {
        auto* s = static_cast<const Subscript*>(e);
        expr(s->value);
        expr(s->slice);
        break;
      }
      case ExprKind::Starred: expr(static_cast<const Starred*>(e)->value); break;
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        if (n->ctx == ExprContext::Load) use(n->id);
        else bind(n->id);
        if (n->ctx == ExprContext::Del) use(n->id);
        break;
      }
      case ExprKind::List:
        for (Expr* x : static_cast<const ast::List*>(e)->elts) expr(x);
        break;
      case ExprKind::Tuple:
        for (Expr* x : static_cast<const ast::Tuple*>(e)->elts) expr(x);
        break;
      case ExprKind::Slice: {
        auto* s = static_cast<const Slice*>(e);
        if (s->lower) expr(s->lower);
        if (s->upper) expr(s->upper);
        if (s->step) expr(s->step);
        break;
      }
    }
  }

  // ---- resolution (CPython's analyze_block, simplified to the same results)

  static bool is_function_like(const Scope* s) {
    return s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::GeneratorExp ||
           s->kind == ScopeKind::Comprehension;
  }

  // Finds the function scope that binds `name` for a use in `from`, marking
  // it a cell there and a free variable in every scope in between.
  bool resolve_free(Scope* from, const std::string& name) {
    std::vector<Scope*> path;
    std::vector<Scope*> binding_classes;  // classes the closure passes through that bind the name too
    auto found = [&]() {
      for (Scope* p : path) mark_free(p, name);
      for (Scope* c : binding_classes) c->free_through_class.insert(name);
      return true;
    };
    for (Scope* s = from->parent; s; s = s->parent) {
      if (s->kind == ScopeKind::Module) return false;
      if (s->kind == ScopeKind::Class) {
        // A class scope does not enclose its methods' names, except __class__.
        if (name == "__class__") {
          s->needs_class_cell = true;
          return found();
        }
        // A closure passing through the class makes the name one of its free
        // variables too (unless the class body binds the name itself), once
        // a function outside binds it.
        auto own = s->symbols.find(name);
        if (own == s->symbols.end() || !own->second.assigned) {
          path.push_back(s);
        } else {
          binding_classes.push_back(s);
        }
        continue;
      }
      auto it = s->symbols.find(name);
      if (it != s->symbols.end() && it->second.assigned && !it->second.declared_global && !it->second.declared_nonlocal) {
        it->second.scope = NameScope::Cell;
        return found();
      }
      if (it != s->symbols.end() && it->second.declared_nonlocal) {
        path.push_back(s);
        continue;
      }
      path.push_back(s);
    }
    return false;
  }

  static void mark_free(Scope* s, const std::string& name) {
    Symbol& sy = s->symbols[name];
    if (sy.scope != NameScope::Cell) sy.scope = NameScope::Free;
  }

  void analyze(Scope* s) {
    for (auto& [name, sy] : s->symbols) {
      if (sy.declared_global) {
        sy.scope = NameScope::GlobalExplicit;
      } else if (s->kind == ScopeKind::Module) {
        sy.scope = NameScope::Name;
      } else if (s->kind == ScopeKind::Class) {
        sy.scope = NameScope::Name;
        if (sy.declared_nonlocal) sy.scope = NameScope::Free;
      } else if (sy.assigned && !sy.declared_nonlocal) {
        if (sy.scope != NameScope::Cell) sy.scope = NameScope::Local;
      } else {
        sy.scope = NameScope::GlobalImplicit;
      }
    }
    for (auto& child : s->children) analyze(child.get());
    // Free variables of this scope, after the children have marked theirs.
    for (auto& [name, sy] : s->symbols) {
      if (!is_function_like(s) && !(s->kind == ScopeKind::Class && !sy.assigned)) continue;
      if (s->kind == ScopeKind::Comprehension && !sy.assigned) continue;  // inherited, see use()
      if (sy.scope == NameScope::Local || sy.scope == NameScope::Cell || sy.scope == NameScope::GlobalExplicit) continue;
      if (!sy.used && !sy.declared_nonlocal && sy.scope != NameScope::Free) continue;
      if (resolve_free(s, name)) {
        if (sy.scope != NameScope::Cell) sy.scope = NameScope::Free;
      } else if (sy.declared_nonlocal) {
        error("no binding for nonlocal '" + name + "' found", sy.nonlocal_pos);
      }
    }
  }

  Symtable& table_;
  Scope* cur_ = nullptr;
};

void add_cellvar(Scope* s, const std::string& name) {
  if (std::find(s->cellvars.begin(), s->cellvars.end(), name) != s->cellvars.end()) return;
  s->cellvars.push_back(name);
  std::sort(s->cellvars.begin(), s->cellvars.end());
}

// Cell and free variable names in CPython's order (sorted, as dictbytype).
void collect_layout(Scope* s) {
  for (auto& [name, sy] : s->symbols) {
    if (sy.scope == NameScope::Cell) s->cellvars.push_back(name);
    if (sy.scope == NameScope::Free || s->free_through_class.count(name)) s->freevars.push_back(name);
  }
  if (s->needs_class_cell) add_cellvar(s, "__class__");
  for (auto& child : s->children) collect_layout(child.get());
}

// PEP 709: the cells of an inlined comprehension live in the code it is
// inlined into (DEF_COMP_CELL); in a function, a local of the same name
// becomes a cell there too (analyze_cells).
void inline_comprehension_cells(Scope* s) {
  for (auto& child : s->children) inline_comprehension_cells(child.get());
  if (s->kind != ScopeKind::Comprehension) return;
  Scope* outer = s->parent;
  while (outer->kind == ScopeKind::Comprehension) outer = outer->parent;
  for (auto& [name, sy] : s->symbols) {
    if (sy.scope != NameScope::Cell) continue;
    auto it = outer->symbols.find(name);
    if (it != outer->symbols.end() && it->second.scope == NameScope::Local) it->second.scope = NameScope::Cell;
    add_cellvar(outer, name);
  }
}

}  // namespace

Symtable build_symtable(const ast::Mod* mod) {
  Symtable table;
  Builder(table).module(mod);
  if (!table.error) {
    collect_layout(table.top.get());
    inline_comprehension_cells(table.top.get());
  }
  return table;
}

}  // namespace heaplab
