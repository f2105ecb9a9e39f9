#include "core/lib/time_module.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <iterator>

#include "core/lang/interpreter.h"
#include "core/object/dict.h"
#include "core/object/errors.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/native_function.h"
#include "core/object/runtime.h"
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
  if (!check_no_kwargs("time.perf_counter", kwnames) || !check_nargs("time.perf_counter", nargs, 0, 0)) return nullptr;
  return float_from_double(seconds<std::chrono::steady_clock>());
}

Object* time_perf_counter_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time.perf_counter_ns", kwnames) || !check_nargs("time.perf_counter_ns", nargs, 0, 0)) return nullptr;
  return int_from_i64(nanoseconds<std::chrono::steady_clock>());
}

Object* time_time(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time.time", kwnames) || !check_nargs("time.time", nargs, 0, 0)) return nullptr;
  return float_from_double(seconds<std::chrono::system_clock>());
}

Object* time_time_ns(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time.time_ns", kwnames) || !check_nargs("time.time_ns", nargs, 0, 0)) return nullptr;
  return int_from_i64(nanoseconds<std::chrono::system_clock>());
}

Object* time_process_time(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time.process_time", kwnames) || !check_nargs("time.process_time", nargs, 0, 0)) return nullptr;
  return float_from_double(double(std::clock()) / CLOCKS_PER_SEC);
}

// time.sleep(secs): see Interpreter::sleep (the page never blocks). As
// CPython, the duration must fit in an int64 count of nanoseconds (_PyTime_t).
Object* time_sleep(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("time.sleep", kwnames) || !check_nargs("time.sleep", nargs, 1, 1)) return nullptr;
  double secs;
  Object* x = args[0];
  if (is_float(x)) {
    secs = float_value(x);
    if (std::isnan(secs)) return set_error(g_rt->types.ValueError, "Invalid value NaN (not a number)");
    constexpr double kInt64Range = 9223372036854775808.0;  // 2**63
    if (!(secs * 1e9 >= -kInt64Range && secs * 1e9 < kInt64Range))
      return set_error(g_rt->types.OverflowError, "timestamp out of range for platform time_t");
  } else if (int_is_int(x)) {
    int64_t whole, nanoseconds;
    if (!int_as_i64(static_cast<IntObject*>(x), &whole) || __builtin_mul_overflow(whole, 1'000'000'000, &nanoseconds))
      return set_error(g_rt->types.OverflowError, "timestamp too large to convert to C _PyTime_t");
    secs = double(whole);
  } else {
    return set_error(g_rt->types.TypeError, "'%s' object cannot be interpreted as an integer", type_name(x));
  }
  if (secs < 0) return set_error(g_rt->types.ValueError, "sleep length must be non-negative");
  g_interpreter->sleep(secs);
  return none();
}

const NativeFunctionDef kTimeFunctions[] = {
    {"sleep", time_sleep},
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
