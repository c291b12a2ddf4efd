// The files `rota plan --out DIR` writes, in one list so publishing can add its formats here.
import type { Config } from '../core/config.js';
import type { PlanReport } from '../core/planner/types.js';
import { dutyCells, TIMETABLE_HEADER } from '../core/records.js';
import type { Duty } from '../core/types.js';
import type { OutFile } from './atomic-write.js';
import { toExcelCsv } from './csv-write.js';
import type { InputDigest } from './digest.js';

export interface PlanOutput {
  title: string;
  from: string;
  to: string;
  duties: Duty[];
  report: PlanReport;
  config: Config;
  inputs: InputDigest;
}

/** The duty as published: exactly these keys, in this order. */
export function publicDuty(d: Duty): Pick<Duty, 'date' | 'weekday' | 'kind' | 'institution' | 'name' | 'title' | 'portfolio' | 'place'> {
  return { date: d.date, weekday: d.weekday, kind: d.kind, institution: d.institution, name: d.name, title: d.title, portfolio: d.portfolio, place: d.place };
}

/** The JSON document: the same on stdout (--json) and in timetable.json. */
export function planJson(out: PlanOutput): string {
  return `${JSON.stringify({ ...out, duties: out.duties.map(publicDuty) }, null, 2)}\n`;
}

export async function planFiles(out: PlanOutput): Promise<OutFile[]> {
  return [
    { path: 'timetable.csv', content: await toExcelCsv(TIMETABLE_HEADER, out.duties.map(dutyCells)) },
    { path: 'timetable.json', content: planJson(out) },
  ];
}
