// The page's handle on the Python session that lives in the worker: turns the
// message protocol into promises and callbacks, and replaces a worker that
// stops answering (its watchdog, below) with a fresh session.
import { fromWorker, toWorker } from './protocol.js';

// How long a busy worker may leave a PING unanswered before it is replaced.
// Its longest legitimate silence is one synchronous call: an exercise check
// (at most ~1 s of interpreting) or a large heap update.
export const WATCHDOG_MS = 5000;

// What a run or request underway rejects with when its worker stopped
// answering (or failed) and a fresh session replaced it.
export class SessionRestarted extends Error {}

export class SessionClient {
  #worker;
  #startWorker;  // () => a new worker that is given the wasm module (web/boot.js), or null
  #nextRequestId = 1;
  #pending = new Map();  // request id -> {resolve, reject}: classify, pool, exercise checks, links
  #currentRun = null;  // {resolve, reject, onOutput, onInput} while a REPL input or program runs
  #heapListeners = [];
  #failureListeners = [];
  #restartListeners = [];
  #isReady = false;
  #failed = false;
  #failure = null;  // the Error the session failed with
  #lastHeap = null;
  #settings = null;  // the settings last sent (PROGRAM, RESTART): a replacement session gets them
  #outputOwed = 0;  // characters of output received and not yet reported drawn
  // Replacing a worker
  #queue = null;  // messages held while a replacement worker starts, else null
  #runIdBase = 0;  // added to the worker's runIds: a replacement's start again at 0
  // The watchdog
  #watchdogMs;
  #watchdogTimer = null;
  #pingSentAt = null;  // performance.now() when the unanswered PING was sent, or null
  #lastCheck = 0;

  // Resolves once the session is ready (its first heap update follows); rejects if it cannot start.
  ready;

