// Re-open a published timetable (timetable.csv, and the timetable.json published beside it) to change
// it after publication: edits then give the change notice and raised SEQUENCE, as `rota render` does.
import { readRoundTimetable } from '../app/timetable.js';
import { formatProblem } from '../core/problems.js';
import type { Duty } from '../core/types.js';
import { publishedStateFrom } from '../io/sequences.js';
import type { Ctx } from './context.js';
import { filePicker, h, messageView, section } from './dom.js';
import { forPage } from './words.js';

const CSV_ALONE = (name: string) =>
  `只选择了 ${name}：请把与它一起公布的 timetable.json 也一起选上（按住 Ctrl 点选两个文件）。` +
  '其中的发布记录使调整后的日历编号接着提高；缺少它，手机日历会忽略调整，仍显示原来的领导。' +
  ` only ${name} was picked: pick the timetable.json published with it too; without its publication log phones would ignore the change`;

async function reopen(ctx: Ctx, list: FileList | null): Promise<void> {
  const round = ctx.round;
  if (!round || !list?.length) return;
  const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  const csv = files.find((f) => !f.name.toLowerCase().endsWith('.json'));
  // A CSV alone has no publication log: its edits would go out with the old SEQUENCE (phones would keep
  // the old duty) and the configuration's older date. Asked for, not guessed (a fresh `rota render` is a first publication).
  if (csv && !json) {
    ctx.show((ui) => {
      ui.message = { text: CSV_ALONE(csv.name), alert: true, at: 'reopen' };
      ui.focus = 'message';
    });
    return;
  }
  const jsonText = json ? { text: new TextDecoder().decode(json.bytes), file: json.name } : undefined;
  let duties: Duty[] = [];
  const problems = [];
  if (csv) {
    const read = readRoundTimetable(round, csv.name, csv.bytes);
    problems.push(...read.problems);
    duties = read.duties.map(({ source: _s, ...d }) => d);
  }
  const state = publishedStateFrom(jsonText, duties);
  problems.push(...state.problems);
  if (!csv) duties = state.state.duties;
  // Without a CSV the JSON is all there is: what it lacks is an error, told with file, line and field.
  const errors = problems.filter((p) => p.severity === 'error' || !csv).map(forPage);
  if (errors.length || !duties.length) {
    const none = `${files.map((f) => f.name).join('、')}：没有安排 no duties`;
    ctx.show((ui) => {
      ui.message = { text: `无法打开 cannot re-open：${errors.map(formatProblem).join('；') || none}`, alert: true, at: 'reopen' };
      ui.focus = 'message';
    });
    return;
  }
  const base = csv ?? json!;
  ctx.show((ui) => {
    ui.editing = undefined;
    ui.message = { text: `已打开 re-opened ${files.map((f) => f.name).join('、')}：${duties.length} 条安排`, alert: false, at: 'reopen' };
    ui.focus = 'message';
  });
  ctx.update((s) => {
    s.plan = undefined;
    s.replan = undefined;
    s.current = duties;
    s.history = undefined;
    s.baseline = { name: base.name, bytes: base.bytes, duties: state.state.duties, ...(jsonText ? { json: jsonText.text } : {}) };
    s.step = 'edit';
  });
}

export function reopenView(ctx: Ctx): HTMLElement | undefined {
  if (!ctx.round) return undefined;
  return section(
    'reopen',
    '重新打开已公布的时间表 Re-open a published timetable',
    h(
      'p',
      {},
      '同时选择已公布的 timetable.csv 和与它一起公布的 timetable.json（也可只选 timetable.json）；调整后导出的日历 SEQUENCE 会提高，并附调整公告。',
    ),
    filePicker(
      'file-published',
      '已公布的时间表',
      'published timetable.csv / timetable.json',
      '.csv,.json,.txt',
      (files) => void reopen(ctx, files),
      true,
    ),
    messageView(ctx.ui.message, 'reopen'),
  );
}
