// Messages between the page and the session worker. Both sides import these
// names so that a typo is a bundling error, not a silent hang.
//
// page -> worker
//   {type: CLASSIFY, id, source}    is this REPL buffer ready to run?
//   {type: RUN, source}             compile `source` in interactive mode and run it
//   {type: INTERRUPT}               raise KeyboardInterrupt in the running program
//   {type: OUTPUT_SHOWN, chars}     the terminal has drawn `chars` characters of output
//   {type: INPUT, line}             the line typed for input() (without newline), or null: end of input
// worker -> page
//   {type: READY, snapshot}         the session exists; `snapshot` is its first heap snapshot
//   {type: CLASSIFIED, id, status}  status: 'complete' | 'incomplete'
//   {type: OUTPUT, chunks}          [{stream: 'out' | 'err', text}], in the order written
//   {type: INPUT_REQUESTED}         the program waits in input() (its prompt came as output)
//   {type: FINISHED, state, snapshot}  the run ended; state: 'done' | 'error' | 'idle'
//   {type: FAILED, message}         the wasm module could not load or trapped; the session is gone
//
// `snapshot` is the parsed result of Session.snapshotJson(): {version, memory: {...}}.

export const toWorker = Object.freeze({
  CLASSIFY: 'classify',
  RUN: 'run',
  INTERRUPT: 'interrupt',
  OUTPUT_SHOWN: 'output-shown',
  INPUT: 'input',
});

export const fromWorker = Object.freeze({
  READY: 'ready',
  CLASSIFIED: 'classified',
  OUTPUT: 'output',
  INPUT_REQUESTED: 'input-requested',
  FINISHED: 'finished',
  FAILED: 'failed',
});
