// The page's one Python session. web/main.js evaluates this first, so the
// worker fetches and compiles the WebAssembly module while the rest of the
// page's code loads.
import { SessionClient } from './session-client.js';

export const session = new SessionClient('worker.js');
