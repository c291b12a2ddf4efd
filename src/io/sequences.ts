// ICS SEQUENCE across re-publications, derived from the publication log. Each slot (date, kind,
// position that day) keeps its UID; every publication that changes, adds or cancels a slot's event
// lists the slot in its log entry, and the slot's SEQUENCE is the number of such entries after the
// one that first published it. So SEQUENCE rises whenever the event changes — a rollback is a new
// entry too — and never falls, wherever the folder or a copy of its timetable.json is re-opened.
// The state lives in timetable.json: the duties as published, the log, the cancellations still
// owed to calendars. Without that file the published CSV is the basis with every sequence 0.
import type { Config } from '../core/config.js';
import { dutySlots } from '../core/duty-order.js';
import { problem } from '../core/messages.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import { locate } from './config-parse.js';
import { slotKey } from './ics.js';
import { publicDuty } from './plan-files.js';

/** One publication: its number, date, the command that made it, the changed days and the changed slots. */
export interface LogEntry {
  number: number;
  date: IsoDate;
  command: string;
  /** One line per changed day (the change notice's lines). */
  changes: string[];
  /** Slot keys whose calendar event was added, changed or cancelled by this publication. */
  slots: string[];
  /** Sequences an older rota's timetable.json held before the log began. */
  base?: Record<string, number>;
}

/** A calendar event cancelled and still written, so a phone that missed a publication drops it too. */
export interface Cancelled {
  duty: Duty;
  slot: number;
}

export interface PublishedState {
  /** The duties the calendars were last published with. */
  duties: Duty[];
  /** Sequence per slot key (derived from log); absent means 0. */
  sequences: Record<string, number>;
  /** The publication log, oldest first (empty for a CSV read alone). */
  log: LogEntry[];
  /** Each leader's events cancelled so far and not given back to that leader. */
  cancelled: Cancelled[];
  /** Where the state came from: the timetable.json read, or undefined for the CSV alone. */
  file?: string;
  /** The folder had per-leader calendars: every later publication keeps writing them. */
  perLeader?: boolean;
}

const sameEvent = (a: Duty, b: Duty) => JSON.stringify(publicDuty(a)) === JSON.stringify(publicDuty(b));
const sorted = (o: Record<string, number>) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );

/** Each slot's SEQUENCE: 0 when first published, +1 for every later log entry that lists it. */
export function sequencesOf(log: readonly LogEntry[]): Record<string, number> {
  const seq: Record<string, number> = {};
  for (const e of log) {
    Object.assign(seq, e.base);
    for (const k of e.slots) seq[k] = k in seq ? seq[k] + 1 : 0;
  }
  return sorted(seq);
}

/** Slots of the last publication that the new one no longer has: their events are cancelled. */
export function removedSlots(
  prev: Pick<PublishedState, 'duties'>,
  next: readonly Duty[],
  config: Pick<Config, 'institutions'>,
): Cancelled[] {
  const now = new Set(dutySlots(next, config).map(({ duty, slot }) => slotKey(duty, slot)));
  return dutySlots(prev.duties, config).filter(({ duty, slot }) => !now.has(slotKey(duty, slot)));
}

/** The slots whose event a new publication adds, changes or cancels, sorted. */
export function changedSlots(prev: Pick<PublishedState, 'duties'>, next: readonly Duty[], config: Pick<Config, 'institutions'>): string[] {
  const before = new Map(dutySlots(prev.duties, config).map(({ duty, slot }) => [slotKey(duty, slot), duty]));
  const out = new Set(removedSlots(prev, next, config).map(({ duty, slot }) => slotKey(duty, slot)));
  for (const { duty, slot } of dutySlots(next, config)) {
    const was = before.get(slotKey(duty, slot));
    if (!was || !sameEvent(was, duty)) out.add(slotKey(duty, slot));
  }
  return [...out].sort();
}

const leaderOf = (d: Duty) => `${d.name}\u0000${d.institution}`;

/**
 * Each leader's cancelled events after a new publication: the slots a leader held before (or had
 * cancelled already) and does not hold now. A leader given a slot back loses its cancellation.
 */
