// Redraws the prompt and the edited line in place, also when it wraps over
// several terminal rows. Every character is taken as one column wide.
//
// `startColumn` is where the prompt begins on its first row (after output
// that did not end in a newline, as CPython shows `1>>> `). `cursorRow` is the
// row, counted from that first row, on which the terminal cursor is now; the
// result says where it will be after `sequence`.
export function renderLine({ prompt, text, cursor, columns, startColumn = 0, cursorRow }) {
  const chars = Array.from(text);
  let sequence = cursorRow > 0 ? `\x1b[${cursorRow}A` : '';
  sequence += `\x1b[${startColumn + 1}G\x1b[J${prompt}${text}`;

  // After writing, the cursor sits at the end; when the text exactly fills
  // its last row the terminal keeps it there, wrap pending.
  const total = startColumn + prompt.length + chars.length;
  const row = total % columns === 0 ? total / columns - 1 : Math.floor(total / columns);

  const target = startColumn + prompt.length + cursor;
  const targetRow = Math.floor(target / columns);
  if (targetRow > row) {
    sequence += '\r\n';  // the cursor belongs on a row the text has not reached
  } else if (targetRow < row) {
    sequence += `\x1b[${row - targetRow}A`;
  }
  sequence += `\x1b[${(target % columns) + 1}G`;
  return { sequence, cursorRow: targetRow };
}
