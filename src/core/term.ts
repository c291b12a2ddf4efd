// Terms of office in a leader list: 到任 (first day in the post) and 调离 (the day the leader left,
// so the last day in office is the day before), or one 任职起止 cell such as 2025-07-01~ or
// 2025-01-01~2025-06-30 (both ends inclusive). An empty cell is an open end. Nobody is planned or
// judged outside the term.
import { addDays, badDateCode, parseDate } from './dates.js';
import type { Said } from './messages.js';
import type { IsoDate, Term } from './types.js';

/** A problem with one of the term cells, and which column it is in. */
export interface TermError {
  field: string;
  said: Said;
}

const RANGE = /\s*(?:~|～|〜|至|到|—|－|–)\s*/;
const OPEN = new Set(['', '今', '至今', '现在', '在任']);

function date(text: string, field: string, errors: TermError[]): IsoDate | undefined {
  if (!text) return undefined;
  const d = parseDate(text);
  if (!d) errors.push({ field, said: { code: badDateCode(text), args: { text } } });
  return d;
}

/** The term a row's 到任 / 调离 / 任职起止 cells give (undefined when all are empty). */
export function parseTerm(values: { start?: string; end?: string; term?: string }): { term?: Term; errors: TermError[] } {
  const errors: TermError[] = [];
  const span = (values.term ?? '').trim();
  const start = (values.start ?? '').trim();
  const end = (values.end ?? '').trim();
  if (span && (start || end)) {
    errors.push({ field: '任职起止', said: { code: 'term.twice', args: { text: span } } });
    return { errors };
  }
  let from: IsoDate | undefined;
  let to: IsoDate | undefined;
  if (span) {
    const parts = span.split(RANGE);
    if (parts.length !== 2) {
      errors.push({ field: '任职起止', said: { code: 'term.unreadable', args: { text: span } } });
      return { errors };
    }
    from = date(parts[0], '任职起止', errors);
    to = OPEN.has(parts[1]) ? undefined : date(parts[1], '任职起止', errors);
  } else {
    from = date(start, '到任', errors);
    const left = date(end, '调离', errors);
    to = left === undefined ? undefined : addDays(left, -1);
  }
  if (errors.length) return { errors };
  if (from !== undefined && to !== undefined && to < from) {
    const field = span ? '任职起止' : '调离';
    errors.push({ field, said: { code: 'term.reversed', args: { from, to } } });
    return { errors };
  }
  if (from === undefined && to === undefined) return { errors };
  return { term: { ...(from ? { from } : {}), ...(to ? { to } : {}) }, errors };
}

/** Whether the leader holds the post on `date` (no term: always). */
export function inTerm(leader: { term?: Term }, date: IsoDate): boolean {
  const t = leader.term;
  return !t || ((t.from === undefined || date >= t.from) && (t.to === undefined || date <= t.to));
}

/** Whether two terms share a day. */
export function termsOverlap(a: Term | undefined, b: Term | undefined): boolean {
  const defined = (x: IsoDate | undefined): x is IsoDate => x !== undefined;
  const lo = [a?.from, b?.from].filter(defined).sort().pop();
  const hi = [a?.to, b?.to].filter(defined).sort()[0];
  return lo === undefined || hi === undefined || lo <= hi;
}

/** 2025-01-01~2025-06-30, 2025-07-01~ or ~2025-06-30: the term as written in 任职起止 (both ends inclusive). */
export const termText = (t: Term): string => `${t.from ?? ''}~${t.to ?? ''}`;
