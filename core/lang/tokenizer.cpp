#include "core/lang/tokenizer.h"

#include <cstdio>
#include <string>

namespace heaplab {

namespace {

// CPython's limits (Parser/tokenizer.h MAXLEVEL, MAXINDENT).
constexpr size_t kMaxBracketLevel = 200;
constexpr size_t kMaxIndent = 100;
constexpr int kTabSize = 8;

bool is_ascii_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ascii_ident_char(unsigned char c) { return is_ascii_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes one UTF-8 sequence at s[i]; returns its length (0 if invalid).
int decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char d = s[i + k];
    if ((d & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  return len;
}

// Non-ASCII code points CPython does not accept in identifiers. An
// approximation of "not XID_Continue": punctuation, symbols and spaces of
// the common blocks; letters of every script are accepted.
bool is_non_identifier_code_point(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xbf) return cp != 0xaa && cp != 0xb5 && cp != 0xba && cp != 0xb7;
  if (cp == 0xd7 || cp == 0xf7) return true;
  if (cp >= 0x2000 && cp <= 0x206f) return cp != 0x203f && cp != 0x2040 && cp != 0x2054;
  if (cp >= 0x20a0 && cp <= 0x20cf) return true;                // currency
  if (cp >= 0x2190 && cp <= 0x23ff) return true;                // arrows, math, technical
  if (cp >= 0x2500 && cp <= 0x27bf) return true;                // box drawing, shapes, dingbats
  if (cp >= 0x2900 && cp <= 0x2bff) return true;                // arrows, math
  if (cp >= 0x3000 && cp <= 0x3004) return true;                // CJK punctuation
  if (cp >= 0x3008 && cp <= 0x3020) return true;
  if (cp >= 0xfe10 && cp <= 0xfe6f) return true;                // forms
  if (cp >= 0xff01 && cp <= 0xff0f) return true;                // fullwidth punctuation
  if (cp >= 0x1f000 && cp <= 0x1faff) return true;              // emoji, symbols
  if (cp >= 0xd800 && cp <= 0xdfff) return true;
  return false;
}

// Code points CPython reports as "invalid non-printable character".
bool is_non_printable(uint32_t cp) {
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0xa0) || cp == 0xad ||
         (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) || cp == 0xfeff;
}

struct OpSpelling {
  const char* text;
  Op op;
};

// Longest spellings first so that the first match is the longest.
constexpr OpSpelling kOps[] = {
    {"**=", Op::DoubleStarEqual}, {"...", Op::Ellipsis}, {"//=", Op::DoubleSlashEqual},
    {"<<=", Op::LeftShiftEqual}, {">>=", Op::RightShiftEqual},
    {"!=", Op::NotEqual}, {"%=", Op::PercentEqual}, {"&=", Op::AmperEqual},
    {"**", Op::DoubleStar}, {"*=", Op::StarEqual}, {"+=", Op::PlusEqual},
    {"-=", Op::MinEqual}, {"->", Op::RArrow}, {"//", Op::DoubleSlash},
    {"/=", Op::SlashEqual}, {":=", Op::ColonEqual}, {"<<", Op::LeftShift},
    {"<=", Op::LessEqual}, {"==", Op::EqEqual}, {">=", Op::GreaterEqual},
    {">>", Op::RightShift}, {"@=", Op::AtEqual}, {"^=", Op::CircumflexEqual},
    {"|=", Op::VBarEqual},
    {"!", Op::Exclamation}, {"%", Op::Percent}, {"&", Op::Amper}, {"(", Op::LPar},
    {")", Op::RPar}, {"*", Op::Star}, {"+", Op::Plus}, {",", Op::Comma},
    {"-", Op::Minus}, {".", Op::Dot}, {"/", Op::Slash}, {":", Op::Colon},
    {";", Op::Semi}, {"<", Op::Less}, {"=", Op::Equal}, {">", Op::Greater},
    {"@", Op::At}, {"[", Op::LSqb}, {"]", Op::RSqb}, {"^", Op::CircumFlex},
    {"{", Op::LBrace}, {"|", Op::VBar}, {"}", Op::RBrace}, {"~", Op::Tilde},
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view src) : src_(src) {
    if (src_.substr(0, 3) == "\xef\xbb\xbf") pos_ = line_start_ = 3;
  }

