// rota swap on a timetable file: a timetable inside a published folder (or with --out) is never
// rewritten alone — the whole folder is re-published, the timetable read and changed under the
// folder's lock; any other CSV is rewritten in place, atomically, keeping GB18030 if it was.
import { basename, dirname } from 'node:path';
import type { SwapRequest, SwapResult } from '../core/replan/swap.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import { writeAllOrNone } from '../io/atomic-write.js';
import { renderCsv } from '../io/publish.js';
import { isPublished } from '../io/publish-folder.js';
import { readPublishedState } from '../io/published-state.js';
import { swapAndPublish } from './publish-commands.js';
import type { Round } from './round.js';
import { swapDuties } from './swap.js';

type Encoding = 'utf-8' | 'gb18030';

export interface SwapFileOptions {
  /** The folder to publish into; default: the CSV's own folder when it is a published one. */
  out?: string;
  today: IsoDate;
  /** Default: the input's (GB18030 stays GB18030, else UTF-8 with BOM). */
  encoding?: Encoding;
  icsPerLeader?: boolean;
}

/** The swap judged and, when it changes something, written; `read` reads the CSV as it is now (and tells its problems). */
export async function swapFile(
  file: string,
  round: Round,
  read: () => { duties: Duty[]; encoding: string },
  request: SwapRequest,
  o: SwapFileOptions,
): Promise<{ result: SwapResult; written: string[]; problems: Problem[] }> {
  const out = o.out ?? (isPublished(dirname(file)) ? dirname(file) : undefined);
  let encoding: Encoding = o.encoding ?? 'utf-8';
  const now = () => {
    const t = read();
    if (o.encoding === undefined && t.encoding === 'gb18030') encoding = 'gb18030';
    return { duties: t.duties, encoding, beside: () => readPublishedState(file, t.duties, round.config).state };
  };
  if (out) {
    // Per-leader calendars: asked for, or kept because the folder has them.
    const done = await swapAndPublish(out, round, now, request, { today: o.today, encoding: o.encoding, icsPerLeader: o.icsPerLeader });
    return { result: done.result, written: done.published.written, problems: done.published.problems };
  }
  const result = swapDuties(round, now().duties, request, o.today);
  if (result.status !== 'ok' || result.changes.length === 0) return { result, written: [], problems: [] };
  const duties = result.timetable.map(({ source: _s, ...d }) => d);
  const content = await renderCsv(duties, round.config, encoding);
  return { result, written: writeAllOrNone(dirname(file), [{ path: basename(file), content }]), problems: [] };
}
