// The Python session's home: a Web Worker, so that a long-running program
// never freezes the page. Code runs in budgeted slices; between slices the
// worker returns to its event loop, where Pause, Stop or Ctrl-C can arrive.
//
// Two kinds of job run here: a REPL input, and the editor's program (main.py
// in a fresh session), which can also be paused, stepped line by line and
// run at a chosen number of lines per second.
import { PROGRAM_FILENAME, fromWorker, toWorker } from './session/protocol.js';
import { DEFAULT_SETTINGS, normalizeSettings } from './session/settings.js';

// Each Session.run() call gets an instruction budget sized to take about
// SLICE_TARGET_MS: long enough that the cost of yielding stays small, short
// enough that output streams smoothly and Ctrl-C lands at once.
const SLICE_TARGET_MS = 8;
const MIN_BUDGET = 10_000;
const MAX_BUDGET = 4_000_000;
// A step runs instruction by instruction; a line longer than this pauses
// inside it (the next Step goes on with it).
const STEP_BUDGET = 1_000_000;
const GRAPH_MAX_NODES = 300;
// While a program runs at full speed, the views get a heap update this often.
const TICK_MS = 250;

// Flow control: the page reports output once the terminal has drawn it, and
// the program waits while more than this is on its way, so a print loop
// cannot outrun the terminal (nor bury a Ctrl-C behind a backlog).
const MAX_OUTPUT_IN_FLIGHT = 64 * 1024;  // characters

let heaplab = null;  // the wasm module
let session = null;
let runId = 0;
let programState = 'idle';  // of the editor's program: 'idle' | 'running' | 'paused' | 'finished'

// What runs now, or null: {kind: 'repl' | 'program', mode, speed}. mode is
// 'running' (slices at full speed, or one line per 1000/speed ms), 'paused',
// or 'stepping' (one line, then 'paused').
let job = null;
let budget = 50_000;
let outputInFlight = 0;
let waitingForTerminal = false;
let waitingForInput = false;  // the program waits in input() for the page's line
let sliceTimer = null;  // a pending setTimeout of the next slice (sleep, speed)
let lastTick = 0;

// A MessageChannel yields to the event loop without setTimeout's 4 ms clamp.
const sliceChannel = new MessageChannel();
sliceChannel.port1.onmessage = runSlice;

function post(message) {
  self.postMessage(message);
}

function newSession(settings) {
  if (session) session.delete();
  session = new heaplab.Session(settings.memoryLimitMb * 1024 * 1024, settings.debugAllocator);
  session.setGcThresholds(...settings.thresholds);
}

function programLine() {
  const at = session.currentLine();
  return at && at.filename === PROGRAM_FILENAME ? at.line : null;
}

function heapUpdate(reason, withGraph = true) {
  return {
    reason,
    runId,
    snapshot: JSON.parse(session.snapshotJson()),
    graph: withGraph ? JSON.parse(session.graphJson(GRAPH_MAX_NODES)) : null,
    stats: JSON.parse(session.statsJson()),
    program: { state: programState, line: programState === 'idle' || programState === 'finished' ? null : programLine() },
  };
}

function postHeap(reason, withGraph = true) {
  post({ type: fromWorker.HEAP, heap: heapUpdate(reason, withGraph) });
}

// Sends the output written since the last flush, with consecutive writes to
// the same stream merged: a loop of prints becomes one message, not thousands.
function flushOutput() {
  const chunks = [];
  for (const chunk of session.takeOutput()) {
    const last = chunks[chunks.length - 1];
    if (last && last.stream === chunk.stream) last.text += chunk.text;
    else chunks.push(chunk);
  }
  if (chunks.length === 0) return;
  for (const chunk of chunks) outputInFlight += chunk.text.length;
  post({ type: fromWorker.OUTPUT, chunks });
}

function scheduleSlice(delayMs = 0) {
  clearTimeout(sliceTimer);
  sliceTimer = null;
  if (outputInFlight > MAX_OUTPUT_IN_FLIGHT) waitingForTerminal = true;
  else if (delayMs > 0) sliceTimer = setTimeout(runSlice, delayMs);
  else sliceChannel.port2.postMessage(null);
}

