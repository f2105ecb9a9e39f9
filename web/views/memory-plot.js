// Memory over time: one sample per step (or per update of a running
// program) since the run began, drawn as three small line charts over a
// shared sample axis: tracemalloc's traced bytes (and its peak), pymalloc's
// allocated blocks, and the arenas it holds. Hovering (or the arrow keys)
// reads out a sample; clicking (or Enter) selects its line in the editor.
import './memory-plot.css';
import { element, isShown, legendItem, panelHeader } from './chart-panel.js';
import { byteTicks, countTicks, linearScale, nearestIndex, sampleTicks } from './chart-scale.js';
import { createChart, drawXAxis, drawYAxis, sizeChart, svgElement, svgText } from './chart-svg.js';
import { formatBytes, formatCount } from './format.js';

const CHART_HEIGHT = 96;
const CHART_GAP = 26;
const MARGIN = { top: 20, right: 14, bottom: 26, left: 64 };
const MAX_DOTS = 80;  // samples are marked with dots while there are at most this many
const PEAK_COLOR = '#e0a458';

// The three charts: which field, its title, colour and axis.
export const MEMORY_SERIES = [
  { key: 'traced', title: 'traced bytes (tracemalloc)', color: '#7aa2f7', ticks: byteTicks, format: formatBytes },
  { key: 'allocated_blocks', title: 'allocated blocks (sys.getallocatedblocks())', color: '#9ece6a', ticks: countTicks, format: formatCount },
  { key: 'arenas', title: 'arenas', color: '#bb9af7', ticks: countTicks, format: formatCount },
];

export class MemoryPlot {
  #host;
  #app;
  #series = [];
  #runId = null;
  #drawn = false;
  #hovered = -1;  // index into #series of the sample under the pointer, -1 for none
  #layout = null;  // {x, samples, charts: [{y, top, bottom}]} as last drawn
  #points = {};  // key -> number of points drawn, for tests
  #note;
  #empty;
  #content;
  #readout;
  #chart;
  #cursor = null;

