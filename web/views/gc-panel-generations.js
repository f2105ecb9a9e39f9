// Each generation's count against its threshold as a horizontal bar: the
// collector collects a generation once its count passes the threshold.
import { sizeChart, svgElement, svgText } from './chart-svg.js';
import { GENERATION_COLORS } from './gc-history-chart.js';

const ROW_HEIGHT = 34;
const BAR_HEIGHT = 14;
const LABEL_WIDTH = 52;
const VALUE_WIDTH = 112;
const TRACK_COLOR = '#1b202b';
const OVER_COLOR = '#f0c674';

// What each count counts, in CPython 3.12.
export const COUNT_MEANINGS = [
  'tracked objects allocated minus deallocated since the last collection',
  'generation 0 collections since the last generation 1 collection',
  'generation 1 collections since the last generation 2 collection',
];

// The bars as drawn: [{generation, count, threshold, fill}], fill from 0 to 1.
export function drawGenerations(chart, generations, width) {
  const height = ROW_HEIGHT * generations.length;
  sizeChart(chart, width, height);
  const trackWidth = Math.max(20, width - LABEL_WIDTH - VALUE_WIDTH);
  return generations.map(({ count, threshold }, generation) => {
    const top = generation * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const fill = threshold > 0 ? Math.min(1, count / threshold) : 0;
    const row = svgElement('g', { class: 'gc-generation', 'data-generation': generation, 'data-count': count, 'data-threshold': threshold }, chart);
    svgElement('title', {}, row).textContent = `Generation ${generation}: ${count} of ${threshold} — ${COUNT_MEANINGS[generation]}`;
    svgText(row, `gen ${generation}`, { x: 0, y: top + BAR_HEIGHT / 2, 'dominant-baseline': 'middle', fill: GENERATION_COLORS[generation] });
    svgElement('rect', { x: LABEL_WIDTH, y: top, width: trackWidth, height: BAR_HEIGHT, rx: 3, fill: TRACK_COLOR }, row);
    if (fill > 0) {
      svgElement('rect', {
        class: 'gc-generation-fill', x: LABEL_WIDTH, y: top, width: Math.max(2, trackWidth * fill), height: BAR_HEIGHT, rx: 3,
        fill: count > threshold ? OVER_COLOR : GENERATION_COLORS[generation],
      }, row);
    }
    // gc.set_threshold(0) turns automatic collection off.
    const value = generation === 0 && threshold === 0 ? `${count} / 0 (off)` : `${count} / ${threshold}`;
    svgText(row, value, { x: width, y: top + BAR_HEIGHT / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', fill: '#d8dee9' });
    return { generation, count, threshold, fill };
  });
}
