// The checker's verdict on a solution, as the exercise tab shows it: a
// summary line, how the program ended, one PASS/FAIL row per check and the
// program's output. Everything from the program goes in as textContent.
import { renderInline } from './markdown.js';

const PROGRAM_END = {
  finished: 'The program ran to its end.',
  raised: 'The program ended with an uncaught exception (its traceback is in the output below); the checks ran on what it left.',
  out_of_budget: 'The program was still running when its instruction budget ran out, so the checks did not run. Look for an endless loop.',
};

// "2 of 3 checks pass", from the checker's result.
export function summarize(result) {
  const total = result.checks.length;
  const passed = result.checks.filter((check) => check.passed).length;
  if (total === 0) return 'No check ran';
  if (passed === total) return total === 1 ? 'The check passes' : `All ${total} checks pass`;
  return `${passed} of ${total} ${total === 1 ? 'check passes' : 'checks pass'}`;
}

export function describeProgramEnd(programEnd) {
  return PROGRAM_END[programEnd] ?? `The program ended: ${programEnd}.`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Fills `host` with the report of `result` ({program_end, output, checks}).
export function renderCheckReport(host, result) {
  const allPassed = result.checks.length > 0 && result.checks.every((check) => check.passed);
  const summary = element('p', `check-summary ${allPassed ? 'is-pass' : 'is-fail'}`, summarize(result));
  const end = element('p', 'check-program-end', describeProgramEnd(result.program_end));

  const list = element('ul', 'check-list');
  for (const check of result.checks) {
    const row = element('li', `check-row ${check.passed ? 'is-pass' : 'is-fail'}`);
    row.append(element('span', 'check-badge', check.passed ? 'PASS' : 'FAIL'), element('span', 'check-name', check.name));
    if (!check.passed && check.message) {
      const message = element('span', 'check-message');
      message.append(renderInline(check.message));  // the exercise's words may hold `code`
      row.append(message);
    }
    list.append(row);
  }

  const outputTitle = element('h3', 'check-output-title', 'Output');
  const output = element('pre', 'check-output', result.output === '' ? '(the program printed nothing)' : result.output);
  if (result.output === '') output.classList.add('is-empty');
  host.replaceChildren(summary, end, list, outputTitle, output);
}

export function renderCheckError(host, message) {
  host.replaceChildren(element('p', 'check-error', message));
}
