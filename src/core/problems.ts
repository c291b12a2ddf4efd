import { problem } from './messages.js';
import type { Problem } from './types.js';

/**
 * "file:line: field: message" — the one way a problem is shown to a clerk (Chinese first, then English).
 * @example
 * formatProblem(problems[0]); // 'leaders.csv:4: 级别: …'
 */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const field = p.field && !p.message.startsWith(p.field) ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? '警告 warning: ' : '';
  return `${where ? `${where}: ` : ''}${tag}${field}${p.message}`;
}

export const hasErrors = (ps: Problem[]) => ps.some((p) => p.severity === 'error');

/**
 * A name holding ? or U+FFFD lost a character on its way: a GBK file cannot hold "•" or some
 * Uyghur and Kazakh names' letters, and Excel writes "?" for them. Told, so the clerk fixes the file.
 * An invisible control character (pasted from another system) is told the same way.
 */
export function lostCharacterWarning(file: string, line: number, field: string, value: string): Problem | undefined {
  // XML 1.0 cannot hold these, so the .docx files leave them out: said here, not dropped unseen.
  const control = CONTROL.exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return problem('csv.control-character', { code }, { severity: 'warning', file, line, field });
  }
  if (!LOST.test(value)) return undefined;
  return problem('csv.lost-character', { value }, { severity: 'warning', file, line, field });
}

// Module constants: every published field of every list row is checked, most of them clean.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
const LOST = /[?\uFFFD]/;
