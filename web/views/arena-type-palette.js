// Colours of the object types in one pool's blocks: the most common type gets
// the first colour, and so on; types past the palette share one grey.
const TYPE_COLORS = ['#5aa9e6', '#7fc97f', '#f0c674', '#e07a9f', '#b294e6', '#4fd1c5', '#f4a259', '#c5d86d', '#ff9e80', '#9fb3c8'];
export const OTHER_TYPES_COLOR = '#8892a6';

// `blocks` as poolBlocks() returns them. Returns [{type, count, color}], most
// common first (ties by name); `other` counts the objects of uncoloured types.
export function typePalette(blocks) {
  const counts = new Map();
  for (const block of blocks) {
    if (block.object) counts.set(block.object.type, (counts.get(block.object.type) ?? 0) + 1);
  }
  const types = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const colored = types.slice(0, TYPE_COLORS.length).map(([type, count], i) => ({ type, count, color: TYPE_COLORS[i] }));
  const other = types.slice(TYPE_COLORS.length).reduce((sum, [, count]) => sum + count, 0);
  return { types: colored, other };
}
