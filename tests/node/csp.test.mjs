// The page's Content-Security-Policy: web/index.html's <meta> element and
// scripts/serve.mjs's header say the same (the header adds frame-ancestors,
// which a meta element cannot carry), and the policy allows no inline script
// and no eval. The browser side is in tests/browser/security.test.mjs.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, serveDirectory } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const directives = (policy) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/))
  .filter((words) => words[0]).map(([name, ...values]) => [name, values]));

function metaPolicy() {
  const html = readFileSync(join(root, 'web', 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, 'index.html has a Content-Security-Policy meta element');
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before the first script');
  return meta[1];
}

describe('Content-Security-Policy', () => {
  it('the meta element and the header agree; only the header has frame-ancestors', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(header.get('frame-ancestors'), ["'none'"]);
    header.delete('frame-ancestors');
    assert.deepEqual(directives(metaPolicy()), header);
  });

  it('allows no inline script, no eval, and WebAssembly only by wasm-unsafe-eval', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(policy.get('default-src'), ["'self'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    for (const [name, values] of policy) {
      if (name !== 'style-src') assert.ok(!values.includes("'unsafe-inline'"), name);
      assert.ok(!values.includes("'unsafe-eval'") && !values.includes('*'), name);
    }
  });

  it('index.html has no inline script and no inline event handler', () => {
    const html = readFileSync(join(root, 'web', 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g)) assert.match(tag, /\ssrc="[^"]+"/, tag);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  });

  it('the server sends the policy with every file (workers take theirs from it)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'heaplab-csp-'));
    await writeFile(join(directory, 'worker.js'), 'postMessage(1);\n');
    const { server, url } = await serveDirectory(directory, 0);
    try {
      const response = await fetch(new URL('worker.js', url));
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    } finally {
      server.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
