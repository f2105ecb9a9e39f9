// int: CPython 3.12's PyLongObject. Arbitrary precision in 30-bit digits,
// least significant first; lv_tag packs the digit count and the sign.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/object/object.h"

namespace heaplab {

struct IntObject : Object {
  uint64_t lv_tag;   // ndigits << 3 | sign (0 positive, 1 zero, 2 negative)
  uint32_t digit[1];  // at least one digit is always allocated
};

constexpr int kDigitBits = 30;
constexpr uint32_t kDigitMask = (1u << kDigitBits) - 1;
constexpr size_t kIntHeaderSize = 24;  // offsetof(PyLongObject, long_value.ob_digit)

inline size_t int_ndigits(const IntObject* v) { return v->lv_tag >> 3; }
inline int int_sign(const IntObject* v) { return 1 - int(v->lv_tag & 3); }  // 1, 0, -1

// A magnitude as a little-endian vector of 30-bit digits, with its sign:
// the working form of the arithmetic.
struct BigInt {
  int sign = 0;  // -1, 0, 1
  std::vector<uint32_t> digits;
};

Object* int_from_i64(int64_t v);
Object* int_from_big(const BigInt& b);
// Parses digits in `base` (2..36, no prefix, no underscores); nullptr on bad text.
Object* int_from_digits(std::string_view digits, int base, bool negative);
BigInt int_to_big(const IntObject* v);
// True and sets *out when the value fits in int64.
bool int_as_i64(const IntObject* v, int64_t* out);
// -1, 0 or 1 as a is less than, equal to or greater than b.
int int_compare(const IntObject* a, const IntObject* b);
double int_as_double(const IntObject* v, bool* overflow);
std::string int_to_decimal(const IntObject* v);
bool int_is_int(const Object* o);  // int or a subclass (bool included)

// sys.get_int_max_str_digits(): the most decimal digits str() and int()
// convert (0: no limit); 4300 at runtime start.
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t limit);
// The decimal text of v, or nullptr with ValueError past the digit limit.
bool int_to_decimal_limited(const IntObject* v, std::string* out);
// ValueError for int() parsing `ndigits` digits past the limit; false then.
bool int_check_parse_digits(size_t ndigits);

void init_int_type();

}  // namespace heaplab
