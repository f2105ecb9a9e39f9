"""Regenerates the expected outputs of the parser tests with CPython 3.12.

The snippets are in valid.txt, attrs.txt, invalid.txt and repl.txt, separated
by lines '###'. Run once with CPython 3.12.1 (the tests never need CPython):
    python3.12 tests/unit/core/parser_data/generate.py
Writes, next to this script:
  valid/NNN.py + NNN.dump      ast.dump(ast.parse(src))
  attrs/NNN.py + NNN.dump      ast.dump(ast.parse(src), include_attributes=True)
  invalid/NNN.py + NNN.err     type, msg, lineno offset end_lineno end_offset of compile()'s SyntaxError
  repl/NNN.py + NNN.expect     "incomplete" or "complete", from codeop.compile_command
"""
import ast
import codeop
import os
import shutil
import sys
import warnings

assert sys.version_info[:2] == (3, 12), "generate with CPython 3.12"
HERE = os.path.dirname(os.path.abspath(__file__))


def cases(text):
    return [c.strip('\n') + '\n' for c in text.split('\n###\n')]


def fresh(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def write(path, content):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(content)


def load(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return f.read()


def main():
    warnings.simplefilter('ignore')
    out = fresh('valid')
    for i, src in enumerate(cases(load('valid.txt'))):
        write(f'{out}/{i:03}.py', src)
        write(f'{out}/{i:03}.dump', ast.dump(ast.parse(src)) + '\n')
    out = fresh('attrs')
    for i, src in enumerate(cases(load('attrs.txt'))):
        write(f'{out}/{i:03}.py', src)
        write(f'{out}/{i:03}.dump', ast.dump(ast.parse(src), include_attributes=True) + '\n')
    out = fresh('invalid')
    for i, src in enumerate(cases(load('invalid.txt'))):
        try:
            compile(src, '<string>', 'exec')
        except SyntaxError as e:
            write(f'{out}/{i:03}.py', src)
            write(f'{out}/{i:03}.err',
                  f'{type(e).__name__}\n{e.msg}\n{e.lineno} {e.offset} {e.end_lineno} {e.end_offset}\n')
        else:
            raise SystemExit(f'invalid case {i} compiles: {src!r}')
    out = fresh('repl')
    for i, src in enumerate(cases(load('repl.txt'))):
        src = src[:-1]  # as typed: no newline after the last line
        try:
            code = codeop.compile_command(src, '<input>', 'single')
            expect = 'incomplete' if code is None else 'complete'
        except (SyntaxError, ValueError, OverflowError):
            expect = 'complete'
        write(f'{out}/{i:03}.py', src)
        write(f'{out}/{i:03}.expect', expect + '\n')


main()
