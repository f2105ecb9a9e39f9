// The GC panel: each generation's count against its threshold, the
// collector's statistics, the history of this run's collections as a chart
// and as a list, each collection steppable on the object graph while the
// session still holds its events (the last 16).
import './gc-panel.css';
import { button, element, isShown, legendItem, panelHeader, panelSection, table, tableRow } from './chart-panel.js';
import { createChart } from './chart-svg.js';
import { formatCount } from './format.js';
import { GcHistoryChart, GENERATION_COLORS, MAX_BARS, UNCOLLECTABLE_COLOR, formatDuration } from './gc-history-chart.js';
import { CollectionHistory } from './gc-history.js';
import { COUNT_MEANINGS, drawGenerations } from './gc-panel-generations.js';

const MAX_LIST_ROWS = 100;

export class GcPanel {
  #host;
  #app;
  #history = new CollectionHistory();
  #gc = null;  // the last snapshot's "gc" object
  #drawn = false;  // whether what is shown is the last update's
  #selected = null;  // the index of the collection picked in the chart
  #generationBars = [];
  #note;
  #empty;
  #content;
  #generationsChart;
  #statsBody;
  #historySummary;
  #historyChartHost;  // the chart and its legend, hidden while there is no collection
  #historyChart;
  #list;
  #listBody;