  constructor(host, app) {
    this.#host = host;
    this.#app = app;
    const root = element('div', 'chart-view memory-plot');
    this.#note = panelHeader(root, 'Memory over time');
    this.#empty = element('p', 'chart-view-empty', 'Waiting for the Python session…');
    this.#content = element('div', 'memory-plot-content');
    this.#content.hidden = true;
    this.#readout = element('p', 'memory-plot-readout');
    this.#readout.setAttribute('aria-live', 'polite');
    this.#chart = createChart('memory-plot-chart', 'Traced bytes, allocated blocks and arenas at each sample');
    const legend = element('div', 'chart-view-legend');
    legend.append(...MEMORY_SERIES.map((series) => legendItem(series.color, series.title)),
      legendItem(PEAK_COLOR, 'traced peak', true));
    this.#content.append(this.#readout, this.#chart, legend);
    root.append(this.#empty, this.#content);
    host.append(root);

    this.#chart.addEventListener('pointermove', (event) => this.#hover(event));
    this.#chart.addEventListener('pointerleave', () => this.#hoverIndex(-1));
    this.#chart.addEventListener('click', (event) => {
      this.#hover(event);
      this.#selectHoveredLine();
    });
    // From the keyboard: arrows move between samples, Enter selects the line.
    this.#chart.tabIndex = 0;
    this.#chart.addEventListener('keydown', (event) => {
      const last = this.#series.length - 1;
      const moves = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity };
      if (event.key in moves && last >= 0) {
        const from = this.#hovered < 0 ? last : this.#hovered;
        this.#hoverIndex(Math.max(0, Math.min(last, from + moves[event.key])));
      } else if (event.key === 'Enter') {
        this.#selectHoveredLine();
      } else {
        return;
      }
      event.preventDefault();
    });
    this.#chart.addEventListener('blur', () => this.#hoverIndex(-1));
    new ResizeObserver(() => {
      if (isShown(this.#host)) this.#draw();
    }).observe(root);
  }

  update(heap) {
    if (heap.runId !== this.#runId) {
      this.#runId = heap.runId;
      this.#hovered = -1;
    }
    this.#series = heap.series ?? [];
    this.#drawn = false;
    if (isShown(this.#host)) this.#draw();
  }

  shown() {
    if (!this.#drawn) this.#draw();
  }

  describe() {
    return {
      empty: this.#empty.hidden ? null : this.#empty.textContent,
      runId: this.#runId,
      samples: this.#series.length,
      first: this.#series[0] ?? null,
      last: this.#series[this.#series.length - 1] ?? null,
      points: { ...this.#points },
      hovered: this.#series[this.#hovered] ?? null,
      readout: this.#readout.textContent,
      note: this.#note.textContent,
    };
  }

  #draw() {
    this.#drawn = true;
    const series = this.#series;
    if (this.#runId === null) return;
    this.#content.hidden = series.length === 0;
    this.#empty.hidden = series.length > 0;
    if (series.length === 0) {
      this.#empty.textContent = 'No samples yet. Run or step a program: every step adds a sample here.';
      this.#note.textContent = '';
      this.#points = {};
      return;
    }
    this.#note.textContent = `${formatCount(series.length)} sample${series.length === 1 ? '' : 's'} since the run began`;

    const width = Math.max(240, this.#content.clientWidth);
    const height = MEMORY_SERIES.length * (MARGIN.top + CHART_HEIGHT + CHART_GAP) - CHART_GAP + MARGIN.bottom;
    sizeChart(this.#chart, width, height);
    const samples = series.map((point) => point.sample);
    const right = width - MARGIN.right;
    const x = linearScale([samples[0], samples[samples.length - 1]], [MARGIN.left, right]);
    const charts = MEMORY_SERIES.map((spec, i) => {
      const top = i * (MARGIN.top + CHART_HEIGHT + CHART_GAP) + MARGIN.top;
      const bottom = top + CHART_HEIGHT;
      const highest = series.reduce((most, point) => Math.max(most, point[spec.key], spec.key === 'traced' ? point.traced_peak : 0), 0);
      const ticks = spec.ticks(highest, 3);
      const y = linearScale([0, ticks.max], [bottom, top]);
      svgText(this.#chart, spec.title, { x: MARGIN.left, y: top - 7, fill: spec.color });
      drawYAxis(this.#chart, { ...ticks, y, left: MARGIN.left, right });
      if (spec.key === 'traced') {
        if (series.some((point) => point.traced_peak > 0)) this.#line(series, x, y, 'traced_peak', PEAK_COLOR, true);
        if (highest === 0) {
          svgText(this.#chart, 'nothing traced: call tracemalloc.start() to trace', {
            x: (MARGIN.left + right) / 2, y: (top + bottom) / 2, 'text-anchor': 'middle',
          });
        }
      }
      this.#points[spec.key] = this.#line(series, x, y, spec.key, spec.color, false);
      return { y, top, bottom };
    });
    const xTicks = sampleTicks(samples[0], samples[samples.length - 1], Math.max(2, Math.floor((right - MARGIN.left) / 70)));
    drawXAxis(this.#chart, { ...xTicks, x, top: charts[charts.length - 1].bottom, title: 'sample', left: MARGIN.left });
    this.#layout = { x, samples, charts };
    this.#cursor = svgElement('g', { class: 'memory-plot-cursor' }, this.#chart);
    this.#hoverIndex(this.#hovered);
  }

  // Draws one series as a polyline (dots too while there are few samples);
  // returns how many points it has.
  #line(series, x, y, key, color, dashed) {
    const points = series.map((point) => `${round(x(point.sample))},${round(y(point[key]))}`);
    const line = svgElement('polyline', {
      class: `memory-plot-line memory-plot-${key}`, points: points.join(' '), fill: 'none', stroke: color,
      'stroke-width': dashed ? 1.25 : 1.75, 'stroke-linejoin': 'round', 'data-points': points.length,
      ...(dashed ? { 'stroke-dasharray': '4 3' } : {}),
    }, this.#chart);
    if (series.length === 1) line.setAttribute('points', `${points[0]} ${points[0]}`);
    if (!dashed && series.length <= MAX_DOTS) {
      const dots = svgElement('g', { class: `memory-plot-dots memory-plot-dots-${key}`, fill: color }, this.#chart);
      for (const point of series) svgElement('circle', { cx: round(x(point.sample)), cy: round(y(point[key])), r: 2.5 }, dots);
    }
    return points.length;
  }

  #selectHoveredLine() {
    const line = this.#series[this.#hovered]?.line;
    if (line) this.#app.selectLine(line);
  }

  #hover(event) {
    const layout = this.#layout;
    if (!layout) return;
    const rect = this.#chart.getBoundingClientRect();
    const sample = (event.clientX - rect.left - MARGIN.left) / (rect.width - MARGIN.left - MARGIN.right);
    const first = layout.samples[0];
    const last = layout.samples[layout.samples.length - 1];
    this.#hoverIndex(nearestIndex(layout.samples, first + sample * (last - first)));
  }

  // Marks sample `index` on every chart and reads it out (-1: the latest, unmarked).
  #hoverIndex(index) {
    this.#hovered = index;
    const point = this.#series[index] ?? this.#series[this.#series.length - 1];
    if (!point || !this.#layout) return;
    this.#readout.textContent = readout(point, index < 0);
    this.#cursor.replaceChildren();
    if (index < 0) return;
    const { x, charts } = this.#layout;
    const at = round(x(point.sample));
    for (const [i, chart] of charts.entries()) {
      svgElement('line', { x1: at, x2: at, y1: chart.top, y2: chart.bottom, stroke: '#d8dee9', 'stroke-opacity': 0.35 }, this.#cursor);
      svgElement('circle', {
        cx: at, cy: round(chart.y(point[MEMORY_SERIES[i].key])), r: 4, fill: MEMORY_SERIES[i].color, stroke: '#11151c', 'stroke-width': 1.5,
      }, this.#cursor);
    }
  }
}

function readout(point, latest) {
  const where = point.line ? `line ${point.line}` : 'no line';
  return [
    `${latest ? 'latest: ' : ''}sample ${point.sample}`, where,
    `traced ${formatBytes(point.traced)} (peak ${formatBytes(point.traced_peak)})`,
    `${formatCount(point.allocated_blocks)} blocks`,
    `${formatCount(point.arenas)} arena${point.arenas === 1 ? '' : 's'}`,
    `${formatBytes(point.mapped)} mapped`,
  ].join(' · ');
}

function round(value) {
  return Math.round(value * 10) / 10;
}
