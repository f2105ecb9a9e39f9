// The page's exercises through the wasm checker, as the exercise tab sends
// them (each exercise's jsonText): every starter fails a check, every
// reference solution passes; and the page's own validation of a teacher's
// exercise agrees with the C++ loader's. Needs build/wasm (scripts/build-web.sh);
// HEAPLAB_WASM_DIR points the test at another build directory.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXERCISES, findExercise } from '../../web/exercises/catalog.js';
import { readExercise } from '../../web/exercises/exercise.js';
import { loadHeaplab } from './wasm-session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let heaplab;
const check = (jsonText, program) => JSON.parse(heaplab.checkExercise(jsonText, program));
const passes = (result) => result.checks.map((c) => c.passed);

describe('the exercise tab with the wasm checker', () => {
  before(async () => {
    heaplab = await loadHeaplab();
  });

  for (const exercise of EXERCISES) {
    it(`${exercise.id}: the starter fails, the reference solution passes`, () => {
      const started = performance.now();
      const starter = check(exercise.jsonText, exercise.starter);
      assert.equal(starter.error, undefined);
      assert.equal(starter.checks.length, exercise.checks.length);
      assert.deepEqual(starter.checks.map((c) => c.name), exercise.checks.map((c) => c.name));
      assert.ok(passes(starter).includes(false), `the starter passes every check of ${exercise.id}`);

      const solution = readFileSync(join(root, 'examples', 'exercises', `${exercise.id}.solution.py`), 'utf8');
      const solved = check(exercise.jsonText, solution);
      assert.equal(solved.program_end, 'finished');
      assert.ok(passes(solved).every(Boolean), `${exercise.id}: ${JSON.stringify(solved.checks)}`);
      console.log(`${exercise.id} checked twice in ${Math.round(performance.now() - started)} ms`);
    });
  }

  it('validates a teacher-made exercise as the C++ loader does', () => {
    const base = () => JSON.parse(findExercise('03_cycles').jsonText);
    const broken = [
      (j) => { j.surprise = true; },
      (j) => { delete j.id; },
      (j) => { j.topic = ['a', 'b']; },
      (j) => { j.instructions = 5; },
      (j) => { j.starter = ['x = 1', null]; },
      (j) => { j.hints = {}; },
      (j) => { j.hints = ['ok', 3]; },
      (j) => { j.settings = []; },
      (j) => { j.settings = { memory_limit_mb: 'big' }; },
      (j) => { j.settings = { stack: 1 }; },
      (j) => { j.checks = {}; },
      (j) => { j.checks = []; },
      (j) => { j.checks = ['gc.collect() == 0']; },
      (j) => { j.checks[0] = { name: 'n' }; },
      (j) => { j.checks[1].python = 1; },
      (j) => { j.checks[2].message = false; },
      (j) => { j.checks[0].hint = 'x'; },
    ];
    for (const change of broken) {
      const json = base();
      change(json);
      const page = readExercise(json).error;
      const cpp = check(JSON.stringify(json), '').error;
      assert.ok(cpp, `the C++ loader accepts ${change}`);
      assert.equal(page, cpp, `${change}`);
    }
    assert.deepEqual(check(JSON.stringify([1]), '').error, readExercise([1]).error);

    // The page keeps an exercise's limit within its memory limit setting's range.
    for (const limit of [0, 2.5, 2048]) {
      const json = { ...base(), settings: { memory_limit_mb: limit } };
      assert.match(readExercise(json).error, /^settings: "memory_limit_mb" must be a whole number of MB between 1 and 1024$/);
    }
    assert.match(check(JSON.stringify({ ...base(), settings: { memory_limit_mb: 0 } }), '').error,
      /^settings: "memory_limit_mb" must be a whole number of MB between 1 and/);
  });
});