  constructor(host, app) {
    this.#host = host;
    this.#app = app;
    const root = element('div', 'chart-view gc-panel');
    this.#note = panelHeader(root, 'Garbage collector');
    this.#empty = element('p', 'chart-view-empty', 'Waiting for the Python session…');
    this.#content = element('div', 'gc-panel-content');
    this.#content.hidden = true;
    root.append(this.#empty, this.#content);

    const generations = panelSection(this.#content, 'Generations: count against threshold');
    this.#generationsChart = createChart('gc-generations-chart', "Each generation's count against its threshold");
    const meanings = element('ul', 'gc-count-meanings');
    meanings.append(...COUNT_MEANINGS.map((meaning, generation) => element('li', null, `gen ${generation} count: ${meaning}`)));
    generations.append(this.#generationsChart, meanings);

    const stats = panelSection(this.#content, 'Statistics, as gc.get_stats() gives them');
    this.#statsBody = table(stats, 'gc-stats', ['generation', 'tracked objects', 'collections', 'collected', 'uncollectable']);

    const history = panelSection(this.#content, 'Collections in this run: objects each one collected');
    this.#historySummary = element('p', 'gc-history-summary');
    const chart = createChart('gc-history-chart', 'Objects collected by each collection of this run');
    this.#historyChart = new GcHistoryChart(chart, (index) => this.#pick(index));
    const legend = element('div', 'chart-view-legend');
    GENERATION_COLORS.forEach((color, generation) => legend.append(legendItem(color, `generation ${generation}`)));
    legend.append(legendItem(UNCOLLECTABLE_COLOR, 'uncollectable'));
    this.#historyChartHost = element('div');
    this.#historyChartHost.append(chart, legend);
    history.append(this.#historySummary, this.#historyChartHost);

    this.#list = panelSection(this.#content, 'Step through a collection on the object graph');
    this.#listBody = table(this.#list, 'gc-collection-list', ['#', 'generation', 'collected', 'uncollectable', 'time', 'events', '']);
    this.#listBody.addEventListener('click', (event) => {
      const picked = event.target.closest('button[data-index]');
      if (picked) this.#app.stepThroughCollection(Number(picked.dataset.index));
    });

    host.append(root);
    new ResizeObserver(() => {
      if (isShown(this.#host)) this.#draw();
    }).observe(root);
  }

  update(heap) {
    if (!heap.snapshot) return;
    this.#gc = heap.snapshot.gc;
    if (this.#history.runId !== heap.runId) this.#selected = null;
    this.#history.record(heap.runId, this.#gc);
    this.#drawn = false;
    if (isShown(this.#host)) this.#draw();
  }

  shown() {
    if (!this.#drawn) this.#draw();
  }

  describe() {
    const gc = this.#gc;
    return {
      empty: this.#empty.hidden ? null : this.#empty.textContent,
      note: this.#note.textContent,
      enabled: gc?.enabled ?? null,
      generations: this.#generationBars,
      permanent: gc?.permanent.objects ?? null,
      stats: gc?.stats ?? null,
      runId: this.#history.runId,
      missed: this.#history.missed(),
      history: this.#history.collections().map(({ index, generation, collected, uncollectable }) => (
        { index, generation, collected, uncollectable, steppable: this.#steppable(index) })),
      bars: this.#historyChart.bars(),
      summary: this.#historySummary.textContent,
      listRows: this.#listBody.rows.length,
    };
  }

  #steppable(index) {
    return Boolean(this.#gc?.collections.some((collection) => collection.index === index));
  }

  #pick(index) {
    this.#selected = index;
    this.#draw();
    this.#listBody.querySelector(`tr[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  #draw() {
    const gc = this.#gc;
    this.#drawn = true;
    if (!gc) return;
    this.#empty.hidden = true;
    this.#content.hidden = false;
    const width = Math.max(200, this.#content.clientWidth);

    const tracked = gc.generations.reduce((sum, generation) => sum + generation.objects, 0);
    this.#note.textContent = [
      gc.enabled ? 'automatic collection on' : 'automatic collection off (gc.disable())',
      `${formatCount(tracked)} tracked objects`,
      `${formatCount(gc.permanent.objects)} frozen (gc.freeze())`,
      ...(gc.debug ? [`debug flags ${gc.debug}`] : []),
    ].join(' · ');

    this.#generationBars = drawGenerations(this.#generationsChart, gc.generations, width);
    this.#statsBody.replaceChildren(...gc.stats.map((stats, generation) => tableRow('td', [
      `gen ${generation}`, formatCount(gc.generations[generation].objects), formatCount(stats.collections),
      formatCount(stats.collected), formatCount(stats.uncollectable),
    ])));

    const records = this.#history.collections();
    this.#historySummary.textContent = historySummary(records, this.#history.missed());
    this.#historyChartHost.hidden = records.length === 0;
    this.#list.hidden = records.length === 0;
    this.#historyChart.draw(records, width, this.#selected);
    this.#drawList(records);
  }

  #drawList(records) {
    this.#listBody.replaceChildren(...records.slice(-MAX_LIST_ROWS).reverse().map((record) => {
      const tr = tableRow('td', [
        `#${record.index}`, `gen ${record.generation}`, formatCount(record.collected), formatCount(record.uncollectable),
        formatDuration(record.seconds), `${formatCount(record.events)}${record.truncated ? ' (truncated)' : ''}`,
      ]);
      tr.dataset.index = record.index;
      tr.classList.toggle('selected', record.index === this.#selected);
      tr.cells[1].style.color = GENERATION_COLORS[record.generation];
      const step = button('Step through');
      step.dataset.index = record.index;
      if (!this.#steppable(record.index)) {
        step.disabled = true;
        step.title = 'The session keeps the events of its last 16 collections only';
      }
      const cell = element('td');
      cell.append(step);
      tr.append(cell);
      return tr;
    }));
  }
}

function historySummary(records, missed) {
  if (records.length === 0) {
    return missed > 0
      ? `${formatCount(missed)} collections ran between two updates; none is left to show.`
      : "No collection yet in this run. The collector runs when generation 0's count passes its threshold, " +
        'or when the program calls gc.collect().';
  }
  const collected = records.reduce((sum, record) => sum + record.collected, 0);
  const uncollectable = records.reduce((sum, record) => sum + record.uncollectable, 0);
  const parts = [`${plural(records.length, 'collection')}, ${plural(collected, 'object')} collected`];
  if (uncollectable) parts.push(`${formatCount(uncollectable)} uncollectable`);
  if (records.length > MAX_BARS) parts.push(`the chart shows the last ${MAX_BARS}`);
  if (missed > 0) parts.push(`${formatCount(missed)} more ran between two updates and are not listed`);
  return `${parts.join('; ')}.`;
}

function plural(count, noun) {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
