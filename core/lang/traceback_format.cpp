#include "core/lang/traceback_format.h"

#include "core/lang/parser.h"

namespace heaplab {

namespace {

// Column conversions: the AST counts UTF-8 bytes, carets count characters.
int byte_to_char_offset(const std::string& s, int byte_offset) {
  int chars = 0;
  for (int i = 0; i < byte_offset && i < int(s.size()); ++i)
    if ((uint8_t(s[i]) & 0xc0) != 0x80) ++chars;
  return chars;
}

int char_length(const std::string& s) { return byte_to_char_offset(s, int(s.size())); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

struct Anchors {
  int left, right;  // character offsets inside the segment
};

// traceback.py's _extract_caret_anchors_from_line_segment.
bool extract_anchors(const std::string& segment, Anchors* out) {
  ParseResult r = parse(segment, ParseMode::File);
  if (!r.mod || r.error) return false;
  auto* module = static_cast<const ast::Module*>(r.mod);
  if (module->body.size() != 1 || module->body[0]->kind != ast::StmtKind::Expr) return false;
  const ast::Expr* e = static_cast<const ast::ExprStmt*>(module->body[0])->value;
  if (e->kind == ast::ExprKind::BinOp) {
    auto* b = static_cast<const ast::BinOp*>(e);
    int op_start = b->left->pos.end_col_offset, op_end = b->right->pos.col_offset;
    std::string op_str = segment.substr(size_t(op_start), size_t(op_end - op_start));
    int lead = 0;
    while (lead < int(op_str.size()) && is_space(op_str[size_t(lead)])) ++lead;
    int left = op_start + lead;
    int right = left + 1;
    if (lead + 1 < int(op_str.size()) && !is_space(op_str[size_t(lead + 1)])) ++right;
    while (left < int(segment.size()) && (is_space(segment[size_t(left)]) || segment[size_t(left)] == ')' ||
                                          segment[size_t(left)] == '#')) {
      ++left;
      ++right;
    }
    *out = {byte_to_char_offset(segment, left), byte_to_char_offset(segment, right)};
    return true;
  }
  if (e->kind == ast::ExprKind::Subscript) {
    auto* s = static_cast<const ast::Subscript*>(e);
    int n = char_length(segment);
    std::string chars = segment;  // indices below are characters; the subscript case is ASCII-safe enough
    int left = byte_to_char_offset(segment, s->value->pos.end_col_offset);
    int right = byte_to_char_offset(segment, s->slice->pos.end_col_offset + 1);
    while (left < n && chars[size_t(left)] != '[') ++left;
    while (right < n && chars[size_t(right)] != ']') ++right;
    if (right < n) ++right;
    *out = {left, right};
    return true;
  }
  return false;
}

}  // namespace

std::string format_traceback_entry(const std::string& filename, int lineno, const std::string& scope,
                                   const std::string& line, int end_lineno, int col, int end_col) {
  std::string out = "  File \"" + filename + "\", line " + std::to_string(lineno) + ", in " + scope + "\n";
  if (line.empty()) return out;
  size_t first = line.find_first_not_of(" \t\f");
  if (first == std::string::npos) return out;
  size_t last = line.find_last_not_of(" \t\f\r\n");
  std::string stripped = line.substr(first, last - first + 1);
  out += "    " + stripped + "\n";
  if (col < 0 || end_col < 0 || lineno <= 0) return out;
  int stripped_chars = byte_to_char_offset(line, int(first));
  int start = byte_to_char_offset(line, col);
  int end;
  Anchors anchors{0, 0};
  bool has_anchors = false;
  if (end_lineno == lineno) {
    end = byte_to_char_offset(line, end_col);
    if (end > start) has_anchors = extract_anchors(line.substr(size_t(col), size_t(end_col - col)), &anchors);
  } else {
    end = stripped_chars + char_length(stripped);
  }
  int stripped_len = char_length(stripped);
  if (end - start < stripped_len || (has_anchors && anchors.right - anchors.left > 0)) {
    out += "    " + std::string(size_t(start - stripped_chars), ' ');
    if (has_anchors) {
      for (int i = 0; i < end - start; ++i) out += (i >= anchors.left && i < anchors.right) ? '^' : '~';
    } else {
      out += std::string(size_t(end - start), '^');
    }
    out += "\n";
  }
  return out;
}

std::string format_syntax_error(const std::string& type, const std::string& msg, const std::string& filename,
                                int lineno, int offset, int end_lineno, int end_offset, const std::string& text) {
  std::string out = "  File \"" + filename + "\", line " + std::to_string(lineno) + "\n";
  if (!text.empty()) {
    std::string t = text;
    int off = offset - 1;
    int end = end_offset - 1;
    size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\f')) {
      ++i;
      --off;
      --end;
    }
    t = t.substr(i);
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
    int len = char_length(t);
    if (off > len) off = len;
    out += "    " + t + "\n";
    if (off >= 0) {
      int carets = 1;
      if (end_lineno == lineno && end > off) carets = std::min(end, len + 1) - off;
      if (end_lineno > lineno) carets = len - off;  // a span over lines: to the end of this one
      if (carets < 1) carets = 1;
      out += "    " + std::string(size_t(off), ' ') + std::string(size_t(carets), '^') + "\n";
    }
  }
  out += type + ": " + msg + "\n";
  return out;
}

namespace {
constexpr long kRecursiveCutoff = 3;  // TB_RECURSIVE_CUTOFF

void append_repeated(long count, std::string* out) {
  if (count <= kRecursiveCutoff) return;
  long more = count - kRecursiveCutoff;
  *out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
}
}  // namespace

bool TracebackRepeats::next(const std::string& filename, int lineno, const std::string& scope, std::string* out) {
  if (count_ == 0 || filename != filename_ || lineno != lineno_ || scope != scope_) {
    append_repeated(count_, out);
    filename_ = filename;
    lineno_ = lineno;
    scope_ = scope;
    count_ = 0;
  }
  return ++count_ <= kRecursiveCutoff;
}

void TracebackRepeats::finish(std::string* out) {
  append_repeated(count_, out);
  count_ = 0;
}

}  // namespace heaplab
