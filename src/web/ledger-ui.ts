// The open ledger on the page's side: what the page holds of it (the worker's last view, the forms
// kept over redraws), how a ledger job is asked for and how its outcome is told beside the ledger.
import { formatProblem } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import type { Ctx } from './context.js';
import { showThenFocus } from './dom.js';
import type { LedgerFilter, LedgerRow, LedgerView } from './ledger.js';
import { todayOf } from './state.js';
import { forPage } from './words.js';

/** The open ledger as the page holds it: the worker's last view, the matter being worked on, the forms kept over redraws. */
export interface LedgerUi {
  view: LedgerView;
  /** The matter whose next step is being recorded, and the step chosen. */
  acting?: { row: LedgerRow; act?: string; form?: HTMLFormElement };
  visitForm?: HTMLFormElement;
  /** A view for another 今天 has been asked for. */
  asked?: string;
}

/** Problems as one sentence; a form has no line, so none is named. */
export const told = (ps: Problem[]) => ps.map((p) => formatProblem(forPage({ ...p, line: undefined }))).join('；');

export function say(ctx: Ctx, text: string, alert: boolean): void {
  showThenFocus(
    ctx,
    (ui) => {
      ui.message = { text, alert, at: 'ledger' };
    },
    'message',
  );
}

/** A job on the open ledger; a failure of rota's own is told as such. */
export async function ledgerJob<T>(ctx: Ctx, job: Promise<T>): Promise<T | undefined> {
  try {
    return await job;
  } catch (e) {
    say(ctx, `排班助手内部错误 internal error：${(e as Error).message}`, true);
    return undefined;
  }
}

/** What the worker is asked for with each change: the page's 今天 and the list as shown. */
export const viewRequest = (ctx: Ctx, l?: LedgerUi, change: { filter?: LedgerFilter; offset?: number } = {}) => ({
  today: todayOf(ctx.state),
  filter: change.filter ?? l?.view.filter ?? 'due',
  offset: change.offset ?? l?.view.offset ?? 0,
});

/** The page each kept form's handlers act on, brought up to date at every redraw. */
export const formCtx = new WeakMap<HTMLFormElement, { ctx: Ctx }>();
