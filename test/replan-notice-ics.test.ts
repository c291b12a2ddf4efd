// The change notice read back (text lines and JSON give the same changes), the HTML notice escaped,
// the 锁定 column round trip, and ICS across re-publications with ical.js: same UID per slot,
// SEQUENCE + 1 on a changed event, unchanged events keep theirs, and the state carried in timetable.json.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { publish } from '../src/app/publish.js';
import { changeLine, diffTimetables } from '../src/core/replan/diff.js';
import type { Duty } from '../src/core/types.js';
import { noticeHtml, noticeJson, noticeText } from '../src/io/notice.js';
import { renderCsv } from '../src/io/publish.js';
import { readPublishedState } from '../src/io/published-state.js';
import { nextSequences, type PublishedState, publishedStateFrom } from '../src/io/sequences.js';
import { readTimetableBytes } from '../src/io/timetable-read.js';
import { seed } from './helpers/seed.js';

const s = seed();
const leader = (name: string) => s.leaders.find((l) => l.name === name)!;
const put = (ds: Duty[], date: string, name: string): Duty[] =>
  ds.map((d) =>
    d.date === date
      ? { ...d, name, title: leader(name).title, portfolio: leader(name).portfolio, institution: leader(name).institution }
      : d,
  );
const after = put(put(s.duties, '2024-12-19', '刘芳'), '2024-12-11', '张志强');
const changes = diffTimetables(s.duties, after);

/** A re-publication of `duties` over `previous` (the seed round, today before its first day). */
const republishFiles = async (duties: Duty[], previous: PublishedState, icsPerLeader = false) =>
  (await publish({ command: 'render', duties, config: s.config, calendar: s.calendar, today: '2024-12-10', previous, icsPerLeader })).files;
/** The seed as published by its CSV alone: every sequence 0. */
const asPublished = (duties: Duty[]) => publishedStateFrom(undefined, duties, s.config).state;

function events(text: string): Map<string, { uid: string; seq: number; summary: string; date: string }> {
  const comp = new ICAL.Component(ICAL.parse(text));
  return new Map(
    comp.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [
        e.startDate.toString().slice(0, 10),
        { uid: e.uid, seq: e.sequence, summary: e.summary, date: e.startDate.toString().slice(0, 10) },
      ];
    }),
  );
}
const text = (f: { content: string | Uint8Array }) => (typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content));

describe('change notice', () => {
  it('text: one line per changed day, parsed back into the same changes', () => {
    const t = noticeText(changes, { config: s.config, date: '2024-12-16' });
    const lines = t.split('\n');
    expect(lines[0]).toBe('接访安排调整公告');
    expect(lines[1]).toContain('有 2 天调整如下');
    const parsed = lines.flatMap((l) => {
      const m = /^(\d{4}-\d{2}-\d{2})：原 (.+?)（(.+?)） → 现 (.+?)（(.+?)）$/.exec(l);
      return m ? [{ date: m[1], was: m[2], wasTitle: m[3], now: m[4], nowTitle: m[5] }] : [];
    });
    expect(parsed).toEqual([
      { date: '2024-12-11', was: '王建国', wasTitle: '区委副书记', now: '张志强', nowTitle: '区委常委、宣传部部长' },
      { date: '2024-12-19', was: '艾力·买买提', wasTitle: '区委常委、政法委书记', now: '刘芳', nowTitle: '区委常委、组织部部长' },
    ]);
    expect(t).toContain('区信访工作联席会议办公室　2024-12-16');
  });

  it('JSON: parsed back, the same days, people and lines as the text', () => {
    const j = JSON.parse(noticeJson(changes, { config: s.config }));
    expect(j).toMatchObject({ title: '接访安排调整公告', from: '2024-12-11', to: '2024-12-26', count: 2 });
    expect(
      j.changes.map((c: { date: string; before: { name: string }[]; after: { name: string }[] }) => [
        c.date,
        c.before[0].name,
        c.after[0].name,
      ]),
    ).toEqual([
      ['2024-12-11', '王建国', '张志强'],
      ['2024-12-19', '艾力·买买提', '刘芳'],
    ]);
    expect(j.changes.map((c: { line: string }) => c.line)).toEqual(changes.map(changeLine));
  });

  it('HTML: zh-CN, a CSP with no script, every input text escaped', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const evil = changes.map((c) => ({ ...c, after: c.after.map((d) => ({ ...d, name: hostile, title: '"&\'' })) }));
    const html = noticeHtml(evil, { config: { ...s.config, title: `<script>alert(2)</script>`, office: hostile } });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    expect(html).not.toMatch(/script-src/);
  });
});

