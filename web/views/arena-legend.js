// The key to the arena map's colours: size classes, fullness, unused pools,
// and pools the last step changed or freed blocks in.
import { blockSize, poolColor, SIZE_CLASS_COUNT, sizeClassColor, UNUSED_POOL_COLOR } from './size-class-palette.js';

const FULLNESS_SAMPLE_CLASS = 3;

export function createArenaLegend() {
  const legend = document.createElement('div');
  legend.className = 'arena-legend';

  const classes = document.createElement('div');
  classes.className = 'legend-size-classes';
  const ramp = document.createElement('div');
  ramp.className = 'legend-ramp';
  for (let sizeClass = 0; sizeClass < SIZE_CLASS_COUNT; sizeClass++) {
    const swatch = document.createElement('span');
    swatch.style.background = sizeClassColor(sizeClass);
    swatch.title = `${blockSize(sizeClass)}-byte blocks`;
    ramp.append(swatch);
  }
  const scale = document.createElement('div');
  scale.className = 'legend-scale';
  for (const label of [`${blockSize(0)} B`, 'block size', `${blockSize(SIZE_CLASS_COUNT - 1)} B`]) {
    scale.append(textSpan(label));
  }
  classes.append(ramp, scale);

  const fullness = document.createElement('div');
  fullness.className = 'legend-item';
  fullness.append(textSpan('empty'));
  for (const level of [0, 0.25, 0.5, 0.75, 1]) {
    fullness.append(swatch(poolColor(FULLNESS_SAMPLE_CLASS, level)));
  }
  fullness.append(textSpan('full'));

  const unused = document.createElement('div');
  unused.className = 'legend-item';
  unused.append(swatch(UNUSED_POOL_COLOR), textSpan('unused pool'));

  const changed = document.createElement('div');
  changed.className = 'legend-item';
  const outlined = swatch(poolColor(FULLNESS_SAMPLE_CLASS, 0.6));
  outlined.classList.add('legend-changed');
  changed.append(outlined, textSpan('changed by the last step'));

  const freed = document.createElement('div');
  freed.className = 'legend-item';
  const flashed = swatch(poolColor(FULLNESS_SAMPLE_CLASS, 0.3));
  flashed.classList.add('legend-freed');
  freed.append(flashed, textSpan('blocks freed by the last step (flash)'));

  const keys = document.createElement('div');
  keys.className = 'legend-keys';
  keys.append(fullness, unused, changed, freed);
  legend.append(classes, keys);
  return legend;
}

function swatch(color) {
  const element = document.createElement('span');
  element.className = 'legend-swatch';
  element.style.background = color;
  return element;
}

function textSpan(text) {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}
