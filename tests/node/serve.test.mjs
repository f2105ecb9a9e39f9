// The static server that serves the built page.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveDirectory } from '../../scripts/serve.mjs';

let directory;
let server;
let url;

describe('serveDirectory', () => {
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'heaplab-serve-'));
    await mkdir(join(directory, 'site'));
    await writeFile(join(directory, 'site', 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(directory, 'site', 'module.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(join(directory, 'secret.txt'), 'outside the served directory');
    ({ server, url } = await serveDirectory(join(directory, 'site'), 0));
  });

  after(async () => {
    server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves the index page on a localhost URL', async () => {
    assert.match(url, /^http:\/\/localhost:\d+\/$/);
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  it('serves WebAssembly as application/wasm', async () => {
    const response = await fetch(new URL('module.wasm', url));
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.deepEqual([...new Uint8Array(await response.arrayBuffer())], [0, 97, 115, 109]);
  });

  it('answers 404 for missing files and never leaves its directory', async () => {
    assert.equal((await fetch(new URL('missing.js', url))).status, 404);
    assert.notEqual((await fetch(new URL('%2e%2e/secret.txt', url))).status, 200);
    assert.notEqual((await fetch(new URL('..%2fsecret.txt', url))).status, 200);
    assert.equal((await fetch(new URL('%E0%A4%A', url))).status, 400);
    assert.equal((await fetch(url)).status, 200, 'still serving');
  });
});