  TokenizeResult run() {
    while (!done_) step();
    return std::move(out_);
  }

 private:
  struct Bracket {
    char ch;
    int lineno;
    int col;
  };
  // A replacement field `{...}` of an f-string.
  struct Field {
    size_t depth;  // brackets_.size() just after its '{'
    bool in_spec;  // past the top-level ':' (reading the format spec)
  };
  struct FString {
    char quote;
    int quote_size;
    bool raw;
    int lineno;  // where the f-string starts
    int col;
    std::vector<Field> fields;
  };

  std::string_view src_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;
  bool done_ = false;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<Bracket> brackets_;
  std::vector<FString> fstrings_;
  TokenizeResult out_;

  int col() const { return int(pos_ - line_start_); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  bool at_end() const { return pos_ >= src_.size(); }

  void new_line() {
    ++line_;
    line_start_ = pos_;
  }

  void emit(TokenKind kind, size_t start, int lineno, int col, Op op = Op::None) {
    Token t;
    t.kind = kind;
    t.op = op;
    t.start = uint32_t(start);
    t.end = uint32_t(pos_);
    t.lineno = lineno;
    t.col = col;
    t.end_lineno = line_;
    t.end_col = this->col();
    out_.tokens.push_back(t);
    if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent)
      line_has_tokens_ = true;
  }

  // A tokenizer error: offsets given as 0-based byte columns of `lineno`.
  void fail(std::string msg, int lineno, int col, int end_col, std::string type = "SyntaxError",
            int end_lineno = -1) {
    if (done_) return;
    SyntaxErrorInfo e;
    e.type = std::move(type);
    e.msg = std::move(msg);
    e.lineno = lineno;
    std::string_view text = source_line(src_, lineno);
    e.text = std::string(text);
    e.offset = byte_col_to_offset(text, col);
    e.end_lineno = end_lineno < 0 ? lineno : end_lineno;
    e.end_offset = end_col < 0 ? end_col : byte_col_to_offset(source_line(src_, e.end_lineno), end_col);
    e.incomplete = out_.eof_in_triple_quote || out_.eof_after_backslash;
    out_.error = std::move(e);
    Token t;
    t.kind = TokenKind::Error;
    t.start = t.end = uint32_t(pos_);
    t.lineno = t.end_lineno = lineno;
    t.col = t.end_col = col;
    out_.tokens.push_back(t);
    done_ = true;
  }

  // An error whose offsets CPython computes without a token: `offset` and
  // `end_offset` are final.
  void fail_raw(std::string msg, std::string type, int lineno, int offset, int end_offset) {
    fail(std::move(msg), lineno, 0, 0, std::move(type));
    out_.error->offset = offset;
    out_.error->end_offset = end_offset;
  }

  // Number errors point at the cursor: the 1-based offset is the 0-based
  // column after the last character read.
  void number_error(const std::string& msg) { fail(msg, line_, col() - 1, col() - 1); }

  // The line CPython reports in "(detected at line N)": a final newline does
  // not start a new line.
  int detected_line() const { return at_end() && pos_ > 0 && src_[pos_ - 1] == '\n' ? line_ - 1 : line_; }

  bool in_fstring_literal() const {
    return !fstrings_.empty() && (fstrings_.back().fields.empty() || fstrings_.back().fields.back().in_spec);
  }

