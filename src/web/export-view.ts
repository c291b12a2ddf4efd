// Step 5: the files the CLI writes, byte for byte, made by the same publication step (publish): after
// a plan those of `rota plan --out`, after edits or a re-plan those of a re-publication (raised
// SEQUENCE, cancelled events, the dated change notice), always against the published baseline and
// with the 今天 of the saved state (no day before it may change). Every export is judged by the
// rules first, as `rota render` judges a file. The CSV is UTF-8 with BOM (GB18030 needs the CLI).
import { type Publication, planInputPaths, publish, ruleBreaks } from '../app/publish.js';
import { formatProblem } from '../core/problems.js';
import type { OutFile } from '../io/atomic-write.js';
import { officeFieldProblems } from '../io/config-parse.js';
import { digestInputs } from '../io/input-digest.js';
import { publishedStateFrom } from '../io/sequences.js';
import type { Ctx } from './context.js';
import { h, messageView, section } from './dom.js';
import { officeView } from './office-view.js';
import { pickedReader } from './session.js';
import { todayOf } from './state.js';
import { forPage } from './words.js';

/** The files of the export, or the sentence saying why there are none. */
async function filesOf(ctx: Ctx): Promise<OutFile[] | string> {
  const { state, round } = ctx;
  if (!round || !state.current || !state.baseline) return [];
  const office = officeFieldProblems(ctx.officeMissing, ctx.configFile).map(forPage);
  if (office.length) return office.map(formatProblem).join('；');
  const breaks = ruleBreaks(round, state.current);
  if (breaks.length) return `违反规则，不能导出 the timetable breaks a rule：${breaks.map((v) => v.message).join('；')}`;
  const read = pickedReader(state.files);
  const digest = (paths: string[]) => digestInputs(paths.map((path) => ({ path, bytes: read(path).bytes ?? new Uint8Array() })));
  const today = todayOf(state);
  const common = { config: round.config, calendar: round.calendar, today, icsPerLeader: true };
  if (state.step === 'plan' && state.plan) {
    const plan = { report: state.plan.report, inputs: digest(planInputPaths(round, ctx.configFile)) };
    return (await publish({ ...common, command: 'plan', duties: state.current, plan })).files;
  }
  const b = state.baseline;
  const json = b.json ? { text: b.json, file: b.name } : undefined;
  const previous = publishedStateFrom(json, b.duties, round.config).state;
  // The log names the command the clerk would have run: 重新安排 is rota replan, 换人 / 锁定 are rota swap.
  if (state.step === 'replan' && state.replan) {
    const c = round.config;
    const inputs = digestInputs([
      { path: b.name, bytes: b.bytes },
      ...[...(ctx.configFile ? [ctx.configFile] : []), ...c.leaders, ...c.history, ...(c.holidays ? [c.holidays] : [])].map((path) => ({
        path,
        bytes: read(path).bytes ?? new Uint8Array(),
      })),
    ]);
    const extra = { today: state.replan.today, report: state.replan.report, inputs };
    return outcome(await publish({ ...common, command: 'replan', duties: state.current, previous, extra }));
  }
  return outcome(await publish({ ...common, command: 'swap', duties: state.current, previous }));
}

/** The files, or why a publication was refused (a day before 今天 changed). */
function outcome(p: Publication): OutFile[] | string {
  if (p.problems.length) return p.problems.map((x) => x.message).join('；');
  return p.files;
}

export function download(f: OutFile): void {
  const type = f.path.endsWith('.html')
    ? 'text/html'
    : f.path.endsWith('.ics')
      ? 'text/calendar'
      : f.path.endsWith('.json')
        ? 'application/json'
        : 'text/plain';
  const url = URL.createObjectURL(new Blob([f.content as BlobPart], { type }));
  const a = h('a', { href: url, download: f.path.split('/').pop() ?? f.path, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Late: a busy PC may start the download seconds after the click, and a revoked URL fails it.
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}

async function exportFiles(ctx: Ctx, pick: (path: string) => boolean, what: string): Promise<void> {
  const all = await filesOf(ctx);
  if (typeof all === 'string') {
    ctx.show((ui) => {
      ui.message = { text: `未导出 nothing exported：${all}`, alert: true, at: 'export' };
    });
    return;
  }
  const files = all.filter((f) => pick(f.path));
  // One at a time, a moment apart: Chromium drops some of many downloads started in the same instant.
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300));
    download(f);
  }
  ctx.show((ui) => {
    ui.message = { text: `已导出 exported ${what}：${files.map((f) => f.path).join('、')}`, alert: false, at: 'export' };
  });
}

export function exportView(ctx: Ctx): HTMLElement | undefined {
  if (!ctx.state.current?.length || !ctx.round) return undefined;
  const button = (id: string, text: string, pick: (p: string) => boolean) =>
    h('button', { type: 'button', id, onclick: () => void exportFiles(ctx, pick, text) }, text);
  const edited = ctx.state.step !== 'plan';
  return section(
    'export',
    '5 导出 Export',
    h(
      'p',
      {},
      '与命令行 rota 写出的文件逐字节相同；CSV 为带 BOM 的 UTF-8（Excel、WPS 可直接打开；GB18030 请用命令行）。The same bytes as the CLI writes; CSV in UTF-8 with BOM.',
    ),
    officeView(ctx),
    h(
      'p',
      { class: 'actions' },
      button('export-csv', '导出 CSV', (p) => p === 'timetable.csv'),
      button('export-html', '导出网页', (p) => p === 'timetable.html'),
      button('export-ics', '导出日历', (p) => p === 'timetable.ics'),
      button('export-leader-ics', '导出各人日历', (p) => p.startsWith('ics/')),
      button('export-json', '导出 JSON', (p) => p === 'timetable.json'),
      edited ? button('export-notice', '导出调整公告', (p) => p.startsWith('change-notice.')) : undefined,
    ),
    messageView(ctx.ui.message, 'export'),
  );
}
