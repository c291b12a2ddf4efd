// Step 5's files, made in the page's kept Web Worker (src/web/jobs.ts): the files the CLI writes, byte
// for byte, by the same publication step (publish). After a plan those of `rota plan --out`, after
// edits or a re-plan those of a re-publication (raised SEQUENCE, cancelled events, the dated change
// notice), always against the published baseline and with the 今天 of the saved state (no day before
// it may change). Every export is judged by the rules first, as `rota render` judges a file. A
// township year's publication takes about a second: on the page's thread it froze the page.
import { type Publication, planInputPaths, publish, ruleBreaks } from '../app/publish.js';
import type { Round } from '../app/round.js';
import type { Config } from '../core/config.js';
import { formatProblem } from '../core/problems.js';
import type { OutFile } from '../io/atomic-write.js';
import { officeFieldProblems } from '../io/config-parse.js';
import { digestInputs } from '../io/input-digest.js';
import { publishedStateFrom } from '../io/sequences.js';
import { pickedReader } from './session.js';
import type { AppState, StoredFile } from './state.js';
import { forPage } from './words.js';

/** What an export is made from: the saved state's parts, the round's configuration and the 今天 of the page. */
export interface ExportInput {
  config: Config;
  files: StoredFile[];
  configFile?: string;
  /** The office-only fields still the seed's: no export until the page is given them. */
  officeMissing: string[];
  state: Pick<AppState, 'step' | 'current' | 'baseline' | 'plan' | 'replan'>;
  today: string;
}

/** A file of the export as bytes (UTF-8 for text), so its buffer can be handed to the page rather than copied. */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

/** The files of the export, or the sentence saying why there are none. */
export async function exportFiles(input: ExportInput, round: Round): Promise<ExportFile[] | string> {
  const made = await filesOf(input, round);
  if (typeof made === 'string') return made;
  const utf8 = new TextEncoder();
  return made.map((f) => ({ path: f.path, bytes: typeof f.content === 'string' ? utf8.encode(f.content) : f.content }));
}

async function filesOf(input: ExportInput, round: Round): Promise<OutFile[] | string> {
  const { state, today, configFile } = input;
  if (!state.current || !state.baseline) return [];
  const office = officeFieldProblems(input.officeMissing, configFile).map(forPage);
  if (office.length) return office.map(formatProblem).join('；');
  const breaks = ruleBreaks(round, state.current);
  if (breaks.length) return `违反规则，不能导出 the timetable breaks a rule：${breaks.map((v) => v.message).join('；')}`;
  const read = pickedReader(input.files);
  const bytesOf = (path: string) => ({ path, bytes: read(path).bytes ?? new Uint8Array() });
  const common = { config: round.config, calendar: round.calendar, today, icsPerLeader: true };
  if (state.step === 'plan' && state.plan) {
    const plan = { report: state.plan.report, inputs: digestInputs(planInputPaths(round, configFile).map(bytesOf)) };
    return (await publish({ ...common, command: 'plan', duties: state.current, plan })).files;
  }
  const b = state.baseline;
  const json = b.json ? { text: b.json, file: b.name } : undefined;
  const previous = publishedStateFrom(json, b.duties, round.config).state;
  // The log names the command the clerk would have run: 重新安排 is rota replan, 换人 / 锁定 are rota swap.
  if (state.step === 'replan' && state.replan) {
    const c = round.config;
    const named = [...(configFile ? [configFile] : []), ...c.leaders, ...c.history, ...(c.holidays ? [c.holidays] : [])];
    const inputs = digestInputs([{ path: b.name, bytes: b.bytes }, ...named.map(bytesOf)]);
    const extra = { today: state.replan.today, report: state.replan.report, inputs };
    return outcome(await publish({ ...common, command: 'replan', duties: state.current, previous, extra }));
  }
  return outcome(await publish({ ...common, command: 'swap', duties: state.current, previous }));
}

/** The files, or why a publication was refused (a day before 今天 changed). */
function outcome(p: Publication): OutFile[] | string {
  if (p.problems.length) return p.problems.map((x) => forPage(x).message).join('；');
  return p.files;
}
