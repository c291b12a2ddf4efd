// Everything a round publishes, as files in memory: the page, the Excel-safe CSV and the ICS
// calendars, and the 公告 as .docx. No file system here (the browser app builds the same files); publish-folder.ts writes them.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { sortDuties } from '../core/duty-order.js';
import { timetableColumns } from '../core/records.js';
import type { Duty } from '../core/types.js';
import { announcementText } from './announcement.js';
import type { OutFile } from './atomic-write.js';
import { type CsvEncoding, toExcelCsv } from './csv-write.js';
import { type PagePublication, renderHtml } from './html/page.js';
import { type IcsOptions, renderIcs } from './ics.js';

export { renderHtml } from './html/page.js';
export { renderIcs } from './ics.js';

export interface PublishOptions {
  /** Encoding of timetable.csv: utf-8 (with BOM, the default) or gb18030 for older systems. */
  encoding?: CsvEncoding;
  /** Also write ics/<姓名>.ics for each leader, for his or her liaison to subscribe. */
  icsPerLeader?: boolean;
  /** The domain-like part of each event UID (default rota.invalid). */
  uidDomain?: string;
  /** SEQUENCE of each event by slot key (see slotKey in ics.ts); 0 when absent. */
  sequences?: Record<string, number>;
  /** Slots published before and held by nobody now, written to timetable.ics as cancelled events. */
  cancelled?: IcsOptions['cancelled'];
  /** Each leader's slots taken from him (moved to another leader or gone), cancelled in his ics/<姓名>.ics. */
  leaderCancelled?: IcsOptions['cancelled'];
  /** A re-publication's marks on the page: the changed days and the change notices so far. */
  page?: PagePublication;
}

/**
 * timetable.csv: the header of the timetable format, rows sorted, formula-like cells neutralised.
 * 时段, 接访时间, 角色, 陪同单位 and 锁定 are added only when some duty has them (timetableColumns), so
 * the seed's timetable keeps its eight columns byte for byte.
 */
export function renderCsv(duties: readonly Duty[], config: Config, encoding: CsvEncoding = 'utf-8'): Promise<Uint8Array> {
  const columns = timetableColumns(duties, config);
  return toExcelCsv(
    columns.map((c) => c.header),
    sortDuties(duties, config).map((d) => columns.map((c) => c.cell(d))),
    encoding,
  );
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Most file systems (ext4, NTFS via UTF-16 aside, APFS) allow 255 bytes of UTF-8 per name. */
const NAME_BYTES = 255;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** The longest start of `s` within `bytes` bytes of UTF-8, cut between characters, never inside one. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    used += utf8Bytes(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * A file name that is safe on Windows, macOS and Linux: characters Windows forbids (< > : " / \ | ? *
 * and control characters) become _, a leading dot becomes _ (no hidden files), trailing dots and
 * spaces go, reserved device names get a _, and the name with `ext` fits in 255 bytes of UTF-8.
 */
export function safeFileName(name: string, ext = ''): string {
  let s = name
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/^\./, '_')
    .replace(/[. ]+$/, '');
  if (s === '') s = '_';
  if (WINDOWS_RESERVED.test(s.split('.')[0])) s = `_${s}`;
  return cutToBytes(s, NAME_BYTES - utf8Bytes(ext)).replace(/[. ]+$/, '') || '_';
}

/** One calendar file per leader: ics/<姓名>.ics, or ics/<姓名>-<单位>.ics for namesakes; names unique, ignoring case. */
export function perLeaderIcs(duties: readonly Duty[], config: Config, ics: IcsOptions = {}): OutFile[] {
  const groups = new Map<string, Duty[]>();
  // A leader whose duties were all cancelled still gets a file: the liaison's calendar must drop them.
  for (const d of [...duties, ...(ics.cancelled ?? []).map((c) => c.duty)]) {
    const key = `${d.name}\u0000${d.institution}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const nameCount = new Map<string, number>();
  for (const key of groups.keys()) {
    const name = key.split('\u0000')[0];
    nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  }
  const files: OutFile[] = [];
  const used = new Set<string>();
  for (const key of [...groups.keys()].sort()) {
    const [name, institution] = key.split('\u0000');
    let base = safeFileName(nameCount.get(name)! > 1 ? `${name}-${institution}` : name, '.ics');
    // A cut name can meet another: number it, keeping the number inside the 255 bytes.
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${safeFileName(name, `-${n}.ics`)}-${n}`;
    used.add(base.toLowerCase());
    // The leader's own calendar keeps the round's UIDs: slots are numbered over the whole timetable.
    const mine = new Set(groups.get(key));
    const content = renderIcs(duties, config, { ...ics, name: `${config.title}：${name}`, only: (d) => mine.has(d) });
    files.push({ path: `ics/${base}.ics`, content });
  }
  return files;
}

export async function publishFiles(
  duties: readonly Duty[],
  config: Config,
  calendar: Calendar,
  options: PublishOptions = {},
): Promise<OutFile[]> {
  const ics: IcsOptions = {
    ...(options.uidDomain ? { uidDomain: options.uidDomain } : {}),
    ...(options.sequences ? { sequences: options.sequences } : {}),
    ...(options.cancelled?.length ? { cancelled: options.cancelled } : {}),
  };
  // The 公告's words once, for the page and both Word documents.
  const text = announcementText(duties, config, calendar);
  const files: OutFile[] = [
    { path: 'timetable.html', content: renderHtml(duties, config, calendar, options.page, text) },
    { path: 'timetable.csv', content: await renderCsv(duties, config, options.encoding) },
    { path: 'timetable.ics', content: renderIcs(duties, config, ics) },
  ];
  // The 公告 and its approval copy as Word documents; their writer loads only here.
  const { announcementFiles } = await import('./docx/index.js');
  files.push(...announcementFiles(duties, config, calendar, text));
  if (options.icsPerLeader) {
    const { cancelled: _, ...rest } = ics;
    const mine = options.leaderCancelled ?? options.cancelled ?? [];
    files.push(...perLeaderIcs(duties, config, mine.length ? { ...rest, cancelled: mine } : rest));
  }
  return files;
}
