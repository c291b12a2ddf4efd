// The calendar's judge: one Web Worker kept while the round stays the same, asked what each exchange
// of a dragged duty would break and to make the exchange, with the same swapDuties as `rota swap`.
// Nothing of it runs on the page's thread but posting the timetable and reading the answer.
import type { ReplanOutcome } from '../app/replan.js';
import type { Config } from '../core/config.js';
import type { DutyRef, SubstituteChoice, SwapRequest, SwapVerdict } from '../core/replan/swap.js';
import type { Duty, IsoDate } from '../core/types.js';
import { applyPatch } from './patch.js';
import type { Baseline, StoredFile } from './state.js';
import type { PlanMessage, PlanRequest, SwapAnswer } from './worker.js';

export interface Judge {
  verdicts(timetable: Duty[], ref: DutyRef, targets: DutyRef[], today?: IsoDate): Promise<SwapVerdict[]>;
  /** The 换人 list of duty `ref`: every other leader with the rules he or she would break there. */
  choices(timetable: Duty[], ref: DutyRef): Promise<SubstituteChoice[]>;
  swap(timetable: Duty[], request: SwapRequest, today?: IsoDate): Promise<SwapAnswer>;
  /** 重新安排 from `today`, as `rota replan`: the outcome, its timetable the one given with the patch applied. */
  replan(timetable: Duty[], today: IsoDate, baseline?: Baseline): Promise<ReplanOutcome>;
}

let kept: { config: Config; files: StoredFile[]; worker: Worker; judge: Judge } | undefined;

/** The judge for this round, its worker made from the page's own script on first use (and again when the round changes). */
export function judgeFor(source: string, config: Config, files: StoredFile[]): Judge {
  if (kept && kept.config === config && kept.files === files) return kept.judge;
  kept?.worker.terminate();
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const waiting = new Map<number, { resolve: (m: PlanMessage) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<PlanMessage>) => {
    const m = e.data;
    const w = m.type === 'progress' || m.id === undefined ? undefined : waiting.get(m.id);
    if (!w || m.type === 'progress') return;
    waiting.delete(m.id!);
    if (m.type === 'failed') w.reject(new Error(m.message));
    else w.resolve(m);
  };
  const ask = (request: Omit<PlanRequest, 'config' | 'files' | 'bestEffort' | 'id'>) =>
    new Promise<PlanMessage>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, config, files, bestEffort: false, id });
    });
  const judge: Judge = {
    replan: async (timetable, today, baseline) => {
      const published = baseline && { name: baseline.name, duties: baseline.duties, json: baseline.json };
      const m = await ask({ replan: { timetable, today, baseline: published } });
      const duties = m.type === 'replanned' ? applyPatch(timetable, m.patch, false) : undefined;
      if (m.type !== 'replanned' || !duties)
        throw new Error('排班助手内部错误：后台没有给出重新安排的结果，请重试或刷新页面。internal error: the worker gave no re-plan');
      return { ...m.outcome, duties };
    },
    verdicts: async (timetable, ref, targets, today) => {
      const m = await ask({ verdicts: { timetable, ref, targets, today } });
      return m.type === 'verdicts' ? m.verdicts : [];
    },
    choices: async (timetable, ref) => {
      const m = await ask({ choices: { timetable, ref } });
      return m.type === 'choices' ? m.choices : [];
    },
    swap: async (timetable, request, today) => {
      const m = await ask({ swap: { timetable, request, today } });
      if (m.type !== 'swapped')
        throw new Error('排班助手内部错误：后台没有给出对调的结果，请重试或刷新页面。internal error: the worker gave no exchange result');
      return m.result;
    },
  };
  kept = { config, files, worker, judge };
  return judge;
}
