// Step 5: the files the CLI writes, byte for byte: after a plan those of `rota plan --out`, after
// edits those of `rota swap`/`rota render` (raised SEQUENCE, cancelled events, the change notice),
// after a re-plan those of `rota replan --out`. The CSV is UTF-8 with BOM (GB18030 needs the CLI).
import { planInputPaths, planOutput } from '../app/plan-output.js';
import { replanRepublication } from '../app/replan.js';
import { diffTimetables } from '../core/replan/diff.js';
import type { OutFile } from '../io/atomic-write.js';
import { digestInputs } from '../io/input-digest.js';
import { planFiles } from '../io/plan-files.js';
import { republishFiles } from '../io/republish.js';
import type { Ctx } from './context.js';
import { h, section } from './dom.js';
import { pickedReader } from './session.js';

async function filesOf(ctx: Ctx): Promise<OutFile[]> {
  const { state, round } = ctx;
  if (!round || !state.current || !state.baseline) return [];
  const options = { icsPerLeader: true };
  const read = pickedReader(state.files);
  const digest = (paths: string[]) => digestInputs(paths.map((path) => ({ path, bytes: read(path).bytes ?? new Uint8Array() })));
  const previous = { duties: state.baseline.duties, sequences: state.baseline.sequences, file: state.baseline.name };
  if (state.step === 'plan' && state.plan) {
    return planFiles(planOutput(round, state.plan, digest(planInputPaths(round, ctx.configFile))), round.calendar, options);
  }
  if (state.step === 'replan' && state.replan) {
    const c = round.config;
    const inputs = digestInputs([
      { path: state.baseline.name, bytes: state.baseline.bytes },
      ...[...(ctx.configFile ? [ctx.configFile] : []), ...c.leaders, ...c.history, ...(c.holidays ? [c.holidays] : [])].map((path) => ({
        path,
        bytes: read(path).bytes ?? new Uint8Array(),
      })),
    ]);
    return republishFiles(replanRepublication(round, state.replan, previous, inputs), options);
  }
  const changes = diffTimetables(state.baseline.duties, state.current);
  return republishFiles({ duties: state.current, changes, config: round.config, calendar: round.calendar, previous }, options);
}

function download(f: OutFile): void {
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
  const files = (await filesOf(ctx)).filter((f) => pick(f.path));
  // One at a time, a moment apart: Chromium drops some of many downloads started in the same instant.
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300));
    download(f);
  }
  ctx.show((ui) => {
    ui.message = { text: `已导出 exported ${what}：${files.map((f) => f.path).join('、')}`, alert: false };
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
  );
}
