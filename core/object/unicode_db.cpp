#include "core/object/unicode_db.h"

#include <algorithm>
#include <cstdint>

#include "core/object/unicode_db_tables.h"

namespace heaplab {

namespace {

using namespace unicode_db;

enum Flag : uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kSpace = 1 << 4,
  kLinebreak = 1 << 5,
  kPrintable = 1 << 6,
  kUpper = 1 << 7,
  kLower = 1 << 8,
  kTitle = 1 << 9,
  kCaseIgnorable = 1 << 10,
  kXidStart = 1 << 11,
  kXidContinue = 1 << 12,
};

uint16_t flags_of(char32_t c) {
  if (c > 0x10ffff) return 0;
  const uint32_t* end = kRunStarts + kRunCount;
  const uint32_t* run = std::upper_bound(kRunStarts, end, uint32_t(c)) - 1;
  return kRunFlags[run - kRunStarts];
}

bool has(char32_t c, uint16_t flag) { return flags_of(c) & flag; }

const CaseEntry* case_entry(char32_t c) {
  const CaseEntry* end = kCases + kCaseCount;
  const CaseEntry* e = std::lower_bound(kCases, end, uint32_t(c), [](const CaseEntry& x, uint32_t v) { return x.cp < v; });
  return e != end && e->cp == c ? e : nullptr;
}

void append_mapping(std::u32string& out, uint32_t m) {
  if (!(m & 0x80000000u)) {
    out.push_back(char32_t(m));
    return;
  }
  uint32_t len = (m >> 24) & 0xf, offset = m & 0xffffff;
  out.append(kCasePool + offset, len);
}

}  // namespace

bool unicode_is_alpha(char32_t c) { return has(c, kAlpha); }
bool unicode_is_decimal(char32_t c) { return has(c, kDecimal); }
bool unicode_is_digit(char32_t c) { return has(c, kDigit); }
bool unicode_is_numeric(char32_t c) { return has(c, kNumeric); }
bool unicode_is_space(char32_t c) { return has(c, kSpace); }
bool unicode_is_linebreak(char32_t c) { return has(c, kLinebreak); }
bool unicode_is_printable(char32_t c) { return has(c, kPrintable); }
bool unicode_is_upper(char32_t c) { return has(c, kUpper); }
bool unicode_is_lower(char32_t c) { return has(c, kLower); }
bool unicode_is_title(char32_t c) { return has(c, kTitle); }
bool unicode_is_cased(char32_t c) { return has(c, kUpper | kLower | kTitle); }
bool unicode_is_case_ignorable(char32_t c) { return has(c, kCaseIgnorable); }
bool unicode_is_xid_start(char32_t c) { return has(c, kXidStart); }
bool unicode_is_xid_continue(char32_t c) { return has(c, kXidContinue); }

void unicode_append_upper(std::u32string& out, char32_t c) {
  const CaseEntry* e = case_entry(c);
  if (e) append_mapping(out, e->upper);
  else out.push_back(c);
}
void unicode_append_lower(std::u32string& out, char32_t c) {
  const CaseEntry* e = case_entry(c);
  if (e) append_mapping(out, e->lower);
  else out.push_back(c);
}
void unicode_append_title(std::u32string& out, char32_t c) {
  const CaseEntry* e = case_entry(c);
  if (e) append_mapping(out, e->title);
  else out.push_back(c);
}
void unicode_append_casefold(std::u32string& out, char32_t c) {
  const CaseEntry* e = case_entry(c);
  if (e) append_mapping(out, e->fold);
  else out.push_back(c);
}

}  // namespace heaplab
