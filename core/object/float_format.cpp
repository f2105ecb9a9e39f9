#include "core/object/float_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace heaplab {

namespace {

// The shortest decimal digits that round-trip, and the decimal point
// position: v = 0.DIGITS * 10**decpt. snprintf rounds correctly at each
// precision, so the first precision that reads back exactly is the shortest
// (std::to_chars would do, but Emscripten 3.1.6's libc++ lacks it for double).
std::string shortest_digits(double v, int* decpt) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (precision == 17 || std::strtod(buf, nullptr) == v) break;
  }
  std::string digits;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') digits.push_back(*p);
  int exp10 = std::atoi(p + 1);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  *decpt = exp10 + 1;
  return digits;
}

}  // namespace

std::string format_float_repr(double v, bool drop_point_zero) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string out = std::signbit(v) ? "-" : "";
  int decpt;
  std::string digits = shortest_digits(std::fabs(v), &decpt);
  int nd = int(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (nd > 1) out += "." + digits.substr(1);
    int e = decpt - 1;
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return out + ebuf;
  }
  if (decpt <= 0) return out + "0." + std::string(size_t(-decpt), '0') + digits;
  if (decpt >= nd) {
    out += digits + std::string(size_t(decpt - nd), '0');
    return drop_point_zero ? out : out + ".0";
  }
  return out + digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
}

}  // namespace heaplab
