#include "core/memory/debug_hooks.h"

#include <cstdio>
#include <cstring>
#include <utility>

namespace heaplab::memory {

namespace {

void write_size_be(uint8_t* p, size_t n) {
  for (int i = 7; i >= 0; --i) {
    p[i] = uint8_t(n & 0xff);
    n >>= 8;
  }
}

size_t read_size_be(const uint8_t* p) {
  size_t n = 0;
  for (int i = 0; i < 8; ++i) n = (n << 8) | p[i];
  return n;
}

std::string hex_addr(Addr a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a));
  return buf;
}

std::string pad_report(const char* what, const uint8_t* bytes, int count, bool leading) {
  std::string out = std::string("    The ") + std::to_string(count) + " pad bytes at " + what + " are ";
  bool ok = true;
  for (int i = 0; i < count; ++i) ok = ok && bytes[i] == kForbiddenByte;
  if (ok) return out + "FORBIDDENBYTE, as expected.\n";
  out += "not all FORBIDDENBYTE (0xfd):\n";
  char line[64];
  for (int i = 0; i < count; ++i) {
    if (leading) {
      std::snprintf(line, sizeof line, "        at p-%d: 0x%02x", count - i, bytes[i]);
    } else {
      std::snprintf(line, sizeof line, "        at tail+%d: 0x%02x", i, bytes[i]);
    }
    out += line;
    if (bytes[i] != kForbiddenByte) out += " *** OUCH";
    out += '\n';
  }
  return out;
}

}  // namespace

Addr DebugHooks::decorate(Region& region, Addr block, size_t nbytes, Domain domain, bool fill_clean) const {
  uint8_t* head = region.at<uint8_t>(block);
  write_size_be(head, nbytes);
  head[8] = uint8_t(debug_api_id(domain));
  std::memset(head + 9, kForbiddenByte, 7);
  uint8_t* data = head + kDebugHeaderSize;
  if (fill_clean) std::memset(data, kCleanByte, nbytes);
  std::memset(data + nbytes, kForbiddenByte, 8);
  return block + kDebugHeaderSize;
}

size_t DebugHooks::requested_size(const Region& region, Addr p) const {
  return read_size_be(region.at<const uint8_t>(p - kDebugHeaderSize));
}

bool DebugHooks::check(const Region& region, const char* func, Domain domain, Addr p, size_t usable) {
  const uint8_t* q = region.at<const uint8_t>(p);
  const char id = char(q[-8]);
  std::string error;
  bool size_trusted = false;
  if (id != debug_api_id(domain)) {
    error = std::string("bad ID: Allocated using API '") + id + "', verified using API '" + debug_api_id(domain) + "'";
  } else if (std::memcmp(q - 7, "\xfd\xfd\xfd\xfd\xfd\xfd\xfd", 7) != 0) {
    error = "bad leading pad byte";
  } else {
    // A size that does not fit the underlying block is corruption too; CPython
    // would read past the block here.
    size_t n = requested_size(region, p);
    size_trusted = usable >= kDebugExtraBytes && n <= usable - kDebugExtraBytes;
    if (!size_trusted || std::memcmp(q + n, "\xfd\xfd\xfd\xfd\xfd\xfd\xfd\xfd", 8) != 0)
      error = "bad trailing pad byte";
  }
  if (error.empty()) return true;
  reports_.push_back(dump_address(region, p, size_trusted) + "Fatal Python error: " + func + ": " + error + "\n");
  return false;
}

// _PyObject_DebugDumpAddress's text, with the region offset for the address.
std::string DebugHooks::dump_address(const Region& region, Addr p, bool size_trusted) const {
  const uint8_t* q = region.at<const uint8_t>(p);
  const size_t nbytes = requested_size(region, p);
  std::string out = "Debug memory block at address p=" + hex_addr(p) + ": API '" + char(q[-8]) + "'\n";
  out += "    " + std::to_string(nbytes) + " bytes originally requested\n";
  out += pad_report("p-7", q - 7, 7, true);
  if (!size_trusted) return out + "    The size is corrupted; the trailing pad bytes were not read.\n\n";
  const uint8_t* tail = q + nbytes;
  out += pad_report(("tail=" + hex_addr(p + nbytes)).c_str(), tail, 8, false);
  if (nbytes > 0) {
    out += "    Data at p:";
    char byte[8];
    size_t shown = nbytes <= 16 ? nbytes : 8;
    for (size_t i = 0; i < shown; ++i) {
      std::snprintf(byte, sizeof byte, " %02x", q[i]);
      out += byte;
    }
    if (nbytes > 16) {
      out += " ...";
      for (size_t i = nbytes - 8; i < nbytes; ++i) {
        std::snprintf(byte, sizeof byte, " %02x", q[i]);
        out += byte;
      }
    }
    out += '\n';
  }
  return out + '\n';
}

std::vector<std::string> DebugHooks::take_reports() { return std::exchange(reports_, {}); }

}  // namespace heaplab::memory
