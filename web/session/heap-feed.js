// Turns the worker's heap updates into the HeapState every view reads: the
// update itself plus what the views need from before it (the last object
// graph, the memory samples since the program started).
//
// HeapState: {sequence, reason, runId, snapshot, graph, previousGraph, stats, series, program}
//   sequence       1, 2, 3... per update the page received
//   graph          null on 'tick' updates (a program running at full speed)
//   previousGraph  the last graph before this update: it still has the
//                  objects a collection in this update freed
//   series         [{sample, line, allocated_blocks, arenas, traced, traced_peak, mapped}],
//                  one per update since runId began
export class HeapFeed {
  #listeners = [];
  #current = null;
  #graph = null;
  #series = [];

  get current() {
    return this.#current;
  }

  push(update) {
    if (this.#current && update.runId !== this.#current.runId) {
      this.#series = [];
      this.#graph = null;
    }
    const previousGraph = this.#graph;
    if (update.graph) this.#graph = update.graph;
    const { stats } = update;
    this.#series.push({
      sample: this.#series.length,
      line: update.program.line,
      allocated_blocks: stats.allocated_blocks,
      arenas: stats.arenas,
      traced: stats.traced,
      traced_peak: stats.traced_peak,
      mapped: stats.mapped,
    });
    this.#current = {
      ...update,
      sequence: (this.#current?.sequence ?? 0) + 1,
      previousGraph,
      series: this.#series,
    };
    for (const listener of this.#listeners) listener(this.#current);
  }

  onUpdate(listener) {
    this.#listeners.push(listener);
  }
}
