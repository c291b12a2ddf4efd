// rota cases advance's options as the step the core records: the step by its Chinese (or English) name,
// and --date, --by, --days, --note each filling the ledger column that step has. An option the step has
// no column for is refused rather than dropped; a date left out is today's.
import { type CaseEvent, MAX_EXTENSION } from '../core/cases/states.js';
import { parseDate } from '../core/dates.js';
import { problem } from '../core/messages.js';
import type { IsoDate, Problem } from '../core/types.js';

type Step = CaseEvent['kind'];

/** The names --to accepts: the ledger's, then English. */
export const STEP_NAMES: Record<string, Step> = {
  交办: '交办',
  受理: '受理',
  延期: '延期',
  办结: '办结',
  回访: '回访',
  assign: '交办',
  accept: '受理',
  extend: '延期',
  conclude: '办结',
  'follow-up': '回访',
};

export interface AdvanceOptions {
  date?: string;
  by?: string;
  days?: string;
  note?: string;
}
type Option = keyof AdvanceOptions;

/** Each step's options: the ledger column each fills, and whether it must be given (a date defaults to today). */
const TAKES: Record<Step, Partial<Record<Option, { header: string; required?: true }>>> = {
  交办: { by: { header: '责任单位', required: true }, note: { header: '批示' } },
  受理: { date: { header: '受理日期' } },
  延期: { days: { header: '延期天数', required: true }, by: { header: '延期批准', required: true } },
  办结: { date: { header: '办结日期' }, note: { header: '办理结果', required: true } },
  回访: { date: { header: '回访日期' }, note: { header: '回访情况' } },
};

/** The step the options describe, or every problem with them at once. */
export function stepEvent(step: Step, opts: AdvanceOptions, today: IsoDate): { event?: CaseEvent; problems: Problem[] } {
  const takes = TAKES[step];
  const problems: Problem[] = [];
  const named = (Object.keys(takes) as Option[]).map((o) => `--${o}（${takes[o]!.header}）`);
  for (const o of Object.keys(opts) as Option[]) {
    if (opts[o] !== undefined && !takes[o]) problems.push(problem('option.not-for-step', { option: `--${o}`, step, takes: named }));
  }
  for (const [o, t] of Object.entries(takes) as Array<[Option, { header: string; required?: true }]>) {
    if (t.required && opts[o] === undefined) problems.push(problem('option.step-needs', { option: `--${o}`, step, header: t.header }));
  }
  const date = opts.date === undefined ? today : parseDate(opts.date);
  if (!date) problems.push(problem('option.date', { option: '--date', got: opts.date ?? '' }));
  const days = Number(opts.days ?? 0);
  // Not a number at all: told with the text typed (the core tells a number out of range).
  if (opts.days !== undefined && (!opts.days.trim() || Number.isNaN(days)))
    problems.push(problem('case.extension-invalid', { text: opts.days, min: 1, max: MAX_EXTENSION }, { field: '--days' }));
  if (problems.length || !date) return { problems };
  const by = opts.by ?? '';
  const note = opts.note ?? '';
  const event: Record<Step, CaseEvent> = {
    交办: { kind: '交办', unit: by, instruction: note },
    受理: { kind: '受理', date },
    延期: { kind: '延期', days, approvedBy: by },
    办结: { kind: '办结', date, result: note },
    回访: { kind: '回访', date, note },
  };
  return { event: event[step], problems };
}
