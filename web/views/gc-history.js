// Every collection the GC panel has seen in one run. A snapshot keeps only
// the last 16 collections, so each update can repeat ones already seen or
// (after a burst) skip some: records are kept by their index, which counts the
// session's collections from 1, and the gaps are counted as missed.
// A new runId is a new session: the history starts again.

export const MAX_RECORDS = 5000;

export class CollectionHistory {
  #runId = null;
  #records = new Map();  // index -> record, in ascending index order
  #highest = 0;

  // Adds the collections of `gc` (a snapshot's "gc" object) not recorded
  // yet. Returns whether the history changed.
  record(runId, gc) {
    let changed = false;
    if (runId !== this.#runId) {
      changed = this.#records.size > 0 || this.#runId !== null;
      this.#runId = runId;
      this.#records.clear();
      this.#highest = 0;
    }
    for (const collection of gc?.collections ?? []) {
      if (collection.index <= this.#highest) continue;
      this.#records.set(collection.index, {
        index: collection.index,
        generation: collection.generation,
        collected: collection.collected,
        uncollectable: collection.uncollectable,
        seconds: collection.seconds,
        events: collection.events.length,
        truncated: collection.truncated,
      });
      this.#highest = collection.index;
      changed = true;
    }
    for (const index of this.#records.keys()) {
      if (this.#records.size <= MAX_RECORDS) break;
      this.#records.delete(index);
    }
    return changed;
  }

  get runId() {
    return this.#runId;
  }

  // The records, oldest first.
  collections() {
    return [...this.#records.values()];
  }

  // Collections that ran but were never in a snapshot the panel saw (more than
  // 16 between two updates), plus the oldest ones dropped for space.
  missed() {
    return this.#highest - this.#records.size;
  }
}
