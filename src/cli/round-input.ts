// What replan and swap read: the round (configuration, calendar, leaders, history), a published
// timetable inside the round's window, pins and duty references from the command line.

import { loadRound as loadRoundFrom, type Round } from '../app/round.js';
import { readRoundTimetable as readTimetableBytesOf } from '../app/timetable.js';
import type { Config } from '../core/config.js';
import { parseDate } from '../core/dates.js';
import type { Pin } from '../core/engine/types.js';
import { resolveInstitution } from '../core/institutions.js';
import { problem, say } from '../core/messages.js';
import type { DutyRef } from '../core/replan/swap.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import { loadConfig } from '../io/config-file.js';
import { officeFieldProblems } from '../io/config-parse.js';
import type { Encoding } from '../io/decode.js';
import type { ReadFile } from '../io/lists.js';
import { readBytes } from '../io/read-file.js';
import { readFromDisk } from '../io/read-round.js';
import { type CommonOptions, overridesFrom, useFolderConfig } from './context.js';
import { Exit, reportProblems } from './exit.js';

export type { Round } from '../app/round.js';

export interface RoundOptions extends CommonOptions {
  preset?: string;
  /** Publishing (--out): a configuration with the seed's office fields is refused. */
  out?: string;
  sites?: string;
  leaders?: string[];
  history?: string[];
  seed?: string;
}

/** The round of the options' files, read by `read` (a plan --out keeps the bytes for its input digest). */
export async function loadRound(opts: RoundOptions, read: ReadFile = readFromDisk): Promise<Round> {
  const extra: Record<string, unknown> = {};
  if (opts.leaders) extra.leaders = opts.leaders;
  if (opts.history) extra.history = opts.history;
  if (opts.preset) extra.preset = opts.preset;
  if (opts.sites) extra.sites = opts.sites;
  if (opts.seed !== undefined) extra.seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
  useFolderConfig(opts);
  const { config, problems, seedFields } = loadConfig(
    opts.config,
    {
      ...overridesFrom(opts as Record<string, unknown>, ['from', 'to', 'region', 'holidays']),
      ...extra,
    },
    read,
  );
  reportProblems([...problems, ...(opts.out ? officeFieldProblems(seedFields, opts.config) : [])]);
  const loaded = loadRoundFrom(config!, read);
  if (!loaded.round) reportProblems(loaded.problems);
  return loaded.round!;
}

/** A published timetable of this round: read, every row valid, every date inside the window (rows before frozenBefore as published). */
export function readRoundTimetable(
  file: string,
  r: Round,
  frozenBefore?: IsoDate,
  fixFromLeaders?: boolean,
): { duties: Duty[]; encoding: Encoding } {
  const { bytes, problem } = readBytes(file);
  if (!bytes) reportProblems([problem!]);
  const read = readTimetableBytesOf(r, file, bytes!, frozenBefore, { reconcile: fixFromLeaders ? 'fix' : 'error' });
  reportProblems(read.problems);
  return { duties: read.duties, encoding: read.encoding };
}

/** --pin 2024-12-19=某某 or 2024-12-19=区委:某某 */
export function parsePins(values: string[] | undefined, config: Config): Pin[] {
  const problems: Problem[] = [];
  const pins = (values ?? []).flatMap((text): Pin[] => {
    const m = /^([^=]+)=(?:([^:：]+)[:：])?(.+)$/.exec(text.trim());
    const date = m ? parseDate(m[1]) : undefined;
    if (!m || !date) {
      problems.push(problem('pin.invalid', { text }, { field: '--pin' }));
      return [];
    }
    if (!m[2]) return [{ date, name: m[3].trim() }];
    const institution = resolveInstitution(m[2], config.institutions);
    if (!institution) {
      problems.push(problem('institution.unknown', { text: m[2], known: config.institutions.map((i) => i.name) }, { field: '--pin' }));
      return [];
    }
    return [{ date, name: m[3].trim(), institution }];
  });
  reportProblems(problems);
  return pins;
}

/** 2024-12-19 or 2024-12-19=某某 (a day with several duties needs the name). */
export function parseDutyRef(text: string, what: string): DutyRef {
  const [d, name] = text.split('=');
  const date = parseDate(d ?? '');
  if (!date) throw new Exit(2, say('option.duty', { option: what, got: text }));
  return name ? { date, name: name.trim() } : { date };
}
