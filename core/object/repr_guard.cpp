#include "core/object/repr_guard.h"

#include <unordered_map>
#include <vector>

#include "core/object/runtime.h"

namespace heaplab {

namespace {

// The containers whose repr is in progress, per runtime (the thread
// state's Py_Repr list).
std::vector<Addr>& active() {
  static std::unordered_map<const Runtime*, std::vector<Addr>> lists;
  return lists[g_rt];
}

}  // namespace

ReprGuard::ReprGuard(Object* o) : self_(addr_of(o)) {
  std::vector<Addr>& list = active();
  for (Addr a : list)
    if (a == self_) return;
  list.push_back(self_);
  entered_ = true;
}

ReprGuard::~ReprGuard() {
  if (!entered_) return;
  std::vector<Addr>& list = active();
  for (size_t i = list.size(); i-- > 0;) {
    if (list[i] == self_) {
      list.erase(list.begin() + ptrdiff_t(i));
      break;
    }
  }
}

}  // namespace heaplab
