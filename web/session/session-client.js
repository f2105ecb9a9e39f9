// The page's handle on the Python session that lives in the worker: turns the
// message protocol into promises and callbacks.
import { fromWorker, toWorker } from './protocol.js';

export class SessionClient {
  #worker;
  #nextRequestId = 1;
  #pendingClassify = new Map();
  #currentRun = null;  // {resolve, reject, onOutput, onInput} while a program runs
  #snapshotListeners = [];
  #failureListeners = [];
  #failed = false;

  // Resolves with the first snapshot once the session is ready; rejects if it cannot start.
  ready;

  constructor(workerUrl) {
    this.#worker = new Worker(workerUrl);
    this.ready = new Promise((resolve, reject) => {
      this.#worker.onmessage = (event) => this.#receive(event.data, resolve);
      this.#failureListeners.push(reject);
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#fail(event.message || 'the session worker failed to start');
      };
    });
  }

  // 'complete' | 'incomplete', as CPython's interactive loop decides.
  classify(source) {
    const id = this.#nextRequestId++;
    return new Promise((resolve, reject) => {
      this.#pendingClassify.set(id, { resolve, reject });
      this.#worker.postMessage({ type: toWorker.CLASSIFY, id, source });
    });
  }

  // Runs one REPL input. onOutput({stream, text}) is called as output arrives
  // (report it with outputShown once drawn); onInput() when the program waits
  // in input() (answer with provideInput). Resolves with the final state
  // ('done' | 'error' | 'idle') and the snapshot taken after the run.
  run(source, onOutput, onInput = () => this.provideInput(null)) {
    if (this.#currentRun) return Promise.reject(new Error('a program is already running'));
    return new Promise((resolve, reject) => {
      this.#currentRun = { resolve, reject, onOutput, onInput };
      this.#worker.postMessage({ type: toWorker.RUN, source });
    });
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

  onSnapshot(listener) {
    this.#snapshotListeners.push(listener);
  }

  onFailure(listener) {
    this.#failureListeners.push(listener);
  }

  #publishSnapshot(snapshot) {
    for (const listener of this.#snapshotListeners) listener(snapshot);
  }

  #fail(message) {
    if (this.#failed) return;
    this.#failed = true;
    const error = new Error(message);
    for (const { reject } of this.#pendingClassify.values()) reject(error);
    this.#pendingClassify.clear();
    if (this.#currentRun) this.#currentRun.reject(error);
    this.#currentRun = null;
    for (const listener of this.#failureListeners) listener(error);
  }

  #receive(message, resolveReady) {
    switch (message.type) {
      case fromWorker.READY:
        resolveReady(message.snapshot);
        this.#publishSnapshot(message.snapshot);
        break;
      case fromWorker.CLASSIFIED: {
        const request = this.#pendingClassify.get(message.id);
        this.#pendingClassify.delete(message.id);
        request?.resolve(message.status);
        break;
      }
      case fromWorker.OUTPUT:
        for (const chunk of message.chunks) this.#currentRun?.onOutput(chunk);
        break;
      case fromWorker.INPUT_REQUESTED:
        this.#currentRun?.onInput();
        break;
      case fromWorker.FINISHED: {
        const run = this.#currentRun;
        this.#currentRun = null;
        this.#publishSnapshot(message.snapshot);
        run?.resolve({ state: message.state, snapshot: message.snapshot });
        break;
      }
      case fromWorker.FAILED:
        this.#fail(message.message);
        break;
    }
  }
}
