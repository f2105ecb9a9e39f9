#include "core/lib/linecache_module.h"

#include <string>

#include "core/lang/interpreter.h"
#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

// getline(filename, lineno, module_globals=None): the line with its newline,
// or '' when the file or the line is unknown (or the line is blank: heaplab
// keeps sources, not line tables, and a blank line reads as '' here).
Object* linecache_getline(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"getline", {"filename", "lineno", "module_globals"}, 2, 3}, args, nargs, kwnames, a)) return nullptr;
  if (!is_str(a[0])) return str_from_utf8("");
  int64_t lineno;
  if (!object_as_index(a[1], &lineno)) return nullptr;
  if (lineno < 1 || lineno > INT32_MAX) return str_from_utf8("");
  std::string line = g_interpreter->source_line(str_to_utf8(static_cast<StrObject*>(a[0])), int(lineno));
  return str_from_utf8(line.empty() ? line : line + "\n");
}

const NativeFunctionDef kLinecacheFunctions[] = {
    {"getline", linecache_getline},
};

}  // namespace

Object* make_linecache_module() {
  Object* m = new_module("linecache");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  for (const NativeFunctionDef& def : kLinecacheFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    if (!f || dict_setitem(d, intern_str(def.name), f) < 0) {
      xdecref(f);
      decref(m);
      return nullptr;
    }
    decref(f);
  }
  return m;
}

}  // namespace heaplab
