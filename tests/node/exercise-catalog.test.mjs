// The page's exercise catalog holds every course exercise with its fields,
// read by the same rules as the C++ loader (core/exercise/exercise.cpp).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXERCISES, findExercise } from '../../web/exercises/catalog.js';
import { readExercise } from '../../web/exercises/exercise.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const exerciseDir = join(root, 'examples', 'exercises');
const files = readdirSync(exerciseDir).filter((name) => name.endsWith('.json')).sort();
const lines = (text) => (Array.isArray(text) ? text.map((line) => `${line}\n`).join('') : text);

describe('exercise catalog', () => {
  it('has every example exercise, in the course order', () => {
    assert.equal(files.length, 15);
    assert.deepEqual(EXERCISES.map((exercise) => `${exercise.id}.json`), files);
  });

  for (const file of files) {
    it(`holds ${file} with all its fields`, () => {
      const json = JSON.parse(readFileSync(join(exerciseDir, file), 'utf8'));
      const exercise = findExercise(json.id);
      assert.ok(exercise, `${json.id} is not in the catalog`);
      assert.equal(exercise.title, json.title);
      assert.equal(exercise.topic, json.topic);
      assert.equal(exercise.instructions, lines(json.instructions));
      assert.equal(exercise.starter, lines(json.starter));
      assert.deepEqual(exercise.hints, json.hints ?? []);
      assert.equal(exercise.memoryLimitMb, json.settings?.memory_limit_mb ?? null);
      assert.deepEqual(exercise.checks, json.checks.map((check) => ({ message: '', ...check })));
      assert.ok(exercise.checks.length > 0);
      assert.ok(exercise.title.length > 0 && exercise.topic.length > 0 && exercise.starter.length > 0);
      // The checker gets the exercise as JSON text: the same object as the file.
      assert.deepEqual(JSON.parse(exercise.jsonText), json);
      assert.ok(existsSync(join(exerciseDir, `${json.id}.solution.py`)));
    });
  }

  it('knows the memory limit exercise 15 runs with', () => {
    assert.equal(findExercise('15_memory_limit').memoryLimitMb, 32);
    assert.equal(findExercise('03_cycles').memoryLimitMb, null);
    assert.equal(findExercise('nope'), null);
  });
});

describe('reading an exercise', () => {
  const valid = () => JSON.parse(findExercise('03_cycles').jsonText);
  const errorOf = (change) => {
    const json = valid();
    change(json);
    return readExercise(json).error;
  };

  it('accepts a teacher-made exercise with text lines, no hints and a limit', () => {
    const { exercise, error } = readExercise({
      id: 'mine', title: 'T', topic: 'x', instructions: 'Do it.', starter: ['a = 1', 'b = 2'],
      settings: { memory_limit_mb: 16 }, checks: [{ name: 'a is 1', python: 'a == 1' }],
    });
    assert.equal(error, undefined);
    assert.equal(exercise.starter, 'a = 1\nb = 2\n');
    assert.deepEqual(exercise.hints, []);
    assert.equal(exercise.memoryLimitMb, 16);
    assert.deepEqual(exercise.checks, [{ name: 'a is 1', python: 'a == 1', message: '' }]);
  });

  it('names the field at fault, as the C++ loader does', () => {
    assert.equal(readExercise([]).error, 'an exercise must be a JSON object');
    assert.equal(readExercise(null).error, 'an exercise must be a JSON object');
    assert.equal(errorOf((j) => { j.extra = 1; }), 'exercise: unknown key "extra"');
    assert.equal(errorOf((j) => { delete j.title; }), 'exercise: missing "title"');
    assert.equal(errorOf((j) => { j.title = 3; }), 'exercise: "title" must be a string, not a number');
    assert.equal(errorOf((j) => { j.starter = ['ok', 2]; }), 'exercise: "starter" must be a string or an array of strings');
    assert.equal(errorOf((j) => { j.hints = 'one'; }), 'exercise: "hints" must be an array, not a string');
    assert.equal(errorOf((j) => { j.hints = [1]; }), 'exercise: every hint must be a string');
    assert.equal(errorOf((j) => { delete j.checks; }), 'exercise: missing "checks"');
    assert.equal(errorOf((j) => { j.checks = []; }), 'exercise: "checks" must not be empty');
    assert.equal(errorOf((j) => { j.checks = [7]; }), 'checks[0]: must be an object');
    assert.equal(errorOf((j) => { delete j.checks[1].python; }), 'checks[1]: missing "python"');
    assert.equal(errorOf((j) => { j.checks[2].why = ''; }), 'checks[2]: unknown key "why"');
    assert.equal(errorOf((j) => { j.settings = { memory_limit_mb: '32' }; }),
      'settings: "memory_limit_mb" must be a number, not a string');
    assert.equal(errorOf((j) => { j.settings = { limit: 1 }; }), 'settings: unknown key "limit"');
    for (const limit of [0, 1.5, 4096]) {
      assert.match(errorOf((j) => { j.settings = { memory_limit_mb: limit }; }), /memory_limit_mb" must be a whole number of MB between 1 and 1024/);
    }
  });

  it('bounds the sizes of an exercise', () => {
    assert.match(errorOf((j) => { j.title = 'x'.repeat(201); }), /"title" is longer than 200/);
    assert.match(errorOf((j) => { j.starter = 'x'.repeat(40_000); }), /"starter" is longer than/);
    assert.match(errorOf((j) => { j.hints = Array(21).fill('h'); }), /more than 20 hints/);
    assert.match(errorOf((j) => { j.checks = Array(51).fill({ name: 'n', python: 'True' }); }), /more than 50 checks/);
  });

  it('ignores inherited properties and keeps __proto__ an unknown key', () => {
    assert.equal(readExercise(JSON.parse('{"__proto__": {}}')).error, 'exercise: unknown key "__proto__"');
  });
});
