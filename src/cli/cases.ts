// rota cases: the case ledger (接访台帐). import reads an Excel ledger into the database, advance records
// one step of one matter, check lists what is due soon or overdue (exit 1 on an overdue matter, for CI),
// export writes it back for Excel, purge deletes closed matters past the retention period. No line
// printed names a resident.
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import type { CaseStore } from '../io/cases-schema.js';
import { type AdvanceOptions, STEP_NAMES, stepEvent } from './cases-advance.js';
import { Exit, reportProblems } from './exit.js';
import { withStore } from './ledger-store.js';
import { reportWritten, writeOut } from './output.js';
import { addTimetableOptions, readDuties, type TimetableOptions } from './timetable-input.js';

/** The ledger: --db, else $ROTA_CASES_DB (a city's postgres:// URL stays out of the process list), else ./接访台帐.sqlite. */
export const DEFAULT_DB = '接访台帐.sqlite';

interface DbOptions {
  db?: string;
}

const addDb = (cmd: Command) =>
  cmd.option(
    '--db <file|url>',
    `台帐数据库：SQLite 文件或 postgres:// 地址；默认 $ROTA_CASES_DB，否则 ${DEFAULT_DB} the ledger: an SQLite file or a postgres:// URL`,
  );

/** Runs `fn` on the ledger --db names. */
const withLedger = <T>(opts: DbOptions, fn: (store: CaseStore) => Promise<T>) =>
  withStore(opts.db ?? (process.env.ROTA_CASES_DB || DEFAULT_DB), fn);

async function today(text: string | undefined): Promise<string> {
  const [{ parseDate }, { todayInChina }, { say }] = await Promise.all([
    import('../core/dates.js'),
    import('./today.js'),
    import('../core/messages.js'),
  ]);
  if (text === undefined) return todayInChina();
  const d = parseDate(text);
  if (!d) throw new Exit(2, say('option.date', { option: '--today', got: text }));
  return d;
}

