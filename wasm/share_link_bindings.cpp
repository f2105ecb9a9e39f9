// JavaScript binding of the share-link decoder (core/share), for the page's
// worker. In JavaScript:
//
//   heaplab.decodeShareLink(fragment)  -> {ok: true, state: "<the checked state as JSON text>"}
//                                      |  {ok: false, error: "This share link cannot be opened: ...",
//                                          reason: "<only what is wrong>"}
#include <emscripten/bind.h>

#include <string>

#include "core/share/share_link.h"

namespace {

emscripten::val decode_share_link_js(const std::string& fragment) {
  const heaplab::ShareLinkResult result = heaplab::decode_share_link(fragment);
  emscripten::val out = emscripten::val::object();
  out.set("ok", result.ok);
  if (result.ok) {
    out.set("state", result.state_json);
  } else {
    out.set("error", result.error);
    out.set("reason", result.reason);
  }
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(heaplab_share_link) {
  emscripten::function("decodeShareLink", &decode_share_link_js);
}
