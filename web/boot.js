// The page's first script (index.html loads it first in its head, before
// the stylesheets and the page's modules): starts the session's worker and
// the WebAssembly module's download and compilation at once, before the
// page's own code has loaded, and hands the compiled module to the worker.
// web/session/page-session.js later takes the worker over with the events it
// sent meanwhile, and uses startWorker to replace a worker that stopped
// answering (the compiled module is reused: no second download).
import { toWorker } from './session/protocol.js';

const worker = new Worker('worker.js');
const earlyEvents = [];
worker.onmessage = (event) => earlyEvents.push(event);
worker.onerror = (event) => {
  event.preventDefault();
  earlyEvents.push(event);
};

const wasmModule = fetch('heaplab.wasm')
  .then((response) => {
    if (!response.ok) throw new Error(`heaplab.wasm could not be loaded (HTTP ${response.status})`);
    // Compiled while it downloads when the server says application/wasm;
    // from any other server, once the download is complete.
    return response.headers.get('Content-Type')?.startsWith('application/wasm')
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });

function sendWasm(target) {
  wasmModule.then((module) => target.postMessage({ type: toWorker.WASM, module }),
    (error) => target.postMessage({ type: toWorker.WASM, error: String(error?.message ?? error) }));
}

sendWasm(worker);

function startWorker() {
  const fresh = new Worker('worker.js');
  sendWasm(fresh);
  return fresh;
}

window.heaplabWorker = { worker, earlyEvents, startWorker };
