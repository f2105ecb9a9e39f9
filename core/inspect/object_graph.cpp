#include "core/inspect/object_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/inspect/gc_generations.h"
#include "core/inspect/json_text.h"
#include "core/lang/code.h"
#include "core/lang/interpreter.h"
#include "core/object/bytes.h"
#include "core/object/dict.h"
#include "core/object/float.h"
#include "core/object/function.h"
#include "core/object/gc_header.h"
#include "core/object/instance_dict.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/method.h"
#include "core/object/module.h"
#include "core/object/runtime.h"
#include "core/object/set.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"
#include "core/object/weakref.h"

namespace heaplab {

namespace {

bool is_static_type(Object* o) {
  return type_of(o) == g_rt->types.type || (type_of(o)->flags & kTypeTypeSubclass)
             ? !(static_cast<TypeObject*>(o)->flags & kTypeHeapType)
             : false;
}

// Whether the graph shows `o`: static types are everywhere and would only
// clutter it.
bool shown(Object* o) { return o && !is_static_type(o); }

// A bytes' repr, cut after `max_chars` bytes (then "...").
std::string bytes_repr(std::string_view data, size_t max_chars) {
  std::string out = "b'";
  for (size_t i = 0; i < data.size(); ++i) {
    if (i == max_chars) return out + "...";
    char c = data[i];
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "'";
}

// A str's repr, cut after `max_chars` code points (then "..."): surrogates
// and control characters escaped as repr() does, so the text is valid UTF-8
// however long or odd the string.
std::string str_repr(const StrObject* str, size_t max_chars) {
  std::string out = "'";
  for (int64_t i = 0; i < str->length; ++i) {
    if (size_t(i) == max_chars) return out + "...";
    uint32_t c = str_char(str, i);
    char buf[12];
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      append_utf8(out, c);
    }
  }
  return out + "'";
}

// A name's text (a surrogate becomes U+FFFD: the JSON stays valid UTF-8).
std::string str_text(Object* name) {
  if (!name || !is_subtype(type_of(name), g_rt->types.str)) return "?";
  auto* str = static_cast<StrObject*>(name);
  std::string out;
  for (int64_t i = 0; i < str->length; ++i) {
    uint32_t c = str_char(str, i);
    append_utf8(out, c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

std::string count_text(const char* type, int64_t n) {
  return "<" + std::string(type) + ", " + std::to_string(n) + (n == 1 ? " item>" : " items>");
}

// Cuts `s` to `max_chars` code points, ending it with "...".
std::string clip(std::string s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) continue;
    if (chars++ == max_chars) {
      s.resize(i);
      return s + "...";
    }
  }
  return s;
}

}  // namespace

std::string short_repr(Object* o, size_t max_chars) {
  const BuiltinTypes& t = g_rt->types;
  TypeObject* type = type_of(o);
  std::string r;
  if (o == g_rt->none) {
    r = "None";
  } else if (type == t.bool_) {
    r = o == g_rt->true_obj ? "True" : "False";
  } else if (is_subtype(type, t.int_)) {
    int64_t v;
    r = int_as_i64(static_cast<IntObject*>(o), &v) ? std::to_string(v) : "<int, too big to show>";
  } else if (is_subtype(type, t.float_)) {
    r = float_repr_string(static_cast<FloatObject*>(o)->value);
  } else if (is_subtype(type, t.str)) {
    r = str_repr(static_cast<StrObject*>(o), max_chars);
  } else if (is_subtype(type, t.bytes)) {
    auto* b = static_cast<BytesObject*>(o);
    r = bytes_repr(std::string_view(b->data, size_t(b->size)), max_chars);
  } else if (is_subtype(type, t.list) || is_subtype(type, t.tuple)) {
    r = count_text(type_name(o), static_cast<VarObject*>(o)->size);
  } else if (is_subtype(type, t.dict)) {
    r = count_text(type_name(o), static_cast<DictObject*>(o)->ma_used);
  } else if (is_subtype(type, t.set) || is_subtype(type, t.frozenset)) {
    r = count_text(type_name(o), static_cast<SetObject*>(o)->used);
  } else if (type == t.type || (type->flags & kTypeTypeSubclass)) {
    r = "<class '" + str_text(static_cast<TypeObject*>(o)->name.get()) + "'>";
  } else if (type == t.function) {
    r = "<function " + str_text(static_cast<FunctionObject*>(o)->qualname.get()) + ">";
  } else if (type == t.module) {
    auto* m = static_cast<ModuleObject*>(o);
    r = "<module '" + (m->name ? str_text(m->name.get()) : std::string("?")) + "'>";
  } else if (type == t.code) {
    r = "<code object " + str_text(static_cast<CodeObject*>(o)->name.get()) + ">";
  } else if (is_weakref(o)) {
    Object* referent = weakref_referent(static_cast<WeakrefObject*>(o));
    r = referent == g_rt->none ? "<weakref; dead>" : "<weakref to '" + std::string(type_name(referent)) + "'>";
  } else {
    r = "<" + std::string(type_name(o)) + " object>";
  }
  return clip(std::move(r), max_chars);
}

size_t builtin_sizeof(Object* o) {
  TypeObject* t = type_of(o);
  const TypeSlots& s = slots_of(t);
  size_t size = s.size_of ? s.size_of(o) : t->basicsize + t->itemsize * size_t(std::abs(static_cast<VarObject*>(o)->size));
  if (!is_static_type(o)) size += preheader_size(t);
  return size;
}

void append_object_fields(std::string& out, Object* o, int generation, size_t max_repr) {
  out += "\"id\":" + std::to_string(addr_of(o)) + ",\"type\":";
  append_json_string(out, type_name(o));
  out += ",\"repr\":";
  append_json_string(out, short_repr(o, max_repr));
  uint64_t refcnt = o->refcnt & (is_immortal(o) ? 0xFFFFFFFFu : ~uint64_t(0));
  out += ",\"refcount\":" + std::to_string(refcnt) + ",\"size\":" + std::to_string(builtin_sizeof(o));
  bool tracked = object_is_gc(o) && gc_is_tracked(o);
  out += ",\"tracked\":";
  out += tracked ? "true" : "false";
  out += ",\"generation\":" + std::to_string(generation) + ",\"immortal\":";
  out += is_immortal(o) ? "true" : "false";
}

namespace {

struct Edge {
  Object* to;
  std::string label;  // empty when the traversal does not say
  bool weak;
};

void collect_referent(Object* referent, void* arg) { static_cast<std::vector<Object*>*>(arg)->push_back(referent); }

std::vector<Object*> referents(Object* o) {
  std::vector<Object*> out;
  if (auto traverse = slots_of(o).traverse) traverse(o, collect_referent, &out);
  return out;
}

// o's references, labelled where the container says what they are.
std::vector<Edge> edges_of(Object* o, size_t max_repr) {
  const BuiltinTypes& t = g_rt->types;
  TypeObject* type = type_of(o);
  std::vector<Edge> out;
  std::vector<Object*> all = referents(o);
  // How many of o's references to each object are not labelled yet: a label
  // takes one (a list of a million items stays linear).
  std::unordered_map<Object*, size_t> unlabelled;
  for (Object* r : all) ++unlabelled[r];
  auto take = [&](Object* r, std::string label) {
    auto it = unlabelled.find(r);
    if (it == unlabelled.end() || it->second == 0) return;
    --it->second;
    out.push_back({r, std::move(label), false});
  };
  if (is_subtype(type, t.list)) {
    auto* l = static_cast<ListObject*>(o);
    for (int64_t i = 0; i < l->size; ++i) take(list_item(l, i), "[" + std::to_string(i) + "]");
  } else if (is_subtype(type, t.tuple)) {
    auto* tup = static_cast<TupleObject*>(o);
    for (int64_t i = 0; i < tuple_size(tup); ++i) take(tuple_item(tup, i), "[" + std::to_string(i) + "]");
  } else if (is_subtype(type, t.dict)) {
    int64_t pos = 0;
    Object *key, *value;
    while (dict_next(o, &pos, &key, &value)) {
      take(value, "[" + short_repr(key, max_repr) + "]");
      take(key, "key");
    }
  } else if (type == t.module) {
    take(static_cast<ModuleObject*>(o)->dict.get(), "__dict__");
  } else if (type == t.function) {
    auto* f = static_cast<FunctionObject*>(o);
    const std::pair<const Ref<Object>*, const char*> fields[] = {
        {&f->code, "__code__"},         {&f->globals, "__globals__"}, {&f->builtins, "__builtins__"},
        {&f->defaults, "__defaults__"}, {&f->kwdefaults, "__kwdefaults__"}, {&f->closure, "__closure__"},
        {&f->name, "__name__"},         {&f->qualname, "__qualname__"}, {&f->doc, "__doc__"},
        {&f->dict, "__dict__"},         {&f->module, "__module__"},   {&f->annotations, "__annotations__"}};
    for (const auto& [field, label] : fields)
      if (*field) take(field->get(), label);
  } else if (type == t.cell) {
    if (auto* c = static_cast<CellObject*>(o); c->ref) take(c->ref.get(), "cell_contents");
  } else if (type == t.method) {
    auto* m = static_cast<MethodObject*>(o);
    take(m->func.get(), "__func__");
    take(m->self.get(), "__self__");
  } else if (type == t.type || (type->flags & kTypeTypeSubclass)) {
    auto* c = static_cast<TypeObject*>(o);
    take(c->dict.get(), "__dict__");
    take(c->mro.get(), "__mro__");
    if (c->bases) take(c->bases.get(), "__bases__");
    take(c->base.get(), "__base__");
    take(c->name.get(), "__name__");
    if (c->qualname) take(c->qualname.get(), "__qualname__");
  } else if (!(type->flags & kTypeTypeSubclass) && (type->flags & kTypeManagedDict) && type->cached_keys) {
    // Inline values: the attribute names are the class's shared keys, which
    // only grow, so the n-th key visited is the name of value slot n.
    std::vector<Object*> names;
    shared_keys_traverse(type->cached_keys, collect_referent, &names);
    for (size_t ix = 0; ix < names.size(); ++ix)
      if (Object* value = instance_value_at(o, int64_t(ix))) take(value, "." + str_text(names[ix]));
  }
  // A materialized __dict__ (the slot holds tagged inline values otherwise,
  // which no reference matches).
  if ((type->flags & kTypeManagedDict) && !(type->flags & kTypeTypeSubclass))
    if (Addr slot = preheader(o)->dict) take(at<Object>(slot), "__dict__");
  if (type->flags & kTypeHeapType) take(type, "__class__");
  for (Object* r : all) {
    size_t& left = unlabelled[r];
    if (left == 0) continue;
    --left;
    out.push_back({r, "", false});
  }
  if (is_weakref(o)) {
    Object* referent = weakref_referent(static_cast<WeakrefObject*>(o));
    if (referent != g_rt->none) out.push_back({referent, "", true});
  }
  return out;
}

// Every tracked object a collection of all generations would find
// unreachable: CPython's update_refs / subtract_refs / move_unreachable on
// a copy of the refcounts.
std::unordered_map<Object*, bool> gc_reachability(const std::unordered_map<Object*, int>& generation) {
  std::unordered_map<Object*, int64_t> gc_refs;
  for (const auto& [o, gen] : generation)
    if (gen < kNumGenerations) gc_refs[o] = int64_t(o->refcnt);
  for (const auto& [o, refs] : gc_refs) {
    for (Object* r : referents(o)) {
      auto it = gc_refs.find(r);
      if (it != gc_refs.end()) --it->second;
    }
  }
  std::unordered_map<Object*, bool> reachable;
  std::vector<Object*> work;
  for (const auto& [o, refs] : gc_refs) {
    reachable[o] = refs > 0;
    if (refs > 0) work.push_back(o);
  }
  while (!work.empty()) {
    Object* o = work.back();
    work.pop_back();
    for (Object* r : referents(o)) {
      auto it = reachable.find(r);
      if (it != reachable.end() && !it->second) {
        it->second = true;
        work.push_back(r);
      }
    }
  }
  return reachable;
}

struct Root {
  std::string name;
  std::string scope;  // "global" or "local"
  std::string frame;  // the frame's function, for locals
  size_t depth;       // 0 = the innermost frame
  Object* object;
};

std::vector<Root> collect_roots(const Interpreter& interp) {
  std::vector<Root> roots;
  if (Object* main = interp.main_module()) {
    int64_t pos = 0;
    Object *key, *value;
    Object* globals = static_cast<ModuleObject*>(main)->dict.get();
    while (dict_next(globals, &pos, &key, &value)) {
      std::string name = str_text(key);
      if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) continue;  // __builtins__ and the like
      roots.push_back({name, "global", "<module>", 0, value});
    }
  }
  const auto& frames = interp.frames();
  for (size_t i = frames.size(); i-- > 0;) {
    const Frame& f = frames[i];
    if (f.locals) continue;  // module and class bodies: their namespace dict is not a frame's locals
    auto* names = static_cast<TupleObject*>(f.code->localsplusnames.get());
    Object* const* values = interp.frame_locals(f);
    std::string frame = str_text(f.code->qualname.get());
    for (int64_t j = 0; j < tuple_size(names); ++j)
      if (values[j]) roots.push_back({str_text(tuple_item(names, j)), "local", frame, frames.size() - 1 - i, values[j]});
  }
  return roots;
}

// Objects the graph shows without their references: modules and their
// namespaces (the program's own globals are its roots; every other module
// would pull the whole runtime in), and immortal objects.
std::unordered_set<Object*> module_namespaces(const Interpreter& interp) {
  std::unordered_set<Object*> out;
  auto add = [&](Object* module) {
    if (module && type_of(module) == g_rt->types.module) out.insert(static_cast<ModuleObject*>(module)->dict.get());
  };
  add(interp.builtins_module());
  add(interp.main_module());
  if (Object* sys = interp.sys_module()) {
    int64_t pos = 0;
    Object *key, *value;
    while (dict_next(static_cast<ModuleObject*>(sys)->dict.get(), &pos, &key, &value)) {
      if (str_text(key) != "modules" || !is_subtype(type_of(value), g_rt->types.dict)) continue;
      int64_t mpos = 0;
      Object *name, *module;
      while (dict_next(value, &mpos, &name, &module)) add(module);
    }
  }
  return out;
}

// Tarjan's strongly connected components over the graph's strong edges:
// nodes in a component of two or more, or with an edge to themselves.
std::vector<bool> in_cycle(const std::vector<std::vector<size_t>>& adj) {
  size_t n = adj.size();
  std::vector<bool> result(n, false);
  std::vector<size_t> index(n, SIZE_MAX), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  size_t counter = 0;
  // Iterative: (node, next edge to look at).
  std::vector<std::pair<size_t, size_t>> call;
  for (size_t s = 0; s < n; ++s) {
    if (index[s] != SIZE_MAX) continue;
    call.push_back({s, 0});
    index[s] = low[s] = counter++;
    stack.push_back(s);
    on_stack[s] = true;
    while (!call.empty()) {
      auto& [v, e] = call.back();
      if (e < adj[v].size()) {
        size_t w = adj[v][e++];
        if (w == v) result[v] = true;
        if (index[w] == SIZE_MAX) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          call.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      size_t done = v;
      call.pop_back();
      if (!call.empty()) low[call.back().first] = std::min(low[call.back().first], low[done]);
      if (low[done] != index[done]) continue;
      size_t first = stack.size();
      do --first;
      while (stack[first] != done);
      if (stack.size() - first > 1)
        for (size_t k = first; k < stack.size(); ++k) result[stack[k]] = true;
      for (size_t k = first; k < stack.size(); ++k) on_stack[stack[k]] = false;
      stack.resize(first);
    }
  }
  return result;
}

}  // namespace

std::string object_graph_json(const Interpreter& interp, const GraphOptions& options) {
  std::unordered_map<Object*, int> generation = gc_generation_map();
  std::unordered_map<Object*, bool> reachable = gc_reachability(generation);
  std::vector<Root> roots = collect_roots(interp);
  std::unordered_set<Object*> namespaces = module_namespaces(interp);

  // Breadth first from the roots, then from the unreachable objects.
  std::vector<Object*> nodes;
  std::unordered_map<Object*, size_t> node_index;
  std::deque<Object*> queue;
  bool truncated = false;
  auto visit = [&](Object* o) {
    if (!shown(o) || node_index.count(o)) return;
    if (nodes.size() >= options.max_nodes) {
      truncated = true;
      return;
    }
    node_index[o] = nodes.size();
    nodes.push_back(o);
    queue.push_back(o);
  };
  std::vector<std::vector<Edge>> edges;
  auto drain = [&]() {
    while (!queue.empty()) {
      Object* o = queue.front();
      queue.pop_front();
      edges.resize(nodes.size());
      bool leaf = is_immortal(o) || type_of(o) == g_rt->types.module || namespaces.count(o);
      std::vector<Edge> out = leaf ? std::vector<Edge>{} : edges_of(o, options.max_repr);
      for (const Edge& e : out) visit(e.to);
      edges[node_index[o]] = std::move(out);
    }
  };
  for (const Root& r : roots) visit(r.object);
  drain();
  std::vector<Object*> garbage;
  for (const auto& [o, ok] : reachable)
    if (!ok) garbage.push_back(o);
  std::sort(garbage.begin(), garbage.end());  // a stable order: by address
  for (Object* o : garbage) visit(o);
  drain();
  edges.resize(nodes.size());

  std::vector<std::vector<size_t>> adj(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i)
    for (const Edge& e : edges[i])
      if (!e.weak && node_index.count(e.to)) adj[i].push_back(node_index[e.to]);
  std::vector<bool> cyclic = in_cycle(adj);

  std::string out = "{\"roots\":[";
  bool first = true;
  for (const Root& r : roots) {
    if (!first) out += ',';
    first = false;
    out += "{\"name\":";
    append_json_string(out, r.name);
    out += ",\"scope\":\"" + r.scope + "\",\"frame\":";
    append_json_string(out, r.frame);
    out += ",\"depth\":" + std::to_string(r.depth) + ",\"id\":" + std::to_string(addr_of(r.object)) + ",\"repr\":";
    append_json_string(out, short_repr(r.object, options.max_repr));
    out += '}';
  }
  out += "],\"nodes\":[";
  for (size_t i = 0; i < nodes.size(); ++i) {
    Object* o = nodes[i];
    if (i) out += ',';
    out += '{';
    auto g = generation.find(o);
    append_object_fields(out, o, g == generation.end() ? -1 : g->second, options.max_repr);
    auto r = reachable.find(o);
    out += ",\"cycle\":";
    out += cyclic[i] ? "true" : "false";
    out += ",\"unreachable\":";
    out += r != reachable.end() && !r->second ? "true" : "false";
    out += '}';
  }
  out += "],\"edges\":[";
  first = true;
  for (size_t i = 0; i < nodes.size(); ++i) {
    for (const Edge& e : edges[i]) {
      if (!node_index.count(e.to)) continue;
      if (!first) out += ',';
      first = false;
      out += "{\"from\":" + std::to_string(addr_of(nodes[i])) + ",\"to\":" + std::to_string(addr_of(e.to)) +
             ",\"kind\":\"" + (e.weak ? "weak" : "strong") + "\",\"label\":";
      if (e.label.empty()) {
        out += "null";
      } else {
        append_json_string(out, e.label);
      }
      out += '}';
    }
  }
  out += "],\"truncated\":";
  out += truncated ? "true" : "false";
  if (options.shown) {
    for (Object* o : nodes) options.shown->push_back(addr_of(o));
  }
  out += ",\"max_nodes\":" + std::to_string(options.max_nodes) + "}";
  return out;
}

}  // namespace heaplab
