// The little markdown exercises are written in: paragraphs, `-`/`*` and `1.`
// lists (continuation lines indented), ``` fenced code, and inline `code`,
// **strong** and *emphasis*. Parsed to plain blocks, then built with DOM nodes
// and textContent only: an exercise from a share link cannot inject markup.

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}```/;

// Blocks: {type: 'paragraph', inlines} | {type: 'list', ordered, start, items: [inlines]}
//       | {type: 'code', text}
export function parseMarkdown(source) {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let paragraph = null;  // lines of the paragraph being read
  let list = null;       // {ordered, start, items: [lines]}

  const flush = () => {
    if (paragraph) blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => parseInline(item.join(' '))),
      });
    }
    paragraph = null;
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      flush();
      const code = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph || (list && list.ordered !== ordered)) flush();
      if (!list) list = { ordered, start: ordered ? Number(item[2]) : 1, items: [] };
      list.items.push([item[3].trim()]);
    } else if (list) {
      list.items[list.items.length - 1].push(line.trim());  // a continuation line
    } else {
      (paragraph ??= []).push(line.trim());
    }
  }
  flush();
  return blocks;
}

// Inlines: {type: 'text' | 'code' | 'strong' | 'em', text}
export function parseInline(text) {
  const inlines = [];
  let plain = '';
  const push = (type, content) => {
    if (plain) inlines.push({ type: 'text', text: plain });
    plain = '';
    inlines.push({ type, text: content });
  };
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        push('code', text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    } else if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        push('strong', text.slice(i + 2, end));
        i = end + 2;
        continue;
      }
    } else if (ch === '*' && text[i + 1] !== undefined && text[i + 1] !== ' ') {
      const end = text.indexOf('*', i + 1);
      if (end > i + 1 && text[end - 1] !== ' ') {
        push('em', text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  if (plain) inlines.push({ type: 'text', text: plain });
  return inlines;
}

const INLINE_TAGS = { code: 'code', strong: 'strong', em: 'em' };

function appendInlines(parent, inlines) {
  for (const inline of inlines) {
    if (inline.type === 'text') {
      parent.append(document.createTextNode(inline.text));
    } else {
      const element = document.createElement(INLINE_TAGS[inline.type]);
      element.textContent = inline.text;
      parent.append(element);
    }
  }
}

// A DocumentFragment with one line's inline markup (a hint, a check's message).
export function renderInline(text) {
  const fragment = document.createDocumentFragment();
  appendInlines(fragment, parseInline(text));
  return fragment;
}

// A DocumentFragment with the text's blocks.
export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) {
    if (block.type === 'paragraph') {
      const p = document.createElement('p');
      appendInlines(p, block.inlines);
      fragment.append(p);
    } else if (block.type === 'list') {
      const list = document.createElement(block.ordered ? 'ol' : 'ul');
      if (block.ordered && block.start !== 1) list.start = block.start;
      for (const item of block.items) {
        const li = document.createElement('li');
        appendInlines(li, item);
        list.append(li);
      }
      fragment.append(list);
    } else {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = block.text;
      pre.append(code);
      fragment.append(pre);
    }
  }
  return fragment;
}
