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
 */
export function lostCharacterWarning(file: string, line: number, field: string, value: string): Problem | undefined {
  if (!/[?\uFFFD]/.test(value)) return undefined;
  return problem('csv.lost-character', { value }, { severity: 'warning', file, line, field });
}
