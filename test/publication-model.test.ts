// Model-based property test of the one publication step (fast-check commands): random sequences of
// swap, hand edit (render), re-plan, rollback and re-opening a copy of the folder, each with a random
// "today", run against a real folder and against a model that is only a reference timetable, the
// kept generations and each leader's slots held so far. After every step the CSV, the page, the
// whole calendar, every per-leader calendar, timetable.json and the change notice agree with the
// model; no day before today changed; each UID's SEQUENCE rose when its event changed, never fell.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type PlanOutcome, planRound } from '../src/app/plan.js';
import { publishPlan, publishTimetable, swapAndPublish } from '../src/app/publish-commands.js';
import { rollback } from '../src/app/publish-out.js';
import { replanRound } from '../src/app/replan.js';
import { loadRound, type Round } from '../src/app/round.js';
import { readRoundTimetable } from '../src/app/timetable.js';
import { addDays } from '../src/core/dates.js';
import { loadConfig } from '../src/io/config-file.js';
import { KEEP } from '../src/io/publish-folder.js';
import { readBytes } from '../src/io/read-file.js';

const { config } = loadConfig('fixtures/rota.json');
const round = loadRound(config!, readBytes).round as Round;
const plan: PlanOutcome = planRound(round);
const DAYS = [...new Set(plan.duties.map((d) => d.date))].sort();

/** The reference: who serves each day (the seed round has one duty a day). */
type Timetable = Record<string, string>;
interface Model {
  now: Timetable;
  /** Kept generations, oldest first (the folder keeps the last KEEP). */
  gens: Timetable[];
  /** Every "day|leader" ever published. */
  held: Set<string>;
  /** Highest SEQUENCE seen per day, and the leader it was for. */
  seq: Map<string, { seq: number; who: string }>;
  publications: number;
}
interface Real {
  out: string;
}

const timetableOf = (duties: ReadonlyArray<{ date: string; name: string }>): Timetable =>
  Object.fromEntries(duties.map((d) => [d.date, d.name]));
const leaderOf = new Map(round.leaders.map((l) => [l.name, l]));

function readCsv(out: string) {
  const bytes = new Uint8Array(readFileSync(join(out, 'timetable.csv')));
  return readRoundTimetable(round, 'timetable.csv', bytes, '9999-12-31').duties;
}

interface Vevent {
  date: string;
  who: string;
  seq: number;
  cancelled: boolean;
}
function events(text: string): Vevent[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const who = /：(.+?)(（|$)/.exec(e.summary)![1];
    return {
      date: e.startDate.toString().slice(0, 10),
      who,
      seq: e.sequence,
      cancelled: v.getFirstPropertyValue('status') === 'CANCELLED',
    };
  });
}

