// Share links: `#v1.` + base64url(deflate-raw(JSON)) round trips, and every
// kind of bad link (too long, damaged, not JSON, wrong fields, a
// decompression bomb) is refused with a sentence, never an exception. Links
// are read by the C++ decoder in the wasm module (core/share), as in the page.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { EXERCISES, findExercise } from '../../web/exercises/catalog.js';
import { readExercise } from '../../web/exercises/exercise.js';
import { DEFAULT_SETTINGS } from '../../web/session/settings.js';
import {
  createShareLink, MAX_FRAGMENT_CHARS, MAX_JSON_BYTES, readShareLink, ShareLinkError,
} from '../../web/share/share-link.js';
import { loadHeaplab } from './wasm-session.mjs';

const heaplab = await loadHeaplab();
const decode = async (fragment) => heaplab.decodeShareLink(fragment);
const read = (hash) => readShareLink(hash, decode);
const create = (state, pageUrl) => createShareLink(state, pageUrl, decode);

const PAGE = 'https://heaplab.example/play/';
const fragmentOf = (url) => url.slice(url.indexOf('#'));

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

// A hand-made fragment holding `payload` (a string is UTF-8 encoded first).
async function fragmentHolding(payload) {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return `#v1.${base64url(await deflate(bytes))}`;
}

const stateFragment = (state) => fragmentHolding(JSON.stringify(state));

async function refusal(hash) {
  const result = await read(hash);
  assert.equal(result.state, undefined, `expected a refusal, got ${JSON.stringify(result)}`);
  assert.equal(typeof result.error, 'string');
  assert.match(result.error, /^This share link cannot be opened: .*The page starts with its defaults\.$/);
  return result.error;
}

const settings = { memoryLimitMb: 48, thresholds: [100, 5, 3], debugAllocator: true };