  void step() {
    if (in_fstring_literal()) return fstring_literal();
    if (at_line_start_ && brackets_.empty()) {
      at_line_start_ = false;
      if (!indentation()) return;
    }
    // Whitespace, comments and line continuations.
    for (;;) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\f') {
        ++pos_;
      } else if (c == '#') {
        while (!at_end() && peek() != '\n') ++pos_;
      } else if (c == '\\') {
        ++pos_;
        if (peek() == '\n') {
          ++pos_;
          new_line();
          if (at_end()) {
            out_.eof_after_backslash = true;
            std::string_view prev = source_line(src_, line_ - 1);
            return fail_raw("unexpected EOF while parsing", "SyntaxError", line_ - 1,
                            byte_col_to_offset(prev, int(prev.size())) - 1, -1);
          }
        } else if (at_end()) {
          out_.eof_after_backslash = true;
          return fail("unexpected EOF while parsing", line_, col(), col());
        } else {
          return fail("unexpected character after line continuation character", line_, col(), col());
        }
      } else {
        break;
      }
    }
    if (at_end()) return end_of_input();
    size_t start = pos_;
    int lineno = line_, c0 = col();
    unsigned char c = peek();
    if (c == '\n') {
      ++pos_;
      if (brackets_.empty() && fstrings_.empty()) {
        if (line_has_tokens_) {
          emit(TokenKind::Newline, start, lineno, c0);
        }
        at_line_start_ = true;
        line_has_tokens_ = false;
      }
      new_line();
      return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
    if (is_ascii_ident_start(c) || c >= 0x80) return name_or_string();
    if (c == '"' || c == '\'') return string(start, false, false);
    operator_token();
  }

  // At the start of a logical line outside brackets: measures the
  // indentation, skips blank lines, emits INDENT/DEDENT. False on error.
  bool indentation() {
    for (;;) {
      int column = 0, alt = 0;
      size_t p = pos_;
      for (; p < src_.size(); ++p) {
        char c = src_[p];
        if (c == ' ') {
          ++column, ++alt;
        } else if (c == '\t') {
          column = (column / kTabSize + 1) * kTabSize;
          ++alt;
        } else if (c == '\f') {
          column = alt = 0;
        } else {
          break;
        }
      }
      if (p >= src_.size()) {
        pos_ = p;
        return true;
      }
      char c = src_[p];
      if (c == '#' || c == '\n') {
        // A blank or comment-only line: no tokens, no indentation change.
        while (p < src_.size() && src_[p] != '\n') ++p;
        if (p >= src_.size()) {
          pos_ = p;
          return true;
        }
        pos_ = p + 1;
        new_line();
        continue;
      }
      pos_ = p;
      if (column == indents_.back()) {
        if (alt != alt_indents_.back()) return tab_error();
      } else if (column > indents_.back()) {
        if (indents_.size() >= kMaxIndent) {
          fail_raw("too many levels of indentation", "IndentationError", line_, 1, 0);
          return false;
        }
        if (alt <= alt_indents_.back()) return tab_error();
        indents_.push_back(column);
        alt_indents_.push_back(alt);
        emit(TokenKind::Indent, pos_, line_, col());
        line_has_tokens_ = false;
      } else {
        while (indents_.size() > 1 && column < indents_.back()) {
          indents_.pop_back();
          alt_indents_.pop_back();
          emit(TokenKind::Dedent, pos_, line_, col());
          line_has_tokens_ = false;
        }
        if (column != indents_.back()) {
          size_t eol = src_.find('\n', pos_);
          int end = int((eol == std::string_view::npos ? src_.size() : eol) - line_start_);
          fail("unindent does not match any outer indentation level", line_, end, -1, "IndentationError");
          return false;
        }
        if (alt != alt_indents_.back()) return tab_error();
      }
      return true;
    }
  }

  bool tab_error() {
    fail_raw("inconsistent use of tabs and spaces in indentation", "TabError", line_, 1, 0);
    return false;
  }

