import type { Problem } from './types.js';

/** "file:line: field: message" — the one way a problem is shown to a clerk. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line].filter((x) => x !== undefined).join(':');
  const field = p.field && !p.message.startsWith(p.field) ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? '警告 warning: ' : '';
  return `${where ? `${where}: ` : ''}${tag}${field}${p.message}`;
}

export const hasErrors = (ps: Problem[]) => ps.some((p) => p.severity === 'error');
