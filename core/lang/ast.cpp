#include "core/lang/ast.h"

#include <cstring>

namespace heaplab::ast {

namespace {
constexpr size_t kBlockSize = 64 * 1024;
}

void* Arena::allocate(size_t size, size_t align) {
  size_t start = (used_ + align - 1) & ~(align - 1);
  if (blocks_.empty() || start + size > capacity_) {
    size_t block = size > kBlockSize ? size : kBlockSize;
    // new[] of unsigned char is aligned for any fundamental type.
    blocks_.push_back(std::make_unique<unsigned char[]>(block));
    capacity_ = block;
    start = 0;
  }
  used_ = start + size;
  return blocks_.back().get() + start;
}

std::string_view Arena::str(std::string_view text) {
  if (text.empty()) return {};
  char* copy = static_cast<char*>(allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  return {copy, text.size()};
}

}  // namespace heaplab::ast
