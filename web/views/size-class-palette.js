// Colours of the 32 pymalloc size classes (16 to 512 bytes): a hue sweep from
// blue for small blocks through green, yellow and red to purple for large
// ones, so neighbouring classes look related and distant ones distinct.
// A pool's fullness shades its class colour from dim (empty) to bright (full).

export const SIZE_CLASS_COUNT = 32;
export const UNUSED_POOL_COLOR = '#2a303c';
export const CHANGED_OUTLINE = '#f5f7fa';  // a pool the last step changed
export const FREED_COLOR = '#ff5f57';  // blocks the last step freed: the flash and its outline
const EMPTY_POOL_BASE = [27, 32, 43];  // the map's cell background, as RGB
const DIMMEST = 0.28;  // how much class colour an empty pool still shows

export function blockSize(sizeClass) {
  return 16 * (sizeClass + 1);
}

export function sizeClassRgb(sizeClass) {
  const hue = (200 - (sizeClass * 290) / (SIZE_CLASS_COUNT - 1) + 360) % 360;
  return hslToRgb(hue, 0.72, 0.58);
}

export function sizeClassColor(sizeClass) {
  return toCss(sizeClassRgb(sizeClass));
}

// `fullness` is used / capacity, from 0 to 1.
export function poolColor(sizeClass, fullness) {
  const weight = DIMMEST + (1 - DIMMEST) * Math.min(1, Math.max(0, fullness));
  const rgb = sizeClassRgb(sizeClass);
  return toCss(rgb.map((channel, i) => EMPTY_POOL_BASE[i] + (channel - EMPTY_POOL_BASE[i]) * weight));
}

function toCss([r, g, b]) {
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

function hslToRgb(hue, saturation, lightness) {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60 ? [chroma, x, 0] :
    hue < 120 ? [x, chroma, 0] :
    hue < 180 ? [0, chroma, x] :
    hue < 240 ? [0, x, chroma] :
    hue < 300 ? [x, 0, chroma] : [chroma, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}
