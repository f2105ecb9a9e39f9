// Unicode character classes and case mappings, exactly as CPython 3.12's
// (Unicode 15.0): what str's predicates, case methods, isidentifier and repr
// (printable or escaped) consult.
#pragma once

#include <string>

namespace heaplab {

bool unicode_is_alpha(char32_t c);
bool unicode_is_decimal(char32_t c);
bool unicode_is_digit(char32_t c);
bool unicode_is_numeric(char32_t c);
bool unicode_is_space(char32_t c);
bool unicode_is_linebreak(char32_t c);
bool unicode_is_printable(char32_t c);
bool unicode_is_upper(char32_t c);
bool unicode_is_lower(char32_t c);
bool unicode_is_title(char32_t c);
bool unicode_is_cased(char32_t c);  // upper, lower or titlecase
bool unicode_is_case_ignorable(char32_t c);
bool unicode_is_xid_start(char32_t c);     // or '_': a valid first identifier character
bool unicode_is_xid_continue(char32_t c);

// Full mappings (one character may become several: ß -> SS), appended to out.
void unicode_append_upper(std::u32string& out, char32_t c);
void unicode_append_lower(std::u32string& out, char32_t c);
void unicode_append_title(std::u32string& out, char32_t c);
void unicode_append_casefold(std::u32string& out, char32_t c);

}  // namespace heaplab
