#include "core/lib/builtins_module.h"

#include <cstdio>
#include <iterator>
#include <string>

#include "core/lang/interpreter.h"
#include "core/object/abstract.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

// print(*objects, sep=' ', end='\n')
Object* builtin_print(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::string sep = " ", end = "\n";
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t i = 0; i < names->size; ++i) {
      std::string key = str_to_utf8(static_cast<StrObject*>(tuple_item(names, i)));
      Object* v = args[nargs + size_t(i)];
      std::string* target = key == "sep" ? &sep : key == "end" ? &end : nullptr;
      if (key == "flush" || key == "file") continue;
      if (!target) return set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for print()", key.c_str());
      if (v == none()) continue;
      if (!is_str(v)) return set_error(g_rt->types.TypeError, "%s must be None or a string, not %s", key.c_str(), type_name(v));
      *target = str_to_utf8(static_cast<StrObject*>(v));
    }
  }
  std::string out;
  for (size_t i = 0; i < nargs; ++i) {
    if (i) out += sep;
    std::string s;
    if (!str_utf8(args[i], &s)) return nullptr;
    out += s;
  }
  out += end;
  g_interpreter->write(Stream::Out, out);
  return none();
}

Object* builtin_len(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return nullptr;
  int64_t n = object_length(args[0]);
  return n < 0 ? nullptr : int_from_i64(n);
}

Object* builtin_repr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return nullptr;
  return object_repr(args[0]);
}

Object* builtin_id(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return nullptr;
  BigInt b;
  uint64_t id = kIdBase + addr_of(args[0]);
  b.sign = 1;
  for (; id; id >>= kDigitBits) b.digits.push_back(uint32_t(id & kDigitMask));
  return int_from_big(b);
}

Object* builtin_hash(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return nullptr;
  int64_t h = object_hash(args[0]);
  return h == -1 ? nullptr : int_from_i64(h);
}

Object* builtin_abs(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("abs", kwnames) || !check_nargs("abs", nargs, 1, 1)) return nullptr;
  Object* zero = int_from_i64(0);
  int negative = object_rich_compare_bool(args[0], zero, CompareOp::Lt);
  decref(zero);
  if (negative < 0) {
    clear_error();
    return set_error(g_rt->types.TypeError, "bad operand type for abs(): '%s'", type_name(args[0]));
  }
  return negative ? unary_negative(args[0]) : newref(args[0]);
}

Object* builtin_isinstance(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("isinstance", kwnames) || !check_nargs("isinstance", nargs, 2, 2)) return nullptr;
  Object* cls = args[1];
  if (is_tuple(cls)) {
    auto* t = static_cast<TupleObject*>(cls);
    for (int64_t i = 0; i < t->size; ++i)
      if (type_of(tuple_item(t, i)) == g_rt->types.type && is_instance(args[0], static_cast<TypeObject*>(tuple_item(t, i))))
        return bool_obj(true);
    return bool_obj(false);
  }
  if (type_of(cls) != g_rt->types.type) {
    return set_error(g_rt->types.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  }
  return bool_obj(is_instance(args[0], static_cast<TypeObject*>(cls)));
}

const NativeFunctionDef kBuiltinFunctions[] = {
    {"print", builtin_print}, {"len", builtin_len},   {"repr", builtin_repr},
    {"id", builtin_id},       {"hash", builtin_hash}, {"abs", builtin_abs},
    {"isinstance", builtin_isinstance},
};

}  // namespace

Object* make_builtins_module() {
  Object* m = new_module("builtins");
  Object* d = module_dict(m);
  for (const NativeFunctionDef& def : kBuiltinFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    dict_setitem(d, intern_str(def.name), f);
    decref(f);
  }
  const BuiltinTypes& t = g_rt->types;
  TypeObject* const exposed[] = {
      t.object, t.type, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict,
      t.BaseException, t.Exception, t.ArithmeticError, t.ZeroDivisionError, t.OverflowError, t.LookupError,
      t.IndexError, t.KeyError, t.TypeError, t.ValueError, t.NameError, t.UnboundLocalError, t.AttributeError,
      t.RuntimeError, t.RecursionError, t.NotImplementedError, t.MemoryError, t.KeyboardInterrupt, t.SystemExit,
      t.StopIteration, t.SyntaxError, t.IndentationError, t.TabError, t.ImportError, t.ModuleNotFoundError,
      t.AssertionError, t.UnicodeError, t.GeneratorExit,
  };
  for (TypeObject* type : exposed) dict_setitem(d, intern_str(type_name(type)), type);
  dict_setitem(d, intern_str("None"), none());
  dict_setitem(d, intern_str("True"), g_rt->true_obj);
  dict_setitem(d, intern_str("False"), g_rt->false_obj);
  dict_setitem(d, intern_str("NotImplemented"), g_rt->not_implemented);
  dict_setitem(d, intern_str("Ellipsis"), g_rt->ellipsis);
  return m;
}

}  // namespace heaplab
