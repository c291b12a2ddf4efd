// The ledger's states and the moves between them. A matter only moves forward; a leader may settle one
// on the spot (登记 → 办结 the same day, 当场办结), which is accepting and concluding at once.
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

/** At most 30 days of extension in all (《信访工作条例》第三十五条). */
export const MAX_EXTENSION = 30;

/**
 * The matter after an act, or undefined when the act is not allowed in its state (an extension also
 * needs an approver and may not take the total past 30 days; a date may not come before the step before).
 */
export function apply(m: Matter, e: CaseEvent): Matter | undefined {
  if (!ALLOWED[e.kind].includes(m.state)) return undefined;
  switch (e.kind) {
    case '交办':
      return e.unit ? { ...m, unit: e.unit, instruction: e.instruction, state: '交办' } : undefined;
    case '受理':
      return e.date >= m.visitDate ? { ...m, acceptedOn: e.date, state: '办理中' } : undefined;
    case '延期': {
      const total = m.extensionDays + e.days;
      if (e.days <= 0 || total > MAX_EXTENSION || !e.approvedBy) return undefined;
      return { ...m, extensionDays: total, extensionApprovedBy: e.approvedBy };
    }
    case '办结': {
      // Settled on the spot: accepted and concluded on the day of the visit.
      if (m.state === '登记')
        return e.date === m.visitDate ? { ...m, acceptedOn: e.date, closedOn: e.date, result: e.result, state: '办结' } : undefined;
      return m.acceptedOn && e.date >= m.acceptedOn ? { ...m, closedOn: e.date, result: e.result, state: '办结' } : undefined;
    }
    case '回访':
      return m.closedOn && e.date >= m.closedOn ? { ...m, followUpOn: e.date, followUp: e.note, state: '回访' } : undefined;
  }
}
