#include "core/lang/code_builder.h"

#include <algorithm>
#include <cstring>

#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

int stack_effect(Op op, uint32_t arg) {
  switch (op) {
    case Op::POP_TOP: case Op::STORE_NAME: case Op::STORE_GLOBAL: case Op::STORE_FAST: case Op::STORE_DEREF:
    case Op::BINARY_OP: case Op::COMPARE_OP: case Op::IS_OP: case Op::CONTAINS_OP: case Op::BINARY_SUBSCR:
    case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE: case Op::POP_JUMP_IF_NONE:
    case Op::POP_JUMP_IF_NOT_NONE: case Op::PRINT_EXPR: case Op::RETURN_VALUE: case Op::DELETE_ATTR:
    case Op::LIST_EXTEND: case Op::LIST_APPEND: case Op::SET_ADD: case Op::SET_UPDATE: case Op::DICT_UPDATE:
    case Op::POP_EXCEPT: case Op::RERAISE: case Op::END_SEND: case Op::CLEANUP_THROW:
      return -1;
    case Op::STORE_ATTR: case Op::DELETE_SUBSCR: case Op::MAP_ADD: return -2;
    case Op::STORE_SUBSCR: return -3;
    case Op::PUSH_NULL: case Op::COPY: case Op::LOAD_CONST: case Op::LOAD_NAME: case Op::LOAD_FAST:
    case Op::LOAD_FAST_AND_CLEAR: case Op::LOAD_DEREF: case Op::LOAD_CLOSURE: case Op::IMPORT_NAME:
    case Op::IMPORT_FROM: case Op::LOAD_BUILD_CLASS: case Op::LOAD_ASSERTION_ERROR: case Op::PUSH_EXC_INFO:
    case Op::FOR_ITER: case Op::BEFORE_WITH: case Op::WITH_EXCEPT_START:
      return 1;
    case Op::LOAD_GLOBAL: return (arg & 1) ? 2 : 1;
    case Op::LOAD_ATTR: return (arg & kMethodFlag) ? 1 : 0;
    case Op::BUILD_LIST: case Op::BUILD_TUPLE: case Op::BUILD_SET: case Op::BUILD_STRING: return 1 - int(arg);
    case Op::BUILD_MAP: return 1 - 2 * int(arg);
    case Op::BUILD_SLICE: return 1 - int(arg);
    case Op::UNPACK_SEQUENCE: return int(arg) - 1;
    case Op::UNPACK_EX: return int(arg & 0xff) + int(arg >> 8);
    case Op::CALL: return -int(arg) - 1;
    case Op::CALL_FUNCTION_EX: return (arg & 1) ? -3 : -2;
    case Op::MAKE_FUNCTION: return -__builtin_popcount(arg);
    case Op::RAISE_VARARGS: return -int(arg);
    case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    default: return 0;
  }
}

}  // namespace

std::string constant_key(Object* v) {
  if (v == none()) return "N";
  if (v == g_rt->true_obj) return "T";
  if (v == g_rt->false_obj) return "F";
  if (v == g_rt->ellipsis) return "E";
  if (is_str(v)) return "s" + str_to_utf8(static_cast<StrObject*>(v));
  if (type_of(v) == g_rt->types.bytes) return "b" + std::string(bytes_view(v));
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
    for (int64_t i = 0; i < t->size; ++i) k += constant_key(tuple_item(t, i)) + ",";
    return k + ")";
  }
  // Code objects and other constants are never merged.
  return "@" + std::to_string(addr_of(v));
}

ConstCache::~ConstCache() {
  for (auto& [key, value] : objects_) decref(value);
}

Object* ConstCache::canonical(Object* value) {
  std::string key = constant_key(value);
  auto it = objects_.find(key);
  if (it != objects_.end()) {
    decref(value);
    return newref(it->second);
  }
  objects_.emplace(std::move(key), newref(value));
  return value;
}

CodeBuilder::~CodeBuilder() {
  for (Object* c : consts_) decref(c);
}

size_t CodeBuilder::emit(Op op, uint32_t arg) {
  body_.instrs.push_back(make_instr(op, arg));
  body_.positions.push_back(pos_);
  covering_.push_back(handler_stack_.empty() ? -1 : int32_t(handler_stack_.back()));
  depth_ += stack_effect(op, arg);
  if (depth_ > max_depth_) max_depth_ = depth_;
  return body_.instrs.size() - 1;
}

void CodeBuilder::patch(size_t instr, size_t target) {
  Instr& i = body_.instrs[instr];
  i = make_instr(instr_op(i), uint32_t(target));
}

void CodeBuilder::set_depth(int d) {
  depth_ = d;
  if (depth_ > max_depth_) max_depth_ = depth_;
}

size_t CodeBuilder::push_handler(int depth, bool lasti) {
  handlers_.push_back({0, 0, 0, uint32_t(depth), lasti ? 1u : 0u});
  handler_stack_.push_back(handlers_.size() - 1);
  return handlers_.size() - 1;
}

uint32_t CodeBuilder::add_const(Object* value) {
  std::string key = constant_key(value);
  auto it = const_index_.find(key);
  if (it != const_index_.end()) {
    decref(value);
    return it->second;
  }
  uint32_t i = uint32_t(consts_.size());
  consts_.push_back(value);
  const_index_.emplace(std::move(key), i);
  return i;
}

uint32_t CodeBuilder::add_name(const std::string& name) {
  auto it = name_index_.find(name);
  if (it != name_index_.end()) return it->second;
  uint32_t i = uint32_t(names_.size());
  names_.push_back(name);
  name_index_.emplace(name, i);
  return i;
}

