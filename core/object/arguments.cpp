#include "core/object/arguments.h"

#include <cstring>
#include <string>

#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace heaplab {

namespace {

const char* bare_name(const char* n) { return n[0] == '$' ? n + 1 : n; }

}  // namespace

bool bind_args(const ArgSpec& spec, Object* const* args, size_t nargs, Object* kwnames, Object** out) {
  size_t n = spec.names.size();
  for (size_t i = 0; i < n; ++i) out[i] = nullptr;
  if (nargs > spec.positional) {
    if (spec.positional == spec.required) {
      set_error(g_rt->types.TypeError, "%s() takes %s %zu positional argument%s (%zu given)", spec.fname,
                spec.required == n ? "exactly" : "at most", spec.positional, spec.positional == 1 ? "" : "s", nargs);
    } else {
      set_error(g_rt->types.TypeError, "%s() takes at most %zu argument%s (%zu given)", spec.fname, spec.positional,
                spec.positional == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    auto* names = static_cast<TupleObject*>(kwnames);
    for (int64_t k = 0; k < names->size; ++k) {
      std::string key = str_to_utf8(static_cast<StrObject*>(tuple_item(names, k)));
      size_t i = 0;
      const char* const* it = spec.names.begin();
      for (; i < n; ++i)
        if (it[i][0] != '$' && key == it[i]) break;
      if (i == n) {
        set_error(g_rt->types.TypeError, "'%s' is an invalid keyword argument for %s()", key.c_str(), spec.fname);
        return false;
      }
      if (out[i]) {
        set_error(g_rt->types.TypeError, "argument for %s() given by name ('%s') and position (%zu)", spec.fname,
                  key.c_str(), i + 1);
        return false;
      }
      out[i] = args[nargs + size_t(k)];
    }
  }
  for (size_t i = 0; i < spec.required; ++i) {
    if (out[i]) continue;
    const char* name = bare_name(spec.names.begin()[i]);
    if (spec.names.begin()[i][0] == '$' || i < nargs) {
      set_error(g_rt->types.TypeError, "%s expected %s%zu argument%s, got %zu", spec.fname,
                spec.required == spec.positional ? "" : "at least ", spec.required, spec.required == 1 ? "" : "s", nargs);
    } else {
      set_error(g_rt->types.TypeError, "%s() missing required argument '%s' (pos %zu)", spec.fname, name, i + 1);
    }
    return false;
  }
  return true;
}

Object* keyword_arg(Object* const* args, size_t nargs, Object* kwnames, const char* name) {
  if (!kwnames) return nullptr;
  auto* names = static_cast<TupleObject*>(kwnames);
  for (int64_t k = 0; k < names->size; ++k) {
    if (str_to_utf8(static_cast<StrObject*>(tuple_item(names, k))) == name) return args[nargs + size_t(k)];
  }
  return nullptr;
}

}  // namespace heaplab