  void end_of_input() {
    if (!fstrings_.empty()) {
      const FString& f = fstrings_.back();
      if (f.quote_size == 3)
        return fail("unterminated triple-quoted f-string literal (detected at line " + std::to_string(detected_line()) + ")",
                    f.lineno, f.col, f.col);
      return fail("f-string: expecting '}'", line_, col(), col());
    }
    if (!brackets_.empty()) {
      const Bracket& b = brackets_.back();
      out_.unclosed = OpenBracket{b.ch, b.lineno, b.col};
      Token t;
      t.kind = TokenKind::Error;
      t.start = t.end = uint32_t(pos_);
      t.lineno = t.end_lineno = line_;
      t.col = t.end_col = col();
      out_.tokens.push_back(t);
      done_ = true;
      return;
    }
    if (line_has_tokens_) {
      // CPython ends the last line with an empty NEWLINE token.
      Token t;
      t.kind = TokenKind::Newline;
      t.start = t.end = uint32_t(pos_);
      t.lineno = t.end_lineno = line_;
      t.col = col();
      t.end_col = col() + 1;
      out_.tokens.push_back(t);
      line_has_tokens_ = false;
    }
    // CPython places end-of-input tokens on the last line read, its cursor
    // after that line's newline.
    int lineno = line_, column = col();
    if (column == 0 && line_ > 1) {
      lineno = line_ - 1;
      column = int(source_line(src_, lineno).size());
    }
    Token t;
    t.start = t.end = uint32_t(pos_);
    t.lineno = t.end_lineno = lineno;
    t.col = t.end_col = column;
    t.kind = TokenKind::Dedent;
    while (indents_.size() > 1) {
      indents_.pop_back();
      out_.tokens.push_back(t);
    }
    t.kind = TokenKind::EndMarker;
    out_.tokens.push_back(t);
    done_ = true;
  }

