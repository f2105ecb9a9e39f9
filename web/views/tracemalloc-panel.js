// The tracemalloc panel: the lines that allocated the most live memory (as
// Snapshot.statistics('lineno') lists them), and two snapshots the learner
// takes, A and B, compared as B.compare_to(A, 'lineno'). A line of main.py
// is selected in the editor when its row is clicked.
import './tracemalloc-panel.css';
import { button, element, isShown, panelHeader, panelSection, table } from './chart-panel.js';
import { formatCount } from './format.js';
import { compareSnapshots, diffIsPartial, formatSize } from './tracemalloc-diff.js';

const MAIN_FILE = 'main.py';
const MAX_TOP_LINES = 50;
const MAX_DIFF_LINES = 50;
const NOT_TRACING =
  'tracemalloc is not tracing, so there is nothing to show yet. Put "import tracemalloc" and ' +
  '"tracemalloc.start()" at the top of your program, then run or step it: every block allocated ' +
  'after that is traced to the line that allocated it.';

export class TracemallocPanel {
  #host;
  #app;
  #heap = null;
  #runId = null;
  #source = [];  // the lines of main.py as the run began: the editor may have changed since
  #drawn = false;
  #taken = { A: null, B: null };  // {tracemalloc, source, label} kept when the button was pressed
  #top = [];  // the rows of the top-lines table, as drawn
  #diff = [];  // the rows of the diff table, as drawn
  #note;
  #empty;
  #content;
  #notTracing;
  #topSection;
  #topSummary;
  #topBody;
  #takeButtons = {};
  #takenLabels = {};
  #diffMessage;
  #diffTable;
  #diffBody;

  constructor(host, app) {
    this.#host = host;
    this.#app = app;
    const root = element('div', 'chart-view tracemalloc-panel');
    this.#note = panelHeader(root, 'tracemalloc');
    this.#empty = element('p', 'chart-view-empty', 'Waiting for the Python session…');
    this.#content = element('div');
    this.#content.hidden = true;
    root.append(this.#empty, this.#content);

    this.#notTracing = element('p', 'tracemalloc-off', NOT_TRACING);
    this.#content.append(this.#notTracing);

    this.#topSection = panelSection(this.#content, "Top lines: live memory by the line that allocated it, as Snapshot.statistics('lineno')");
    this.#topSummary = element('p', 'tracemalloc-summary');
    this.#topSection.append(this.#topSummary);
    this.#topBody = table(this.#topSection, 'tracemalloc-lines', ['line', 'source', 'size', 'count', 'average']);

    const compare = panelSection(this.#content, 'Compare two snapshots');
    const takers = element('div', 'tracemalloc-takers');
    for (const name of ['A', 'B']) {
      const taker = element('div', 'tracemalloc-taker');
      this.#takeButtons[name] = button(`Take snapshot ${name}`);
      this.#takeButtons[name].addEventListener('click', () => this.#take(name));
      this.#takenLabels[name] = element('span', 'tracemalloc-taken', 'not taken');
      taker.append(this.#takeButtons[name], this.#takenLabels[name]);
      takers.append(taker);
    }
    this.#diffMessage = element('p', 'tracemalloc-summary');
    compare.append(takers, this.#diffMessage);
    const diffHost = element('div');
    this.#diffBody = table(diffHost, 'tracemalloc-lines tracemalloc-diff',
      ['line', 'source', 'size', 'size diff', 'count', 'count diff']);
    this.#diffTable = diffHost.querySelector('table');
    compare.append(diffHost);

    for (const body of [this.#topBody, this.#diffBody]) {
      body.addEventListener('click', (event) => this.#select(event));
      body.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') this.#select(event);
      });
    }

    host.append(root);
  }

  update(heap) {
    if (!heap.snapshot) return;
    if (heap.runId !== this.#runId) {
      this.#runId = heap.runId;
      this.#source = sourceLines(this.#app.getCode());
    }
    this.#heap = heap;
    this.#drawn = false;
    if (isShown(this.#host)) this.#draw();
  }

  shown() {
    if (!this.#drawn) this.#draw();
  }

  describe() {
    const tracemalloc = this.#heap?.snapshot.tracemalloc ?? null;
    const taken = (name) => (this.#taken[name] && { label: this.#taken[name].label, traced: this.#taken[name].tracemalloc.traced });
    return {
      empty: this.#empty.hidden ? null : this.#empty.textContent,
      tracing: tracemalloc?.tracing ?? null,
      note: this.#note.textContent,
      message: this.#notTracing.hidden ? null : this.#notTracing.textContent,
      top: this.#top,
      snapshots: { A: taken('A'), B: taken('B') },
      diff: this.#diff,
      diffMessage: this.#diffMessage.textContent,
    };
  }

  #take(name) {
    const heap = this.#heap;
    const tracemalloc = heap?.snapshot.tracemalloc;
    if (!tracemalloc?.tracing) return;
    const line = heap.snapshot.line?.line;
    const where = line ? `before line ${line}` : 'at the end';
    this.#taken[name] = {
      tracemalloc,
      source: this.#source,
      label: `run ${heap.runId}, ${where}: ${formatSize(tracemalloc.traced)} in ${formatCount(tracemalloc.blocks)} blocks`,
    };
    this.#draw();
  }

  #select(event) {
    const row = event.target.closest('tr[data-line]');
    if (!row) return;
    event.preventDefault();
    this.#app.selectLine(Number(row.dataset.line));
  }

  #draw() {
    this.#drawn = true;
    const tracemalloc = this.#heap?.snapshot.tracemalloc;
    if (!tracemalloc) return;
    this.#empty.hidden = true;
    this.#content.hidden = false;
    const source = this.#source;

    this.#note.textContent = tracemalloc.tracing
      ? `tracing: ${formatSize(tracemalloc.traced)} traced (peak ${formatSize(tracemalloc.peak)}) in ` +
        `${formatCount(tracemalloc.blocks)} blocks`
      : 'not tracing';
    this.#notTracing.hidden = tracemalloc.tracing;
    this.#topSection.hidden = !tracemalloc.tracing;
    this.#topBody.closest('table').hidden = tracemalloc.lines.length === 0;

    const lines = tracemalloc.lines.slice(0, MAX_TOP_LINES);
    this.#topSummary.textContent = topSummary(tracemalloc, lines.length);
    const biggest = lines[0]?.size ?? 0;
    this.#top = lines.map((line) => ({ ...line, source: sourceText(source, line) }));
    this.#topBody.replaceChildren(...this.#top.map((line) => lineRow(line, [
      sizeCell(line.size, biggest), formatCount(line.count), formatSize(line.size / line.count),
    ])));

