// The report under a timetable: one list of sections (src/app/plan-report.ts) that the terminal and
// the browser app both show, so the two never word it differently; on the seed round it splits what
// the round achieves from what remains for other plans and lists no rule the round does not serve.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRound } from '../src/app/plan.js';
import { planReportSections, type ReportLine } from '../src/app/plan-report.js';
import { loadRound } from '../src/app/round.js';
import { displayWidth, renderPlan } from '../src/cli/plan-table.js';
import { PLAIN } from '../src/io/check-format.js';
import { loadConfig } from '../src/io/config-file.js';
import { readBytes } from '../src/io/read-file.js';

function seedPlan() {
  const { config } = loadConfig('fixtures/rota.json');
  const { round } = loadRound(config!, readBytes);
  return { round: round!, outcome: planRound(round!) };
}

const texts = (lines: ReportLine[]): string[] => lines.flatMap((l) => [l.text, ...texts(l.under ?? [])]);

describe('plan report sections', () => {
  const { round, outcome } = seedPlan();
  const sections = planReportSections(outcome.report);

  it('the terminal prints every section title and every line of it, nothing reworded', () => {
    const printed = renderPlan({ ...round.config, duties: outcome.duties, report: outcome.report }, round.config.place, PLAIN);
    for (const s of sections) {
      expect(printed).toContain(s.title);
      for (const t of texts(s.lines)) expect(printed).toContain(t);
    }
  });

  it('on the seed round: the quarterly rule under what the round achieves, the monthly one left to other plans, no township rule', () => {
    const titles = sections.map((s) => s.title);
    const achieved = sections[titles.indexOf('本安排达到的频次要求 what this timetable achieves')];
    const other = sections.find((s) => s.title.startsWith('留给其他安排'))!;
    expect(achieved.lines.map((l) => l.text.slice(0, l.text.indexOf(']') + 1))).toEqual(['[district-quarterly]']);
    expect(other.lines.map((l) => l.text.slice(0, l.text.indexOf(']') + 1))).toEqual(['[county-monthly]']);
    expect(texts(sections.flatMap((s) => s.lines)).join('\n')).not.toContain('township-weekly');
  });
});

describe('the report and a long history', () => {
  it('a year of weekly duties before the periods the round touches changes neither the plan nor any line of its report', () => {
    const { round, outcome } = seedPlan();
    const mondays = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10));
    const old = mondays.flatMap((date) =>
      round.leaders.map((l) => ({ date, kind: '接访' as const, name: l.name, institution: l.institution })),
    );
    const longer = planRound({ ...round, history: [...old, ...round.history] });
    expect(longer.duties).toEqual(outcome.duties);
    expect(longer.report).toEqual(outcome.report);
  });
});

describe('the table column widths', () => {
  it('a character is two columns exactly where the East Asian wide ranges say (property, the regular expression as oracle)', () => {
    const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
    const oracle = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
    // Each range's ends and their neighbours, astral characters and ordinary text.
    const edges = [0x10ff, 0x1100, 0x115f, 0x1160, 0x2e7f, 0x2e80, 0xa4cf, 0xa4d0, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xf8ff, 0xf900].concat([
      0xfaff, 0xfb00, 0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xff60, 0xff61, 0xffdf, 0xffe0, 0xffe6, 0xffe7,
    ]);
    const ch = fc.oneof(
      fc.constantFrom(...edges.map((c) => String.fromCharCode(c)), '😀', '𠀀', '\ud800', '\udc00', 'a', ' ', '王', '（'),
      fc.string({ maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (chars) => {
        expect(displayWidth(chars.join(''))).toBe(oracle(chars.join('')));
      }),
      { numRuns: 1000 },
    );
  });
});
