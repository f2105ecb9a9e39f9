"""Runs every exercise's reference solution and starter under CPython, with
the checks evaluated as heaplab evaluates them (in the program's globals,
after it ran), to confirm the exercises are faithful to CPython 3.12.
Exercises with a memory limit setting are skipped (CPython has none).

    python3.12 tests/exercises/check_with_cpython.py examples/exercises
"""
import gc
import glob
import json
import os
import sys


def run(exercise, code, filename):
    # Each program starts as in a fresh interpreter: no garbage left by the
    # previous one, the collector on.
    gc.enable()
    gc.collect()
    env = {'__name__': '__main__'}
    try:
        exec(compile(code, filename, 'exec'), env)
    except BaseException as error:
        print(f'    program raised {type(error).__name__}: {error}')
    verdicts = []
    for check in exercise['checks']:
        try:
            verdicts.append(bool(eval(check['python'], env)))
        except BaseException as error:
            print(f"    {check['name']}: raised {type(error).__name__}: {error}")
            verdicts.append(False)
    return verdicts


def text(value):
    return '\n'.join(value) + '\n' if isinstance(value, list) else value


def main(directory):
    bad = 0
    for path in sorted(glob.glob(os.path.join(directory, '*.json'))):
        with open(path) as f:
            exercise = json.load(f)
        name = os.path.basename(path)[:-5]
        if 'memory_limit_mb' in exercise.get('settings', {}):
            print(f'skip {name} (memory limit)')
            continue
        with open(path[:-5] + '.solution.py') as f:
            solution = f.read()
        solved = run(exercise, solution, 'solution.py')
        started = run(exercise, text(exercise['starter']), '<starter>')
        ok = all(solved) and not all(started)
        bad += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: solution {sum(solved)}/{len(solved)}, "
              f'starter {sum(started)}/{len(started)}')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
