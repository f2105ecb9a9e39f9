#include "core/object/text_codecs.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/object/abstract.h"
#include "core/object/bytes.h"
#include "core/object/errors.h"
#include "core/object/runtime.h"
#include "core/object/str_format.h"

namespace heaplab {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };
enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, Unknown };

// Codec names as the codecs registry normalizes them (case, '_' and ' ').
Codec codec_of(const std::string& name) {
  std::string n;
  for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : char(c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf") return Codec::Utf8;
  if (n == "ascii" || n == "us-ascii" || n == "646") return Codec::Ascii;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" || n == "latin" ||
      n == "8859" || n == "cp819")
    return Codec::Latin1;
  return Codec::Unknown;
}

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

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

void decode_error(Codec codec, std::string_view data, size_t start, size_t end, const char* reason) {
  if (end - start == 1) {
    set_error(g_rt->types.UnicodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec_name(codec),
              unsigned(uint8_t(data[start])), start, reason);
  } else {
    set_error(g_rt->types.UnicodeError, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec_name(codec), start,
              end - 1, reason);
  }
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

}  // namespace

Object* decode_bytes(std::string_view data, Object* encoding, Object* errors) {
  Codec codec;
  Handler handler;
  if (!parse("decode", encoding, errors, &codec, &handler)) return nullptr;
  if (handler == Handler::XmlCharRefReplace) {
    return set_error(g_rt->types.TypeError, "don't know how to handle UnicodeDecodeError in error callback");
  }
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
  std::string out;
  for (int64_t i = 0; i < s->length;) {
    uint32_t c = str_char(s, i);
    bool surrogate = c >= 0xd800 && c <= 0xdfff;
    if (c < limit && !(codec == Codec::Utf8 && surrogate)) {
      if (codec == Codec::Utf8) append_utf8(out, c);
      else out.push_back(char(c));
      ++i;
      continue;
    }
    // A run of characters the codec cannot encode.
    int64_t end = i + 1;
    auto unencodable = [&](uint32_t x) {
      return codec == Codec::Utf8 ? x >= 0xd800 && x <= 0xdfff : x >= limit;
    };
    while (end < s->length && unencodable(str_char(s, end))) ++end;
    if (handler == Handler::Strict) {
      const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                           : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
      if (end - i == 1) {
        Object* ch = str_char_object(c);
        std::string r;
        bool ok = ch && repr_utf8(ch, &r);
        xdecref(ch);
        if (!ok) return nullptr;
        return set_error(g_rt->types.UnicodeError, "'%s' codec can't encode character %s in position %lld: %s",
                         codec_name(codec), ascii_escape(r).c_str(), (long long)i, reason);
      }
      return set_error(g_rt->types.UnicodeError, "'%s' codec can't encode characters in position %lld-%lld: %s",
                       codec_name(codec), (long long)i, (long long)(end - 1), reason);
    }
    for (int64_t k = i; k < end; ++k) {
      uint32_t x = str_char(s, k);
      char buf[16];
      if (handler == Handler::Replace) {
        out.push_back('?');
      } else if (handler == Handler::XmlCharRefReplace) {
        std::snprintf(buf, sizeof buf, "&#%u;", x);
        out += buf;
      } else if (handler == Handler::BackslashReplace) {
        std::snprintf(buf, sizeof buf, x < 0x100 ? "\\x%02x" : x < 0x10000 ? "\\u%04x" : "\\U%08x", x);
        out += buf;
      }
    }
    i = end;
  }
  return bytes_from_data(out);
}

}  // namespace heaplab
