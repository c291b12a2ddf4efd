// Where the ledger stands on a day: how many matters in each state, which are due soon and which are
// overdue (rota cases check, and the browser app's ledger). Lines name the matter, never the resident.
import type { IsoDate } from '../types.js';
import { standing } from './deadline.js';
import type { Matter } from './types.js';

/** What a matter is called in a printed line: its 编号, leader, unit and dates; never the resident. */
export interface MatterLine {
  id: string;
  leader: string;
  unit: string;
  state: Matter['state'];
  visitDate: IsoDate;
  due?: IsoDate;
  daysLeft?: number;
}

export interface LedgerStatus {
  overdue: MatterLine[];
  dueSoon: MatterLine[];
  byState: Record<Matter['state'], number>;
  total: number;
}

export function ledgerStatus(matters: readonly Matter[], today: IsoDate, soonDays?: number): LedgerStatus {
  const byState = { 登记: 0, 交办: 0, 办理中: 0, 办结: 0, 回访: 0 };
  const overdue: MatterLine[] = [];
  const dueSoon: MatterLine[] = [];
  for (const m of matters) {
    byState[m.state]++;
    const s = standing(m, today, soonDays);
    const line = { id: m.id, leader: m.leader, unit: m.unit, state: m.state, visitDate: m.visitDate, due: s.due, daysLeft: s.daysLeft };
    if (s.standing === 'overdue') overdue.push(line);
    if (s.standing === 'due-soon') dueSoon.push(line);
  }
  const byDue = (a: MatterLine, b: MatterLine) => (a.due ?? '').localeCompare(b.due ?? '') || a.id.localeCompare(b.id);
  return { overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue), byState, total: matters.length };
}
