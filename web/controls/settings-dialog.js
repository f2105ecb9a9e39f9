// The settings dialog: the memory limit, the GC thresholds and the debug
// allocator a fresh session is made with. Applying them restarts the session
// (as IDLE's "Restart Shell"), since the region and the allocator hooks are
// fixed when a session is made.
import { MEMORY_LIMIT_RANGE_MB, THRESHOLD_MAX, normalizeSettings } from '../session/settings.js';
import './settings-dialog.css';

export class SettingsDialog {
  #dialog;
  #form;
  #error;
  #fields = {};
  #onApply;

  // onApply(settings) is called with valid settings when the user applies them.
  constructor(onApply) {
    this.#onApply = onApply;
    this.#dialog = document.createElement('dialog');
    this.#dialog.className = 'settings-dialog';
    this.#dialog.id = 'settings-dialog';
    this.#form = document.createElement('form');
    this.#form.method = 'dialog';
    this.#form.noValidate = true;  // normalizeSettings says what is wrong, in words

    const title = document.createElement('h2');
    title.textContent = 'Session settings';
    const note = document.createElement('p');
    note.className = 'settings-note';
    note.textContent = 'Applying them starts a fresh session; the next Run uses them too.';

    const { min, max } = MEMORY_LIMIT_RANGE_MB;
    this.#fields.memoryLimitMb = this.#numberField('settings-memory-limit', 'Memory limit (MiB)', min, max,
      'The region never grows past this: a bigger allocation raises MemoryError.');
    const thresholds = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = 'GC thresholds (gc.set_threshold)';
    thresholds.append(legend);
    this.#fields.thresholds = [0, 1, 2].map((generation) => {
      const field = this.#numberField(`settings-threshold-${generation}`, `generation ${generation}`, 0, THRESHOLD_MAX);
      thresholds.append(field.label);
      return field;
    });

    const debugLabel = document.createElement('label');
    debugLabel.className = 'settings-check';
    this.#fields.debugAllocator = document.createElement('input');
    this.#fields.debugAllocator.type = 'checkbox';
    this.#fields.debugAllocator.id = 'settings-debug-allocator';
    debugLabel.append(this.#fields.debugAllocator,
      ' Debug allocator (PYTHONMALLOC=debug: every block padded and checked)');

    this.#error = document.createElement('p');
    this.#error.className = 'settings-error';
    this.#error.setAttribute('role', 'alert');

    const buttons = document.createElement('div');
    buttons.className = 'settings-buttons';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', () => this.#dialog.close());
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.id = 'settings-apply';
    apply.textContent = 'Apply and restart';
    buttons.append(cancel, apply);

    this.#form.append(title, note, this.#fields.memoryLimitMb.label, thresholds, debugLabel, this.#error, buttons);
    this.#form.addEventListener('submit', (event) => this.#submit(event));
    this.#dialog.append(this.#form);
    document.body.append(this.#dialog);
  }

  open(settings) {
    this.#fields.memoryLimitMb.input.value = String(settings.memoryLimitMb);
    settings.thresholds.forEach((value, i) => { this.#fields.thresholds[i].input.value = String(value); });
    this.#fields.debugAllocator.checked = settings.debugAllocator;
    this.#error.textContent = '';
    this.#dialog.showModal();
  }

  #numberField(id, text, min, max, hint = '') {
    const label = document.createElement('label');
    label.className = 'settings-field';
    const input = document.createElement('input');
    input.type = 'number';
    input.id = id;
    input.min = String(min);
    input.max = String(max);
    input.step = '1';
    input.required = true;
    label.append(text, input);
    if (hint) label.title = hint;
    return { label, input };
  }

  #submit(event) {
    const result = normalizeSettings({
      memoryLimitMb: Number(this.#fields.memoryLimitMb.input.value),
      thresholds: this.#fields.thresholds.map((field) => Number(field.input.value)),
      debugAllocator: this.#fields.debugAllocator.checked,
    });
    if (result.error) {
      event.preventDefault();
      this.#error.textContent = result.error;
      return;
    }
    this.#onApply(result.settings);
  }
}
