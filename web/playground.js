// The playground around the Python shell (web/shell.js): the editor with its
// run controls (the toolbar) and the views in their tabs, all fed by the heap
// updates the page's session (web/session/page-session.js) sends.
// web/main.js builds it once the shell's first prompt is on screen.
import { SettingsDialog } from './controls/settings-dialog.js';
import { Editor } from './editor/editor.js';
import { ExercisePanel } from './exercises/exercise-panel.js';
import { Tabs } from './layout/tabs.js';
import { HeapFeed } from './session/heap-feed.js';
import { session } from './session/page-session.js';
import { DEFAULT_SETTINGS, sameSettings } from './session/settings.js';
import { openShareDialog } from './share/share-dialog.js';
import { openShareLinks } from './share/share-startup.js';
import { ArenaMapView } from './views/arena-map.js';
import { GcPanel } from './views/gc-panel.js';
import { MemoryPlot } from './views/memory-plot.js';
import { ObjectGraphView } from './views/object-graph.js';
import { TracemallocPanel } from './views/tracemalloc-panel.js';

const DIM = '\x1b[38;5;244m';
const RESET = '\x1b[0m';
const banner = (what) => `${DIM}${'='.repeat(16)} ${what} ${'='.repeat(16)}${RESET}`;

const DEFAULT_PROGRAM = `import gc
import weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

a = Node("a")
b = Node("b")
a.next = b
b.next = a          # a cycle: a -> b -> a
watcher = weakref.ref(a)
del a, b            # unreachable now, but refcounts are not zero
print("collected:", gc.collect())
print("a is gone:", watcher() is None)
`;

const TABS = [
  { id: 'arena', label: 'Arena map' },
  { id: 'graph', label: 'Object graph' },
  { id: 'gc', label: 'GC' },
  { id: 'tracemalloc', label: 'tracemalloc' },
  { id: 'memory', label: 'Memory over time' },
  { id: 'exercise', label: 'Exercises' },
];

// Builds the playground around `shell` and the `toolbar` (web/controls/toolbar.js)
// already on the page. Resolves once the share link the page was opened with
// is applied (its settings in effect in the session).
export function buildPlayground(shell, toolbar) {
  const { repl } = shell;
  const feed = new HeapFeed();

  // --- the program: editor, run controls, settings -------------------------
  const editor = new Editor(document.getElementById('editor'), DEFAULT_PROGRAM);
  let settings = DEFAULT_SETTINGS;
  let ready = false;
  let programActive = false;  // the editor's program runs or is paused (a run is underway)
  let program = { state: 'idle', line: null };

  toolbar.actions = {
    run: () => startProgram('run'),
    step: () => step(),
    pauseOrContinue: () => (program.state === 'paused' ? session.resume(toolbar.speed) : session.pause()),
    stop: () => session.interrupt(),
    speed: (speed) => session.setSpeed(speed),
    settings: () => settingsDialog.open(settings),
    share: () => openShareDialog(app, views.exercise),
  };

  const settingsDialog = new SettingsDialog((chosen) => applySettings(chosen));

  function refreshControls() {
    toolbar.show({ program: programActive ? program.state : 'idle', replBusy: session.running && !programActive,
      ready, line: program.line });
  }

  function startProgram(action) {
    if (!ready) return;
    const options = { source: editor.text, settings, action, speed: toolbar.speed };
    if (programActive) {
      if (program.state !== 'paused') return;
      repl.announce(banner('RESTART: main.py'));
      session.restartProgram(options);
    } else {
      if (session.running) return;
      programActive = true;
      repl.runProgram(banner('RESTART: main.py'),
        (onOutput, onInput) => session.runProgram(options, onOutput, onInput))
        .finally(() => {
          programActive = false;
          refreshControls();
        });
    }
    program = { state: action === 'step' ? 'paused' : 'running', line: null };
    refreshControls();
  }

  // Step: one line of the paused program, or a fresh start paused before its first line.
  function step() {
    if (programActive && program.state === 'paused') session.step();
    else startProgram('step');
  }

  // New settings take effect in a fresh session at once when nothing runs,
  // else with the next Run.
  function applySettings(chosen) {
    const changed = !sameSettings(chosen, settings);
    settings = chosen;
    if (changed && ready && !session.running) {
      session.restart(settings);
      repl.restart(banner('RESTART: Shell'));
    }
  }

  feed.onUpdate((heap) => {
    program = heap.program;
    const showLine = program.state === 'paused' || heap.reason === 'step';
    editor.showCurrentLine(showLine ? program.line : null);
    refreshControls();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      startProgram('run');
    } else if (event.key === 'F10') {
      event.preventDefault();
      step();
    }
  });

  // --- the views -------------------------------------------------------------
  const tabs = new Tabs(document.getElementById('views'), TABS);
  const app = {
    requestPool: (address) => session.pool(address),
    selectLine: (line) => editor.selectLine(line),
    showView: (id) => tabs.show(id),
    stepThroughCollection: (index) => {
      const heap = feed.current;
      const collection = heap?.snapshot.gc.collections.find((c) => c.index === index);
      if (!collection) return;
      tabs.show('graph');
      views.graph.playCollection(collection, heap.previousGraph);
    },
    getCode: () => editor.text,
    setCode: (text) => { editor.text = text; },
    getSettings: () => settings,
    setSettings: (chosen) => applySettings(chosen),
    run: () => startProgram('run'),
    checkExercise: (exercise, code) => session.checkExercise(exercise, code),
    onHeap: (listener) => feed.onUpdate(listener),
  };

  const views = {
    arena: new ArenaMapView(tabs.host('arena'), app),
    graph: new ObjectGraphView(tabs.host('graph'), app),
    gc: new GcPanel(tabs.host('gc'), app),
    tracemalloc: new TracemallocPanel(tabs.host('tracemalloc'), app),
    memory: new MemoryPlot(tabs.host('memory'), app),
    exercise: new ExercisePanel(tabs.host('exercise'), app),
  };
  const shareLinkOpened = openShareLinks(app, views.exercise);

  feed.onUpdate((heap) => {
    for (const view of Object.values(views)) view.update(heap);
  });
  tabs.onShow((id) => views[id]?.shown());

  // --- start -------------------------------------------------------------
  // For the browser tests and for anyone curious in the devtools console.
  window.heaplab = Object.freeze({
    terminalText: () => repl.text(),
    arenaMap: () => views.arena.describe(),
    poolCenter: (row, slot) => views.arena.poolCenter(row, slot),
    views: Object.freeze(Object.fromEntries(TABS.map(({ id }) => [id, () => views[id]?.describe() ?? null]))),
    editor: Object.freeze({
      text: () => editor.text,
      setText: (text) => { editor.text = text; },
      currentLine: () => editor.currentLine(),
      selectedLines: () => editor.selectedLines(),
    }),
    program: () => ({ ...program, active: programActive, runId: feed.current?.runId ?? null }),
    settings: () => settings,
    heap: () => feed.current,
    firstPromptMs: () => shell.firstPromptMs,
  });

  // Last: the update that came before the playground was built reaches every view.
  session.onHeap((update) => feed.push(update));
  refreshControls();
  shell.started.then(() => {
    ready = true;
    refreshControls();
  });
  session.onFailure(() => {
    ready = false;
    refreshControls();
  });
  return shareLinkOpened.then(async () => {
    // The first session was made with the defaults: a link's settings replace them.
    if (sameSettings(settings, DEFAULT_SETTINGS)) return;
    await session.ready;
    session.restart(settings);
  }).catch(() => {});  // a session that failed is reported on the terminal
}
