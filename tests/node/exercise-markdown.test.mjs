// The exercises' little markdown and the check report's summary line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findExercise } from '../../web/exercises/catalog.js';
import { describeProgramEnd, summarize } from '../../web/exercises/check-report.js';
import { parseInline, parseMarkdown } from '../../web/exercises/markdown.js';

describe('exercise markdown', () => {
  it('reads paragraphs and a bullet list with continuation lines', () => {
    const blocks = parseMarkdown(findExercise('01_sizes').instructions);
    assert.deepEqual(blocks.map((block) => block.type), ['paragraph', 'paragraph', 'list']);
    const [, , list] = blocks;
    assert.equal(list.ordered, false);
    assert.equal(list.items.length, 3);
    const text = (inlines) => inlines.map((inline) => inline.text).join('');
    assert.equal(text(list.items[1]), 'a str stores one byte per ASCII character after a 40-byte header, plus a trailing NUL;');
  });

  it('reads a numbered list', () => {
    const blocks = parseMarkdown(findExercise('08_interning').instructions);
    const list = blocks.find((block) => block.type === 'list');
    assert.equal(list.ordered, true);
    assert.equal(list.start, 1);
    assert.equal(list.items.length, 3);
  });

  it('reads code spans, strong and emphasis; joins a paragraph across lines', () => {
    const [paragraph] = parseMarkdown('A `gc.collect()` and\n*size\nclass* and **this**.');
    assert.deepEqual(paragraph.inlines, [
      { type: 'text', text: 'A ' },
      { type: 'code', text: 'gc.collect()' },
      { type: 'text', text: ' and ' },
      { type: 'em', text: 'size class' },
      { type: 'text', text: ' and ' },
      { type: 'strong', text: 'this' },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps stray markers and markup as plain text', () => {
    assert.deepEqual(parseInline('2 * 3 * 4 and a ` alone'), [{ type: 'text', text: '2 * 3 * 4 and a ` alone' }]);
    assert.deepEqual(parseInline('<img src=x onerror=alert(1)>'), [{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('reads fenced code verbatim', () => {
    const blocks = parseMarkdown('Run:\n\n```\nx = [1]\n  y = *x\n```\nDone.');
    assert.deepEqual(blocks, [
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Run:' }] },
      { type: 'code', text: 'x = [1]\n  y = *x' },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Done.' }] },
    ]);
  });
});

describe('check report', () => {
  const result = (...passed) => ({ checks: passed.map((p, i) => ({ name: `c${i}`, passed: p, message: '' })) });

  it('summarizes how many checks pass', () => {
    assert.equal(summarize(result(true, false, true)), '2 of 3 checks pass');
    assert.equal(summarize(result(true, true)), 'All 2 checks pass');
    assert.equal(summarize(result(false)), '0 of 1 check passes');
    assert.equal(summarize(result(true)), 'The check passes');
    assert.equal(summarize(result()), 'No check ran');
  });

  it('says how the program ended', () => {
    assert.match(describeProgramEnd('finished'), /ran to its end/);
    assert.match(describeProgramEnd('raised'), /uncaught exception/);
    assert.match(describeProgramEnd('out_of_budget'), /checks did not run/);
  });
});
