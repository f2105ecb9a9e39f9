// The tokens of Python 3.12 (PEP 701 f-strings included) as the parser sees
// them. NL and COMMENT tokens are not produced: the parser never needs them.
#pragma once

#include <cstdint>
#include <string_view>

namespace heaplab {

enum class TokenKind : uint8_t {
  EndMarker,
  Name,
  Number,
  String,         // one non-f string literal, prefix and quotes included
  FStringStart,   // f" / rf''' ...
  FStringMiddle,  // literal text of an f-string or format spec, undecoded
  FStringEnd,     // the closing quote(s)
  Newline,
  Indent,
  Dedent,
  Op,
  Error,          // the tokenizer stopped here; see TokenizeResult::error
};

enum class Op : uint8_t {
  None,
  LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star,
  Slash, VBar, Amper, Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual,
  LessEqual, GreaterEqual, Tilde, CircumFlex, LeftShift, RightShift, DoubleStar,
  PlusEqual, MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual,
  CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash,
  DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual, Exclamation,
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  Op op = Op::None;
  uint32_t start = 0;  // byte offsets of the token's text in the source
  uint32_t end = 0;
  int lineno = 1;      // 1-based
  int col = 0;         // 0-based, UTF-8 bytes
  int end_lineno = 1;
  int end_col = 0;
};

}  // namespace heaplab