export function registerCases(cmd: Command): void {
  cmd.description('接访台帐：导入、办理、检查、导出、按保存期限删除 the case ledger: import, advance, check, export, retention');

  addDb(cmd.command('import').argument('<file>', '台帐 CSV（Excel 另存为）the ledger as CSV from Excel')).action(
    async (file: string, opts: DbOptions) => {
      const { readBytes } = await import('../io/read-file.js');
      const { readLedger } = await import('../io/cases-csv.js');
      const { importMatters } = await import('../app/cases.js');
      const { bytes, problem } = readBytes(file);
      if (!bytes) return reportProblems(problem ? [problem] : []);
      const read = readLedger(bytes, file);
      reportProblems(read.problems);
      const r = await withLedger(opts, (store) => importMatters(store, file, read.matters));
      reportProblems(r.problems);
      writeOut(
        `已导入 ${read.matters.length} 件：新增 ${r.added}，更新 ${r.updated}，未变 ${r.unchanged}。` +
          ` imported ${read.matters.length} matters: ${r.added} new, ${r.updated} updated, ${r.unchanged} unchanged\n`,
      );
    },
  );

  addDb(
    cmd
      .command('check')
      .option('--today <date>', '按哪一天计算期限 the day to count from; default: today in Beijing time')
      .option('--soon <days>', '几天内到期算“即将到期” due within this many days is due soon', '7'),
  ).action(async (opts: DbOptions & { today?: string; soon: string }) => {
    const { ledgerStatus } = await import('../core/cases/status.js');
    const { say } = await import('../core/messages.js');
    const day = await today(opts.today);
    const soon = Number(opts.soon);
    if (!Number.isInteger(soon) || soon < 0) throw new Exit(2, say('number.invalid', { text: opts.soon }));
    const s = ledgerStatus(await withLedger(opts, (store) => store.read()), day, soon);
    const counts = Object.entries(s.byState)
      .map(([k, n]) => `${k} ${n}`)
      .join('，');
    writeOut(`${day}：台帐共 ${s.total} 件（${counts}） ${s.total} matters in the ledger\n`);
    for (const m of s.dueSoon) {
      writeOut(
        `即将到期 due soon: 事项 ${m.id}（包案领导 ${m.leader}，责任单位 ${m.unit || '未交办'}）办理期限至 ${m.due}，还有 ${m.daysLeft} 天\n`,
      );
    }
    for (const m of s.overdue) {
      writeOut(
        `超期 overdue: ${say('case.overdue', { id: m.id, leader: m.leader, unit: m.unit, due: m.due ?? '', days: -(m.daysLeft ?? 0) })}\n`,
      );
    }
    if (s.overdue.length) throw new Exit(1, `有 ${s.overdue.length} 件超期未办结。${s.overdue.length} overdue.`);
    writeOut('没有超期事项 nothing overdue\n');
  });

  addDb(
    cmd
      .command('advance')
      .description('办理一件事项的下一步：交办、受理、延期、办结、回访 record the next step of one matter')
      .argument('<编号>', "事项编号（台帐第一列）the matter's number")
      .addOption(
        cmd
          .createOption('--to <步骤>', '办理步骤：交办 assign、受理 accept、延期 extend、办结 conclude、回访 follow-up')
          .choices(Object.keys(STEP_NAMES))
          .makeOptionMandatory(),
      )
      .option('--date <日期>', '受理、办结、回访的日期；默认今天（北京时间）the date of 受理/办结/回访; default today in Beijing')
      .option('--by <单位或人>', '交办：责任单位（必填）；延期：批准的领导或机关（必填）交办: the unit; 延期: who approved it')
      .option('--days <天数>', '延期天数（必填），合计不超过 30 天 延期: days, at most 30 in all')
      .option('--note <文字>', '交办：批示；办结：办理结果（必填）；回访：回访情况 交办: instruction; 办结: result; 回访: follow-up'),
  ).action(async (id: string, opts: DbOptions & AdvanceOptions & { to: string }) => {
    const { advanceCase } = await import('../app/advance.js');
    const { dueDate } = await import('../core/cases/deadline.js');
    const { todayInChina } = await import('./today.js');
    const step = STEP_NAMES[opts.to];
    const { event, problems } = stepEvent(step, { date: opts.date, by: opts.by, days: opts.days, note: opts.note }, todayInChina());
    reportProblems(problems);
    const r = await withLedger(opts, (store) => advanceCase(store, id, event!));
    reportProblems(r.problems);
    const m = r.matter!;
    // An open matter's time limit, with the days of extension in it.
    const open = m.state === '办理中';
    const extended = open && m.extensionDays ? `，已延期 ${m.extensionDays} 天` : '';
    const due = open ? `，办理期限至 ${dueDate(m)}` : '';
    writeOut(
      `已记录：事项 ${id} ${step}，现在是“${m.state}”${extended}${due}。` +
        ` recorded: matter ${id} ${step}, now ${m.state}${open ? `, due by ${dueDate(m)}` : ''}\n`,
    );
  });

  addDb(
    cmd
      .command('export')
      .requiredOption('-o, --out <file>', '导出的 CSV 文件 the CSV file to write')
      .option('--unmasked', '身份证号不打码（仅供内部核对）write ID numbers in full (for internal checks only)')
      .addOption(
        cmd.createOption('--encoding <enc>', '编码 encoding: utf-8 (with BOM) | gb18030').choices(['utf-8', 'gb18030']).default('utf-8'),
      ),
  ).action(async (opts: DbOptions & { out: string; unmasked?: boolean; encoding: 'utf-8' | 'gb18030' }) => {
    const { ledgerCsv } = await import('../io/cases-csv.js');
    const { writeAllOrNone } = await import('../io/atomic-write.js');
    const matters = await withLedger(opts, (store) => store.read());
    const content = await ledgerCsv(matters, { unmasked: Boolean(opts.unmasked), encoding: opts.encoding });
    writeAllOrNone(dirname(opts.out), [{ path: basename(opts.out), content }]);
    writeOut(`已导出 ${matters.length} 件到 ${opts.out}${opts.unmasked ? '（身份证号未打码）' : ''} wrote ${matters.length} matters\n`);
  });

  addDb(
    cmd
      .command('purge')
      .requiredOption('--keep-years <n>', '办结事项保存几年 years closed matters are kept')
      .option('--today <date>', '按哪一天计算 the day to count from; default: today in Beijing time'),
  ).action(async (opts: DbOptions & { keepYears: string; today?: string }) => {
    const { purgeClosed, retentionCutoff } = await import('../app/cases.js');
    const { say } = await import('../core/messages.js');
    const years = Number(opts.keepYears);
    if (!Number.isInteger(years) || years < 0) throw new Exit(2, say('number.invalid', { text: opts.keepYears }));
    const day = await today(opts.today);
    const gone = await withLedger(opts, (store) => purgeClosed(store, day, years));
    writeOut(`已删除 ${retentionCutoff(day, years)} 以前办结的 ${gone.length} 件 deleted ${gone.length} matters closed before then\n`);
  });

  addTimetableOptions(
    cmd
      .command('forms')
      .description('领导干部接访表：每个接访日一页（网页打印和 Word）the reception form of each duty, HTML for printing and .docx')
      .argument('<timetable>', '接访时间表 timetable CSV')
      .requiredOption('-o, --out <dir>', '输出文件夹 output folder')
      .option('--from <date>', '起始日期 first day')
      .option('--to <date>', '结束日期 last day'),
  ).action(async (file: string, opts: TimetableOptions & { out: string }) => {
    const { formFiles } = await import('../app/cases.js');
    const { writeAllOrNone } = await import('../io/atomic-write.js');
    const { duties, config } = await readDuties(file, opts);
    const files = await formFiles(duties, config.hours, { from: opts.from, to: opts.to });
    reportWritten(writeAllOrNone(opts.out, files));
  });

  addTimetableOptions(
    cmd
      .command('bookings')
      .description('提前约访：按分管工作分到接访日，写出联络员的约访名单 route bookings to duties and write the liaison lists')
      .argument('<bookings>', '约访登记 CSV（来访人, 联系方式, 主要问题, 希望日期）bookings')
      .argument('<timetable>', '接访时间表 timetable CSV')
      .requiredOption('-o, --out <dir>', '输出文件夹（不能是发布文件夹：名单含个人信息）output folder, not a published one')
      .option('--today <date>', '今天 today; default: today in Beijing time'),
  ).action(async (bookingsFile: string, file: string, opts: TimetableOptions & { out: string; today?: string }) => {
    const { liaisonFiles, publishedFolderAround } = await import('../app/cases.js');
    const { readBytes } = await import('../io/read-file.js');
    const { readTable } = await import('../io/table.js');
    const { BOOKING_COLUMNS, bookingFromRow } = await import('../core/cases/bookings.js');
    const { problem, say } = await import('../core/messages.js');
    const { writeAllOrNone } = await import('../io/atomic-write.js');
    const folder = publishedFolderAround(`${opts.out}/约访名单.csv`);
    if (folder) reportProblems([problem('case.database-published', { folder }, { file: opts.out })]);
    const day = await today(opts.today);
    const { duties } = await readDuties(file, opts);
    const { bytes, problem: unreadable } = readBytes(bookingsFile);
    if (!bytes) return reportProblems(unreadable ? [unreadable] : []);
    const table = readTable(bytes, bookingsFile, BOOKING_COLUMNS);
    const read = table.rows.map((r) => bookingFromRow(bookingsFile, r));
    reportProblems([...table.problems, ...read.flatMap((r) => r.problems)]);
    const bookings = read.flatMap((r) => (r.booking ? [r.booking] : []));
    const { files, days, unrouted } = await liaisonFiles(duties, bookings, day);
    const { bookingAfter } = await import('../core/cases/routing.js');
    for (const b of unrouted) writeOut(`${bookingsFile}:${b.line}: ${say('booking.none-left', { after: bookingAfter(day, b.wished) })}\n`);
    reportWritten(writeAllOrNone(opts.out, files));
    writeOut(
      `${bookings.length - unrouted.length} 件约访分到 ${days.length} 个接访日 ${bookings.length - unrouted.length} bookings on ${days.length} duties\n`,
    );
  });
}
