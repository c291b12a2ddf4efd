// The case ledger's commands, shared by the CLI and the library: import a ledger from Excel, check what is
// due or overdue, export it back, delete closed matters past the retention period, and the year's tally.
import { dirname, resolve } from 'node:path';
import type { LiaisonDay } from '../core/cases/forms.js';
import { MASKED_ID_NUMBER, maskIdNumber } from '../core/cases/ledger.js';
import { canMove } from '../core/cases/states.js';
import type { Booking, Matter } from '../core/cases/types.js';
import { addDays } from '../core/dates.js';
import { problem } from '../core/messages.js';
import type { Duty, IsoDate, Problem } from '../core/types.js';
import type { OutFile } from '../io/atomic-write.js';
import type { CaseStore } from '../io/cases-schema.js';
import { isPublished } from '../io/publish-folder.js';

/** The ledger named by --db: a postgres:// URL, else an SQLite file, which may not lie in a published folder. */
export async function openStore(db: string): Promise<CaseStore> {
  if (/^postgres(ql)?:\/\//.test(db)) return (await import('../io/cases-postgres.js')).postgresStore(db);
  const { LedgerError } = await import('../io/cases-schema.js');
  const folder = publishedFolderAround(db);
  if (folder) throw new LedgerError([problem('case.database-published', { folder }, { file: db })]);
  const { sqliteStore } = await import('../io/cases-sqlite.js');
  return sqliteStore(db);
}

/** The published folder (one rota published into) that holds `file`, if any. */
export function publishedFolderAround(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (isPublished(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
}

/**
 * Puts the file's matters into the ledger in one transaction: new ones added, known ones (same 编号)
 * updated; a matter whose state would move back is an error, and with any error nothing is written.
 */
export async function importMatters(store: CaseStore, file: string, matters: readonly Matter[]): Promise<ImportResult> {
  return store.write(async (tx) => {
    const stored = new Map((await tx.all()).map((m) => [m.id, m]));
    const problems: Problem[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: Matter[] = [];
    for (const read of matters) {
      const old = stored.get(read.id);
      // An exported ledger, edited and imported again, has its ID numbers masked: the stored one stays.
      const m =
        old && MASKED_ID_NUMBER.test(read.idNumber) && maskIdNumber(old.idNumber) === read.idNumber
          ? { ...read, idNumber: old.idNumber }
          : read;
      if (!old) added++;
      else if (!canMove(old.state, m.state)) {
        problems.push(problem('case.moves-back', { id: m.id, stored: old.state, given: m.state }, { file, field: '状态' }));
        continue;
      } else if (JSON.stringify(old) === JSON.stringify(m)) {
        unchanged++;
        continue;
      } else updated++;
      changed.push(m);
    }
    if (problems.length) return { added: 0, updated: 0, unchanged: 0, problems };
    await tx.upsert(changed);
    return { added, updated, unchanged, problems };
  });
}

/** The day `years` years before `today`: a matter closed before it has been kept that long. */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  const y = +today.slice(0, 4) - years;
  // 29 February in a year without one: the day before 1 March.
  const day = `${String(y).padStart(4, '0')}${today.slice(4)}`;
  return today.slice(5) === '02-29' ? addDays(`${y}-03-01`, -1) : day;
}

/** Deletes the closed matters (办结, 回访) concluded before the cutoff; returns their 编号. */
export async function purgeClosed(store: CaseStore, today: IsoDate, years: number): Promise<string[]> {
  const cutoff = retentionCutoff(today, years);
  return store.write(async (tx) => {
    const gone = (await tx.all())
      .filter((m) => (m.state === '办结' || m.state === '回访') && m.closedOn && m.closedOn < cutoff)
      .map((m) => m.id);
    await tx.remove(gone);
    return gone;
  });
}

/** The 领导干部接访表 of each 接访 duty from `from` to `to`: a printable page and a Word document. */
export async function formFiles(
  duties: readonly Duty[],
  hours: { start: string; end: string } | undefined,
  range: { from?: IsoDate; to?: IsoDate } = {},
): Promise<OutFile[]> {
  const { formsOfDays } = await import('../core/cases/forms.js');
  const { formsHtml } = await import('../io/cases-html.js');
  const { formsDocx } = await import('../io/cases-docx.js');
  const { forms, last = '2000-01-01' } = formsOfDays(duties, hours, range);
  return [
    { path: '领导干部接访表.html', content: formsHtml(forms) },
    { path: '领导干部接访表.docx', content: await formsDocx(forms, last) },
  ];
}

/** The liaison's lists of the bookings routed after `today`: one CSV and one printable page, by leader and day. */
export async function liaisonFiles(
  duties: readonly Duty[],
  bookings: readonly Booking[],
  today: IsoDate,
): Promise<{ files: OutFile[]; days: LiaisonDay[]; unrouted: Booking[] }> {
  const { liaisonDays } = await import('../core/cases/forms.js');
  const { LIAISON_HEADER, liaisonHtml, liaisonRows } = await import('../io/cases-html.js');
  const { toExcelCsv } = await import('../io/csv-write.js');
  const { days, unrouted } = liaisonDays(duties, bookings, today);
  const files = [
    { path: '约访名单.csv', content: await toExcelCsv(LIAISON_HEADER, liaisonRows(days)) },
    { path: '约访名单.html', content: liaisonHtml(days) },
  ];
  return { files, days, unrouted };
}
