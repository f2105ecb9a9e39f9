// The Python session's home: a Web Worker, so that a long-running program
// never freezes the page. The program runs in budgeted slices; between slices
// the worker returns to its event loop, where an interrupt message can arrive.
import { fromWorker, toWorker } from './session/protocol.js';

// Each Session.run() call gets an instruction budget sized to take about
// SLICE_TARGET_MS: long enough that the cost of yielding stays small, short
// enough that output streams smoothly and Ctrl-C lands at once.
const SLICE_TARGET_MS = 8;
const MIN_BUDGET = 10_000;
const MAX_BUDGET = 4_000_000;
const MEMORY_LIMIT = 256 * 1024 * 1024;

// Flow control: the page reports output once the terminal has drawn it, and
// the program waits while more than this is on its way, so a print loop
// cannot outrun the terminal (nor bury a Ctrl-C behind a backlog).
const MAX_OUTPUT_IN_FLIGHT = 64 * 1024;  // characters

let session = null;
let running = false;
let budget = 50_000;
let outputInFlight = 0;
let waitingForTerminal = false;
let waitingForInput = false;  // the program waits in input() for the page's line

// A MessageChannel yields to the event loop without setTimeout's 4 ms clamp.
const sliceChannel = new MessageChannel();
sliceChannel.port1.onmessage = runSlice;

function post(message) {
  self.postMessage(message);
}

function takeSnapshot() {
  return JSON.parse(session.snapshotJson());
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

function scheduleSlice() {
  if (outputInFlight > MAX_OUTPUT_IN_FLIGHT) waitingForTerminal = true;
  else sliceChannel.port2.postMessage(null);
}

function outputShown(chars) {
  outputInFlight -= chars;
  if (waitingForTerminal && outputInFlight <= MAX_OUTPUT_IN_FLIGHT) {
    waitingForTerminal = false;
    sliceChannel.port2.postMessage(null);
  }
}

function fail(error) {
  running = false;
  session = null;
  post({ type: fromWorker.FAILED, message: String(error && error.message ? error.message : error) });
}

function finish(state) {
  running = false;
  flushOutput();
  post({ type: fromWorker.FINISHED, state, snapshot: takeSnapshot() });
}

function startRun(source) {
  running = true;
  const state = session.start(source, 'interactive', '<stdin>');
  flushOutput();
  if (state === 'error') finish(state);
  else scheduleSlice();
}

function runSlice() {
  if (!running) return;
  try {
    const started = performance.now();
    const state = session.run(budget);
    const sleepMs = state === 'paused' ? session.sleepRemainingMs() : 0;
    if (sleepMs > 0) {
      // time.sleep: the program waits without the worker blocking; short
      // naps so that an interrupt is noticed soon.
      flushOutput();
      setTimeout(runSlice, Math.min(sleepMs, 50));
    } else if (state === 'paused') {
      adjustBudget(performance.now() - started);
      flushOutput();
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

self.onmessage = (event) => {
  const message = event.data;
  if (!session) return;
  try {
    switch (message.type) {
      case toWorker.CLASSIFY:
        post({ type: fromWorker.CLASSIFIED, id: message.id, status: session.classify(message.source) });
        break;
      case toWorker.RUN:
        if (!running) startRun(message.source);
        break;
      case toWorker.INTERRUPT:
        if (running) session.interrupt();  // also ends a wait for input, raising KeyboardInterrupt
        if (running && waitingForInput) {
          waitingForInput = false;
          scheduleSlice();
        }
        break;
      case toWorker.INPUT:
        if (running && waitingForInput) {
          waitingForInput = false;
          if (message.line === null) session.provideEndOfInput();
          else session.provideInput(message.line);
          scheduleSlice();
        }
        break;
      case toWorker.OUTPUT_SHOWN:
        outputShown(message.chars);
        break;
    }
  } catch (error) {
    fail(error);
  }
};

async function boot() {
  try {
    // heaplab.js is Emscripten's classic-script output; it defines createHeaplab.
    self.importScripts('heaplab.js');
    const module = await self.createHeaplab();
    session = new module.Session(MEMORY_LIMIT);
    post({ type: fromWorker.READY, snapshot: takeSnapshot() });
  } catch (error) {
    fail(error);
  }
}

boot();