  // `worker` runs web/worker.js; `earlyEvents` are the message and error
  // events it sent before this client took it over, in order. With
  // `startWorker` (a function making a new such worker) a worker that stops
  // answering for `watchdogMs` while something runs is replaced.
  constructor(worker, earlyEvents = [], { startWorker = null, watchdogMs = WATCHDOG_MS } = {}) {
    this.#worker = worker;
    this.#startWorker = startWorker;
    this.#watchdogMs = watchdogMs;
    this.ready = new Promise((resolve, reject) => {
      this.#failureListeners.push(reject);
      this.#listen(worker, () => {
        this.#isReady = true;
        resolve();
      });
      for (const event of earlyEvents) (event.type === 'message' ? worker.onmessage : worker.onerror)(event);
    });
  }

  get running() {
    return this.#currentRun !== null;
  }

  // 'complete' | 'incomplete', as CPython's interactive loop decides.
  classify(source) {
    return this.#request({ type: toWorker.CLASSIFY, source }).then((message) => message.status);
  }

  // Runs one REPL input. onOutput({stream, text}) is called as output arrives
  // (report it with outputShown once drawn); onInput() when the program waits
  // in input() (answer with provideInput). Resolves with the final state
  // ('done' | 'error' | 'idle').
  run(source, onOutput, onInput = () => this.provideInput(null)) {
    return this.#startRun({ type: toWorker.RUN, source }, onOutput, onInput);
  }

  // Runs the editor's program as main.py in a fresh session made with
  // `settings`: action 'run' at `speed` lines per second (0: full speed), or
  // 'step' (paused before its first line). Resolves like run() when it ends;
  // meanwhile step(), pause(), resume() and interrupt() drive it.
  runProgram({ source, settings, action, speed }, onOutput, onInput = () => this.provideInput(null)) {
    this.#settings = settings;
    return this.#startRun({ type: toWorker.PROGRAM, source, settings, action, speed }, onOutput, onInput);
  }

  // Starts the paused program afresh (Run or Step again while paused): the
  // run underway goes on with the new program and resolves when that ends.
  restartProgram({ source, settings, action, speed }) {
    if (!this.#currentRun) return;
    this.#settings = settings;
    this.#send({ type: toWorker.PROGRAM, source, settings, action, speed });
  }

  step() {
    this.#send({ type: toWorker.STEP });
  }

  pause() {
    this.#send({ type: toWorker.PAUSE });
  }

  resume(speed) {
    this.#send({ type: toWorker.CONTINUE, speed });
  }

  setSpeed(speed) {
    this.#send({ type: toWorker.SPEED, speed });
  }

  // A fresh, empty session with `settings`; only when nothing runs.
  restart(settings) {
    if (this.#currentRun) return;
    this.#settings = settings;
    this.#send({ type: toWorker.RESTART, settings });
  }

  // The line typed for the program's input() (without its newline), or null
  // for end of input (input() raises EOFError).
  provideInput(line) {
    if (this.#currentRun) this.#send({ type: toWorker.INPUT, line });
  }

  // Tells the session that the terminal has drawn `chars` characters of its
  // output; it holds a chatty program back until the terminal catches up.
  // (Output of a replaced worker is not reported to its successor.)
  outputShown(chars) {
    const shown = Math.min(chars, this.#outputOwed);
    if (shown <= 0) return;
    this.#outputOwed -= shown;
    this.#send({ type: toWorker.OUTPUT_SHOWN, chars: shown });
  }

  interrupt() {
    if (this.#currentRun) this.#send({ type: toWorker.INTERRUPT });
  }

  // One pool's used blocks with the objects in them (FORMAT.md pool_json).
  pool(address) {
    return this.#request({ type: toWorker.POOL, address }).then((message) => message.pool);
  }

  // Runs `code` in a fresh session against the exercise (its JSON text).
  checkExercise(exercise, code) {
    return this.#request({ type: toWorker.CHECK_EXERCISE, exercise, code }).then((message) => message.result);
  }

  // Reads a share link's fragment in the module: {ok, state (JSON text)} | {ok, error, reason}.
  decodeLink(fragment) {
    return this.#request({ type: toWorker.DECODE_LINK, fragment }).then((message) => message.result);
  }

  // A listener added after updates arrived gets the latest one at once.
  onHeap(listener) {
    this.#heapListeners.push(listener);
    if (this.#lastHeap) listener(this.#lastHeap);
  }

  onFailure(listener) {
    this.#failureListeners.push(listener);
    if (this.#failure) listener(this.#failure);
  }

  // listener(error: SessionRestarted) when a fresh session replaced one that
  // stopped answering or failed; called before the run or requests underway
  // reject with that error.
  onRestart(listener) {
    this.#restartListeners.push(listener);
  }

  #send(message) {
    if (this.#queue) this.#queue.push(message);
    else this.#worker.postMessage(message);
  }

  #request(message) {
    if (this.#failed) return Promise.reject(new Error('the session is gone'));
    const id = this.#nextRequestId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ ...message, id });
      this.#watch();
    });
  }

  #startRun(message, onOutput, onInput) {
    if (this.#currentRun) return Promise.reject(new Error('a program is already running'));
    return new Promise((resolve, reject) => {
      this.#currentRun = { resolve, reject, onOutput, onInput };
      this.#send(message);
      this.#watch();
    });
  }

  #publishHeap(heap) {
    heap.runId += this.#runIdBase;
    this.#lastHeap = heap;
    for (const listener of this.#heapListeners) listener(heap);
  }

  #rejectAll(error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    if (this.#currentRun) this.#currentRun.reject(error);
    this.#currentRun = null;
  }

  #fail(message) {
    if (this.#failed) return;
    this.#failed = true;
    const error = new Error(message);
    this.#failure = error;
    this.#rejectAll(error);
    for (const listener of this.#failureListeners) listener(error);
  }

  // Takes `worker`'s messages and errors; onReady() on its READY.
  #listen(worker, onReady) {
    worker.onmessage = (event) => this.#receive(event.data, onReady);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#lost(event.message || 'the session worker failed');
    };
  }

  // The worker failed (the wasm module trapped, or the worker's script
  // threw): a session that was ready is replaced; one that never started
  // (the module could not load), or a replacement that fails before it is
  // ready, is reported as gone.
  #lost(message) {
    if (this.#isReady && this.#startWorker && !this.#queue) this.#replaceWorker(`The Python session failed (${message}) and was restarted`);
    else this.#fail(message);
  }

  // --- the watchdog ----------------------------------------------------------
  // While a REPL input, a program or a request is underway, the worker is
  // PINGed every quarter of the timeout. It answers from its event loop,
  // which it reaches between slices and while a program is paused or waits
  // in input(); a PING unanswered for the whole timeout means it is stuck in
  // one synchronous call, and it is replaced by a fresh session.
  #watch() {
    if (this.#watchdogTimer !== null || !this.#startWorker || this.#failed) return;
    this.#pingSentAt = null;
    this.#lastCheck = performance.now();
    this.#watchdogTimer = setTimeout(() => this.#checkWorker(), this.#watchdogMs / 4);
  }

  #checkWorker() {
    this.#watchdogTimer = null;
    if (this.#failed || (!this.#currentRun && this.#pending.size === 0)) return;
    const now = performance.now();
    // A check that comes late means the page itself was busy (or hidden, its
    // timers throttled): the worker's answer may be waiting behind it, so it
    // gets a fresh PING rather than the blame.
    if (now - this.#lastCheck > this.#watchdogMs / 2) this.#pingSentAt = null;
    if (this.#pingSentAt !== null && now - this.#pingSentAt >= this.#watchdogMs) {
      this.#replaceWorker('The Python session stopped answering and was restarted');
      return;
    }
    if (this.#pingSentAt === null && this.#queue === null) {
      this.#pingSentAt = now;
      this.#worker.postMessage({ type: toWorker.PING });
    }
    this.#lastCheck = now;
    this.#watchdogTimer = setTimeout(() => this.#checkWorker(), this.#watchdogMs / 4);
  }

  // Terminates the worker and starts a fresh one (web/boot.js's startWorker:
  // the compiled module is reused) with the settings last sent. Messages sent
  // meanwhile wait for its READY; the run and requests underway reject with
  // SessionRestarted; its heap updates carry new runIds.
  #replaceWorker(message) {
    clearTimeout(this.#watchdogTimer);
    this.#watchdogTimer = null;
    this.#pingSentAt = null;
    this.#worker.onmessage = null;
    this.#worker.onerror = null;
    this.#worker.terminate();
    this.#runIdBase = (this.#lastHeap?.runId ?? -1) + 1;
    this.#outputOwed = 0;
    this.#queue = [];
    this.#worker = this.#startWorker();
    this.#listen(this.#worker, () => {
      const held = this.#queue;
      this.#queue = null;
      if (this.#settings) this.#worker.postMessage({ type: toWorker.RESTART, settings: this.#settings });
      for (const heldMessage of held) this.#worker.postMessage(heldMessage);
    });
    const error = new SessionRestarted(message);
    for (const listener of this.#restartListeners) listener(error);
    this.#rejectAll(error);
  }

  #receive(message, onReady) {
    switch (message.type) {
      case fromWorker.READY:
        onReady();
        break;
      case fromWorker.PONG:
        this.#pingSentAt = null;
        break;
      case fromWorker.CLASSIFIED:
      case fromWorker.POOL_INFO:
      case fromWorker.EXERCISE_RESULT:
      case fromWorker.LINK_DECODED: {
        const request = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        request?.resolve(message);
        break;
      }
      case fromWorker.OUTPUT:
        for (const chunk of message.chunks) {
          this.#outputOwed += chunk.text.length;
          this.#currentRun?.onOutput(chunk);
        }
        break;
      case fromWorker.INPUT_REQUESTED:
        this.#currentRun?.onInput();
        break;
      case fromWorker.HEAP:
        this.#publishHeap(message.heap);
        break;
      case fromWorker.FINISHED: {
        const run = this.#currentRun;
        this.#currentRun = null;
        run?.resolve({ state: message.state });
        break;
      }
      case fromWorker.FAILED:
        this.#lost(message.message);
        break;
    }
  }
}
