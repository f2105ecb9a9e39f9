// Share links: the program, its exercise and the settings in the page's URL
// fragment, as "#v1." + base64url(deflate-raw(JSON)). This is the one reader
// of a link (the page calls it through the wasm module): bounded at every
// step, it turns any fragment into either the checked state or a sentence
// saying why the link cannot be opened.
//   state: {"code": string,
//           "exercise"?: "03_cycles" (a built-in id) | {...} (a whole exercise, the JSON format),
//           "settings"?: {"memoryLimitMb", "thresholds": [t0, t1, t2], "debugAllocator"}}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace heaplab {

constexpr size_t kMaxShareFragmentChars = 8 * 1024;  // after the '#', as JavaScript counts
constexpr size_t kMaxShareJsonBytes = 64 * 1024;     // the inflated JSON
constexpr size_t kMaxShareCodeChars = 60'000;

struct ShareLinkResult {
  bool ok = false;
  // On success: the state holding only the checked fields, settings completed
  // with their defaults (an exercise: null is left out), as JSON text.
  std::string state_json;
  // On failure: the sentence for the page ("This share link cannot be opened: ...").
  std::string error;
  // On failure: only what is wrong ("its code is longer than 60000 characters"),
  // for the sentence of the page's Share dialog.
  std::string reason;
};

// `fragment` is location.hash as the page sees it ("#v1.<base64url>").
// Never allocates more than kMaxShareJsonBytes for the inflated data beyond
// the input and its parse; linear time.
ShareLinkResult decode_share_link(std::string_view fragment);

}  // namespace heaplab
