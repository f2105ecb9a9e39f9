// libFuzzer target for the share-link decoder (core/share/share_link.h). Each
// input is tried three ways: as the fragment itself; as "#v1." + base64url of
// the bytes, which hands the inflater arbitrary deflate streams; and wrapped
// in a stored deflate block, which hands the UTF-8, JSON and state checks
// arbitrary text. Nothing may crash, every refusal is a sentence, and an
// accepted link's state is JSON that reads back as an object with its code.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/exercise/json.h"
#include "core/share/base64url.h"
#include "core/share/share_link.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check(const heaplab::ShareLinkResult& result) {
  if (!result.ok) {
    require(result.state_json.empty() && !result.reason.empty());
    require(result.error.rfind("This share link cannot be opened: ", 0) == 0);
    return;
  }
  require(result.error.empty());
  const heaplab::JsonParseResult state = heaplab::parse_json(result.state_json);
  require(state.value && state.value->kind == heaplab::JsonValue::Kind::Object);
  const heaplab::JsonValue* code = state.value->find("code");
  require(code && code->kind == heaplab::JsonValue::Kind::String);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(heaplab::decode_share_link(bytes));
  check(heaplab::decode_share_link("#v1." + heaplab::to_base64url(bytes)));
  if (size <= 0xFFFF) {
    std::string stored = "\x01";  // the final block, stored: LEN, its complement, the bytes
    stored += char(size & 0xFF);
    stored += char(size >> 8);
    stored += char(~size & 0xFF);
    stored += char((~size >> 8) & 0xFF);
    stored += bytes;
    check(heaplab::decode_share_link("#v1." + heaplab::to_base64url(stored)));
  }
  return 0;
}
