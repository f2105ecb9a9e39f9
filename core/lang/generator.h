// Generator objects (PyGenObject): a suspended frame. Its fast locals and
// the part of its value stack in use live in the object itself, after a
// header laid out with CPython 3.12's sizes, so sys.getsizeof agrees.
#pragma once

#include <cstdint>

#include "core/lang/code.h"
#include "core/object/object.h"

namespace heaplab {

enum class GeneratorState : uint32_t { Created, Suspended, Running, Closed };

struct GeneratorObject : Object {
  Ref<Object> weakreflist;
  Ref<Object> name;
  Ref<Object> qualname;
  Ref<Object> code;
  Ref<Object> func;
  Ref<Object> globals;
  uint32_t pc;
  GeneratorState state;
  uint64_t depth;  // value-stack entries saved after the fast locals
  Ref<Object> exc_state;  // the exception its paused frame is handling (gi_exc_state), or null
};

// offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus).
constexpr size_t kGeneratorHeaderSize = 144;

inline Addr* generator_slots(GeneratorObject* g) {
  return reinterpret_cast<Addr*>(reinterpret_cast<uint8_t*>(g) + kGeneratorHeaderSize);
}

// A generator for `func`'s code, taking over the `n` bound fast locals.
GeneratorObject* new_generator(Object* func, Object** locals, size_t n);
bool is_generator(const Object* o);
// Drops the frame's locals and stack and marks the generator finished.
void generator_release_frame(GeneratorObject* g);

void init_generator_type();

}  // namespace heaplab
