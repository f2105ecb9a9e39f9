// The course's built-in exercises (examples/exercises/*.json), bundled into the
// page by esbuild and read with the same rules as a teacher's own exercise.
import { readExercise } from './exercise.js';

import e01 from '../../examples/exercises/01_sizes.json' with { type: 'json' };
import e02 from '../../examples/exercises/02_refcounts.json' with { type: 'json' };
import e03 from '../../examples/exercises/03_cycles.json' with { type: 'json' };
import e04 from '../../examples/exercises/04_weak_cache.json' with { type: 'json' };
import e05 from '../../examples/exercises/05_del_pitfalls.json' with { type: 'json' };
import e06 from '../../examples/exercises/06_slots.json' with { type: 'json' };
import e07 from '../../examples/exercises/07_generators.json' with { type: 'json' };
import e08 from '../../examples/exercises/08_interning.json' with { type: 'json' };
import e09 from '../../examples/exercises/09_pools_arenas.json' with { type: 'json' };
import e10 from '../../examples/exercises/10_free_lists.json' with { type: 'json' };
import e11 from '../../examples/exercises/11_tracemalloc_leak.json' with { type: 'json' };
import e12 from '../../examples/exercises/12_lru_cache_leak.json' with { type: 'json' };
import e13 from '../../examples/exercises/13_object_pool.json' with { type: 'json' };
import e14 from '../../examples/exercises/14_gc_tuning.json' with { type: 'json' };
import e15 from '../../examples/exercises/15_memory_limit.json' with { type: 'json' };

// In the course's order: each file's name is its id.
export const EXERCISES = Object.freeze(
  [e01, e02, e03, e04, e05, e06, e07, e08, e09, e10, e11, e12, e13, e14, e15].map((json) => {
    const { exercise, error } = readExercise(json);
    if (error) throw new Error(`built-in exercise ${json.id}: ${error}`);
    return Object.freeze(exercise);
  }),
);

export function findExercise(id) {
  return EXERCISES.find((exercise) => exercise.id === id) ?? null;
}
