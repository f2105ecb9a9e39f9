// Input history for the up and down arrows, as readline keeps it: one entry
// per line entered, no blank lines, no immediate repeats, and the line being
// typed is kept as a draft while browsing.
export class History {
  #entries = [];
  #position = 0;  // == entries.length when not browsing
  #draft = '';
  #limit;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  add(line) {
    this.#position = this.#entries.length;
    if (line.trim() === '' || this.#entries[this.#entries.length - 1] === line) return;
    this.#entries.push(line);
    if (this.#entries.length > this.#limit) this.#entries.shift();
    this.#position = this.#entries.length;
  }

  // The entry before the one shown, or null at the oldest. `current` is the
  // line on screen, kept as the draft when browsing starts.
  previous(current) {
    if (this.#position === 0) return null;
    if (this.#position === this.#entries.length) this.#draft = current;
    this.#position -= 1;
    return this.#entries[this.#position];
  }

  // The entry after the one shown, the draft past the newest, or null when not browsing.
  next() {
    if (this.#position >= this.#entries.length) return null;
    this.#position += 1;
    return this.#position === this.#entries.length ? this.#draft : this.#entries[this.#position];
  }

  // Ends browsing, e.g. when the line is abandoned with Ctrl-C.
  reset() {
    this.#position = this.#entries.length;
    this.#draft = '';
  }
}
