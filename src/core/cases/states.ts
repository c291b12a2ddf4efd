// The ledger's states and the moves between them. A matter only moves forward; a leader may settle one
// on the spot (登记 → 办结 the same day, 当场办结), which is accepting and concluding at once.
import { problem } from '../messages.js';
import type { IsoDate, Problem } from '../types.js';
import type { CaseState, Matter } from './types.js';

export const STATES: readonly CaseState[] = ['登记', '交办', '办理中', '办结', '回访'];

export const isState = (s: string): s is CaseState => (STATES as readonly string[]).includes(s);

/** Whether a matter in `from` may be recorded next in `to`: the same state, or a later one. */
export function canMove(from: CaseState, to: CaseState): boolean {
  return STATES.indexOf(to) >= STATES.indexOf(from);
}

/** What the ledger's cells say the state is: the furthest step whose date or unit is filled in. */
export function impliedState(m: Pick<Matter, 'unit' | 'acceptedOn' | 'closedOn' | 'followUpOn'>): CaseState {
  if (m.followUpOn) return '回访';
  if (m.closedOn) return '办结';
  if (m.acceptedOn) return '办理中';
  if (m.unit) return '交办';
  return '登记';
}

/** What moves a matter: the office's acts, each with what it records. */
export type CaseEvent =
  | { kind: '交办'; unit: string; instruction: string }
  | { kind: '受理'; date: string }
  | { kind: '延期'; days: number; approvedBy: string }
  | { kind: '办结'; date: string; result: string }
  | { kind: '回访'; date: string; note: string };

/** The state each act may be done in. */
const ALLOWED: Record<CaseEvent['kind'], readonly CaseState[]> = {
  交办: ['登记'],
  受理: ['交办'],
  延期: ['办理中'],
  办结: ['登记', '办理中'],
  回访: ['办结'],
};

/** The acts that may be recorded on a matter in this state, in their order. */
export const actsIn = (state: CaseState): Array<CaseEvent['kind']> =>
  (Object.keys(ALLOWED) as Array<CaseEvent['kind']>).filter((k) => ALLOWED[k].includes(state));

/** At most 30 days of extension in all (《信访工作条例》第三十五条). */
export const MAX_EXTENSION = 30;

/**
 * The matter after an act (the browser app's 办理), or every reason it cannot be recorded, in the
 * catalogue's words with the ledger's column as the field: an act not allowed in the matter's state,
 * a unit, date or result left empty, a date before the step before it, an extension without its
 * approval or past 30 days in all. What it returns, written as a ledger row, reads back unchanged.
 */
export function advance(m: Matter, e: CaseEvent, file: string): { matter?: Matter; problems: Problem[] } {
  if (!ALLOWED[e.kind].includes(m.state)) {
    const args = { id: m.id, state: m.state, act: e.kind, allowed: ALLOWED[e.kind].join('或') };
    return { problems: [problem('case.act-not-allowed', args, { file })] };
  }
  const problems: Problem[] = [];
  const at = (field: string) => ({ file, field });
  const need = (field: string, value: string) => {
    if (!value.trim()) problems.push(problem('case.cell-empty', { header: field }, at(field)));
  };
  /** The act's date: given, and not before the step before it. */
  const dated = (field: string, date: IsoDate, previous: string, before: IsoDate | undefined) => {
    need(field, date);
    if (date && before && date < before) problems.push(problem('case.date-order', { header: field, date, previous, before }, at(field)));
  };
  const done = (next: Matter) => (problems.length ? { problems } : { matter: next, problems });
  switch (e.kind) {
    case '交办':
      need('责任单位', e.unit);
      return done({ ...m, unit: e.unit.trim(), instruction: e.instruction.trim(), state: '交办' });
    case '受理':
      dated('受理日期', e.date, '来访日期', m.visitDate);
      return done({ ...m, acceptedOn: e.date, state: '办理中' });
    case '延期': {
      const total = m.extensionDays + e.days;
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > MAX_EXTENSION)
        problems.push(problem('case.extension-invalid', { text: String(e.days), min: 1, max: MAX_EXTENSION }, at('延期天数')));
      else if (total > MAX_EXTENSION)
        problems.push(problem('case.extension-total', { before: m.extensionDays, days: e.days, max: MAX_EXTENSION }, at('延期天数')));
      if (!e.approvedBy.trim()) problems.push(problem('case.extension-unapproved', {}, at('延期批准')));
      return done({ ...m, extensionDays: total, extensionApprovedBy: e.approvedBy.trim() });
    }
    case '办结': {
      need('办理结果', e.result);
      const result = e.result.trim();
      // Not yet assigned: only a matter settled on the spot, the day of the visit (accepted and concluded at once).
      if (m.state === '登记') {
        need('办结日期', e.date);
        if (e.date && e.date !== m.visitDate) problems.push(problem('case.settled-later', { visit: m.visitDate }, at('办结日期')));
        return done({ ...m, acceptedOn: e.date, closedOn: e.date, result, state: '办结' });
      }
      dated('办结日期', e.date, '受理日期', m.acceptedOn);
      return done({ ...m, closedOn: e.date, result, state: '办结' });
    }
    case '回访':
      dated('回访日期', e.date, '办结日期', m.closedOn);
      return done({ ...m, followUpOn: e.date, followUp: e.note.trim(), state: '回访' });
  }
}
