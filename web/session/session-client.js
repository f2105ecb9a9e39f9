// The page's handle on the Python session that lives in the worker: turns the
// message protocol into promises and callbacks.
import { fromWorker, toWorker } from './protocol.js';

export class SessionClient {
  #worker;
  #nextRequestId = 1;
  #pending = new Map();  // request id -> {resolve, reject}: classify, pool, exercise checks, links
  #currentRun = null;  // {resolve, reject, onOutput, onInput} while a REPL input or program runs
  #heapListeners = [];
  #failureListeners = [];
  #failed = false;
  #failure = null;  // the Error the session failed with
  #lastHeap = null;

  // Resolves once the session is ready (its first heap update follows); rejects if it cannot start.
  ready;

  // `worker` runs web/worker.js; `earlyEvents` are the message and error
  // events it sent before this client took it over, in order.
  constructor(worker, earlyEvents = []) {
    this.#worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const receive = (event) => {
        if (event.type === 'message') {
          this.#receive(event.data, resolve);
        } else {
          event.preventDefault();
          this.#fail(event.message || 'the session worker failed to start');
        }
      };
      this.#worker.onmessage = receive;
      this.#worker.onerror = receive;
      this.#failureListeners.push(reject);
      for (const event of earlyEvents) receive(event);
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
    return this.#startRun({ type: toWorker.PROGRAM, source, settings, action, speed }, onOutput, onInput);
  }

  // Starts the paused program afresh (Run or Step again while paused): the
  // run underway goes on with the new program and resolves when that ends.
  restartProgram({ source, settings, action, speed }) {
    if (this.#currentRun) this.#worker.postMessage({ type: toWorker.PROGRAM, source, settings, action, speed });
  }

  step() {
    this.#worker.postMessage({ type: toWorker.STEP });
  }

  pause() {
    this.#worker.postMessage({ type: toWorker.PAUSE });
  }

  resume(speed) {
    this.#worker.postMessage({ type: toWorker.CONTINUE, speed });
  }

  setSpeed(speed) {
    this.#worker.postMessage({ type: toWorker.SPEED, speed });
  }

  // A fresh, empty session with `settings`; only when nothing runs.
  restart(settings) {
    if (!this.#currentRun) this.#worker.postMessage({ type: toWorker.RESTART, settings });
  }

  // The line typed for the program's input() (without its newline), or null
  // for end of input (input() raises EOFError).
  provideInput(line) {
    if (this.#currentRun) this.#worker.postMessage({ type: toWorker.INPUT, line });
  }

  // Tells the session that the terminal has drawn `chars` characters of its
  // output; it holds a chatty program back until the terminal catches up.
  outputShown(chars) {
    this.#worker.postMessage({ type: toWorker.OUTPUT_SHOWN, chars });
  }

  interrupt() {
    if (this.#currentRun) this.#worker.postMessage({ type: toWorker.INTERRUPT });
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

  #request(message) {
    if (this.#failed) return Promise.reject(new Error('the session is gone'));
    const id = this.#nextRequestId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  #startRun(message, onOutput, onInput) {
    if (this.#currentRun) return Promise.reject(new Error('a program is already running'));
    return new Promise((resolve, reject) => {
      this.#currentRun = { resolve, reject, onOutput, onInput };
      this.#worker.postMessage(message);
    });
  }

  #publishHeap(heap) {
    this.#lastHeap = heap;
    for (const listener of this.#heapListeners) listener(heap);
  }

  #fail(message) {
    if (this.#failed) return;
    this.#failed = true;
    const error = new Error(message);
    this.#failure = error;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    if (this.#currentRun) this.#currentRun.reject(error);
    this.#currentRun = null;
    for (const listener of this.#failureListeners) listener(error);
  }

  #receive(message, resolveReady) {
    switch (message.type) {
      case fromWorker.READY:
        resolveReady();
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
        for (const chunk of message.chunks) this.#currentRun?.onOutput(chunk);
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
        this.#fail(message.message);
        break;
    }
  }
}
