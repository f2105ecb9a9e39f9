#include "core/object/host_stack.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/stack.h>
#else
#include <pthread.h>
#endif

namespace heaplab {

uintptr_t g_host_stack_floor = 0;

namespace {

#if defined(__SANITIZE_ADDRESS__)  // GCC's name; clang's is __has_feature
#define HEAPLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAPLAB_ASAN 1
#endif
#endif

#if defined(HEAPLAB_ASAN)
constexpr uintptr_t kReserve = uintptr_t(1) << 20;  // ASan's frames and its own reports need more
#elif defined(__EMSCRIPTEN__)
constexpr uintptr_t kReserve = uintptr_t(16) << 10;  // of the shadow stack, which holds few frames
#else
constexpr uintptr_t kReserve = uintptr_t(256) << 10;
#endif

uintptr_t stack_floor() {
#ifdef __EMSCRIPTEN__
  return emscripten_stack_get_end() + kReserve;  // the stack grows down to its end
#else
  pthread_attr_t attr;
  void* low = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  bool known = pthread_attr_getstack(&attr, &low, &size) == 0;
  pthread_attr_destroy(&attr);
  if (!known) return 0;  // unknown: only the depth counters guard
  return uintptr_t(low) + (size > 2 * kReserve ? kReserve : size / 2);
#endif
}

}  // namespace

void host_stack_init() {
  thread_local uintptr_t floor = stack_floor();
  g_host_stack_floor = floor;
}

}  // namespace heaplab
