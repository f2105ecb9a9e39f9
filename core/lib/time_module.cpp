#include "core/lib/time_module.h"

#include <chrono>
#include <ctime>
#include <iterator>

#include "core/object/dict.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/str.h"

namespace heaplab {

namespace {

template <class Clock>
double seconds() {
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

template <class Clock>
int64_t nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

Object* time_perf_counter(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("perf_counter", kwnames) || !check_nargs("perf_counter", nargs, 0, 0)) return nullptr;
  return float_from_double(seconds<std::chrono::steady_clock>());
}

Object* time_perf_counter_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("perf_counter_ns", kwnames) || !check_nargs("perf_counter_ns", nargs, 0, 0)) return nullptr;
  return int_from_i64(nanoseconds<std::chrono::steady_clock>());
}

Object* time_time(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time", kwnames) || !check_nargs("time", nargs, 0, 0)) return nullptr;
  return float_from_double(seconds<std::chrono::system_clock>());
}

Object* time_time_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time_ns", kwnames) || !check_nargs("time_ns", nargs, 0, 0)) return nullptr;
  return int_from_i64(nanoseconds<std::chrono::system_clock>());
}

Object* time_process_time(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("process_time", kwnames) || !check_nargs("process_time", nargs, 0, 0)) return nullptr;
  return float_from_double(double(std::clock()) / CLOCKS_PER_SEC);
}

const NativeFunctionDef kTimeFunctions[] = {
    {"perf_counter", time_perf_counter}, {"perf_counter_ns", time_perf_counter_ns},
    {"monotonic", time_perf_counter},    {"monotonic_ns", time_perf_counter_ns},
    {"time", time_time},                 {"time_ns", time_time_ns},
    {"process_time", time_process_time},
};

}  // namespace

Object* make_time_module() {
  Object* m = new_module("time");
  if (!m) return nullptr;
  for (const NativeFunctionDef& def : kTimeFunctions) {
    Object* f = new_builtin_function(&def, m, nullptr);
    if (!f || dict_setitem(module_dict(m), intern_str(def.name), f) < 0) {
      xdecref(f);
      decref(m);
      return nullptr;
    }
    decref(f);
  }
  return m;
}

}  // namespace heaplab