    for (const name of ['A', 'B']) {
      this.#takeButtons[name].disabled = !tracemalloc.tracing;
      this.#takeButtons[name].title = tracemalloc.tracing
        ? `Keep the current snapshot as ${name}`
        : 'Snapshots can be taken only while tracemalloc is tracing';
      this.#takenLabels[name].textContent = this.#taken[name]?.label ?? 'not taken';
    }
    this.#drawDiff();
  }

  #drawDiff() {
    const { A, B } = this.#taken;
    this.#diffTable.hidden = !(A && B);
    if (!(A && B)) {
      this.#diff = [];
      this.#diffBody.replaceChildren();
      this.#diffMessage.textContent = 'Take snapshot A, run or step the program further, then take snapshot B: ' +
        "the table shows what changed, as B.compare_to(A, 'lineno').";
      return;
    }
    const diffs = compareSnapshots(B.tracemalloc, A.tracemalloc);
    const changed = diffs.filter((diff) => diff.size_diff !== 0 || diff.count_diff !== 0);
    const total = B.tracemalloc.traced - A.tracemalloc.traced;
    this.#diffMessage.textContent = [
      `B.compare_to(A, 'lineno'): ${formatSize(total, true)} traced in all, ` +
        `${formatCount(changed.length)} of ${formatCount(diffs.length)} lines changed`,
      ...(diffs.length > MAX_DIFF_LINES ? [`the first ${MAX_DIFF_LINES} are listed`] : []),
      ...(diffIsPartial(B.tracemalloc, A.tracemalloc) ? ['only the top 100 lines of each snapshot are compared'] : []),
    ].join('; ') + '.';
    // A line still allocating is read in B's program, one that stopped in A's.
    this.#diff = diffs.slice(0, MAX_DIFF_LINES).map((diff) => (
      { ...diff, source: sourceText(diff.count > 0 ? B.source : A.source, diff) }));
    const biggest = Math.max(0, ...this.#diff.map((diff) => Math.abs(diff.size_diff)));
    this.#diffBody.replaceChildren(...this.#diff.map((diff) => lineRow(diff, [
      formatSize(diff.size), sizeCell(diff.size_diff, biggest, true), formatCount(diff.count), signedCell(diff.count_diff),
    ])));
  }
}

function topSummary(tracemalloc, shown) {
  if (tracemalloc.lines_total === 0) return 'No traced block is alive.';
  const total = tracemalloc.lines_total;
  const all = `${formatCount(total)} ${total === 1 ? 'line holds' : 'lines hold'} traced blocks`;
  return shown < tracemalloc.lines_total ? `${all}; the top ${shown} are listed.` : `${all}.`;
}

// A row of the top-lines or the diff table: "file:line", its source, then `cells`.
function lineRow(line, cells) {
  const tr = element('tr');
  const location = element('td', 'tracemalloc-location', `${line.filename}:${line.lineno}`);
  const source = element('td', 'tracemalloc-source', line.source ?? '');
  tr.append(location, source);
  for (const cell of cells) tr.append(typeof cell === 'string' ? element('td', null, cell) : cell);
  if (line.filename === MAIN_FILE) {
    tr.dataset.line = line.lineno;
    tr.tabIndex = 0;
    tr.className = 'selectable';
    tr.title = `Select line ${line.lineno} in the editor`;
  }
  return tr;
}

// A size with a bar behind it as long as its share of `biggest`.
function sizeCell(size, biggest, sign = false) {
  const cell = element('td', `tracemalloc-size${sign ? signClass(size) : ''}`);
  const bar = element('span', 'tracemalloc-bar');
  bar.style.width = `${biggest > 0 ? (Math.abs(size) / biggest) * 100 : 0}%`;
  cell.append(bar, element('span', null, formatSize(size, sign)));
  return cell;
}

function signedCell(value) {
  return element('td', signClass(value).trim(), value > 0 ? `+${formatCount(value)}` : formatCount(value));
}

function signClass(value) {
  return value > 0 ? ' grew' : value < 0 ? ' shrank' : '';
}

function sourceLines(code) {
  return typeof code === 'string' ? code.split('\n') : [];
}

// The text of a main.py line from the editor; other files' lines have none.
function sourceText(source, line) {
  return line.filename === MAIN_FILE ? (source[line.lineno - 1] ?? '').trim() : null;
}
