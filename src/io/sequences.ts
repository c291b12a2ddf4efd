// ICS SEQUENCE across re-publications. Each slot (date, kind, position that day) keeps its UID;
// its SEQUENCE rises by one whenever the event's content changes, so subscribed calendars update
// the event instead of adding a second one. The state lives in timetable.json beside the published
// timetable.csv: the duties as published and the sequence of every slot ever published. Without
// that file the published CSV is the basis and every sequence is taken as 0.
import type { Config } from '../core/config.js';
import { dutySlots } from '../core/duty-order.js';
import { problem } from '../core/messages.js';
import type { Duty, Problem } from '../core/types.js';
import { slotKey } from './ics.js';
import { publicDuty } from './plan-files.js';

export interface PublishedState {
  /** The duties the calendars were last published with. */
  duties: Duty[];
  /** Sequence per slot key; absent means 0. */
  sequences: Record<string, number>;
  /** Where the state came from: the timetable.json read, or undefined for the CSV alone. */
  file?: string;
}

const sameEvent = (a: Duty, b: Duty) => JSON.stringify(publicDuty(a)) === JSON.stringify(publicDuty(b));

/** Slots of the last publication that the new one no longer has: their events are cancelled. */
export function removedSlots(
  prev: PublishedState,
  next: readonly Duty[],
  config: Pick<Config, 'institutions'>,
): Array<{ duty: Duty; slot: number }> {
  const now = new Set(dutySlots(next, config).map(({ duty, slot }) => slotKey(duty, slot)));
  return dutySlots(prev.duties, config).filter(({ duty, slot }) => !now.has(slotKey(duty, slot)));
}

/**
 * The sequences of a new publication: +1 on every slot whose event changed or was cancelled, kept
 * elsewhere; keys sorted.
 */
export function nextSequences(prev: PublishedState, next: readonly Duty[], config: Pick<Config, 'institutions'>): Record<string, number> {
  const before = new Map(dutySlots(prev.duties, config).map(({ duty, slot }) => [slotKey(duty, slot), duty]));
  const out: Record<string, number> = { ...prev.sequences };
  for (const { duty, slot } of removedSlots(prev, next, config)) {
    const key = slotKey(duty, slot);
    out[key] = (prev.sequences[key] ?? 0) + 1;
  }
  for (const { duty, slot } of dutySlots(next, config)) {
    const key = slotKey(duty, slot);
    const was = before.get(key);
    const seq = prev.sequences[key] ?? 0;
    // A slot published before gets seq + 1 when its event differs; a slot never published starts at 0.
    out[key] = was ? (sameEvent(was, duty) ? seq : seq + 1) : key in prev.sequences ? seq + 1 : 0;
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]]),
  );
}

/**
 * The state a published timetable.json holds (its text, when there is one beside the published CSV);
 * without it, the CSV's duties with sequence 0. No file system: the browser app re-opens through this.
 */
export function publishedStateFrom(
  json: { text: string; file: string } | undefined,
  csvDuties: Duty[],
): { state: PublishedState; problems: Problem[] } {
  const fallback = { state: { duties: csvDuties, sequences: {} }, problems: [] };
  if (!json) return fallback;
  const { file } = json;
  try {
    const parsed = JSON.parse(json.text) as { duties?: unknown; sequences?: unknown };
    const duties = Array.isArray(parsed.duties)
      ? (parsed.duties as Duty[]).filter((d) => d && typeof d.date === 'string' && typeof d.name === 'string')
      : undefined;
    const sequences: Record<string, number> = {};
    if (parsed.sequences && typeof parsed.sequences === 'object') {
      for (const [k, v] of Object.entries(parsed.sequences as Record<string, unknown>))
        if (Number.isInteger(v) && (v as number) >= 0) sequences[k] = v as number;
    }
    if (!duties) throw new Error('no "duties" array');
    return { state: { duties, sequences, file }, problems: [] };
  } catch (e) {
    return {
      ...fallback,
      problems: [problem('calendar.sequences-unreadable', { detail: (e as Error).message }, { severity: 'warning', file })],
    };
  }
}