/** Every published file agrees with the model; SEQUENCE rose on every changed event and never fell. */
function agree(m: Model, r: Real, before: Timetable, today: string): void {
  const csv = timetableOf(readCsv(r.out));
  expect(csv).toEqual(m.now);
  const json = JSON.parse(readFileSync(join(r.out, 'timetable.json'), 'utf8'));
  expect(timetableOf(json.duties)).toEqual(m.now);
  const html = readFileSync(join(r.out, 'timetable.html'), 'utf8');
  for (const [date, who] of Object.entries(m.now)) expect(html).toMatch(new RegExp(`datetime="${date}"[^]*?${who}`));
  const whole = events(readFileSync(join(r.out, 'timetable.ics'), 'utf8'));
  expect(timetableOf(whole.filter((e) => !e.cancelled).map((e) => ({ date: e.date, name: e.who })))).toEqual(m.now);
  // Each leader's calendar: that leader's current duties, plus a cancellation for every day taken from him.
  const files = readdirSync(join(r.out, 'ics'));
  const people = new Set([...m.held].map((k) => k.split('|')[1]));
  expect(files.sort()).toEqual([...people].map((p) => `${p}.ics`).sort());
  for (const p of people) {
    const mine = events(readFileSync(join(r.out, 'ics', `${p}.ics`), 'utf8'));
    expect(mine.every((e) => e.who === p)).toBe(true);
    const active = mine.filter((e) => !e.cancelled).map((e) => e.date);
    expect(active.sort()).toEqual(DAYS.filter((d) => m.now[d] === p));
    const cancelled = mine.filter((e) => e.cancelled).map((e) => e.date);
    expect(cancelled.sort()).toEqual(DAYS.filter((d) => m.held.has(`${d}|${p}`) && m.now[d] !== p));
    // A cancellation carries the day's SEQUENCE as it is now: above what that leader's phone last had.
    for (const e of mine.filter((x) => x.cancelled)) expect(e.seq).toBe(whole.find((w) => w.date === e.date && !w.cancelled)!.seq);
  }
  for (const e of whole.filter((x) => !x.cancelled)) {
    const was = m.seq.get(e.date);
    if (was) expect(e.who === was.who ? e.seq >= was.seq : e.seq > was.seq).toBe(true);
    m.seq.set(e.date, { seq: e.seq, who: e.who });
  }
  // The past is the duty record.
  for (const d of DAYS.filter((x) => x < today)) expect(m.now[d]).toBe(before[d]);
  // The notice of a changing publication names every changed day; the page links every notice kept.
  const changed = DAYS.filter((d) => before[d] !== m.now[d]);
  if (changed.length) {
    const notice = readFileSync(join(r.out, 'change-notice.txt'), 'utf8');
    for (const d of changed) expect(notice).toContain(`${d}：原 ${before[d]}`);
    for (const n of readdirSync(join(r.out, 'notices')).filter((f) => f.endsWith('.html'))) expect(html).toContain(`href="notices/${n}"`);
  }
  expect((json.log ?? [{ number: 1 }]).map((e: { number: number }) => e.number)).toEqual(
    Array.from({ length: m.publications }, (_, i) => i + 1),
  );
}

/** A publication that took effect: the model's generations and holders move on. */
function published(m: Model, next: Timetable): void {
  m.gens = [...m.gens, m.now].slice(-KEEP);
  m.now = next;
  m.publications++;
  for (const [d, who] of Object.entries(next)) m.held.add(`${d}|${who}`);
}

const day = fc.constantFrom(...DAYS);
const today = fc
  .integer({ min: -2, max: DAYS.length + 1 })
  .map((i) => (i < 0 ? addDays(DAYS[0], i) : i >= DAYS.length ? addDays(DAYS.at(-1)!, 1) : DAYS[i]));
const options = { icsPerLeader: true };

/** A change of two days (a swap, a hand edit) on a given today. */
abstract class TwoDays {
  constructor(
    readonly a: string,
    readonly b: string,
    readonly today: string,
  ) {}
  check = () => true;
}

class Swap extends TwoDays implements fc.AsyncCommand<Model, Real> {
  async run(m: Model, r: Real) {
    const before = { ...m.now };
    const request = { kind: 'swap' as const, a: { date: this.a }, b: { date: this.b } };
    const read = () => ({ duties: readCsv(r.out), encoding: 'utf-8' as const, beside: () => undefined });
    const { result, published: p } = await swapAndPublish(r.out, round, read, request, { today: this.today, ...options });
    // The model's own judgement of the past; the rules are the engine's (not what is tested here).
    if (this.a < this.today || this.b < this.today) expect(result.status).toBe('invalid');
    if (result.status === 'ok' && result.changes.length) {
      expect(p.written.length).toBeGreaterThan(0);
      published(m, timetableOf(result.timetable));
    } else expect(p.written).toEqual([]);
    agree(m, r, before, this.today);
  }
  toString = () => `swap ${this.a} ${this.b} today ${this.today}`;
}

