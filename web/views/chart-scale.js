// The arithmetic of the panels' charts: linear scales, round tick values
// (1, 2 or 5 times a power of ten, of a byte unit when the axis counts bytes)
// and the labels written beside them. No DOM here, so node tests can run it.

const BYTE_UNITS = [
  [1024 * 1024 * 1024, 'GiB'],
  [1024 * 1024, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];

// Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the range's middle.
export function linearScale([d0, d1], [r0, r1]) {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

// The step of about `count` intervals over `span`: 1, 2 or 5 times a power of
// ten; never below 1 when `integer` (counts of blocks, arenas, objects).
export function tickStep(span, count, integer = false) {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // The nearest of 1, 2, 5, 10 on a log scale (the thresholds are their geometric means).
  const step = (fraction < Math.SQRT2 ? 1 : fraction < Math.sqrt(10) ? 2 : fraction < Math.sqrt(50) ? 5 : 10) * power;
  return integer ? Math.max(1, step) : step;
}

// Round ticks covering [min, max]: the domain grows outward to the first and
// last tick, so a line never leaves its chart. `unit` scales the steps (1024
// for KiB). Returns {min, max, step, ticks}.
export function niceTicks(min, max, { count = 4, integer = false, unit = 1 } = {}) {
  if (max < min) [min, max] = [max, min];
  if (max === min) max = min + unit;
  const step = tickStep((max - min) / unit, count, integer) * unit;
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) ticks.push(roundOff(first + i * step));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks };
}

// The byte unit an axis reaching `max` counts in, as [bytes, name].
function byteUnit(max) {
  return BYTE_UNITS.find(([size]) => max >= size) ?? BYTE_UNITS[BYTE_UNITS.length - 1];
}

// Ticks for a byte axis from 0 to `max`, labelled in one unit ("0 B", "2 KiB").
export function byteTicks(max, count = 4) {
  const [unit, name] = byteUnit(max);
  const nice = niceTicks(0, Math.max(max, unit), { count, unit, integer: true });
  return { ...nice, labels: nice.ticks.map((tick) => `${trimNumber(tick / unit)} ${tick === 0 ? 'B' : name}`) };
}

// Ticks for a count axis from 0 to `max`: whole numbers, grouped by thousands.
export function countTicks(max, count = 4) {
  const nice = niceTicks(0, Math.max(max, 1), { count, integer: true });
  return { ...nice, labels: nice.ticks.map(formatTickCount) };
}

// Ticks for the sample axis of a time series: whole sample numbers in [first, last].
export function sampleTicks(first, last, count = 6) {
  if (last <= first) return { ticks: [first], labels: [String(first)] };
  const step = tickStep(last - first, count, true);
  const ticks = [];
  for (let tick = Math.ceil(first / step) * step; tick <= last; tick += step) ticks.push(tick);
  return { ticks, labels: ticks.map(String) };
}

// The index of the value in ascending `values` nearest to `value` (-1 when empty).
export function nearestIndex(values, value) {
  if (values.length === 0) return -1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && value - values[low - 1] <= values[low] - value) return low - 1;
  return low;
}

function formatTickCount(value) {
  if (value >= 1_000_000) return `${trimNumber(value / 1_000_000)}M`;
  if (value >= 10_000) return `${trimNumber(value / 1000)}k`;
  return value.toLocaleString('en-US');
}

// 2 -> "2", 2.5 -> "2.5", 0.30000000000000004 -> "0.3".
function trimNumber(value) {
  return String(roundOff(value));
}

function roundOff(value) {
  return Math.round(value * 1e9) / 1e9;
}
