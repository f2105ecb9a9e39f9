// The SVG pieces the panels' charts are drawn with: elements, grid lines with
// tick labels, text. Every label is set with textContent.

const SVG_NS = 'http://www.w3.org/2000/svg';
const AXIS_COLOR = '#3a4456';
const GRID_COLOR = '#1f2530';
const LABEL_COLOR = '#8b95a7';
const CHART_FONT = 'ui-monospace, "SF Mono", Menlo, Consolas, monospace';

export function svgElement(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

// An empty chart, described to screen readers by `label`.
export function createChart(className, label) {
  return svgElement('svg', { class: className, role: 'img', 'aria-label': label });
}

// Clears `chart` for a drawing of `width` x `height` pixels.
export function sizeChart(chart, width, height) {
  chart.setAttribute('width', width);
  chart.setAttribute('height', height);
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.replaceChildren();
}

export function svgText(parent, text, attributes = {}) {
  const element = svgElement('text', { fill: LABEL_COLOR, 'font-size': 11, 'font-family': CHART_FONT, ...attributes }, parent);
  element.textContent = text;
  return element;
}

// Horizontal grid lines at `ticks` from x `left` to `right`, labelled at the left.
export function drawYAxis(parent, { ticks, labels, y, left, right }) {
  const group = svgElement('g', { class: 'chart-y-axis' }, parent);
  ticks.forEach((tick, i) => {
    const at = Math.round(y(tick)) + 0.5;
    svgElement('line', { x1: left, x2: right, y1: at, y2: at, stroke: i === 0 ? AXIS_COLOR : GRID_COLOR }, group);
    svgText(group, labels[i], { x: left - 6, y: at, 'text-anchor': 'end', 'dominant-baseline': 'middle' });
  });
  return group;
}

// Tick marks at `ticks` below the line at y `top`, labelled under them.
// `title` is written under the axis's left end.
export function drawXAxis(parent, { ticks, labels, x, top, title = null, left = 0 }) {
  const group = svgElement('g', { class: 'chart-x-axis' }, parent);
  ticks.forEach((tick, i) => {
    const at = Math.round(x(tick)) + 0.5;
    svgElement('line', { x1: at, x2: at, y1: top, y2: top + 4, stroke: AXIS_COLOR }, group);
    svgText(group, labels[i], { x: at, y: top + 15, 'text-anchor': 'middle' });
  });
  if (title !== null) svgText(group, title, { x: left - 12, y: top + 15, 'text-anchor': 'end' });
  return group;
}