void CodeBuilder::declare_layout(const std::vector<std::string>& params, const std::vector<std::string>& cellvars,
                                 const std::vector<std::string>& freevars) {
  for (const std::string& p : params) {
    local_index_[p] = uint32_t(locals_.size());
    locals_.push_back(p);
    kinds_.push_back(kLocalPlain | kLocalArg);
  }
  cells_and_frees_.clear();
  for (const std::string& c : cellvars) {
    auto it = local_index_.find(c);
    if (it != local_index_.end()) {
      // A parameter captured by a nested scope: its slot becomes the cell (3.11+).
      kinds_[it->second] |= kLocalCell;
      cell_index_[c] = it->second;
      continue;
    }
    cells_and_frees_.push_back(c);
  }
  for (const std::string& f : freevars) cells_and_frees_.push_back(f);
  // Cells and free variables are laid out after the plain locals, once every
  // local is known (see finish); their indexes are fixed up there.
  for (size_t i = 0; i < cells_and_frees_.size(); ++i) {
    cell_index_[cells_and_frees_[i]] = uint32_t(kMaxOparg - cells_and_frees_.size() + i);
  }
}

uint32_t CodeBuilder::local_slot(const std::string& name) {
  auto it = local_index_.find(name);
  if (it != local_index_.end()) return it->second;
  uint32_t i = uint32_t(locals_.size());
  locals_.push_back(name);
  kinds_.push_back(kLocalPlain);
  local_index_.emplace(name, i);
  return i;
}

uint32_t CodeBuilder::cell_slot(const std::string& name) { return cell_index_.at(name); }

uint32_t CodeBuilder::comprehension_cell_slot(const std::string& name) {
  uint32_t slot = local_slot(name);
  kinds_[slot] |= kLocalCell;
  cell_in_local_[name] = slot;
  return slot;
}

CodeObject* CodeBuilder::finish(CodeSpec spec, ConstCache& cache) {
  // Place cells and free variables after the locals (but an inlined
  // comprehension's cell where its local slot is) and rewrite the
  // placeholder slot numbers the instructions used for them.
  uint32_t placeholder_base = uint32_t(kMaxOparg - cells_and_frees_.size());
  size_t nfrees = spec.nfrees;
  std::vector<uint32_t> final_slot(cells_and_frees_.size());
  for (size_t i = 0; i < cells_and_frees_.size(); ++i) {
    auto in_local = cell_in_local_.find(cells_and_frees_[i]);
    if (in_local != cell_in_local_.end()) {
      final_slot[i] = in_local->second;
      continue;
    }
    final_slot[i] = uint32_t(locals_.size());
    locals_.push_back(cells_and_frees_[i]);
    kinds_.push_back(i + nfrees < cells_and_frees_.size() ? kLocalCell : kLocalFree);
  }
  for (Instr& ins : body_.instrs) {
    Op op = instr_op(ins);
    bool cell_op = op == Op::LOAD_DEREF || op == Op::STORE_DEREF || op == Op::DELETE_DEREF ||
                   op == Op::LOAD_CLOSURE || op == Op::LOAD_FROM_DICT_OR_DEREF || op == Op::MAKE_CELL ||
                   op == Op::LOAD_FAST_AND_CLEAR || op == Op::STORE_FAST;
    uint32_t arg = instr_arg(ins);
    if (cell_op && arg >= placeholder_base && !cells_and_frees_.empty()) {
      ins = make_instr(op, final_slot[arg - placeholder_base]);
    }
  }
  body_.local_kinds = kinds_;
  // One table entry per run of instructions covered by the same handler.
  for (size_t i = 0; i < covering_.size();) {
    size_t end = i + 1;
    while (end < covering_.size() && covering_[end] == covering_[i]) ++end;
    if (covering_[i] >= 0) {
      ExceptionHandler h = handlers_[size_t(covering_[i])];
      h.start = uint32_t(i);
      h.end = uint32_t(end);
      body_.handlers.push_back(h);
    }
    i = end;
  }

  std::vector<Object*> names, locals;
  bool ok = true;
  for (const std::string& n : names_) {
    StrObject* s = intern_str(n);
    ok &= s != nullptr;
    names.push_back(s);
  }
  for (const std::string& n : locals_) {
    StrObject* s = intern_str(n);
    ok &= s != nullptr;
    locals.push_back(s);
  }
  Object* consts = ok ? tuple_from_array(consts_.data(), consts_.size()) : nullptr;
  if (consts) consts = cache.canonical(consts);
  Object* name_tuple = consts ? tuple_from_array(names.data(), names.size()) : nullptr;
  Object* local_tuple = name_tuple ? tuple_from_array(locals.data(), locals.size()) : nullptr;
  if (!local_tuple) {
    xdecref(consts);
    xdecref(name_tuple);
    for (Object* o : {spec.name, spec.qualname, spec.filename}) xdecref(o);
    if (!error_occurred()) set_memory_error();
    return nullptr;
  }
  spec.consts = consts;
  spec.names = name_tuple;
  spec.localsplusnames = local_tuple;
  // A generator's body sits in an implicit handler (StopIteration ->
  // RuntimeError) that needs two slots, as in CPython.
  spec.stacksize = uint32_t(std::max(max_depth_, (spec.flags & kCodeGenerator) ? 2 : 0));
  return new_code(spec, body_);
}

}  // namespace heaplab
