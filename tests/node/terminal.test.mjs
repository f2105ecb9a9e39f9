// The REPL's pure parts: key parsing, the line editor, history and the
// escape sequences that redraw a wrapped line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { History } from '../../web/terminal/history.js';
import { parseKeys } from '../../web/terminal/keys.js';
import { LineEditor } from '../../web/terminal/line-editor.js';
import { renderLine } from '../../web/terminal/line-renderer.js';

describe('parseKeys', () => {
  it('merges printable characters and names editing keys', () => {
    assert.deepEqual(parseKeys('ab\x1b[D\x7f\x1b[3~c\r'), [
      { name: 'text', text: 'ab' }, { name: 'left' }, { name: 'backspace' }, { name: 'delete' },
      { name: 'text', text: 'c' }, { name: 'enter' },
    ]);
  });

  it('splits a pasted block into lines', () => {
    assert.deepEqual(parseKeys('if x:\r    y\r\n\r'), [
      { name: 'text', text: 'if x:' }, { name: 'enter' }, { name: 'text', text: '    y' }, { name: 'enter' },
      { name: 'enter' },
    ]);
  });

  it('knows both cursor-key modes and the control keys', () => {
    assert.deepEqual(parseKeys('\x1bOA\x1b[B\x1bOH\x1b[F\x01\x05\x03\x15\x0b\x17\x0c\t').map((key) => key.name), [
      'up', 'down', 'home', 'end', 'ctrl-a', 'ctrl-e', 'ctrl-c', 'ctrl-u', 'ctrl-k', 'ctrl-w', 'ctrl-l', 'tab',
    ]);
  });

  it('keeps characters outside the BMP and drops unknown sequences', () => {
    assert.deepEqual(parseKeys('é😀\x1b[15~\x1b[1;5C\x07z'), [{ name: 'text', text: 'é😀z' }]);
  });
});

describe('LineEditor', () => {
  it('inserts, moves and deletes at the cursor', () => {
    const editor = new LineEditor();
    editor.insert('print(1)');
    editor.left();
    editor.insert('+1');
    assert.equal(editor.text, 'print(1+1)');
    editor.home();
    editor.deleteForward();
    editor.end();
    editor.backspace();
    assert.equal(editor.text, 'rint(1+1');
    assert.equal(editor.cursor, 8);
  });

  it('kills to the start, to the end, and the word before', () => {
    const editor = new LineEditor();
    editor.insert('x = foo  bar');
    editor.killWordBefore();
    assert.equal(editor.text, 'x = foo  ');
    editor.killWordBefore();
    assert.equal(editor.text, 'x = ');
    editor.insert('y');
    editor.left();
    editor.killToEnd();
    assert.equal(editor.text, 'x = ');
    editor.left();
    editor.killToStart();
    assert.deepEqual([editor.text, editor.cursor], [' ', 0]);
  });

  it('steps over a character outside the BMP as one', () => {
    const editor = new LineEditor();
    editor.insert('a😀');
    editor.backspace();
    assert.equal(editor.text, 'a');
  });
});

describe('History', () => {
  it('browses back and forth and restores the draft', () => {
    const history = new History();
    for (const line of ['a = 1', '', 'b = 2', 'b = 2', 'c = 3']) history.add(line);
    assert.equal(history.previous('dra'), 'c = 3');
    assert.equal(history.previous('c = 3'), 'b = 2');
    assert.equal(history.previous('b = 2'), 'a = 1');
    assert.equal(history.previous('a = 1'), null);
    assert.equal(history.next(), 'b = 2');
    assert.equal(history.next(), 'c = 3');
    assert.equal(history.next(), 'dra');
    assert.equal(history.next(), null);
  });

  it('keeps at most its limit', () => {
    const history = new History(2);
    for (const line of ['1', '2', '3']) history.add(line);
    assert.equal(history.previous(''), '3');
    assert.equal(history.previous(''), '2');
    assert.equal(history.previous(''), null);
  });
});

describe('renderLine', () => {
  it('redraws a short line and puts the cursor in it', () => {
    const { sequence, cursorRow } = renderLine({ prompt: '>>> ', text: 'abc', cursor: 1, columns: 80, cursorRow: 0 });
    assert.equal(sequence, '\x1b[1G\x1b[J>>> abc\x1b[6G');
    assert.equal(cursorRow, 0);
  });

  it('climbs back over wrapped rows before redrawing', () => {
    // 4 + 15 = 19 cells on 8 columns: rows 0..2; the cursor goes to cell 6 on row 0.
    const { sequence, cursorRow } = renderLine({ prompt: '>>> ', text: 'x'.repeat(15), cursor: 2, columns: 8, cursorRow: 2 });
    assert.equal(sequence, `\x1b[2A\x1b[1G\x1b[J>>> ${'x'.repeat(15)}\x1b[2A\x1b[7G`);
    assert.equal(cursorRow, 0);
  });

  it('opens the next row when the text exactly fills the last one', () => {
    const { sequence, cursorRow } = renderLine({ prompt: '>>> ', text: 'abcd', cursor: 4, columns: 8, cursorRow: 0 });
    assert.equal(sequence, '\x1b[1G\x1b[J>>> abcd\r\n\x1b[1G');
    assert.equal(cursorRow, 1);
  });

  it('starts after output that did not end a line', () => {
    const { sequence } = renderLine({ prompt: '>>> ', text: '', cursor: 0, columns: 80, startColumn: 3, cursorRow: 0 });
    assert.equal(sequence, '\x1b[4G\x1b[J>>> \x1b[8G');
  });
});
