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

// compileStreaming needs the server to say application/wasm; any other
// server still works, compiling once the download is complete.
WebAssembly.compileStreaming(fetch('heaplab.wasm'))
  .catch(() => fetch('heaplab.wasm').then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)))
  .then((module) => worker.postMessage({ type: toWorker.WASM, module }),
    (error) => worker.postMessage({ type: toWorker.WASM, error: String(error?.message ?? error) }));

window.heaplabWorker = { worker, earlyEvents };
