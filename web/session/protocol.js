// Messages between the page and the session worker. Both sides import these
// names so that a typo is a bundling error, not a silent hang.
//
// page -> worker
//   {type: WASM, module | error}    the compiled WebAssembly module (web/boot.js), or why it failed
//   {type: PING}                    are you there? (the page's watchdog, while something runs)
//   {type: CLASSIFY, id, source}    is this REPL buffer ready to run?
//   {type: RUN, source}             compile `source` in interactive mode and run it (a REPL input)
//   {type: PROGRAM, source, settings, action, speed}
//                                   run the editor's program as main.py in a fresh session
//                                   made with `settings`; action 'run' goes on at `speed`,
//                                   'step' stops before the first line
//   {type: STEP}                    a paused program runs to its next line
//   {type: PAUSE}                   a running program stops where it is
//   {type: CONTINUE, speed}         a paused program runs on
//   {type: SPEED, speed}            lines per second while running (0: as fast as it goes)
//   {type: RESTART, settings}       a fresh, empty session with `settings` (nothing may run)
//   {type: INTERRUPT}               raise KeyboardInterrupt in the running program (Stop, Ctrl-C)
//   {type: OUTPUT_SHOWN, chars}     the terminal has drawn `chars` characters of output
//   {type: INPUT, line}             the line typed for input() (without newline), or null: end of input
//   {type: POOL, id, address}       one pool's blocks and the objects in them
//   {type: CHECK_EXERCISE, id, exercise, code}  run `code` against the exercise's checks
//   {type: DECODE_LINK, id, fragment}  read a share link (core/share/share_link.h)
// worker -> page
//   {type: READY}                   the session exists; its first heap update follows
//   {type: PONG}                    the answer to PING, from the worker's event loop
//   {type: CLASSIFIED, id, status}  status: 'complete' | 'incomplete'
//   {type: OUTPUT, chunks}          [{stream: 'out' | 'err', text}], in the order written
//   {type: INPUT_REQUESTED}         the program waits in input() (its prompt came as output)
//   {type: HEAP, heap}              a heap update (below)
//   {type: FINISHED, state}         the run (REPL input or program) ended; state: 'done' | 'error' | 'idle'
//   {type: POOL_INFO, id, pool}     the answer to POOL
//   {type: EXERCISE_RESULT, id, result}  the answer to CHECK_EXERCISE
//   {type: LINK_DECODED, id, result}  the answer to DECODE_LINK: {ok, state (JSON text)} | {ok, error, reason}
//   {type: FAILED, message}         the wasm module could not load or trapped; the session is gone
//
// A heap update: {reason, runId, snapshot, graph, stats, program: {state, line}}
//   reason   'ready' | 'repl' | 'step' | 'pause' | 'finish' | 'tick' | 'restart'
//   runId    grows by one for every fresh session (PROGRAM, RESTART); 0 for the first
//   snapshot Session.snapshotJson(), graph Session.graphJson() (null on 'tick'),
//   stats    Session.statsJson(), all parsed (core/inspect/FORMAT.md)
//   program  state 'idle' | 'running' | 'paused' | 'finished', line of main.py or null
//
// settings: {memoryLimitMb, thresholds: [t0, t1, t2], debugAllocator}

export const toWorker = Object.freeze({
  WASM: 'wasm',
  PING: 'ping',
  CLASSIFY: 'classify',
  RUN: 'run',
  PROGRAM: 'program',
  STEP: 'step',
  PAUSE: 'pause',
  CONTINUE: 'continue',
  SPEED: 'speed',
  RESTART: 'restart',
  INTERRUPT: 'interrupt',
  OUTPUT_SHOWN: 'output-shown',
  INPUT: 'input',
  POOL: 'pool',
  CHECK_EXERCISE: 'check-exercise',
  DECODE_LINK: 'decode-link',
});

export const fromWorker = Object.freeze({
  READY: 'ready',
  PONG: 'pong',
  CLASSIFIED: 'classified',
  OUTPUT: 'output',
  INPUT_REQUESTED: 'input-requested',
  HEAP: 'heap',
  FINISHED: 'finished',
  POOL_INFO: 'pool-info',
  EXERCISE_RESULT: 'exercise-result',
  LINK_DECODED: 'link-decoded',
  FAILED: 'failed',
});

// The filename of the editor's program, as `python main.py` would show it.
export const PROGRAM_FILENAME = 'main.py';
