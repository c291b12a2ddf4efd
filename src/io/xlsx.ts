// An Excel/WPS workbook (.xlsx) read into rows of cell texts, synchronously, the same in Node and the
// browser: fflate unzips, fast-xml-parser reads the parts. Cells are the text the clerk sees for
// names and dates: shared and inline strings as written, a date-formatted number as YYYY-MM-DD, any
// other number as stored (a phone number stays 13900000000). A merged range reads as its top-left
// value in every cell it covers, as it looks on screen (单位 merged down a block of leaders).

import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

export interface SheetRow {
  /** Excel's row number (1 for the first row). */
  row: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A workbook larger than this unpacked is refused: a zip bomb, not a list. */
const MAX_UNPACKED = 256 * 1024 * 1024;

const ARRAYS = new Set(['sheet', 'Relationship', 'row', 'c', 'si', 'r', 'numFmt', 'xf', 'mergeCell']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Node[]) : []);
const node = (v: unknown) => (v && typeof v === 'object' ? (v as Node) : {});

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** B12 → { row: 12, col: 1 }. */
function cellRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) ?? ['', 'A', '1'];
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]), col };
}

/** Text of a <t> (or a node holding <t> and rich-text runs <r>), phonetic hints (<rPh>) left out. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  const n = node(v);
  if (n.t !== undefined) return textOf(n.t);
  if (n.r !== undefined)
    return list(n.r)
      .map((r) => textOf(r.t))
      .join('');
  return typeof n['#text'] === 'string' ? n['#text'] : '';
}

// Excel's built-in date formats (ECMA-376 §18.8.30) and, for custom ones, a day, month or year code
// outside quotes and brackets.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57, 58]);
const isDateCode = (code: string) => /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** Which cell styles show a number as a date. */
function dateStyles(styles: Node): boolean[] {
  const sheet = node(styles.styleSheet);
  const custom = new Map(list(node(sheet.numFmts).numFmt).map((f) => [Number(f.numFmtId), String(f.formatCode ?? '')]));
  return list(node(sheet.cellXfs).xf).map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    return BUILTIN_DATES.has(id) || (custom.has(id) && isDateCode(custom.get(id)!));
  });
}

/** A serial day number as YYYY-MM-DD (with HH:MM when it has a time of day). */
function serialDate(serial: number, epoch1904: boolean): string {
  const ms = Math.round((serial + (epoch1904 ? 24107 : 0) - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export class WorkbookError extends Error {}

/** Every sheet of a workbook, in tab order, as rows of cell texts; a WorkbookError when it is not one. */
export function readWorkbook(bytes: Uint8Array): Sheet[] {
  let unpacked = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED) throw new WorkbookError('unpacks to more than 256 MB');
        return f.name.startsWith('xl/') && /\.(xml|rels)$/.test(f.name);
      },
    });
  } catch (e) {
    throw e instanceof WorkbookError ? e : new WorkbookError(`not a readable zip archive (${(e as Error).message})`);
  }
  const xml = (path: string): Node | undefined => {
    const part = parts[path];
    if (!part) return undefined;
    const text = new TextDecoder().decode(part);
    // Excel never writes a DOCTYPE; one here could only declare entities meant to blow up.
    if (/<!DOCTYPE/i.test(text)) throw new WorkbookError(`${path} declares a DOCTYPE`);
    return parser.parse(text) as Node;
  };
  const workbook = node(xml('xl/workbook.xml')?.workbook);
  if (!workbook.sheets) throw new WorkbookError('no xl/workbook.xml: not an Excel workbook');
  const targets = new Map(
    list(node(xml('xl/_rels/workbook.xml.rels')?.Relationships).Relationship).map((r) => [String(r.Id), String(r.Target)]),
  );
  const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const strings = list(node(xml('xl/sharedStrings.xml')?.sst).si).map(textOf);
  const dates = dateStyles(xml('xl/styles.xml') ?? {});
  const epoch1904 = ['1', 'true'].includes(String(node(workbook.workbookPr).date1904 ?? ''));
  return list(node(workbook.sheets).sheet).map((s) => {
    const target = targets.get(String(s['r:id']));
    const sheetXml = target ? xml(partPath(target)) : undefined;
    const ws = node(sheetXml?.worksheet);
    const value = (c: Node): string => {
      const v = typeof c.v === 'string' ? c.v : textOf(c.v);
      switch (c.t) {
        case 's':
          return strings[Number(v)] ?? '';
        case 'inlineStr':
          return textOf(c.is);
        case 'b':
          return v === '1' ? 'TRUE' : 'FALSE';
        case 'str':
        case 'e':
          return v;
        default:
          return v !== '' && dates[Number(c.s ?? 0)] && Number.isFinite(Number(v)) ? serialDate(Number(v), epoch1904) : v;
      }
    };
    const rows = new Map<number, string[]>();
    let lastRow = 0;
    for (const r of list(node(ws.sheetData).row)) {
      const number = Number(r.r ?? lastRow + 1);
      lastRow = number;
      const cells: string[] = [];
      let lastCol = -1;
      for (const c of list(r.c)) {
        const col = c.r ? cellRef(String(c.r)).col : lastCol + 1;
        lastCol = col;
        while (cells.length < col) cells.push('');
        cells[col] = value(c);
      }
      rows.set(number, cells);
    }
    for (const m of list(node(ws.mergeCells).mergeCell)) {
      const [from, to] = String(m.ref).split(':').map(cellRef);
      if (!to) continue;
      const top = rows.get(from.row)?.[from.col] ?? '';
      for (let row = from.row; row <= to.row; row++) {
        const cells = rows.get(row) ?? [];
        while (cells.length <= to.col) cells.push('');
        for (let col = from.col; col <= to.col; col++) cells[col] = top;
        rows.set(row, cells);
      }
    }
    return {
      name: String(s.name ?? ''),
      rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells })),
    };
  });
}
