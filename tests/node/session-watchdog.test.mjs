// The SessionClient's watchdog (web/session/session-client.js) against fake
// workers: a busy worker that answers PINGs is left alone, however long it
// runs; one that does not is terminated and replaced by a fresh session with
// the settings last used; what was underway ends with SessionRestarted, what
// is sent meanwhile reaches the new worker once it is ready.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionClient, SessionRestarted } from '../../web/session/session-client.js';
import { fromWorker, toWorker } from '../../web/session/protocol.js';

const WATCHDOG_MS = 60;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Records what the page sends; answers PINGs while `answering`.
class FakeWorker {
  sent = [];
  terminated = false;
  answering = true;
  onmessage = null;
  onerror = null;

  postMessage(message) {
    assert.ok(!this.terminated, 'nothing is sent to a terminated worker');
    this.sent.push(message);
    if (message.type === toWorker.PING && this.answering) setTimeout(() => this.emit({ type: fromWorker.PONG }));
  }

  terminate() {
    this.terminated = true;
  }

  emit(message) {
    this.onmessage?.({ type: 'message', data: message });
  }

  types() {
    return this.sent.map((message) => message.type).filter((type) => type !== toWorker.PING);
  }
}

const heap = (runId) => ({ reason: 'ready', runId, program: { state: 'idle', line: null } });

async function readyClient() {
  const workers = [new FakeWorker()];
  const client = new SessionClient(workers[0], [], {
    watchdogMs: WATCHDOG_MS,
    startWorker: () => {
      workers.push(new FakeWorker());
      return workers.at(-1);
    },
  });
  workers[0].emit({ type: fromWorker.READY });
  workers[0].emit({ type: fromWorker.HEAP, heap: heap(0) });
  await client.ready;
  return { client, workers };
}

describe('the session watchdog', () => {
  it('leaves a busy worker that answers alone, and pings nobody when idle', async () => {
    const { client, workers } = await readyClient();
    await sleep(3 * WATCHDOG_MS);
    assert.equal(workers[0].sent.length, 0, 'no PING while nothing runs');
    const run = client.run('while True: pass', () => {});
    await sleep(5 * WATCHDOG_MS);
    assert.ok(workers[0].sent.some((message) => message.type === toWorker.PING));
    assert.equal(workers.length, 1);
    workers[0].emit({ type: fromWorker.FINISHED, state: 'done' });
    assert.deepEqual(await run, { state: 'done' });
  });

  it('replaces a worker that stops answering, with the settings last used', async () => {
    const { client, workers } = await readyClient();
    const settings = { memoryLimitMb: 32, thresholds: [100, 5, 5], debugAllocator: false };
    const events = [];
    client.onRestart((error) => events.push(`restart: ${error.message}`));
    const heaps = [];
    client.onHeap((update) => heaps.push(update.runId));
    const program = client.runProgram({ source: 'x = 1', settings, action: 'run', speed: 0 }, () => {});
    workers[0].emit({ type: fromWorker.HEAP, heap: heap(1) });
    workers[0].answering = false;
    const check = client.checkExercise('{}', 'while True: pass');
    const outcome = (promise) => promise.then(() => 'resolved', (error) => {
      events.push(`rejected: ${error.constructor.name}`);
      return error;
    });
    const [programError, checkError] = await Promise.all([outcome(program), outcome(check)]);
    assert.ok(programError instanceof SessionRestarted && checkError instanceof SessionRestarted);
    assert.match(programError.message, /stopped answering and was restarted/);
    assert.deepEqual(events, [`restart: ${programError.message}`, 'rejected: SessionRestarted', 'rejected: SessionRestarted']);
    assert.equal(workers.length, 2);
    assert.ok(workers[0].terminated);

    // Sent before the new worker is ready: held, then delivered after the
    // settings' RESTART. Output of the old worker is not reported to it.
    client.outputShown(100);
    const classified = client.classify('print(6*7)');
    assert.deepEqual(workers[1].types(), []);
    workers[1].emit({ type: fromWorker.READY });
    assert.deepEqual(workers[1].types(), [toWorker.RESTART, toWorker.CLASSIFY]);
    assert.deepEqual(workers[1].sent[0].settings, settings);
    workers[1].emit({ type: fromWorker.HEAP, heap: heap(0) });
    workers[1].emit({ type: fromWorker.CLASSIFIED, id: workers[1].sent[1].id, status: 'complete' });
    assert.equal(await classified, 'complete');
    // The new worker's runIds follow the old ones.
    assert.deepEqual(heaps, [0, 1, 2]);

    // And it is watched in turn.
    const run = client.run('print(6*7)', () => {});
    await sleep(3 * WATCHDOG_MS);
    workers[1].emit({ type: fromWorker.FINISHED, state: 'done' });
    assert.deepEqual(await run, { state: 'done' });
    assert.equal(workers.length, 2);
  });

  it('replaces a worker whose session failed once ready; a start that fails is a failure', async () => {
    const { client, workers } = await readyClient();
    const restarts = [];
    client.onRestart((error) => restarts.push(error.message));
    workers[0].emit({ type: fromWorker.FAILED, message: 'RuntimeError: unreachable' });
    assert.deepEqual(restarts, ['The Python session failed (RuntimeError: unreachable) and was restarted']);
    const failures = [];
    client.onFailure((error) => failures.push(error.message));
    workers[1].emit({ type: fromWorker.FAILED, message: 'heaplab.wasm could not be loaded' });
    assert.deepEqual(failures, ['heaplab.wasm could not be loaded']);
    await assert.rejects(client.classify('1'), /the session is gone/);

    const lone = new SessionClient(new FakeWorker(), [{ type: 'message', data: { type: fromWorker.FAILED, message: 'no wasm' } }],
      { startWorker: () => assert.fail('a session that never started is not replaced') });
    await assert.rejects(lone.ready, /no wasm/);
  });
});
