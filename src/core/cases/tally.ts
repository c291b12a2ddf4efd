// Year-end evidence from the ledger (谁接访、谁包案): per leader, the residents received, the matters
// taken, those closed within their time limit and those overdue (closed late, or open past the limit on
// the day counted to). Matters are counted in the year of their visit.
import type { IsoDate } from '../types.js';
import { standing } from './deadline.js';
import type { Matter } from './types.js';

export interface CaseTally {
  leader: string;
  /** Distinct residents received (by name and ID number). */
  visitors: number;
  /** Matters received, each owned by this leader until closed. */
  matters: number;
  closedOnTime: number;
  /** Closed after the time limit, or still open past it on `asOf`. */
  overdue: number;
}

/** One tally per leader named in the year's matters, in the order first met. */
export function caseTallies(matters: readonly Matter[], year: number, asOf: IsoDate): CaseTally[] {
  const out = new Map<string, CaseTally & { residents: Set<string> }>();
  for (const m of matters) {
    if (+m.visitDate.slice(0, 4) !== year) continue;
    let t = out.get(m.leader);
    if (!t) out.set(m.leader, (t = { leader: m.leader, visitors: 0, matters: 0, closedOnTime: 0, overdue: 0, residents: new Set() }));
    t.residents.add(JSON.stringify([m.resident, m.idNumber]));
    t.matters++;
    const s = standing(m, asOf).standing;
    if (s === 'closed-on-time') t.closedOnTime++;
    if (s === 'closed-late' || s === 'overdue') t.overdue++;
  }
  return [...out.values()].map(({ residents, ...t }) => ({ ...t, visitors: residents.size }));
}
