import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { addCheckOptions, type CheckOptions, prepareCheck } from './check-setup.js';
import { Exit, reportProblems } from './exit.js';
import { withStore } from './ledger-store.js';
import { reportWritten, writeOut } from './output.js';

export function registerReport(cmd: Command): void {
  addCheckOptions(
    cmd
      .argument('[records...]', "记录 CSV files; default: the configuration's history")
      .requiredOption('--year <yyyy>', '年度 the year, e.g. 2024')
      .option('--out <dir>', '输出目录 output folder', '.')
      .option(
        '--cases <db>',
        '接访台帐（SQLite 文件或 postgres:// 地址）：加上每名领导接待群众、包案、按期办结、超期件数 the case ledger: add matters per leader',
      ),
  ).action(async (records: string[], opts: CheckOptions & { year: string; out: string; cases?: string }) => {
    if (!/^\d{4}$/.test(opts.year)) throw new Exit(2, say('option.year', { option: '--year', got: opts.year }));
    const year = +opts.year;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const setup = await prepareCheck(opts, {});
    const files = records.length ? records : setup.config.history;
    if (files.length === 0) throw new Exit(2, say('input.none', { what: '接访记录' }));
    const { checkRecords } = await import('../app/check.js');
    const { caseRows, CASES_HEADER, dutyRows, summaryRows, reportHtml, summaryHeader, DUTY_HEADER } = await import('../io/report.js');
    const { toExcelCsv } = await import('../io/csv-write.js');
    const { writeAllOrNone } = await import('../io/atomic-write.js');
    const { tally, problems, judgement } = await checkRecords(setup, files, { from, to, keepRecords: true, lenient: opts.lenient });
    reportProblems(problems);
    if (!judgement) throw new Error('report: records without errors were not judged');
    const cases = opts.cases === undefined ? undefined : await yearCases(opts.cases, year);
    const input = {
      ...(cases ? { cases } : {}),
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
      ...(cases ? [{ path: `report-${year}-cases.csv`, content: await toExcelCsv(CASES_HEADER, caseRows(input)) }] : []),
    ]);
    reportWritten(written);
    const s = judgement.summary;
    writeOut(
      `${year}年：${s.leaders} 名领导，${s.records} 次接访、下访；评判 ${s.judged} 个周期，不合规 ${s.violations}，免于考核 ${s.exempt}。` +
        ` ${s.leaders} leaders, ${s.records} duties; ${s.judged} periods judged, ${s.violations} violations, ${s.exempt} exempt.\n`,
    );
  });
}

/** The ledger's tallies of the year, overdue counted to the year's end or today, whichever is first. */
async function yearCases(db: string, year: number) {
  const [{ caseTallies }, { todayInChina }] = await Promise.all([import('../core/cases/tally.js'), import('./today.js')]);
  const end = `${year}-12-31`;
  const today = todayInChina();
  return withStore(db, async (store) => caseTallies(await store.read(), year, today < end ? today : end));
}
