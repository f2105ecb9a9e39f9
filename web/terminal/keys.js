// Turns what xterm.js reports as typed (a string that may hold several keys,
// escape sequences, or a whole pasted text) into a list of keys.

const NAMED_SEQUENCES = new Map([
  ['\r', 'enter'], ['\n', 'enter'], ['\r\n', 'enter'],
  ['\x7f', 'backspace'], ['\b', 'backspace'],
  ['\t', 'tab'],
  ['\x1b[A', 'up'], ['\x1bOA', 'up'],
  ['\x1b[B', 'down'], ['\x1bOB', 'down'],
  ['\x1b[C', 'right'], ['\x1bOC', 'right'],
  ['\x1b[D', 'left'], ['\x1bOD', 'left'],
  ['\x1b[H', 'home'], ['\x1bOH', 'home'], ['\x1b[1~', 'home'],
  ['\x1b[F', 'end'], ['\x1bOF', 'end'], ['\x1b[4~', 'end'],
  ['\x1b[3~', 'delete'],
  ['\x01', 'ctrl-a'], ['\x03', 'ctrl-c'], ['\x04', 'ctrl-d'], ['\x05', 'ctrl-e'],
  ['\x0b', 'ctrl-k'], ['\x0c', 'ctrl-l'], ['\x15', 'ctrl-u'], ['\x17', 'ctrl-w'],
]);

// One token per key: CSI and SS3 sequences, other ESC pairs, CR LF, or one code point.
const TOKEN = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1bO[@-~]|\x1b[\s\S]?|\r\n|[\s\S]/gu;

// Returns [{name}] for editing keys and [{name: 'text', text}] for runs of
// printable characters. Unknown control keys and escape sequences are dropped.
export function parseKeys(data) {
  const keys = [];
  for (const [token] of data.matchAll(TOKEN)) {
    const name = NAMED_SEQUENCES.get(token);
    if (name) {
      keys.push({ name });
    } else if (isPrintable(token)) {
      const last = keys[keys.length - 1];
      if (last && last.name === 'text') last.text += token;
      else keys.push({ name: 'text', text: token });
    }
  }
  return keys;
}

function isPrintable(token) {
  const code = token.codePointAt(0);
  return token.length <= 2 && code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}
