#include "core/object/text_codecs.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/int.h"
#include "core/object/runtime.h"
#include "core/object/str.h"
#include "core/object/str_format.h"

namespace heaplab {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE, Unknown };
enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, Unknown };

// Codec names as the codecs registry normalizes them (case, '_' and ' ').
Codec codec_of(const std::string& name) {
  std::string n;
  for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : char(c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf") return Codec::Utf8;
  if (n == "utf-16" || n == "utf16" || n == "u16") return Codec::Utf16;
  if (n == "utf-16-le" || n == "utf-16le") return Codec::Utf16LE;
  if (n == "utf-16-be" || n == "utf-16be") return Codec::Utf16BE;
  if (n == "utf-32" || n == "utf32" || n == "u32") return Codec::Utf32;
  if (n == "utf-32-le" || n == "utf-32le") return Codec::Utf32LE;
  if (n == "utf-32-be" || n == "utf-32be") return Codec::Utf32BE;
  if (n == "ascii" || n == "us-ascii" || n == "646") return Codec::Ascii;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" || n == "latin" ||
      n == "8859" || n == "cp819")
    return Codec::Latin1;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16LE: return "utf-16-le";
    case Codec::Utf16BE: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32LE: return "utf-32-le";
    case Codec::Utf32BE: return "utf-32-be";
    case Codec::Unknown: break;
  }
  return "";
}

bool is_utf16(Codec c) { return c == Codec::Utf16 || c == Codec::Utf16LE || c == Codec::Utf16BE; }
bool is_utf32(Codec c) { return c == Codec::Utf32 || c == Codec::Utf32LE || c == Codec::Utf32BE; }
// The byte order of a UTF-16/32 codec: the BOM-writing ones are little-endian.
bool big_endian(Codec c) { return c == Codec::Utf16BE || c == Codec::Utf32BE; }

// Appends the code unit u of `width` bytes.
void put_unit(std::string& out, uint32_t u, int width, bool be) {
  for (int k = 0; k < width; ++k) out.push_back(char(u >> (8 * (be ? width - 1 - k : k))));
}

uint32_t get_unit(std::string_view data, size_t at, int width, bool be) {
  uint32_t u = 0;
  for (int k = 0; k < width; ++k) u |= uint32_t(uint8_t(data[at + size_t(k)])) << (8 * (be ? width - 1 - k : k));
  return u;
}

// Code point c in the codec (one the codec can encode).
void emit(std::string& out, Codec codec, uint32_t c) {
  if (codec == Codec::Utf8) {
    append_utf8(out, c);
  } else if (is_utf16(codec)) {
    if (c >= 0x10000) {
      put_unit(out, 0xd800 + ((c - 0x10000) >> 10), 2, big_endian(codec));
      put_unit(out, 0xdc00 + ((c - 0x10000) & 0x3ff), 2, big_endian(codec));
    } else {
      put_unit(out, c, 2, big_endian(codec));
    }
  } else if (is_utf32(codec)) {
    put_unit(out, c, 4, big_endian(codec));
  } else {
    out.push_back(char(c));
  }
}