  void operator_token() {
    size_t start = pos_;
    int c0 = col();
    // At the top level of a replacement field, ':' always starts the format
    // spec: f'{x:=10}' formats x with the spec '=10'.
    bool field_top = !fstrings_.empty() && !fstrings_.back().fields.empty() &&
                     brackets_.size() == fstrings_.back().fields.back().depth;
    for (const OpSpelling& s : kOps) {
      std::string_view text(s.text);
      if (src_.substr(pos_, text.size()) != text) continue;
      if (field_top && s.op == Op::ColonEqual) continue;
      pos_ += text.size();
      bracket(s.op, c0);
      if (done_) return;
      if (!fstrings_.empty() && !fstrings_.back().fields.empty()) {
        Field& f = fstrings_.back().fields.back();
        if (s.op == Op::RBrace && brackets_.size() + 1 == f.depth) {
          fstrings_.back().fields.pop_back();
        } else if (s.op == Op::Colon && brackets_.size() == f.depth) {
          f.in_spec = true;
        }
      }
      emit(TokenKind::Op, start, line_, c0, s.op);
      return;
    }
    // Not an operator: CPython's ERRORTOKEN for a stray ASCII character is a
    // parser-level "invalid syntax"; non-ASCII is handled by name_or_string.
    unsigned char c = peek();
    if (c < 0x20 || c == 0x7f || c == '$' || c == '?' || c == '`') {
      if (c < 0x20 || c == 0x7f) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", unsigned(c));
        return fail(buf, line_, c0, c0 + 1);
      }
      ++pos_;
      emit(TokenKind::Op, start, line_, c0, Op::None);
      return;
    }
    ++pos_;
    emit(TokenKind::Op, start, line_, c0, Op::None);
  }

  // Tracks bracket nesting; reports unmatched and mismatched brackets.
  void bracket(Op op, int c0) {
    char open = op == Op::LPar ? '(' : op == Op::LSqb ? '[' : op == Op::LBrace ? '{' : 0;
    if (open) {
      if (brackets_.size() >= kMaxBracketLevel) return fail("too many nested parentheses", line_, c0, c0);
      brackets_.push_back({open, line_, c0});
      return;
    }
    char close = op == Op::RPar ? ')' : op == Op::RSqb ? ']' : op == Op::RBrace ? '}' : 0;
    if (!close) return;
    if (brackets_.empty()) return fail(std::string("unmatched '") + close + "'", line_, c0, c0);
    Bracket b = brackets_.back();
    char expected = b.ch == '(' ? ')' : b.ch == '[' ? ']' : '}';
    if (close != expected) {
      std::string msg = std::string("closing parenthesis '") + close + "' does not match opening parenthesis '" + b.ch + "'";
      if (b.lineno != line_) msg += " on line " + std::to_string(b.lineno);
      return fail(msg, line_, c0, c0);
    }
    brackets_.pop_back();
  }

  void name_or_string() {
    size_t start = pos_;
    int c0 = col();
    while (!at_end()) {
      unsigned char c = peek();
      if (c < 0x80) {
        if (!is_ascii_ident_char(c)) break;
        ++pos_;
        continue;
      }
      uint32_t cp = 0;
      int len = decode_utf8(src_, pos_, cp);
      if (len == 0) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x: invalid start byte", c);
        return fail(buf, line_, col(), col());
      }
      if (is_non_identifier_code_point(cp)) {
        if (pos_ > start) break;  // the identifier ends; the character is reported next
        char buf[96];
        if (is_non_printable(cp)) {
          std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", unsigned(cp));
        } else {
          std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)", len, src_.data() + pos_, unsigned(cp));
        }
        return fail(buf, line_, col(), col());
      }
      pos_ += len;
    }
    std::string_view word = src_.substr(start, pos_ - start);
    char q = peek();
    if ((q == '"' || q == '\'') && word.size() <= 2) {
      bool raw = false, bytes = false, fstr = false, unicode = false, ok = true;
      for (char ch : word) {
        switch (ch | 0x20) {
          case 'r': ok = ok && !raw; raw = true; break;
          case 'b': ok = ok && !bytes; bytes = true; break;
          case 'f': ok = ok && !fstr; fstr = true; break;
          case 'u': ok = ok && !unicode; unicode = true; break;
          default: ok = false;
        }
      }
      if (ok && unicode && word.size() > 1) ok = false;
      if (ok && bytes && fstr) ok = false;
      if (ok) return string(start, raw, fstr);
    }
    emit(TokenKind::Name, start, line_, c0);
  }

  // A string literal starting at `start` (the prefix, if any, is already
  // consumed and pos_ is on the opening quote).
  void string(size_t start, bool raw, bool fstr) {
    int lineno = line_;
    int c0 = int(start - line_start_);
    char quote = peek();
    int quote_size = (peek(1) == quote && peek(2) == quote) ? 3 : 1;
    pos_ += quote_size;
    if (fstr) {
      fstrings_.push_back({quote, quote_size, raw, lineno, c0, {}});
      emit(TokenKind::FStringStart, start, lineno, c0);
      return;
    }
    int quote_col = col() - quote_size;
    for (;;) {
      if ((at_end() || (peek() == '\n' && quote_size == 1)) && !fstrings_.empty() &&
          fstrings_.back().quote == quote && fstrings_.back().quote_size == quote_size) {
        // The quote closes the enclosing f-string, whose field is still open.
        return fail("f-string: expecting '}'", lineno, quote_col, quote_col);
      }
      if (at_end()) {
        if (quote_size == 3) {
          out_.eof_in_triple_quote = true;
          return fail("unterminated triple-quoted string literal (detected at line " + std::to_string(detected_line()) + ")",
                      lineno, c0, c0);
        }
        return fail("unterminated string literal (detected at line " + std::to_string(detected_line()) + ")", lineno, c0, c0);
      }
      char c = peek();
      if (c == quote && (quote_size == 1 || (peek(1) == quote && peek(2) == quote))) {
        pos_ += quote_size;
        break;
      }
      if (c == '\n') {
        if (quote_size == 1)
          return fail("unterminated string literal (detected at line " + std::to_string(detected_line()) + ")", lineno, c0, c0);
        ++pos_;
        new_line();
        continue;
      }
      if (c == '\\') {
        ++pos_;
        if (at_end()) continue;
        if (peek() == '\n') {
          ++pos_;
          new_line();
          continue;
        }
      }
      ++pos_;
    }
    Token t;
    t.kind = TokenKind::String;
    t.start = uint32_t(start);
    t.end = uint32_t(pos_);
    t.lineno = lineno;
    t.col = c0;
    t.end_lineno = line_;
    t.end_col = col();
    out_.tokens.push_back(t);
    line_has_tokens_ = true;
  }

  // Literal text of the innermost f-string (or of its format spec).
  void fstring_literal() {
    FString& f = fstrings_.back();
    bool in_spec = !f.fields.empty();
    size_t start = pos_;
    int lineno = line_, c0 = col();
    auto flush = [&] {
      if (pos_ > start) {
        Token t;
        t.kind = TokenKind::FStringMiddle;
        t.start = uint32_t(start);
        t.end = uint32_t(pos_);
        t.lineno = lineno;
        t.col = c0;
        t.end_lineno = line_;
        t.end_col = col();
        out_.tokens.push_back(t);
      }
    };
    for (;;) {
      if (at_end()) {
        flush();
        if (f.quote_size == 3) {
          out_.eof_in_triple_quote = true;
          return fail("unterminated triple-quoted f-string literal (detected at line " + std::to_string(detected_line()) + ")",
                      f.lineno, f.col, f.col);
        }
        return fail("unterminated f-string literal (detected at line " + std::to_string(detected_line()) + ")", f.lineno,
                    f.col, f.col);
      }
      char c = peek();
      if (c == f.quote && (f.quote_size == 1 || (peek(1) == f.quote && peek(2) == f.quote))) {
        flush();
        if (in_spec) return fail("f-string: expecting '}'", line_, col(), col());
        size_t qstart = pos_;
        int qcol = col();
        pos_ += f.quote_size;
        fstrings_.pop_back();
        emit(TokenKind::FStringEnd, qstart, line_, qcol);
        return;
      }
      if (c == '\n') {
        if (f.quote_size == 1) {
          flush();
          if (in_spec)
            return fail("f-string: newlines are not allowed in format specifiers for single quoted f-strings",
                        line_, col(), col());
          return fail("unterminated f-string literal (detected at line " + std::to_string(detected_line()) + ")", f.lineno,
                      f.col, f.col);
        }
        ++pos_;
        new_line();
        continue;
      }
      if (c == '\\') {
        ++pos_;
        if (!f.raw && peek() == 'N' && peek(1) == '{') {
          // \N{NAME}: the braces belong to the escape.
          while (!at_end() && peek() != '}' && peek() != f.quote && peek() != '\n') ++pos_;
          if (peek() == '}') ++pos_;
          continue;
        }
        if (at_end()) continue;
        if (peek() == '{' || peek() == '}') continue;  // "\{" is a backslash then a field
        if (peek() == '\n') {
          ++pos_;
          new_line();
          continue;
        }
        ++pos_;
        continue;
      }
      if (c == '{') {
        if (!in_spec && peek(1) == '{') {
          pos_ += 2;
          continue;
        }
        flush();
        int bc = col();
        size_t bstart = pos_;
        ++pos_;
        if (brackets_.size() >= kMaxBracketLevel) return fail("too many nested parentheses", line_, bc, bc);
        brackets_.push_back({'{', line_, bc});
        f.fields.push_back({brackets_.size(), false});
        emit(TokenKind::Op, bstart, line_, bc, Op::LBrace);
        return;
      }
      if (c == '}') {
        if (!in_spec && peek(1) == '}') {
          pos_ += 2;
          continue;
        }
        flush();
        int bc = col();
        size_t bstart = pos_;
        if (!in_spec) return fail("f-string: single '}' is not allowed", line_, bc, bc);
        ++pos_;
        brackets_.pop_back();
        f.fields.pop_back();
        emit(TokenKind::Op, bstart, line_, bc, Op::RBrace);
        return;
      }
      ++pos_;
    }
  }

  // ----------------------------------------------------------- numbers

  // Digits of `accept` with single underscores between them. False (and an
  // error) when an underscore is not followed by a digit.
  bool digits(bool (*accept)(unsigned char), const char* what) {
    for (;;) {
      while (accept(peek())) ++pos_;
      if (peek() != '_') return true;
      ++pos_;
      if (!accept(peek())) {
        number_error(std::string("invalid ") + what + " literal");
        return false;
      }
    }
  }

  // After a number: a letter right after it is an error, except the keywords
  // CPython tolerates with only a warning (`1if x else y`).
  bool end_of_number(const char* what) {
    unsigned char c = peek();
    if (!(is_ascii_ident_char(c) || c >= 0x80)) return true;
    static constexpr std::string_view kTolerated[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    std::string_view rest = src_.substr(pos_);
    for (std::string_view kw : kTolerated)
      if (rest.substr(0, kw.size()) == kw) return true;
    number_error(std::string("invalid ") + what + " literal");
    return false;
  }

  void number() {
    size_t start = pos_;
    int c0 = col();
    auto finish = [&] { emit(TokenKind::Number, start, line_, c0); };
    if (peek() == '0' && (peek(1) | 0x20) == 'x') {
      pos_ += 2;
      if (peek() == '_') ++pos_;
      if (!is_hex(peek())) return number_error("invalid hexadecimal literal");
      if (!digits(is_hex, "hexadecimal") || !end_of_number("hexadecimal")) return;
      return finish();
    }
    if (peek() == '0' && ((peek(1) | 0x20) == 'o' || (peek(1) | 0x20) == 'b')) {
      bool octal = (peek(1) | 0x20) == 'o';
      const char* what = octal ? "octal" : "binary";
      auto accept = octal ? +[](unsigned char c) { return c >= '0' && c <= '7'; }
                          : +[](unsigned char c) { return c == '0' || c == '1'; };
      pos_ += 2;
      if (peek() == '_') ++pos_;
      if (!accept(peek())) {
        if (is_digit(peek())) {
          ++pos_;
          return number_error(std::string("invalid digit '") + src_[pos_ - 1] + "' in " + what + " literal");
        }
        return number_error(std::string("invalid ") + what + " literal");
      }
      if (!digits(accept, what)) return;
      if (is_digit(peek())) {
        ++pos_;
        return number_error(std::string("invalid digit '") + src_[pos_ - 1] + "' in " + what + " literal");
      }
      if (!end_of_number(what)) return;
      return finish();
    }
    bool is_float = false;
    bool leading_zero = peek() == '0';
    int nonzero_col = -1;
    if (peek() != '.') {
      if (leading_zero) {
        // "0", "00", "0_0" are fine; "07" is not, unless it turns out a float.
        while (peek() == '0' || (peek() == '_' && is_digit(peek(1)) && peek(1) == '0')) ++pos_;
        if (peek() == '_' && is_digit(peek(1))) ++pos_;
        if (is_digit(peek())) nonzero_col = col();
      }
      if (!digits(is_digit, "decimal")) return;
    }
    if (peek() == '.') {
      ++pos_;
      is_float = true;
      if (is_digit(peek()) && !digits(is_digit, "decimal")) return;
    }
    if ((peek() | 0x20) == 'e') {
      size_t e = pos_;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!is_digit(peek())) {
        pos_ = e;
        return void(end_of_number("decimal"));
      }
      is_float = true;
      if (!digits(is_digit, "decimal")) return;
    }
    if ((peek() | 0x20) == 'j') {
      ++pos_;
      if (!end_of_number("imaginary")) return;
      return finish();
    }
    if (nonzero_col >= 0 && !is_float) {
      return fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                  line_, c0, nonzero_col + 1);
    }
    if (!end_of_number("decimal")) return;
    finish();
  }
};

}  // namespace

TokenizeResult tokenize(std::string_view source) { return Tokenizer(source).run(); }

std::string_view source_line(std::string_view source, int lineno) {
  size_t start = 0;
  for (int l = 1; l < lineno; ++l) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t nl = source.find('\n', start);
  return source.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - start);
}

int byte_col_to_offset(std::string_view line, int byte_col) {
  int chars = 0;
  for (int i = 0; i < byte_col && i < int(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80) ++chars;
  if (byte_col > int(line.size())) chars += byte_col - int(line.size());
  return chars + 1;
}

std::string_view op_text(Op op) {
  for (const OpSpelling& s : kOps)
    if (s.op == op) return s.text;
  return "";
}

}  // namespace heaplab
