// Modules heaplab implements in Python (core/lib/python/*.py), embedded in
// the binary at build time.
#pragma once

#include <cstddef>
#include <string_view>

namespace heaplab {

struct EmbeddedModule {
  const char* name;
  const char* source;
};

extern const EmbeddedModule kEmbeddedModules[];
extern const size_t kEmbeddedModuleCount;

// The source of the embedded module `name`, or nullptr.
inline const char* embedded_python_source(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedModuleCount; ++i)
    if (name == kEmbeddedModules[i].name) return kEmbeddedModules[i].source;
  return nullptr;
}

}  // namespace heaplab
