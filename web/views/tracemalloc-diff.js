// Two tracemalloc snapshots compared line by line, as CPython's
// Snapshot.compare_to(old, 'lineno') does: every line of either snapshot, its
// size and count now and how they changed, biggest change first. Sorting
// follows StatisticDiff's key, (|size_diff|, size, |count_diff|, count,
// traceback) descending, where the traceback of a 'lineno' statistic is its
// single frame (filename, lineno).

// `newer` and `older` are snapshots' "tracemalloc" objects.
export function compareSnapshots(newer, older) {
  const previous = new Map(older.lines.map((line) => [lineKey(line), line]));
  const diffs = [];
  for (const line of newer.lines) {
    const before = previous.get(lineKey(line));
    previous.delete(lineKey(line));
    diffs.push({
      filename: line.filename,
      lineno: line.lineno,
      size: line.size,
      size_diff: line.size - (before?.size ?? 0),
      count: line.count,
      count_diff: line.count - (before?.count ?? 0),
    });
  }
  for (const line of previous.values()) {
    diffs.push({
      filename: line.filename, lineno: line.lineno, size: 0, size_diff: -line.size, count: 0, count_diff: -line.count,
    });
  }
  return diffs.sort(byStatisticDiffKey);
}

// Whether either snapshot left lines out (it lists at most 100): the diff of
// the lines beyond is then unknown.
export function diffIsPartial(newer, older) {
  return newer.lines_total > newer.lines.length || older.lines_total > older.lines.length;
}

// CPython's str(StatisticDiff) for a 'lineno' diff, e.g.
// "main.py:3: size=6920 B (+6920 B), count=102 (+102), average=68 B".
export function describeDiff(diff) {
  const average = diff.count ? `, average=${formatSize(diff.size / diff.count)}` : '';
  return `${diff.filename}:${diff.lineno}: size=${formatSize(diff.size)} (${formatSize(diff.size_diff, true)}), ` +
    `count=${diff.count} (${printfFixed(diff.count_diff, 0, true)})${average}`;
}

// tracemalloc's _format_size: bytes below 10 KiB, then one decimal below 100
// of a unit and none from 100 to 10 * 1024 of it ("%+.1f KiB" with `sign`).
export function formatSize(size, sign = false) {
  let value = size;
  for (const unit of ['B', 'KiB', 'MiB', 'GiB', 'TiB']) {
    if (unit !== 'B' && Math.abs(value) < 100) return `${printfFixed(value, 1, sign)} ${unit}`;
    if (unit === 'TiB' || Math.abs(value) < 10 * 1024) return `${printfFixed(value, 0, sign)} ${unit}`;
    value /= 1024;
  }
}

function lineKey(line) {
  return `${line.filename}\u0000${line.lineno}`;
}

function byStatisticDiffKey(a, b) {
  return Math.abs(b.size_diff) - Math.abs(a.size_diff) ||
    b.size - a.size ||
    Math.abs(b.count_diff) - Math.abs(a.count_diff) ||
    b.count - a.count ||
    compareText(b.filename, a.filename) ||
    b.lineno - a.lineno;
}

// Python's str ordering (by code point), not the locale's.
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// C's printf("%.*f"): a tie rounds to the even digit (JavaScript's toFixed
// rounds it up); "%+.*f" with `sign`.
function printfFixed(value, digits, sign = false) {
  const scale = 10 ** digits;
  const scaled = value * scale;
  let units = Math.round(scaled);
  if (Math.abs(scaled % 1) === 0.5 && units % 2 !== 0) units -= 1;
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? '-' : sign ? '+' : ''}${(Math.abs(units) / scale).toFixed(digits)}`;
}
