// The page's first script, inlined into index.html by scripts/build-web.mjs:
// starts the session's worker and the WebAssembly module's download and
// compilation at once, before the page's own code has loaded, and hands the
// compiled module to the worker. web/session/page-session.js later takes the
// worker over with the events it sent meanwhile.
import { toWorker } from './session/protocol.js';

const worker = new Worker('worker.js');
const earlyEvents = [];
worker.onmessage = (event) => earlyEvents.push(event);
worker.onerror = (event) => {
  event.preventDefault();
  earlyEvents.push(event);
};

fetch('heaplab.wasm')
  .then((response) => {
    if (!response.ok) throw new Error(`heaplab.wasm could not be loaded (HTTP ${response.status})`);
    // Compiled while it downloads when the server says application/wasm;
    // from any other server, once the download is complete.
    return response.headers.get('Content-Type')?.startsWith('application/wasm')
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  })
  .then((module) => worker.postMessage({ type: toWorker.WASM, module }),
    (error) => worker.postMessage({ type: toWorker.WASM, error: String(error?.message ?? error) }));

window.heaplabWorker = { worker, earlyEvents };