function outputShown(chars) {
  outputInFlight -= chars;
  if (waitingForTerminal && outputInFlight <= MAX_OUTPUT_IN_FLIGHT) {
    waitingForTerminal = false;
    scheduleSlice();
  }
}

function fail(error) {
  job = null;
  session = null;
  post({ type: fromWorker.FAILED, message: String(error && error.message ? error.message : error) });
}

function finish(state) {
  const kind = job.kind;
  job = null;
  flushOutput();
  if (kind === 'program') programState = 'finished';
  // FINISHED first: the page's controls, redrawn for the heap update, then
  // know that nothing runs.
  post({ type: fromWorker.FINISHED, state });
  postHeap(kind === 'program' ? 'finish' : 'repl');
}

function pause() {
  job.mode = 'paused';
  clearTimeout(sliceTimer);
  flushOutput();
  programState = 'paused';
  postHeap('pause');
}

function startRepl(source) {
  job = { kind: 'repl', mode: 'running', speed: 0 };
  const state = session.start(source, 'interactive', '<stdin>');
  flushOutput();
  if (state === 'error') finish(state);
  else scheduleSlice();
}

function startProgram({ source, settings, action, speed }) {
  newSession(settings);
  runId++;
  job = { kind: 'program', mode: action === 'step' ? 'paused' : 'running', speed };
  programState = job.mode;
  const state = session.start(source, 'file', PROGRAM_FILENAME);
  flushOutput();
  if (state === 'error') {
    finish(state);
    return;
  }
  lastTick = performance.now();
  if (job.mode === 'paused') {
    postHeap('pause');
  } else if (job.speed > 0) {
    postHeap('step');  // line by line: the first line shows before it runs
    scheduleSlice(1000 / job.speed);
  } else {
    scheduleSlice();
  }
}

function runSlice() {
  sliceTimer = null;
  if (!job || job.mode === 'paused' || waitingForInput) return;
  try {
    const byLine = job.kind === 'program' && (job.mode === 'stepping' || job.speed > 0);
    const started = performance.now();
    const state = byLine ? session.step(STEP_BUDGET) : session.run(budget);
    const sleepMs = state === 'paused' ? session.sleepRemainingMs() : 0;
    if (sleepMs > 0) {
      // time.sleep: the program waits without the worker blocking; short
      // naps so that an interrupt is noticed soon.
      flushOutput();
      scheduleSlice(Math.min(sleepMs, 50));
    } else if (state === 'paused' && byLine) {
      flushOutput();
      if (job.mode === 'stepping') {
        pause();
      } else {
        postHeap('step');
        scheduleSlice(1000 / job.speed);
      }
    } else if (state === 'paused') {
      adjustBudget(performance.now() - started);
      flushOutput();
      if (job.kind === 'program' && performance.now() - lastTick >= TICK_MS) {
        lastTick = performance.now();
        postHeap('tick', false);
      }
      scheduleSlice();
    } else if (state === 'input') {
      // input() paused the program: the page collects a line, the program
      // resumes when it arrives (INPUT).
      flushOutput();
      waitingForInput = true;
      post({ type: fromWorker.INPUT_REQUESTED });
    } else {
      finish(state);
    }
  } catch (error) {
    fail(error);
  }
}

function adjustBudget(elapsedMs) {
  if (elapsedMs < SLICE_TARGET_MS / 2) budget = Math.min(MAX_BUDGET, budget * 2);
  else if (elapsedMs > SLICE_TARGET_MS * 2) budget = Math.max(MIN_BUDGET, Math.floor(budget / 2));
}

function isPausedProgram() {
  return job && job.kind === 'program' && job.mode === 'paused' && !waitingForInput;
}

// Speeds are lines per second; 0 (or anything not a positive number) is full speed.
function toSpeed(value) {
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : 0;
}

function checkSettings(raw) {
  const { settings } = normalizeSettings(raw ?? DEFAULT_SETTINGS);
  return settings ?? DEFAULT_SETTINGS;
}

