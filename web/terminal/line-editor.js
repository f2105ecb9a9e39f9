// The line being typed at a prompt and the cursor in it. Works in code points,
// so a character outside the BMP is one step for the arrow keys.
export class LineEditor {
  #chars = [];
  #cursor = 0;

  get text() {
    return this.#chars.join('');
  }

  get length() {
    return this.#chars.length;
  }

  get cursor() {
    return this.#cursor;
  }

  // Replaces the whole line (history recall); the cursor goes to the end.
  set(text) {
    this.#chars = Array.from(text);
    this.#cursor = this.#chars.length;
  }

  clear() {
    this.set('');
  }

  insert(text) {
    const added = Array.from(text);
    this.#chars.splice(this.#cursor, 0, ...added);
    this.#cursor += added.length;
  }

  backspace() {
    if (this.#cursor === 0) return;
    this.#chars.splice(this.#cursor - 1, 1);
    this.#cursor -= 1;
  }

  deleteForward() {
    this.#chars.splice(this.#cursor, 1);
  }

  left() {
    this.#cursor = Math.max(0, this.#cursor - 1);
  }

  right() {
    this.#cursor = Math.min(this.#chars.length, this.#cursor + 1);
  }

  home() {
    this.#cursor = 0;
  }

  end() {
    this.#cursor = this.#chars.length;
  }

  // Ctrl-U: delete from the start of the line to the cursor.
  killToStart() {
    this.#chars.splice(0, this.#cursor);
    this.#cursor = 0;
  }

  // Ctrl-K: delete from the cursor to the end of the line.
  killToEnd() {
    this.#chars.length = this.#cursor;
  }

  // Ctrl-W: delete the word before the cursor, and the spaces after it.
  killWordBefore() {
    let start = this.#cursor;
    while (start > 0 && this.#chars[start - 1] === ' ') start -= 1;
    while (start > 0 && this.#chars[start - 1] !== ' ') start -= 1;
    this.#chars.splice(start, this.#cursor - start);
    this.#cursor = start;
  }
}
