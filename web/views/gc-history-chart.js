// The history of collections as a bar chart: one bar per collection, oldest
// on the left, as tall as the objects it collected (coloured by the
// generation collected) with the uncollectable ones stacked on top in red.
// A collection that found nothing still gets a short stub so it shows.
import { countTicks, linearScale, sampleTicks } from './chart-scale.js';
import { drawXAxis, drawYAxis, sizeChart, svgElement } from './chart-svg.js';

export const GENERATION_COLORS = ['#7aa2f7', '#9ece6a', '#bb9af7'];
export const UNCOLLECTABLE_COLOR = '#f7768e';
const HEIGHT = 170;
const MARGIN = { top: 12, right: 10, bottom: 24, left: 48 };
const MAX_BAR_WIDTH = 28;
const STUB = 2;
const HIT_PADDING = 12;
export const MAX_BARS = 120;

export class GcHistoryChart {
  #chart;
  #bars = [];  // {index, x, width, collected, uncollectable}, as last drawn

  // `onPick(index)` is called when a collection's bar is clicked.
  constructor(chart, onPick) {
    this.#chart = chart;
    chart.addEventListener('click', (event) => {
      const bar = event.target.closest('[data-index]');
      if (bar) onPick(Number(bar.dataset.index));
    });
  }

  // `records`: the history's collections, oldest first; the last MAX_BARS are drawn.
  draw(records, width, selected) {
    sizeChart(this.#chart, width, HEIGHT);
    const shown = records.slice(-MAX_BARS);
    this.#bars = [];
    if (shown.length === 0 || width < MARGIN.left + MARGIN.right + 10) return;

    const plotRight = width - MARGIN.right;
    const plotBottom = HEIGHT - MARGIN.bottom;
    const highest = Math.max(...shown.map((r) => r.collected + r.uncollectable));
    const yTicks = countTicks(highest, 3);
    const y = linearScale([0, yTicks.max], [plotBottom, MARGIN.top]);
    drawYAxis(this.#chart, { ...yTicks, y, left: MARGIN.left, right: plotRight });

    const slot = (plotRight - MARGIN.left) / shown.length;
    const barWidth = Math.max(1, Math.min(MAX_BAR_WIDTH, slot * 0.75));
    const center = (i) => MARGIN.left + slot * (i + 0.5);
    const bars = svgElement('g', { class: 'gc-history-bars' }, this.#chart);
    shown.forEach((record, i) => {
      const x = center(i) - barWidth / 2;
      const group = svgElement('g', {
        class: `gc-history-bar${record.index === selected ? ' selected' : ''}`,
        'data-index': record.index,
        'data-generation': record.generation,
        'data-collected': record.collected,
        'data-uncollectable': record.uncollectable,
      }, bars);
      svgElement('title', {}, group).textContent =
        `Collection #${record.index} of generation ${record.generation}: ${record.collected} collected, ` +
        `${record.uncollectable} uncollectable, ${formatDuration(record.seconds)}`;
      // A transparent column the full height, so thin bars are easy to hover and click.
      const hit = Math.min(slot, barWidth + HIT_PADDING);
      svgElement('rect', { x: center(i) - hit / 2, y: MARGIN.top, width: hit, height: plotBottom - MARGIN.top, fill: 'transparent' }, group);
      const collectedTop = y(record.collected);
      const collectedHeight = record.collected === 0 && record.uncollectable === 0 ? STUB : plotBottom - collectedTop;
      svgElement('rect', {
        x, y: plotBottom - collectedHeight, width: barWidth, height: collectedHeight,
        fill: GENERATION_COLORS[record.generation], opacity: record.collected === 0 ? 0.55 : 1,
      }, group);
      if (record.uncollectable > 0) {
        const top = y(record.collected + record.uncollectable);
        svgElement('rect', { x, y: top, width: barWidth, height: collectedTop - top, fill: UNCOLLECTABLE_COLOR }, group);
      }
      this.#bars.push({ index: record.index, generation: record.generation, collected: record.collected, uncollectable: record.uncollectable });
    });

    const first = shown[0].index;
    const last = shown[shown.length - 1].index;
    const xTicks = sampleTicks(first, last, Math.max(2, Math.floor((plotRight - MARGIN.left) / 60)));
    const byIndex = new Map(shown.map((record, i) => [record.index, center(i)]));
    const ticks = xTicks.ticks.filter((tick) => byIndex.has(tick));
    drawXAxis(this.#chart, { ticks, labels: ticks.map((tick) => `#${tick}`), x: (tick) => byIndex.get(tick), top: plotBottom });
  }

  // The bars as last drawn, for tests.
  bars() {
    return this.#bars;
  }
}

// A collection's duration on the host: "0.56 ms", "1.20 s". The page's
// clock counts in steps of 0.1 ms, so shorter ones read "< 0.1 ms".
export function formatDuration(seconds) {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds < 0.0001) return '< 0.1 ms';
  return `${(seconds * 1000).toFixed(2)} ms`;
}