/** A hand edit published with rota render: two days' leaders exchanged, no rule asked (render's check is the CLI's). */
class Render extends TwoDays implements fc.AsyncCommand<Model, Real> {
  async run(m: Model, r: Real) {
    const before = { ...m.now };
    const edited = readCsv(r.out).map((d) => {
      const other = d.date === this.a ? this.b : d.date === this.b ? this.a : undefined;
      if (!other) return d;
      const l = leaderOf.get(before[other])!;
      return { ...d, name: l.name, title: l.title, portfolio: l.portfolio, institution: l.institution };
    });
    const p = await publishTimetable('render', r.out, round, edited, () => undefined, { today: this.today, ...options });
    const changes = before[this.a] !== before[this.b];
    if (changes && (this.a < this.today || this.b < this.today)) {
      expect(p.problems.map((x) => x.code)).toEqual(['publish.past']);
      expect(p.written).toEqual([]);
    } else {
      expect(p.problems).toEqual([]);
      published(m, timetableOf(edited));
    }
    agree(m, r, before, this.today);
  }
  toString = () => `render ${this.a}<->${this.b} today ${this.today}`;
}

class Replan implements fc.AsyncCommand<Model, Real> {
  constructor(readonly today: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const before = { ...m.now };
    const outcome = replanRound(round, readCsv(r.out), { today: this.today });
    if (outcome.report.status !== 'optimal') return;
    const inputs = { files: [] } as never;
    const p = await publishTimetable('replan', r.out, round, outcome.duties, () => undefined, {
      today: this.today,
      ...options,
      extra: { today: this.today, inputs },
    });
    expect(p.problems).toEqual([]);
    published(m, timetableOf(outcome.duties));
    agree(m, r, before, this.today);
  }
  toString = () => `replan today ${this.today}`;
}

class Rollback implements fc.AsyncCommand<Model, Real> {
  constructor(readonly today: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const before = { ...m.now };
    const target = m.gens.at(-1);
    const past = target && DAYS.some((d) => d < this.today && target[d] !== before[d]);
    let refused = false;
    try {
      const p = await rollback(r.out, this.today, readBytes);
      refused = p.written.length === 0;
      if (past) expect(p.problems.map((x) => x.code)).toEqual(['publish.past']);
    } catch (e) {
      expect((e as Error).name).toBe('WriteError');
      refused = true;
    }
    expect(refused).toBe(!target || Boolean(past));
    if (!refused) {
      // The generation restored leaves the history; the one undone joins it.
      const gens = m.gens.slice(0, -1);
      published(m, target!);
      m.gens = [...gens, before].slice(-KEEP);
    }
    agree(m, r, before, this.today);
  }
  toString = () => `rollback today ${this.today}`;
}

/** The folder copied elsewhere (a webmaster's copy, another PC) and published from there on: its timetable.json carries the log. */
class Reopen implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const copy = join(mkdtempSync(join(tmpdir(), 'rota-model-copy-')), '发布');
    cpSync(r.out, copy, { recursive: true });
    r.out = copy;
    m.gens = [];
    agree(m, r, { ...m.now }, '0000-01-01');
  }
  toString = () => 'reopen a copy';
}

const commands = [
  fc.tuple(day, day, today).map(([a, b, t]) => new Swap(a, b, t)),
  fc.tuple(day, day, today).map(([a, b, t]) => new Render(a, b, t)),
  today.map((t) => new Replan(t)),
  today.map((t) => new Rollback(t)),
  fc.constant(new Reopen()),
];

describe('one publication step (model-based)', () => {
  it('keeps page, CSV, calendars and notices on one timetable through any sequence of changes', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 8 }), async (cmds) => {
        runs++;
        const out = join(mkdtempSync(join(tmpdir(), 'rota-model-')), '发布');
        const p = await publishPlan(out, round, plan, { files: [] } as never, { today: DAYS[0], ...options });
        expect(p.problems).toEqual([]);
        const now = timetableOf(plan.duties);
        const m: Model = {
          now,
          gens: [],
          held: new Set(Object.entries(now).map(([d, w]) => `${d}|${w}`)),
          seq: new Map(),
          publications: 1,
        };
        const r: Real = { out };
        agree(m, r, now, DAYS[0]);
        await fc.asyncModelRun(() => ({ model: m, real: r }), cmds);
      }),
      { numRuns: Number(process.env.ROTA_MODEL_RUNS ?? 60) },
    );
    console.log(`publication model: ${runs} random sequences`);
    expect(runs).toBeGreaterThan(0);
  }, 600_000);
});