Handler handler_of(const std::string& name) {
  if (name == "strict") return Handler::Strict;
  if (name == "ignore") return Handler::Ignore;
  if (name == "replace") return Handler::Replace;
  if (name == "backslashreplace") return Handler::BackslashReplace;
  if (name == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  return Handler::Unknown;
}

// The encoding and errors arguments; false with an exception set.
bool parse(const char* fname, Object* encoding, Object* errors, Codec* codec, Handler* handler) {
  std::string enc = "utf-8", err = "strict";
  if (encoding) {
    if (!is_str(encoding)) {
      set_error(g_rt->types.TypeError, "%s() argument 'encoding' must be str, not %s", fname, type_name(encoding));
      return false;
    }
    enc = str_to_utf8(static_cast<StrObject*>(encoding));
  }
  if (errors) {
    if (!is_str(errors)) {
      set_error(g_rt->types.TypeError, "%s() argument 'errors' must be str, not %s", fname, type_name(errors));
      return false;
    }
    err = str_to_utf8(static_cast<StrObject*>(errors));
  }
  *codec = codec_of(enc);
  if (*codec == Codec::Unknown) {
    set_error(g_rt->types.LookupError, "unknown encoding: %s", enc.c_str());
    return false;
  }
  *handler = handler_of(err);
  if (*handler == Handler::Unknown) {
    set_error(g_rt->types.LookupError, "unknown error handler name '%s'", err.c_str());
    return false;
  }
  return true;
}

// The length of the maximal valid UTF-8 sequence starting at data[i]: 0 for
// an invalid start byte, the whole character's length when it is complete.
// *truncated: the data ended inside it.
size_t utf8_prefix(std::string_view data, size_t i, size_t* need, bool* truncated) {
  auto c = uint8_t(data[i]);
  *truncated = false;
  uint8_t lo = 0x80, hi = 0xbf;  // the second byte's range
  if (c < 0x80) *need = 1;
  else if (c >= 0xc2 && c <= 0xdf) *need = 2;
  else if (c >= 0xe0 && c <= 0xef) *need = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
  else if (c >= 0xf0 && c <= 0xf4) *need = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
  else return 0;
  size_t n = 1;
  for (; n < *need; ++n) {
    if (i + n >= data.size()) {
      *truncated = true;
      break;
    }
    auto b = uint8_t(data[i + n]);
    if (n == 1 ? (b < lo || b > hi) : (b & 0xc0) != 0x80) break;
  }
  return n;
}

// Raises `type`(encoding, object, start, end, reason), as CPython's codecs
// do: the exception's str() spells out the byte or character at fault.
void raise_codec_error(TypeObject* type, Codec codec, Object* object, int64_t start, int64_t end, const char* reason) {
  Object* args[5] = {str_from_utf8(codec_name(codec)), object, int_from_i64(start), int_from_i64(end),
                     str_from_utf8(reason)};
  bool ok = args[0] && args[1] && args[2] && args[3] && args[4];
  Object* exc = ok ? object_call(type, args, 5, nullptr) : nullptr;
  for (Object* a : args) xdecref(a);
  if (exc) {
    raise(exc);
    decref(exc);
  } else if (!error_occurred()) {
    set_memory_error();
  }
}

void decode_error(Codec codec, std::string_view data, size_t start, size_t end, const char* reason) {
  raise_codec_error(g_rt->types.UnicodeDecodeError, codec, bytes_from_data(data), int64_t(start), int64_t(end), reason);
}

// What a decoding error handler puts in place of the bytes [start, end).
void decode_replacement(Handler h, std::string_view data, size_t start, size_t end, std::u32string* out) {
  if (h == Handler::Replace) {
    out->push_back(0xfffd);
  } else if (h == Handler::BackslashReplace) {
    for (size_t k = start; k < end; ++k) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", unsigned(uint8_t(data[k])));
      for (const char* p = hex; *p; ++p) out->push_back(char32_t(*p));
    }
  }
}

// UTF-16 and UTF-32: a BOM picks the byte order of "utf-16"/"utf-32" (else
// little-endian); surrogate pairs combine; CPython's reasons for bad data.
Object* decode_units(std::string_view data, Codec codec, Handler handler) {
  int width = is_utf16(codec) ? 2 : 4;
  size_t q = 0;
  if (codec == Codec::Utf16 || codec == Codec::Utf32) {
    bool le_bom = width == 2 ? data.substr(0, 2) == "\xff\xfe" : data.substr(0, 4) == std::string_view("\xff\xfe\0\0", 4);
    bool be_bom = width == 2 ? data.substr(0, 2) == "\xfe\xff" : data.substr(0, 4) == std::string_view("\0\0\xfe\xff", 4);
    if (le_bom || be_bom) q = size_t(width);
    codec = width == 2 ? (be_bom ? Codec::Utf16BE : Codec::Utf16LE) : (be_bom ? Codec::Utf32BE : Codec::Utf32LE);
  }
  bool be = big_endian(codec);
  std::u32string out;
  while (q < data.size()) {
    size_t start = q, end;
    const char* reason;
    if (data.size() - q < size_t(width)) {
      end = data.size();
      reason = "truncated data";
    } else if (width == 4) {
      uint32_t u = get_unit(data, q, 4, be);
      end = q + 4;
      if (u < 0x110000 && !(u >= 0xd800 && u <= 0xdfff)) {
        out.push_back(char32_t(u));
        q = end;
        continue;
      }
      reason = u >= 0x110000 ? "code point not in range(0x110000)"
                             : "code point in surrogate code point range(0xd800, 0xe000)";
    } else {
      uint32_t u = get_unit(data, q, 2, be);
      if (u < 0xd800 || u > 0xdfff) {
        out.push_back(char32_t(u));
        q += 2;
        continue;
      }
      if (u >= 0xdc00) {
        end = q + 2;
        reason = "illegal encoding";
      } else if (data.size() - q < 4) {
        end = data.size();
        reason = "unexpected end of data";
      } else {
        uint32_t u2 = get_unit(data, q + 2, 2, be);
        if (u2 >= 0xdc00 && u2 <= 0xdfff) {
          out.push_back(char32_t(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00)));
          q += 4;
          continue;
        }
        end = q + 2;
        reason = "illegal UTF-16 surrogate";
      }
    }
    if (handler == Handler::Strict) {
      decode_error(codec, data, start, end, reason);
      return nullptr;
    }
    decode_replacement(handler, data, start, end, &out);
    q = end;
  }
  return str_from_codepoints(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

}  // namespace

