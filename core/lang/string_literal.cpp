#include "core/lang/string_literal.h"

#include <cstdio>

namespace heaplab {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xc0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += char(0xe0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  } else {
    out += char(0xf0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3f));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string codec_error(bool bytes, size_t start, size_t end, const char* what) {
  char buf[160];
  if (bytes) {
    std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", start);
  } else {
    std::snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                  start, end, what);
  }
  return buf;
}

// Processes the escapes of `body` (the text between the quotes).
DecodeStatus unescape(std::string_view body, bool bytes, std::string& out, std::string& error) {
  DecodeStatus status = DecodeStatus::Ok;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = uint32_t(e - '0');
        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
          v = v * 8 + uint32_t(body[++i] - '0');
        if (bytes) out += char(v & 0xff);
        else append_utf8(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (bytes && e != 'x') {
          out += '\\';
          out += e;
          break;
        }
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int got = 0;
        while (got < n && i + 1 < body.size() && hex_value(body[i + 1]) >= 0) {
          v = v * 16 + uint32_t(hex_value(body[++i]));
          ++got;
        }
        if (got < n) {
          const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                             : "truncated \\UXXXXXXXX escape";
          error = codec_error(bytes, start, i, what);
          return DecodeStatus::Error;
        }
        if (v > 0x10ffff) {
          error = codec_error(false, start, i, "illegal Unicode character");
          return DecodeStatus::Error;
        }
        if (bytes) out += char(v);
        else append_utf8(out, v);
        break;
      }
      case 'N':
        if (!bytes && i + 1 < body.size() && body[i + 1] == '{') {
          size_t close = body.find('}', i);
          if (close == std::string_view::npos) {
            error = codec_error(false, start, body.size() - 1, "malformed \\N character escape");
            return DecodeStatus::Error;
          }
          append_utf8(out, 0xfffd);
          i = close;
          status = DecodeStatus::NamedEscape;
          break;
        }
        [[fallthrough]];
      default:
        // Unknown escapes keep their backslash (CPython only warns).
        out += '\\';
        out += e;
    }
  }
  return status;
}

}  // namespace

DecodeStatus decode_string_literal(std::string_view token, StringLiteral& out, std::string& error) {
  bool raw = false;
  size_t i = 0;
  for (; i < token.size() && token[i] != '\'' && token[i] != '"'; ++i) {
    char c = char(token[i] | 0x20);
    if (c == 'r') raw = true;
    if (c == 'b') out.bytes = true;
    if (c == 'u') out.unicode_prefix = true;
  }
  size_t quote = (token.size() - i >= 6 && token[i + 1] == token[i] && token[i + 2] == token[i]) ? 3 : 1;
  std::string_view body = token.substr(i + quote, token.size() - i - 2 * quote);
  if (out.bytes) {
    for (char c : body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        error = "bytes can only contain ASCII literal characters";
        return DecodeStatus::Error;
      }
    }
  }
  if (raw) {
    out.value = std::string(body);
    return DecodeStatus::Ok;
  }
  return unescape(body, out.bytes, out.value, error);
}

DecodeStatus decode_fstring_middle(std::string_view text, bool raw, bool in_spec, std::string& out,
                                   std::string& error) {
  std::string undoubled;
  for (size_t i = 0; i < text.size(); ++i) {
    undoubled += text[i];
    if (!in_spec && (text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) ++i;
  }
  if (raw) {
    out = std::move(undoubled);
    return DecodeStatus::Ok;
  }
  return unescape(undoubled, false, out, error);
}

}  // namespace heaplab
