// The page's one Python session. Its worker (web/worker.js) was started by
// index.html's first script (web/boot.js) before the page's code had loaded;
// this client takes the worker over, with the events it sent so far, and
// replaces it (web/boot.js's startWorker) if it stops answering.
//
// The watchdog's timeout is 5 s; the query `?watchdog-ms=N` (100 to 60000)
// changes it, for tests that make a real hang detectable quickly (an exercise
// check of an endless loop keeps the worker busy for about a second).
import { SessionClient, WATCHDOG_MS } from './session-client.js';

function watchdogMs() {
  const asked = Number(new URLSearchParams(location.search).get('watchdog-ms'));
  return Number.isInteger(asked) && asked >= 100 && asked <= 60_000 ? asked : WATCHDOG_MS;
}

const { worker, earlyEvents, startWorker } = window.heaplabWorker;
export const session = new SessionClient(worker, earlyEvents, { startWorker, watchdogMs: watchdogMs() });