describe('share link round trip', () => {
  it('carries code, a built-in exercise and the settings', async () => {
    const state = { code: 'import gc\nx = [1]\nx.append(x)\nprint("héllo ✓ 🐍")\n', exercise: '03_cycles', settings };
    const url = await create(state, `${PAGE}#an-old-fragment`);
    assert.ok(url.startsWith(`${PAGE}#v1.`), url);
    assert.match(fragmentOf(url), /^#v1\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(await read(fragmentOf(url)), { state });
  });

  it('carries a teacher-made exercise object whole', async () => {
    const exercise = {
      id: 'teacher_1', title: 'Count to three', topic: 'lists', instructions: ['Make `xs` hold 1, 2, 3.'],
      starter: 'xs = []\n', hints: ['append'], settings: { memory_limit_mb: 16 },
      checks: [{ name: 'xs', python: 'xs == [1, 2, 3]', message: 'look at xs' }],
    };
    const state = { code: 'xs = [1, 2, 3]\n', exercise, settings: { ...DEFAULT_SETTINGS, memoryLimitMb: 16 } };
    assert.deepEqual(await read(fragmentOf(await create(state, PAGE))), { state });
    // Settings left out take the defaults.
    const partial = await stateFragment({ code: '', settings: { debugAllocator: true } });
    assert.deepEqual((await read(partial)).state.settings, { ...DEFAULT_SETTINGS, debugAllocator: true });
  });

  it('needs only the code; drops nothing and adds nothing', async () => {
    const state = { code: '' };
    assert.deepEqual(await read(fragmentOf(await create(state, PAGE))), { state });
    assert.deepEqual(await read(await stateFragment({ code: 'x', exercise: null })), { state: { code: 'x' } });
  });

  it('compresses: a long repetitive program fits', async () => {
    const code = 'print("a fairly long line of Python that repeats")\n'.repeat(1000);
    const url = await create({ code }, PAGE);
    assert.ok(fragmentOf(url).length < MAX_FRAGMENT_CHARS);
    assert.equal((await read(fragmentOf(url))).state.code, code);
  });

  it('reads no state from an empty fragment', async () => {
    assert.deepEqual(await read(''), { state: null });
    assert.deepEqual(await read('#'), { state: null });
  });
});

describe('share links that are refused', () => {
  it('will not make a link over the size bound', async () => {
    const code = randomBytes(9000).toString('hex');  // incompressible beyond hex
    await assert.rejects(create({ code }, PAGE), (error) => {
      assert.ok(error instanceof ShareLinkError);
      assert.match(error.message, /too long to share/);
      return true;
    });
    await assert.rejects(create({ code: 'x'.repeat(60_001) }, PAGE), /code is longer than 60000 characters/);
    // Within the character bound, but over 64 KB as UTF-8.
    await assert.rejects(create({ code: '🐍'.repeat(20_000) }, PAGE), /links hold at most 64 KB/);
  });

  it('will not make a link of an invalid state', async () => {
    await assert.rejects(create({ code: 1 }, PAGE), /cannot be shared: its "code" is missing or not text/);
    await assert.rejects(create({ code: '', settings: { memoryLimitMb: 0 } }, PAGE), /memory limit/);
  });

  it('refuses an oversized fragment before decoding it', async () => {
    const error = await refusal(`#v1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`);
    assert.match(error, /too long/);
  });

  it('refuses what is not a heaplab link, or another version', async () => {
    assert.match(await refusal('#section-2'), /not a heaplab share link/);
    assert.match(await refusal('#v2.AAAA'), /another version of heaplab \(v2\)/);
  });

  it('refuses malformed base64', async () => {
    for (const hash of ['#v1.', '#v1.abc$def', '#v1.AAAA=', '#v1.ab+/', '#v1.ABCDE', '#v1.%3Cimg%3E']) {
      assert.match(await refusal(hash), /not base64url/, hash);
    }
  });

  it('refuses data that does not inflate or is cut short', async () => {
    assert.match(await refusal(`#v1.${base64url(Uint8Array.of(0xff, 0xfe, 0xfd, 0xfc, 0x07))}`), /does not decompress/);
    const whole = fragmentOf(await create({ code: 'print("a long enough program to cut in two")\n'.repeat(5) }, PAGE));
    assert.match(await refusal(whole.slice(0, whole.length - 12)), /does not decompress/);
  });

  it('refuses text that is not UTF-8 or not JSON', async () => {
    assert.match(await refusal(await fragmentHolding(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d))), /does not decompress/);
    assert.match(await refusal(await fragmentHolding('{"code": "x",')), /not valid JSON/);
    assert.match(await refusal(await fragmentHolding('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[')), /not valid JSON/);
  });

  it('refuses wrong types, unknown keys and settings out of range', async () => {
    const cases = [
      [[1, 2], /does not hold an object/],
      ['"code"', /does not hold an object/],
      [{ exercise: '03_cycles' }, /"code" is missing or not text/],
      [{ code: 42 }, /"code" is missing or not text/],
      [{ code: 'x', script: '<b>' }, /unknown field "script"/],
      [{ code: 'x', exercise: 3 }, /exercise id or an exercise object/],
      [{ code: 'x', exercise: '99_missing' }, /does not have: "99_missing"/],
      [{ code: 'x', exercise: { id: 'e', title: 't', topic: 't', instructions: '', starter: '', checks: [] } },
        /exercise is not valid \(exercise: "checks" must not be empty\)/],
      [{ code: 'x', settings: [] }, /"settings" must be an object/],
      [{ code: 'x', settings: { theme: 'light' } }, /unknown field "theme"/],
      [{ code: 'x', settings: { toString: 1 } }, /unknown field "toString"/],
      [JSON.parse('{"code": "x", "settings": {"__proto__": {"memoryLimitMb": 5}}}'), /unknown field "__proto__"/],
      [{ code: 'x', settings: { memoryLimitMb: '64' } }, /in its settings, the memory limit must be a whole number of MiB from 1 to 1024/],
      [{ code: 'x', settings: { memoryLimitMb: 0 } }, /memory limit/],
      [{ code: 'x', settings: { memoryLimitMb: 1025 } }, /memory limit/],
      [{ code: 'x', settings: { memoryLimitMb: 2.5 } }, /memory limit/],
      [{ code: 'x', settings: { thresholds: [700, 10] } }, /GC thresholds/],
      [{ code: 'x', settings: { thresholds: [700, 10, -1] } }, /GC thresholds/],
      [{ code: 'x', settings: { thresholds: [700, 10, 1_000_001] } }, /GC thresholds/],
      [{ code: 'x', settings: { thresholds: ['700', 10, 10] } }, /GC thresholds/],
      [{ code: 'x', settings: { debugAllocator: 'yes' } }, /debugAllocator must be true or false/],
      [{ code: 'x'.repeat(60_001) }, /code is longer than 60000/],
    ];
    for (const [value, pattern] of cases) {
      const payload = typeof value === 'string' ? value : JSON.stringify(value);
      assert.match(await refusal(await fragmentHolding(payload)), pattern, payload.slice(0, 80));
    }
  });

  it('parses nesting up to the JSON reader\'s bound in the module, refuses deeper', async () => {
    const nested = (depth) => `{"code": "", "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    assert.match(await refusal(await fragmentHolding(nested(199))), /unknown field "x"/);
    assert.match(await refusal(await fragmentHolding(nested(20_000))), /not valid JSON/);
  });

  it('stops inflating a decompression bomb at the cap', async () => {
    // 50 MB of zeros deflate to ~50 KB; 5 MB to ~5 KB: a fragment within the bound.
    const bomb = await fragmentHolding(new Uint8Array(5 * 1024 * 1024));
    assert.ok(bomb.length <= MAX_FRAGMENT_CHARS, `bomb fragment ${bomb.length} chars`);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    assert.match(await refusal(bomb), /expands to more than 64 KB/);
    console.log(`bomb refused in ${(performance.now() - started).toFixed(1)} ms, ` +
      `array buffers grew ${((process.memoryUsage().arrayBuffers - before) / 1024).toFixed(0)} KB`);
  });

  it('refuses valid JSON just over the size cap', async () => {
    const json = JSON.stringify({ code: 'x'.repeat(MAX_JSON_BYTES) });
    const hash = await fragmentHolding(json);
    assert.ok(hash.length <= MAX_FRAGMENT_CHARS);
    assert.match(await refusal(hash), /expands to more than 64 KB/);
  });
});

describe('one set of rules', () => {
  it('the decoder knows every exercise of the page\'s catalog', async () => {
    for (const { id } of EXERCISES) {
      assert.deepEqual(await read(await stateFragment({ code: '', exercise: id })), { state: { code: '', exercise: id } });
    }
  });

  it('a teacher\'s exercise is refused by the decoder as the page\'s reader refuses it', async () => {
    const good = {
      id: 'e', title: 't', topic: 't', instructions: '', starter: '', checks: [{ name: 'n', python: '1' }],
    };
    const bad = [
      { ...good, id: 'x'.repeat(65) },
      { ...good, title: '🐍'.repeat(101) },
      { ...good, instructions: ['x'.repeat(32 * 1024)] },
      { ...good, hints: Array(21).fill('h') },
      { ...good, hints: [1] },
      { ...good, checks: Array(51).fill({ name: 'n', python: '1' }) },
      { ...good, checks: [{ name: 'n' }] },
      { ...good, settings: { memory_limit_mb: 1025 } },
      { ...good, settings: { memory_limit_mb: '16' } },
      { ...good, extra: true },
    ];
    for (const exercise of bad) {
      const { error } = readExercise(exercise);
      assert.ok(error, JSON.stringify(exercise).slice(0, 80));
      const refused = await decode(await stateFragment({ code: '', exercise }));
      assert.equal(refused.reason, `its exercise is not valid (${error})`);
    }
    assert.equal(readExercise(good).error, undefined);
    assert.equal((await decode(await stateFragment({ code: '', exercise: good }))).ok, true);
  });

  it('will not make a link the decoder would refuse', async () => {
    // JSON.stringify writes a lone surrogate as an escape the strict JSON reader refuses.
    await assert.rejects(create({ code: 'half a pair \ud800' }, PAGE), /cannot be shared: its data is not valid JSON/);
  });
});

describe('share link content', () => {
  it('keeps markup in the code as plain characters', async () => {
    const code = 'print("<img src=x onerror=alert(1)>")\n';
    const { state } = await read(fragmentOf(await create({ code, exercise: '01_sizes' }, PAGE)));
    assert.equal(state.code, code);
    assert.ok(findExercise(state.exercise));
  });
});
