// rota swap: exchange two days' leaders, or put another leader on a day, if every rule allows it;
// otherwise say which rule it breaks and list the valid alternatives for that day, best first.
import type { Command } from 'commander';
import { addCommonOptions, addOutputOptions, collect } from './context.js';
import { Exit, reportProblems } from './exit.js';
import { reportWritten, writeOut } from './output.js';
import { loadRound, parseDutyRef, type RoundOptions, readRoundTimetable } from './round-input.js';
import { paint } from './style.js';
import { todayOption } from './today.js';

interface SwapOptions extends RoundOptions {
  with?: string;
  fixFromLeaders?: boolean;
  out?: string;
  json?: boolean;
  /** Default: the input's (GB18030 stays GB18030, else UTF-8 with BOM). */
  encoding?: 'utf-8' | 'gb18030';
  icsPerLeader?: boolean;
  today?: string;
}

export function registerSwap(cmd: Command): void {
  addCommonOptions(
    addOutputOptions(
      cmd
        .argument('<timetable>', '接访时间表 timetable CSV')
        .argument('<date>', '要调整的日期 the day to change: YYYY-MM-DD (or YYYY-MM-DD=姓名 when the day has several leaders)')
        .argument('[other]', '与之对调的日期 the day to swap with')
        .option(
          '--fix-from-leaders',
          '职务、分管工作与领导名单不符时按名单改正（逐格警告）take 职务 and 分管工作 from the leader list, a warning per cell',
        )
        .option('--with <name>', '改由此人接访 the substitute: 姓名 or 单位:姓名')
        .option('--leaders <file>', "领导名单 leader list CSV (repeatable); default: the configuration's", collect)
        .option('--history <file>', '已有接访记录 duty records so far (repeatable), for the quota warnings', collect)
        .option(
          '--out <dir>',
          '输出目录: write all timetable files, timetable.json and the change notice there; without it a published folder holding the CSV is re-published whole, any other CSV is rewritten in place',
        )
        .option('--today <date>', '今天的日期：此前的安排是接访记录，不能调整 days before it never change; default: today in Beijing time')
        .option('--json', '以 JSON 输出（供其他程序读取） JSON on stdout'),
      undefined,
    ),
  ).action(async (file: string, dateA: string, dateB: string | undefined, opts: SwapOptions) => {
    if (Boolean(dateB) === Boolean(opts.with))
      throw new Exit(2, '请给出对调的另一天，或用 --with 指定替换的领导（二者选一）give either a second date or --with NAME');
    const a = parseDutyRef(dateA, 'date');
    const today = todayOption(opts.today);
    const round = await loadRound(opts);
    reportProblems(round.warnings);
    let request: import('../core/replan/swap.js').SwapRequest;
    if (dateB) {
      request = { kind: 'swap', a, b: parseDutyRef(dateB, 'other') };
    } else {
      const m = /^(?:([^:：]+)[:：])?(.+)$/.exec(opts.with!.trim())!;
      const { resolveInstitution } = await import('../core/institutions.js');
      const institution = m[1] ? resolveInstitution(m[1], round.config.institutions) : undefined;
      if (m[1] && !institution) {
        const { say } = await import('../core/messages.js');
        throw new Exit(2, `--with: ${say('institution.unknown', { text: m[1], known: round.config.institutions.map((i) => i.name) })}`);
      }
      request = { kind: 'substitute', a, name: m[2], ...(institution ? { institution } : {}) };
    }
    const [{ swapFile }, { changeLine }] = await Promise.all([import('../app/swap-file.js'), import('../core/replan/diff.js')]);
    const read = () => readRoundTimetable(file, round, undefined, opts.fixFromLeaders);
    const options = { out: opts.out, today, encoding: opts.encoding, icsPerLeader: opts.icsPerLeader };
    const { result: r, written, problems } = await swapFile(file, round, read, request, options);
    reportProblems(problems);
    if (r.status === 'invalid') throw new Exit(2, r.message);
    const c = paint();
    const lines = r.changes.map(changeLine);
    if (opts.json) {
      writeOut(
        `${JSON.stringify(
          {
            status: r.status,
            changes: r.changes.map((x) => ({ date: x.date, kind: x.kind, type: x.type, line: changeLine(x) })),
            violations: r.violations,
            quotaWarnings: r.quotaWarnings,
            alternatives: r.alternatives.map((x) => ({
              kind: x.kind,
              date: x.date,
              ...(x.withDate ? { withDate: x.withDate } : {}),
              leader: x.leader,
              lines: x.changes.map(changeLine),
              objective: x.objective,
            })),
          },
          null,
          2,
        )}\n`,
      );
    }
    if (r.status === 'broken') {
      if (!opts.json) {
        const out = [
          c.red(`不能这样调整 this change breaks ${r.violations.length === 1 ? 'a rule' : `${r.violations.length} rules`}:`),
          ...lines.map((l) => `  ${l}`),
        ];
        for (const sentence of [...new Set(r.violations.map((v) => v.sentence))]) {
          out.push(`  违反「${sentence}」`, ...r.violations.filter((v) => v.sentence === sentence).map((v) => `    ${v.message}`));
        }
        out.push(
          r.alternatives.length
            ? `${a.date} 可行的调整（按规划目标从优到次）valid alternatives for ${a.date}, best first:`
            : `${a.date} 没有可行的调整 no valid alternative for ${a.date}`,
        );
        out.push(
          ...r.alternatives.map(
            (x, i) =>
              `  ${i + 1}. ${x.kind === 'swap' ? `与 ${x.withDate} 对调` : `改由 ${x.leader.name}（${x.leader.title}）${x.changes[0]?.kind ?? '接访'}`}：${x.changes.map(changeLine).join('；')}`,
          ),
        );
        writeOut(`${out.join('\n')}\n`);
      }
      throw new Exit(1, '未改动任何文件 nothing was written.');
    }
    // The leader already on the day, or two days of the same leader swapped: nothing changes, nothing is written.
    if (r.changes.length === 0) {
      if (!opts.json) writeOut('没有变化，未改动任何文件 nothing changes; nothing was written.\n');
      return;
    }
    reportWritten(written);
    if (!opts.json) {
      const out = [`${c.green('已调整 applied')}:`, ...lines.map((l) => `  ${l}`)];
      for (const s of r.quotaWarnings)
        out.push(c.yellow(`  提醒 note: ${s.name}（${s.institution}）${s.period} 将只有 ${s.count} 次，应不少于 ${s.min} 次 [${s.rule}]`));
      writeOut(`${out.join('\n')}\n`);
    }
  });
}
