import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { addCheckOptions, type CheckOptions, prepareCheck } from './check-setup.js';
import { Exit, reportProblems } from './exit.js';
import { writeOut } from './output.js';

export function registerReport(cmd: Command): void {
  addCheckOptions(
    cmd
      .argument('[records...]', "记录 CSV files; default: the configuration's history")
      .requiredOption('--year <yyyy>', '年度 the year, e.g. 2024')
      .option('--out <dir>', '输出目录 output folder', '.'),
  ).action(async (records: string[], opts: CheckOptions & { year: string; out: string }) => {
    if (!/^\d{4}$/.test(opts.year)) throw new Exit(2, say('option.year', { option: '--year', got: opts.year }));
    const year = +opts.year;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const setup = await prepareCheck(opts, {});
    const files = records.length ? records : setup.config.history;
    if (files.length === 0) throw new Exit(2, say('input.none', { what: '接访记录' }));
    const { checkRecords } = await import('../app/check.js');
    const { dutyRows, summaryRows, reportHtml, summaryHeader, DUTY_HEADER } = await import('../io/report.js');
    const { toExcelCsv } = await import('../io/csv-write.js');
    const { writeAllOrNone } = await import('../io/atomic-write.js');
    const { tally, problems, judgement } = await checkRecords(setup, files, { from, to, keepRecords: true, lenient: opts.lenient });
    reportProblems(problems);
    if (!judgement) throw new Error('report: records without errors were not judged');
    const input = {
      year,
      title: `${year}年领导干部接访、下访情况（年终考核印证资料）`,
      office: setup.config.office,
      leaders: setup.leaders,
      rules: setup.rules,
      judgement,
      records: setup.leaders.map((l) => tally.records(l)),
      sources: files,
    };
    const written = writeAllOrNone(opts.out, [
      { path: `report-${year}-duties.csv`, content: await toExcelCsv(DUTY_HEADER, dutyRows(input)) },
      { path: `report-${year}-summary.csv`, content: await toExcelCsv(summaryHeader(setup.rules), summaryRows(input)) },
      { path: `report-${year}.html`, content: reportHtml(input) },
    ]);
    for (const p of written) writeOut(`wrote ${p}\n`);
    const s = judgement.summary;
    writeOut(
      `${year}年：${s.leaders} 名领导，${s.records} 次接访、下访；评判 ${s.judged} 个周期，不合规 ${s.violations}，免于考核 ${s.exempt}。` +
        ` ${s.leaders} leaders, ${s.records} duties; ${s.judged} periods judged, ${s.violations} violations, ${s.exempt} exempt.\n`,
    );
  });
}
