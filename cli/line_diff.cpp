#include "cli/line_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace heaplab::cli {

namespace {

// Each line keeps its '\n', so a missing newline at the end is a difference.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class EditKind { Keep, Delete, Insert };

struct Edit {
  EditKind kind;
  size_t old_index;  // valid for Keep and Delete
  size_t new_index;  // valid for Keep and Insert
};

// Beyond this many differences the texts have little in common and the
// backtrack trace would grow quadratically: show the whole replacement.
constexpr int64_t kMaxEditSteps = 2000;

std::vector<Edit> replace_everything(size_t old_size, size_t new_size) {
  std::vector<Edit> edits;
  for (size_t i = 0; i < old_size; ++i) edits.push_back({EditKind::Delete, i, 0});
  for (size_t i = 0; i < new_size; ++i) edits.push_back({EditKind::Insert, 0, i});
  return edits;
}

// Myers' greedy shortest edit script. For the backtrack it keeps, for each
// step d, the furthest x reached on diagonals -d..d: O(D^2) memory.
std::vector<Edit> shortest_edit_script(const std::vector<std::string_view>& a,
                                       const std::vector<std::string_view>& b) {
  const int64_t n = int64_t(a.size());
  const int64_t m = int64_t(b.size());
  const int64_t max_d = std::min(n + m, kMaxEditSteps);
  const int64_t offset = max_d + 1;
  std::vector<int64_t> v(size_t(2 * max_d + 3), 0);
  std::vector<std::vector<int64_t>> trace;  // trace[d][k + d] = v[k] before step d
  auto furthest = [&](const std::vector<int64_t>& row, int64_t d, int64_t k) {
    return row[size_t(k + d)];
  };
  int64_t final_d = -1;
  for (int64_t d = 0; d <= max_d && final_d < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                      ? v[size_t(offset + k + 1)]
                      : v[size_t(offset + k - 1)] + 1;
      int64_t y = x - k;
      while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) ++x, ++y;
      v[size_t(offset + k)] = x;
      if (x >= n && y >= m) {
        final_d = d;
        break;
      }
    }
  }
  if (final_d < 0) return replace_everything(a.size(), b.size());

  std::vector<Edit> edits;
  int64_t x = n;
  int64_t y = m;
  for (int64_t d = final_d; d > 0; --d) {
    const std::vector<int64_t>& previous = trace[size_t(d)];
    const int64_t k = x - y;
    const bool went_down =
        k == -d || (k != d && furthest(previous, d, k - 1) < furthest(previous, d, k + 1));
    const int64_t previous_k = went_down ? k + 1 : k - 1;
    const int64_t previous_x = furthest(previous, d, previous_k);
    const int64_t previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      --x, --y;
      edits.push_back({EditKind::Keep, size_t(x), size_t(y)});
    }
    if (went_down) {
      --y;
      edits.push_back({EditKind::Insert, 0, size_t(y)});
    } else {
      --x;
      edits.push_back({EditKind::Delete, size_t(x), 0});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    edits.push_back({EditKind::Keep, size_t(x), size_t(y)});
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "@@ -start,count +start,count @@" with 1-based starts; an empty range
// names the line before it, as diff -u does.
std::string hunk_header(size_t old_start, size_t old_count, size_t new_start, size_t new_count) {
  auto range = [](size_t start, size_t count) {
    return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
  };
  return "@@ -" + range(old_start, old_count) + " +" + range(new_start, new_count) + " @@\n";
}

}  // namespace

std::string unified_line_diff(std::string_view expected, std::string_view actual,
                              size_t context_lines, size_t max_lines) {
  if (expected == actual) return {};
  const std::vector<std::string_view> old_lines = split_lines(expected);
  const std::vector<std::string_view> new_lines = split_lines(actual);
  const std::vector<Edit> edits = shortest_edit_script(old_lines, new_lines);

  std::string out = "--- expected\n+++ actual\n";
  size_t printed = 0;
  size_t i = 0;
  while (i < edits.size()) {
    while (i < edits.size() && edits[i].kind == EditKind::Keep) ++i;
    if (i == edits.size()) break;
    // A hunk runs from `context_lines` before its first change to
    // `context_lines` after its last one, merging changes closer than twice that.
    const size_t first = i >= context_lines ? i - context_lines : 0;
    size_t last_change = i;
    for (size_t j = i; j < edits.size(); ++j) {
      if (edits[j].kind != EditKind::Keep) {
        last_change = j;
      } else if (j - last_change > 2 * context_lines) {
        break;
      }
    }
    const size_t end = std::min(edits.size(), last_change + context_lines + 1);

    size_t old_start = SIZE_MAX, new_start = SIZE_MAX, old_count = 0, new_count = 0;
    size_t old_position = 0, new_position = 0;  // where this hunk sits if a side is empty
    for (size_t j = 0; j < first; ++j) {
      if (edits[j].kind != EditKind::Insert) old_position = edits[j].old_index + 1;
      if (edits[j].kind != EditKind::Delete) new_position = edits[j].new_index + 1;
    }
    for (size_t j = first; j < end; ++j) {
      if (edits[j].kind != EditKind::Insert) {
        old_start = std::min(old_start, edits[j].old_index);
        ++old_count;
      }
      if (edits[j].kind != EditKind::Delete) {
        new_start = std::min(new_start, edits[j].new_index);
        ++new_count;
      }
    }
    out += hunk_header(old_count ? old_start : old_position, old_count,
                       new_count ? new_start : new_position, new_count);
    for (size_t j = first; j < end; ++j) {
      if (printed == max_lines) {
        out += "... (diff cut after " + std::to_string(max_lines) + " lines)\n";
        return out;
      }
      ++printed;
      switch (edits[j].kind) {
        case EditKind::Keep:
          append_line(out, ' ', old_lines[edits[j].old_index]);
          break;
        case EditKind::Delete:
          append_line(out, '-', old_lines[edits[j].old_index]);
          break;
        case EditKind::Insert:
          append_line(out, '+', new_lines[edits[j].new_index]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace heaplab::cli
