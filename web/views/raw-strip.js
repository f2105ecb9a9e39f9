// The raw region: blocks of requests over 512 bytes, outside pymalloc, as one
// strip where each block is a segment as wide as its share of all raw bytes,
// in address order, and below it each block's size.
import { formatAddress, formatBytes, formatCount } from './format.js';

const HEIGHT = 16;
const USED_COLOR = '#e0a458';
const FREE_COLOR = '#3a4150';
const MIN_SEGMENT = 2;
const MAX_LISTED = 40;  // sizes listed below the strip; the rest are counted

export class RawStrip {
  #canvas;
  #summary;
  #sizes;
  #tooltip;
  #blocks = [];
  #segments = [];  // {left, right, block}, as last drawn

  constructor(parent, tooltip) {
    this.#tooltip = tooltip;
    const section = document.createElement('section');
    section.className = 'raw-blocks';
    const title = document.createElement('h3');
    title.textContent = 'Raw region: blocks of requests over 512 bytes, outside the pools';
    this.#canvas = document.createElement('canvas');
    this.#canvas.className = 'raw-strip';
    this.#summary = document.createElement('p');
    this.#summary.className = 'raw-summary';
    this.#sizes = document.createElement('ol');
    this.#sizes.className = 'raw-sizes';
    this.#sizes.setAttribute('aria-label', 'Raw blocks in address order');
    section.append(title, this.#canvas, this.#summary, this.#sizes);
    parent.append(section);

    this.#canvas.addEventListener('mousemove', (event) => this.#hover(event));
    this.#canvas.addEventListener('mouseleave', () => this.#tooltip.hide());
    new ResizeObserver(() => this.draw()).observe(section);
  }

  update(blocks) {
    this.#blocks = blocks;
    const used = blocks.filter((block) => block.used);
    const free = blocks.filter((block) => !block.used);
    const total = (list) => list.reduce((sum, block) => sum + block.size, 0);
    this.#summary.textContent = blocks.length === 0
      ? 'No raw blocks yet.'
      : `${formatCount(used.length)} in use (${formatBytes(total(used))}), ` +
        `${formatCount(free.length)} free (${formatBytes(total(free))})`;
    const items = blocks.slice(0, MAX_LISTED).map((block) => {
      const item = document.createElement('li');
      item.className = block.used ? 'raw-size is-used' : 'raw-size is-free';
      item.textContent = formatBytes(block.size);
      item.title = `${block.used ? 'in use' : 'free'}: ${formatCount(block.size)} bytes at ${formatAddress(block.address)}`;
      return item;
    });
    if (blocks.length > MAX_LISTED) {
      const more = document.createElement('li');
      more.className = 'raw-size is-more';
      more.textContent = `+${formatCount(blocks.length - MAX_LISTED)} more`;
      items.push(more);
    }
    this.#sizes.replaceChildren(...items);
  }

  // Draws the strip (after update(), and when it is resized).
  draw() {
    const width = this.#canvas.clientWidth;
    if (width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    this.#canvas.width = Math.round(width * ratio);
    this.#canvas.height = Math.round(HEIGHT * ratio);
    const context = this.#canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, HEIGHT);

    const totalBytes = this.#blocks.reduce((sum, block) => sum + block.size, 0);
    this.#segments = [];
    let left = 0;
    for (const block of this.#blocks) {
      const right = Math.min(width, Math.max(left + MIN_SEGMENT, left + (block.size / totalBytes) * width));
      context.fillStyle = block.used ? USED_COLOR : FREE_COLOR;
      context.fillRect(left, 0, Math.max(1, right - left - 1), HEIGHT);
      this.#segments.push({ left, right, block });
      left = right;
    }
  }

  #hover(event) {
    const x = event.clientX - this.#canvas.getBoundingClientRect().left;
    const segment = this.#segments.find(({ left, right }) => x >= left && x < right);
    if (!segment) {
      this.#tooltip.hide();
      return;
    }
    const { block } = segment;
    this.#tooltip.show([
      `Raw block, ${block.used ? 'in use' : 'free'}`,
      `${formatBytes(block.size)} (${formatCount(block.size)} bytes)`,
      `at ${formatAddress(block.address)}`,
    ], event.clientX, event.clientY);
  }
}
