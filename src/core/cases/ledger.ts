// One row of a ledger exported from Excel into a Matter. Messages name file, line and column but never
// repeat a personal cell (来访人, 联系方式, 身份证号, 住址): errors are printed and may be logged.
import { badDateCode, parseDate } from '../dates.js';
import { type MessageArgs, type MessageCode, problem } from '../messages.js';
import { clean } from '../text.js';
import type { IsoDate, Problem, RawRow } from '../types.js';
import { impliedState, isState, MAX_EXTENSION } from './states.js';
import type { Matter } from './types.js';

/** The ledger's columns, in the order rota writes them; the Chinese header first, then English aliases. */
export const LEDGER_COLUMNS = [
  { field: 'id', headers: ['编号', '案件编号', 'id'] },
  { field: 'visitDate', headers: ['来访日期', 'visit date'], required: true },
  { field: 'resident', headers: ['来访人', '来访人姓名', 'resident'], required: true },
  { field: 'contact', headers: ['联系方式', '联系电话', 'contact'] },
  { field: 'idNumber', headers: ['身份证号', '身份证号码', 'id number'] },
  { field: 'address', headers: ['住址', 'address'] },
  { field: 'concern', headers: ['主要问题', '反映问题', 'concern'], required: true },
  { field: 'location', headers: ['问题发生地', 'location'] },
  { field: 'leader', headers: ['接访领导', 'leader'], required: true },
  { field: 'instruction', headers: ['批示', '领导批示', 'instruction'] },
  { field: 'unit', headers: ['责任单位', 'unit'] },
  { field: 'acceptedOn', headers: ['受理日期', 'accepted'] },
  { field: 'extensionDays', headers: ['延期天数', 'extension days'] },
  { field: 'extensionApprovedBy', headers: ['延期批准', 'extension approved by'] },
  { field: 'closedOn', headers: ['办结日期', 'closed'] },
  { field: 'result', headers: ['办理结果', 'result'] },
  { field: 'followUpOn', headers: ['回访日期', 'follow-up date'] },
  { field: 'followUp', headers: ['回访情况', 'follow-up'] },
  { field: 'state', headers: ['状态', 'state'] },
] as const;

export type LedgerField = (typeof LEDGER_COLUMNS)[number]['field'];
export const LEDGER_HEADER: string[] = LEDGER_COLUMNS.map((c) => c.headers[0]);
const HEADER_OF = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.field, c.headers[0]])) as Record<LedgerField, string>;

/** Fields a published or printed line may never show. */
export const PERSONAL_FIELDS: readonly LedgerField[] = ['resident', 'contact', 'idNumber', 'address'];

/** A mainland resident ID: 18 characters (17 digits and a digit or X), or the old 15 digits. */
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;
/** An ID number as rota's export masks it: read back, the stored number is kept (src/app/cases.ts). */
export const MASKED_ID_NUMBER = /^\d{4}\*+[\dX]{4}$/;

/** Prefix of the fields of columns rota does not know (see readTable's keepOthers). */
export const OTHER = 'other:';

/**
 * The matter a ledger row holds, or every problem with it. `idOf` gives the 编号 of a row without one.
 */