Object* decode_bytes(std::string_view data, Object* encoding, Object* errors) {
  Codec codec;
  Handler handler;
  if (!parse("decode", encoding, errors, &codec, &handler)) return nullptr;
  if (handler == Handler::XmlCharRefReplace) {
    return set_error(g_rt->types.TypeError, "don't know how to handle UnicodeDecodeError in error callback");
  }
  if (is_utf16(codec) || is_utf32(codec)) return decode_units(data, codec, handler);
  std::u32string out;
  out.reserve(data.size());
  for (size_t i = 0; i < data.size();) {
    auto c = uint8_t(data[i]);
    if (c < 0x80 || codec == Codec::Latin1) {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t end;
    const char* reason;
    if (codec == Codec::Ascii) {
      end = i + 1;
      reason = "ordinal not in range(128)";
    } else {
      size_t need = 1;
      bool truncated;
      size_t n = utf8_prefix(data, i, &need, &truncated);
      if (n == need) {
        uint32_t cp = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
        for (size_t k = 1; k < n; ++k) cp = cp << 6 | (uint8_t(data[i + k]) & 0x3f);
        out.push_back(char32_t(cp));
        i += n;
        continue;
      }
      end = i + (n == 0 ? 1 : n);
      reason = n == 0 ? "invalid start byte" : truncated ? "unexpected end of data" : "invalid continuation byte";
    }
    if (handler == Handler::Strict) {
      decode_error(codec, data, i, end, reason);
      return nullptr;
    }
    decode_replacement(handler, data, i, end, &out);
    i = end;
  }
  return str_from_codepoints(reinterpret_cast<const uint32_t*>(out.data()), out.size());
}

Object* encode_str(StrObject* s, Object* encoding, Object* errors) {
  Codec codec;
  Handler handler;
  if (!parse("encode", encoding, errors, &codec, &handler)) return nullptr;
  uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
  bool unicode = limit == 0x110000;  // the UTF codecs: only surrogates fail
  std::string out;
  if (codec == Codec::Utf16) out = "\xff\xfe";
  if (codec == Codec::Utf32) out = std::string("\xff\xfe\0\0", 4);
  for (int64_t i = 0; i < s->length;) {
    uint32_t c = str_char(s, i);
    bool surrogate = c >= 0xd800 && c <= 0xdfff;
    if (c < limit && !(unicode && surrogate)) {
      emit(out, codec, c);
      ++i;
      continue;
    }
    // A run of characters the codec cannot encode.
    int64_t end = i + 1;
    auto unencodable = [&](uint32_t x) {
      return unicode ? x >= 0xd800 && x <= 0xdfff : x >= limit;
    };
    // UTF-8 and the 8-bit codecs report a run of them; UTF-16/32 one at a time.
    bool runs = !is_utf16(codec) && !is_utf32(codec);
    while (runs && end < s->length && unencodable(str_char(s, end))) ++end;
    if (handler == Handler::Strict) {
      const char* reason = unicode ? "surrogates not allowed"
                           : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
      raise_codec_error(g_rt->types.UnicodeEncodeError, codec, newref(s), i, end, reason);
      return nullptr;
    }
    for (int64_t k = i; k < end; ++k) {
      uint32_t x = str_char(s, k);
      char buf[16];
      buf[0] = 0;
      if (handler == Handler::Replace) {
        std::snprintf(buf, sizeof buf, "?");
      } else if (handler == Handler::XmlCharRefReplace) {
        std::snprintf(buf, sizeof buf, "&#%u;", x);
      } else if (handler == Handler::BackslashReplace) {
        std::snprintf(buf, sizeof buf, x < 0x100 ? "\\x%02x" : x < 0x10000 ? "\\u%04x" : "\\U%08x", x);
      }
      for (const char* p = buf; *p; ++p) emit(out, codec, uint8_t(*p));
    }
    i = end;
  }
  return bytes_from_data(out);
}

}  // namespace heaplab
