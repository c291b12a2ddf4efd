// The report under a timetable: one list of sections (src/app/plan-report.ts) that the terminal and
// the browser app both show, so the two never word it differently; on the seed round it splits what
// the round achieves from what remains for other plans and lists no rule the round does not serve.
import { describe, expect, it } from 'vitest';
import { planRound } from '../src/app/plan.js';
import { planReportSections, type ReportLine } from '../src/app/plan-report.js';
import { loadRound } from '../src/app/round.js';
import { renderPlan } from '../src/cli/plan-table.js';
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
