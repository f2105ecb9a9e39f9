#include "core/lib/linecache_module.h"

#include <string>

#include "core/lang/interpreter.h"
#include "core/object/abstract.h"
#include "core/object/arguments.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

// getline(filename, lineno, module_globals=None): the line with its newline
// (added to a last line that lacks one, as updatecache does), or '' when the
// file or the line is unknown.
Object* linecache_getline(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!bind_args({"getline", {"filename", "lineno", "module_globals"}, 2, 3}, args, nargs, kwnames, a)) return nullptr;
  int64_t lineno;
  if (!object_as_index(a[1], &lineno)) return nullptr;
  const std::string* src = is_str(a[0]) ? g_interpreter->source(str_to_utf8(static_cast<StrObject*>(a[0]))) : nullptr;
  if (!src || lineno < 1) return str_from_utf8("");
  size_t start = 0;
  for (int64_t i = 1; i < lineno; ++i) {
    start = src->find('\n', start);
    if (start == std::string::npos) return str_from_utf8("");
    ++start;
  }
  if (start >= src->size()) return str_from_utf8("");
  size_t end = src->find('\n', start);
  std::string line = src->substr(start, end == std::string::npos ? std::string::npos : end - start);
  return str_from_utf8(line + "\n");
}

// getlines(filename, module_globals=None): every line of the file, each with
// its newline, or [] when the file is unknown.
Object* linecache_getlines(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!bind_args({"getlines", {"filename", "module_globals"}, 1, 2}, args, nargs, kwnames, a)) return nullptr;
  const std::string* src = is_str(a[0]) ? g_interpreter->source(str_to_utf8(static_cast<StrObject*>(a[0]))) : nullptr;
  Object* lines = list_new(0);
  if (!lines || !src) return lines;
  for (size_t start = 0; start < src->size();) {
    size_t end = src->find('\n', start);
    std::string line = src->substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
    Object* item = str_from_utf8(line);
    if (!item || list_append(lines, item) < 0) {
      xdecref(item);
      decref(lines);
      return nullptr;
    }
    decref(item);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

const NativeFunctionDef kLinecacheFunctions[] = {
    {"getline", linecache_getline},
    {"getlines", linecache_getlines},
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
