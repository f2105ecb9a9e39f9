// The wasm binding of the exercise checker the page uses: a starter fails,
// the reference solution passes, a bad exercise text is an error, and an
// endless loop ends within the page's instruction budget.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadHeaplab } from './wasm-session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const exercisePath = join(root, 'examples', 'exercises', '03_cycles.json');

let heaplab;
const check = (exercise, program) => JSON.parse(heaplab.checkExercise(exercise, program));

describe('checkExercise in WebAssembly', () => {
  before(async () => {
    heaplab = await loadHeaplab();
  });

  it('fails the starter and passes the reference solution', () => {
    const exercise = readFileSync(exercisePath, 'utf8');
    const starter = JSON.parse(exercise).starter.join('\n');
    const failing = check(exercise, starter);
    assert.equal(failing.program_end, 'finished');
    assert.equal(failing.output, 'child1\n');
    assert.deepEqual(failing.checks.map((c) => c.passed), [false, true, false]);
    assert.match(failing.checks[0].message, /gc\.collect\(\) should find nothing/);

    const solution = readFileSync(exercisePath.replace('.json', '.solution.py'), 'utf8');
    const passing = check(exercise, solution);
    assert.deepEqual(passing.checks.map((c) => c.passed), [true, true, true]);
  });

  it('reports an invalid exercise text', () => {
    assert.deepEqual(check('{"id": 1}', ''), { error: 'exercise: "id" must be a string, not a number' });
    assert.match(check('not json', '').error, /JSON|json|expected/);
  });

  it('ends an endless loop with a traceback in main.py', () => {
    const exercise = readFileSync(exercisePath, 'utf8');
    const result = check(exercise, 'while True:\n    pass\n');
    assert.equal(result.program_end, 'raised');
    assert.match(result.output, /File "main\.py", line 1, in <module>[\s\S]*KeyboardInterrupt\n$/);
    assert.ok(result.checks.every((c) => !c.passed));
  });
});