export function cancellations(prev: PublishedState, next: readonly Duty[], config: Pick<Config, 'institutions'>): Cancelled[] {
  const held = new Set(dutySlots(next, config).map(({ duty, slot }) => `${slotKey(duty, slot)}\u0000${leaderOf(duty)}`));
  const out = new Map<string, Cancelled>();
  for (const c of [...prev.cancelled, ...dutySlots(prev.duties, config)]) {
    const k = `${slotKey(c.duty, c.slot)}\u0000${leaderOf(c.duty)}`;
    if (!held.has(k)) out.set(k, { duty: publicDuty(c.duty) as Duty, slot: c.slot });
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

/** The sequences after publishing `next` over `prev` (one new log entry). */
export function nextSequences(prev: PublishedState, next: readonly Duty[], config: Pick<Config, 'institutions'>): Record<string, number> {
  return sequencesOf([...prev.log, { number: 0, date: '', command: '', changes: [], slots: changedSlots(prev, next, config) }]);
}

/**
 * The log of a state that has none (a plan's first timetable.json, an older rota's, or a CSV alone):
 * one entry for the publications before the log began, dated by the configuration, its sequences as the base.
 */
function baseLog(duties: Duty[], sequences: Record<string, number>, config: Pick<Config, 'institutions'>, date: IsoDate): LogEntry[] {
  const base: Record<string, number> = {};
  for (const { duty, slot } of dutySlots(duties, config)) base[slotKey(duty, slot)] = 0;
  Object.assign(base, sequences);
  return [{ number: 1, date, command: 'earlier', changes: [], slots: [], base: sorted(base) }];
}

const isEntry = (e: unknown): e is LogEntry => {
  const x = e as LogEntry;
  return (
    !!x &&
    Number.isInteger(x.number) &&
    typeof x.date === 'string' &&
    typeof x.command === 'string' &&
    Array.isArray(x.changes) &&
    Array.isArray(x.slots) &&
    x.slots.every((s) => typeof s === 'string')
  );
};

/**
 * The state a published timetable.json holds (its text, when there is one); without it, the CSV's
 * duties with sequence 0. No file system: the browser app re-opens through this.
 */
export function publishedStateFrom(
  json: { text: string; file: string } | undefined,
  csvDuties: Duty[],
  config: Pick<Config, 'institutions' | 'published'> = { institutions: [] },
): { state: PublishedState; problems: Problem[] } {
  const fallback = (): { state: PublishedState; problems: Problem[] } => {
    const log = baseLog(csvDuties, {}, config, config.published ?? '');
    return { state: { duties: csvDuties, sequences: sequencesOf(log), log, cancelled: [] }, problems: [] };
  };
  if (!json) return fallback();
  const { file } = json;
  try {
    const parsed = JSON.parse(json.text) as {
      duties?: unknown;
      sequences?: unknown;
      log?: unknown;
      cancelled?: unknown;
      config?: { published?: unknown };
    };
    const isDuty = (d: Duty) => d && typeof d.date === 'string' && typeof d.name === 'string';
    const duties = Array.isArray(parsed.duties) ? (parsed.duties as Duty[]).filter(isDuty) : undefined;
    if (!duties) throw Object.assign(new Error('no "duties" array'), { field: 'duties' });
    const stored: Record<string, number> = {};
    if (parsed.sequences && typeof parsed.sequences === 'object') {
      for (const [k, v] of Object.entries(parsed.sequences as Record<string, unknown>))
        if (Number.isInteger(v) && (v as number) >= 0) stored[k] = v as number;
    }
    const published = typeof parsed.config?.published === 'string' ? parsed.config.published : (config.published ?? '');
    const log =
      Array.isArray(parsed.log) && parsed.log.length && parsed.log.every(isEntry)
        ? (parsed.log as LogEntry[])
        : baseLog(duties, stored, config, published);
    const cancelled = Array.isArray(parsed.cancelled)
      ? (parsed.cancelled as Cancelled[]).filter((c) => c && isDuty(c.duty) && Number.isInteger(c.slot))
      : [];
    return { state: { duties, sequences: sequencesOf(log), log, cancelled, file }, problems: [] };
  } catch (e) {
    // Where: the line of a JSON syntax error, or the field a foreign JSON lacks.
    const { message, field } = e as Error & { field?: string };
    const at = { severity: 'warning' as const, file, line: locate(json.text, message)?.line, field };
    return { ...fallback(), problems: [problem('calendar.sequences-unreadable', { detail: message }, at)] };
  }
}