describe('锁定 column', () => {
  it('written only when some duty is pinned, and read back as pinned', async () => {
    expect(new TextDecoder().decode(await renderCsv(s.duties, s.config))).not.toContain('锁定');
    const pinned = s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, pinned: true } : d));
    const bytes = await renderCsv(pinned, s.config);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.split('\r\n')[0]).toBe('\uFEFF日期,星期,类型,单位,姓名,职务,分管工作,地点,锁定');
    const back = readTimetableBytes(bytes, 't.csv', s.leaders, s.config.institutions);
    expect(back.problems).toEqual([]);
    expect(back.duties.filter((d) => d.pinned).map((d) => d.date)).toEqual(['2024-12-19']);
  });
});

describe('ICS across re-publication (ical.js)', () => {
  it('same UID per slot; SEQUENCE + 1 on the changed events only; the next change builds on timetable.json', async () => {
    const first = await republishFiles(s.duties, asPublished(s.duties));
    const e0 = events(text(first.find((f) => f.path === 'timetable.ics')!));
    expect([...e0.values()].every((e) => e.seq === 0)).toBe(true);
    // Publish the change, with timetable.json of the first publication as the basis.
    const dir = mkdtempSync(join(tmpdir(), 'rota-seq-'));
    writeFileSync(join(dir, 'timetable.json'), text(first.find((f) => f.path === 'timetable.json')!));
    const state = readPublishedState(join(dir, 'timetable.csv'), []).state;
    expect(state.duties).toHaveLength(12);
    const second = await republishFiles(after, state);
    const e1 = events(text(second.find((f) => f.path === 'timetable.ics')!));
    expect(e1.size).toBe(12);
    for (const [date, e] of e1) {
      expect(e.uid).toBe(e0.get(date)!.uid);
      expect(e.seq).toBe(['2024-12-11', '2024-12-19'].includes(date) ? 1 : 0);
    }
    expect(e1.get('2024-12-19')!.summary).toBe('领导接访：刘芳（区委常委、组织部部长）');
    // A third publication changing 12-19 again: 2 there, 12-11 stays at 1.
    writeFileSync(join(dir, 'timetable.json'), text(second.find((f) => f.path === 'timetable.json')!));
    const third = put(after, '2024-12-19', '艾力·买买提');
    const files = await republishFiles(third, readPublishedState(join(dir, 'x.csv'), []).state);
    const e2 = events(text(files.find((f) => f.path === 'timetable.ics')!));
    expect(e2.get('2024-12-19')!.seq).toBe(2);
    expect(e2.get('2024-12-11')!.seq).toBe(1);
    expect(e2.get('2024-12-12')!.seq).toBe(0);
  });

  it('sequences: deterministic, a dropped slot rises (its event is cancelled) and rises again when it comes back', () => {
    const json = (duties: Duty[], sequences: Record<string, number>) => ({
      text: JSON.stringify({ duties, sequences }),
      file: 'timetable.json',
    });
    const prev = publishedStateFrom(json(s.duties, { '2024-12-11|接访|0': 3 }), [], s.config).state;
    const dropped = s.duties.filter((d) => d.date !== '2024-12-11');
    const seq1 = nextSequences(prev, dropped, s.config);
    expect(seq1['2024-12-11|接访|0']).toBe(4);
    expect(Object.keys(seq1)).toEqual([...Object.keys(seq1)].sort());
    const back = publishedStateFrom(json(dropped, seq1), [], s.config).state;
    expect(nextSequences(back, s.duties, s.config)['2024-12-11|接访|0']).toBe(5);
    expect(nextSequences(prev, dropped, s.config)).toEqual(seq1);
  });

  it("a day that is no longer on the timetable is published as a cancelled event, also in its leader's own calendar", async () => {
    const dropped = s.duties.filter((d) => d.date !== '2024-12-11');
    const gone = s.duties.find((d) => d.date === '2024-12-11')!;
    const files = await republishFiles(dropped, asPublished(s.duties), true);
    const ics = text(files.find((f) => f.path === 'timetable.ics')!);
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(s.duties.length);
    const cancelled = vevents.filter((v) => v.getFirstPropertyValue('status') === 'CANCELLED');
    expect(cancelled).toHaveLength(1);
    const e = new ICAL.Event(cancelled[0]);
    expect([e.startDate.toString().slice(0, 10), e.sequence]).toEqual(['2024-12-11', 1]);
    const before = events(text((await republishFiles(s.duties, asPublished(s.duties))).find((f) => f.path === 'timetable.ics')!));
    expect(e.uid).toBe(before.get('2024-12-11')!.uid);
    const own = files.find((f) => f.path === `ics/${gone.name}.ics`);
    expect(own && text(own)).toContain('STATUS:CANCELLED');
  });

  it('without timetable.json beside the CSV, the CSV is the basis and sequences start at 0', () => {
    const r = readPublishedState(join(mkdtempSync(join(tmpdir(), 'rota-seq-')), 'timetable.csv'), s.duties, s.config);
    expect(r.problems).toEqual([]);
    expect(r.state.duties).toEqual(s.duties);
    expect(Object.values(r.state.sequences).every((n) => n === 0)).toBe(true);
    expect(Object.keys(r.state.sequences)).toHaveLength(s.duties.length);
  });
});
