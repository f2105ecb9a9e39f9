// Py_ReprEnter / Py_ReprLeave: a container whose repr is already being
// built shows as [...] or {...} when met again inside itself, instead of
// recursing for ever.
#pragma once

#include "core/object/object.h"

namespace heaplab {

class ReprGuard {
 public:
  explicit ReprGuard(Object* o);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool entered() const { return entered_; }

 private:
  Addr self_;
  bool entered_ = false;
};

}  // namespace heaplab
