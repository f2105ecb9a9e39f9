// The page's first script (index.html loads it first in its head, before
// the stylesheets and the page's modules): starts the session's worker and
// the WebAssembly module's download and compilation at once, before the
// page's own code has loaded, and hands the compiled module to the worker.
// web/session/page-session.js later takes the worker over with the events it
// sent meanwhile, and uses startWorker to replace a worker that stopped
// answering (the compiled module is reused: no second download).
import { toWorker } from './session/protocol.js';

// The Content-Security-Policy requires Trusted Types for every script sink
// (a string reaching innerHTML, eval or a script URL throws): the one script
// URL the page makes itself is the worker's, through this policy.
const scriptUrls = self.trustedTypes?.createPolicy('heaplab', {
  createScriptURL(url) {
    if (url !== 'worker.js') throw new TypeError(`heaplab loads no script from ${url}`);
    return url;
  },
});
const newWorker = () => new Worker(scriptUrls ? scriptUrls.createScriptURL('worker.js') : 'worker.js');

const worker = newWorker();
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
  const fresh = newWorker();
  sendWasm(fresh);
  return fresh;
}

window.heaplabWorker = { worker, earlyEvents, startWorker };