export function matterFromRow(
  file: string,
  row: RawRow,
  idOf: (m: Omit<Matter, 'id'>) => string,
): { matter?: Matter; problems: Problem[] } {
  const v = row.values;
  const problems: Problem[] = [];
  const err = <C extends MessageCode>(field: LedgerField, code: C, args: MessageArgs<C>) =>
    problems.push(problem(code, args, { file, line: row.line, field: HEADER_OF[field] }));
  const cell = (f: LedgerField) => clean(v[f] ?? '');
  const date = (f: LedgerField, required = false): IsoDate | undefined => {
    const text = cell(f);
    if (!text) {
      if (required) err(f, 'case.cell-empty', { header: HEADER_OF[f] });
      return undefined;
    }
    const d = parseDate(text);
    if (!d) err(f, badDateCode(text), { text });
    return d;
  };
  const visitDate = date('visitDate', true);
  for (const f of ['resident', 'concern', 'leader'] as const) if (!cell(f)) err(f, 'case.cell-empty', { header: HEADER_OF[f] });
  const idNumber = cell('idNumber').toUpperCase();
  if (idNumber && !ID_NUMBER.test(idNumber) && !MASKED_ID_NUMBER.test(idNumber))
    err('idNumber', 'case.id-number-invalid', { length: idNumber.length });
  const acceptedOn = date('acceptedOn');
  const closedOn = date('closedOn');
  const followUpOn = date('followUpOn');
  const extText = cell('extensionDays');
  const extensionDays = extText === '' ? 0 : Number(extText);
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_EXTENSION) {
    err('extensionDays', 'case.extension-invalid', { text: extText, min: 0, max: MAX_EXTENSION });
  } else if (extensionDays > 0 && !cell('extensionApprovedBy')) err('extensionApprovedBy', 'case.extension-unapproved', {});
  // Each step's date comes on or after the one before it.
  const steps: Array<[LedgerField, IsoDate | undefined]> = [
    ['visitDate', visitDate],
    ['acceptedOn', acceptedOn],
    ['closedOn', closedOn],
    ['followUpOn', followUpOn],
  ];
  let before: [LedgerField, IsoDate] | undefined;
  for (const [f, d] of steps) {
    if (!d) continue;
    if (before && d < before[1])
      err(f, 'case.date-order', { header: HEADER_OF[f], date: d, previous: HEADER_OF[before[0]], before: before[1] });
    before = [f, d];
  }
  if (closedOn && !acceptedOn) err('acceptedOn', 'case.cell-empty', { header: HEADER_OF.acceptedOn });
  if (followUpOn && !closedOn) err('closedOn', 'case.cell-empty', { header: HEADER_OF.closedOn });
  const fields = { unit: cell('unit'), acceptedOn, closedOn, followUpOn };
  const implied = impliedState(fields);
  const stateText = cell('state');
  if (stateText && !isState(stateText)) err('state', 'case.state-unknown', { text: stateText });
  else if (stateText && stateText !== implied) err('state', 'case.state-mismatch', { given: stateText, implied });
  if (problems.length || !visitDate) return { problems };
  const extra: Array<[string, string]> = Object.entries(v)
    .filter(([k]) => k.startsWith(OTHER))
    .map(([k, x]) => [k.slice(OTHER.length), x]);
  const base: Omit<Matter, 'id'> = {
    visitDate,
    resident: cell('resident'),
    contact: cell('contact'),
    idNumber,
    address: cell('address'),
    concern: cell('concern'),
    location: cell('location'),
    leader: cell('leader'),
    instruction: cell('instruction'),
    unit: fields.unit,
    ...(acceptedOn ? { acceptedOn } : {}),
    extensionDays,
    extensionApprovedBy: cell('extensionApprovedBy'),
    ...(closedOn ? { closedOn } : {}),
    result: cell('result'),
    ...(followUpOn ? { followUpOn } : {}),
    followUp: cell('followUp'),
    state: implied,
    extra,
  };
  return { matter: { id: cell('id') || idOf(base), ...base }, problems };
}

/** 6501**********1234: the first four and last four characters of an ID number, the rest masked. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** A matter as a ledger row (LEDGER_HEADER's order, then its own other columns' values). */
export function matterRow(m: Matter, { unmasked = false } = {}): string[] {
  return [
    m.id,
    m.visitDate,
    m.resident,
    m.contact,
    unmasked ? m.idNumber : maskIdNumber(m.idNumber),
    m.address,
    m.concern,
    m.location,
    m.leader,
    m.instruction,
    m.unit,
    m.acceptedOn ?? '',
    m.extensionDays ? String(m.extensionDays) : '',
    m.extensionApprovedBy,
    m.closedOn ?? '',
    m.result,
    m.followUpOn ?? '',
    m.followUp,
    m.state,
  ];
}
