// The page's one Python session. Its worker (web/worker.js) was started by
// index.html's first script (web/boot.js) before the page's code had loaded;
// this client takes the worker over, with the events it sent so far.
import { SessionClient } from './session-client.js';

const { worker, earlyEvents } = window.heaplabWorker;
export const session = new SessionClient(worker, earlyEvents);