function handle(message) {
  switch (message.type) {
    case toWorker.CLASSIFY:
      post({ type: fromWorker.CLASSIFIED, id: message.id, status: session.classify(message.source) });
      break;
    case toWorker.RUN:
      if (!job) startRepl(message.source);
      break;
    case toWorker.PROGRAM:
      // Run or Step again while the last program is paused starts afresh.
      if (!job || isPausedProgram()) {
        startProgram({ source: String(message.source), settings: checkSettings(message.settings),
          action: message.action === 'step' ? 'step' : 'run', speed: toSpeed(message.speed) });
      }
      break;
    case toWorker.STEP:
      if (isPausedProgram()) {
        job.mode = 'stepping';
        programState = 'running';
        scheduleSlice();
      }
      break;
    case toWorker.PAUSE:
      if (job && job.kind === 'program' && job.mode === 'running' && !waitingForInput) pause();
      break;
    case toWorker.CONTINUE:
      if (isPausedProgram()) {
        job.mode = 'running';
        job.speed = toSpeed(message.speed);
        programState = 'running';
        lastTick = performance.now();
        postHeap('tick', false);  // the page learns at once that it runs again
        scheduleSlice();
      }
      break;
    case toWorker.SPEED:
      if (job && job.kind === 'program') job.speed = toSpeed(message.speed);
      break;
    case toWorker.RESTART:
      if (!job) {
        newSession(checkSettings(message.settings));
        runId++;
        programState = 'idle';
        postHeap('restart');
      }
      break;
    case toWorker.INTERRUPT:
      if (!job) break;
      session.interrupt();  // also ends a wait for input, raising KeyboardInterrupt
      if (job.mode === 'paused' || waitingForInput) {
        // Stop on a paused program: the KeyboardInterrupt ends it at once.
        waitingForInput = false;
        job.mode = 'running';
        job.speed = 0;
        programState = 'running';
        scheduleSlice();
      }
      break;
    case toWorker.INPUT:
      if (job && waitingForInput) {
        waitingForInput = false;
        if (message.line === null) session.provideEndOfInput();
        else session.provideInput(String(message.line));
        scheduleSlice();
      }
      break;
    case toWorker.OUTPUT_SHOWN:
      outputShown(message.chars);
      break;
    case toWorker.POOL:
      post({ type: fromWorker.POOL_INFO, id: message.id, pool: JSON.parse(session.poolJson(Number(message.address))) });
      break;
    case toWorker.CHECK_EXERCISE:
      post({ type: fromWorker.EXERCISE_RESULT, id: message.id,
        result: JSON.parse(heaplab.checkExercise(String(message.exercise), String(message.code))) });
      break;
    case toWorker.DECODE_LINK:
      post({ type: fromWorker.LINK_DECODED, id: message.id, result: heaplab.decodeShareLink(String(message.fragment)) });
      break;
  }
}

// The page compiles the WebAssembly module (web/boot.js) and sends it first.
let receiveWasm;
const wasmModule = new Promise((resolve, reject) => {
  receiveWasm = ({ module, error }) => (module ? resolve(module) : reject(new Error(error)));
});

self.onmessage = (event) => {
  if (event.data.type === toWorker.WASM) {
    receiveWasm(event.data);
    return;
  }
  if (event.data.type === toWorker.PING) {
    // Answered whenever the worker gets back to its event loop: between
    // slices, while paused or waiting for input. The page's watchdog
    // (web/session/session-client.js) replaces a worker that does not answer.
    post({ type: fromWorker.PONG });
    return;
  }
  // A request can come before the first session exists (the page decodes
  // its share link while the module still loads): it waits for it.
  if (!session) {
    beforeSession.push(event.data);
    return;
  }
  handleSafely(event.data);
};

const beforeSession = [];

function handleSafely(message) {
  try {
    handle(message);
  } catch (error) {
    fail(error);
  }
}

async function boot() {
  try {
    // scripts/build-web.mjs puts Emscripten's heaplab.js, which defines
    // createHeaplab, at the head of this script.
    heaplab = await self.createHeaplab({
      instantiateWasm(imports, receiveInstance) {
        wasmModule.then((module) => WebAssembly.instantiate(module, imports))
          .then((instance) => receiveInstance(instance), fail);
        return {};
      },
    });
    newSession(DEFAULT_SETTINGS);
    // READY first: the page shows its prompt without waiting for the first
    // snapshot and graph, which follow in a heap update.
    post({ type: fromWorker.READY });
    postHeap('ready');
    for (const message of beforeSession.splice(0)) handleSafely(message);
  } catch (error) {
    fail(error);
  }
}

boot();
