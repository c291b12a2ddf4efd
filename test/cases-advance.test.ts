// rota cases advance end to end through the built CLI, on an SQLite ledger and on a real PostgreSQL
// (ROTA_PG_URL, started by .ci/postgres.sh as in cases-store.test.ts): every step, every refusal the
// core's advance knows (the ones the browser app's tests check) told in the catalogue's words with exit 2
// and nothing written, steps out of order and repeated, 延期 past 30 days in all, the deadline rota cases
// check then judges, and a property: random steps through the CLI agree with a small state table.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/app/cases.js';
import type { Matter } from '../src/core/cases/types.js';
import { addDays } from '../src/core/dates.js';
import { runRota } from './helpers/cli.js';
import { itOnPostgres } from './helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-cases-advance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Distinctive fake personal data: any of these in stdout or stderr is a leak. */
const SECRETS = ['甄测试', '13912345678', '650102199001011234', '贾样例', '13987654321', '幸福路88号'];
const LEDGER = [
  '编号,来访日期,来访人,联系方式,身份证号,住址,主要问题,接访领导',
  'A-1,2024-12-16,甄测试,13912345678,650102199001011234,幸福路88号,孩子入学,买买提江·吐尔洪',
  'A-2,2024-12-11,贾样例,13987654321,,,小区漏水,努尔兰·哈力木',
  'A-3,2024-12-12,路人丙,,,,噪音扰民,努尔兰·哈力木',
].join('\r\n');

const rota = (args: string[]) => {
  const r = runRota(args, dir, { ROTA_CASES_DB: '' });
  for (const s of SECRETS) expect(`${r.stdout}${r.stderr}`, `rota ${args.join(' ')}`).not.toContain(s);
  return r;
};
const advance = (db: string, id: string, ...args: string[]) => rota(['cases', 'advance', id, ...args, '--db', db]);

async function read(db: string): Promise<Matter[]> {
  const store = await openStore(db);
  try {
    return await store.read();
  } finally {
    await store.close();
  }
}
const one = async (db: string, id = 'A-1') => (await read(db)).find((m) => m.id === id)!;

/** A fresh ledger holding LEDGER: an SQLite file copied from one import, or a new schema on the server. */
let template = '';
beforeAll(() => {
  template = join(dir, 'template.sqlite');
  writeFileSync(join(dir, 'ledger.csv'), LEDGER);
  expect(rota(['cases', 'import', 'ledger.csv', '--db', template]).code).toBe(0);
});
let count = 0;
function sqliteLedger(): string {
  const db = join(dir, `l${count++}.sqlite`);
  copyFileSync(template, db);
  return db;
}

/** Runs a refused step: exit 2, the catalogue's words on stderr, nothing on stdout, the ledger as it was. */
async function refused(db: string, args: string[], ...said: string[]) {
  const before = await read(db);
  // The SQLite file is replaced (a new inode) on every write: a refused step must not replace it.
  const file = db.endsWith('.sqlite') ? { bytes: readFileSync(db), inode: statSync(db).ino } : undefined;
  const r = advance(db, ...(args as [string, ...string[]]));
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  for (const s of said) expect(r.stderr).toContain(s);
  expect(r.stderr).toContain('未写出任何文件');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(await read(db)).toEqual(before);
  if (file) expect({ same: readFileSync(db).equals(file.bytes), inode: statSync(db).ino }).toEqual({ same: true, inode: file.inode });
}

/** The whole way and every refusal on the way, on the ledger `db` names (as messages name it: `shown`). */
async function walk(db: string, shown: string) {
  // Out of order: 受理 and 回访 before 交办, 办结 of a matter not settled on the day of the visit.
  await refused(db, ['A-1', '--to', '受理', '--date', '2024-12-17'], `${shown}: 事项 A-1 现在是“登记”，不能受理`);
  await refused(db, ['A-1', '--to', '回访'], '不能回访；回访须在事项为“办结”时进行');
  await refused(db, ['A-1', '--to', '办结', '--date', '2024-12-20', '--note', '已解决'], `${shown}: 办结日期: 事项还未交办`);
  // 交办 with an empty unit (the core's word), and with options it has no column for (the CLI's, all at once).
  await refused(db, ['A-1', '--to', '交办', '--by', ' '], '责任单位 不能为空');
  await refused(
    db,
    ['A-1', '--to', '交办', '--date', '2024-12-17', '--days', '3'],
    '交办需要 --by（责任单位）',
    '交办不用 --date',
    '交办不用 --days',
  );
  let r = advance(db, 'A-1', '--to', '交办', '--by', '区教育局', '--note', '请依政策办理');
  expect(r.stdout).toBe('已记录：事项 A-1 交办，现在是“交办”。 recorded: matter A-1 交办, now 交办\n');
  expect(r.code).toBe(0);
  expect(await one(db)).toMatchObject({ state: '交办', unit: '区教育局', instruction: '请依政策办理' });
  // Done twice: the second is refused, not recorded again.
  await refused(db, ['A-1', '--to', 'assign', '--by', '区教育局'], '事项 A-1 现在是“交办”，不能交办');
  await refused(db, ['A-1', '--to', '办结', '--note', '已解决'], '现在是“交办”，不能办结');
  await refused(db, ['A-1', '--to', '受理', '--date', '2024-12-15'], `${shown}: 受理日期 2024-12-15 早于来访日期 2024-12-16`);
  await refused(db, ['A-1', '--to', '受理', '--date', '2024-13-01'], '--date 应为日期，实际是“2024-13-01”');
  r = advance(db, 'A-1', '--to', '受理', '--date', '2024-12-17');
  expect(r.stdout).toContain('已记录：事项 A-1 受理，现在是“办理中”，办理期限至 2025-02-15。');
  await refused(db, ['A-1', '--to', '受理', '--date', '2024-12-17'], '现在是“办理中”，不能受理');
  // 延期: its number, its approval, and 30 days in all.
  await refused(db, ['A-1', '--to', '延期', '--days', '31', '--by', '主任'], '延期天数“31”不是 1 到 30 之间的整数');
  await refused(db, ['A-1', '--to', '延期', '--days', '0', '--by', '主任'], '延期天数“0”不是 1 到 30 之间的整数');
  await refused(db, ['A-1', '--to', '延期', '--days', '十', '--by', '主任'], '--days: 延期天数“十”不是');
  await refused(db, ['A-1', '--to', '延期', '--days', '10'], '延期需要 --by（延期批准）');
  await refused(db, ['A-1', '--to', '延期', '--days', '10', '--by', ' '], `${shown}: 延期批准: 有延期天数，但没有写延期批准人`);
  r = advance(db, 'A-1', '--to', 'extend', '--days', '20', '--by', '区信访联席办');
  expect(r.stdout).toContain('现在是“办理中”，已延期 20 天，办理期限至 2025-03-07。');
  await refused(
    db,
    ['A-1', '--to', '延期', '--days', '11', '--by', '区信访联席办'],
    '已延期 20 天，再延期 11 天共 31 天，超过 30 天',
    '最多还能延期 10 天',
  );
  expect(advance(db, 'A-1', '--to', '延期', '--days', '10', '--by', '区信访联席办').stdout).toContain(
    '已延期 30 天，办理期限至 2025-03-17',
  );
  await refused(db, ['A-1', '--to', '延期', '--days', '1', '--by', '区信访联席办'], '已延期 30 天，再延期 1 天共 31 天');
  // 办结: its result, and a date not before 受理.
  await refused(db, ['A-1', '--to', '办结', '--date', '2025-03-01'], '办结需要 --note（办理结果）');
  await refused(db, ['A-1', '--to', '办结', '--date', '2024-12-16', '--note', '已安排入学'], '办结日期 2024-12-16 早于受理日期 2024-12-17');
  await refused(db, ['A-1', '--to', '办结', '--date', '2025-03-01', '--note', ' '], '办理结果 不能为空');
  r = advance(db, 'A-1', '--to', '办结', '--date', '2025-03-01', '--note', '已安排入学');
  expect(r.stdout).toBe('已记录：事项 A-1 办结，现在是“办结”。 recorded: matter A-1 办结, now 办结\n');
  await refused(db, ['A-1', '--to', '回访', '--date', '2025-02-28'], '回访日期 2025-02-28 早于办结日期 2025-03-01');
  expect(advance(db, 'A-1', '--to', '回访', '--date', '2025-03-05', '--note', '满意').code).toBe(0);
  await refused(db, ['A-1', '--to', '回访', '--date', '2025-03-06'], '现在是“回访”，不能回访');
  // No such matter; the other matter untouched by all of it.
  await refused(db, ['A-9', '--to', '交办', '--by', '区教育局'], `${shown}: 台帐中没有编号为 A-9 的事项`);
  expect(await one(db)).toMatchObject({
    state: '回访',
    unit: '区教育局',
    acceptedOn: '2024-12-17',
    extensionDays: 30,
    extensionApprovedBy: '区信访联席办',
    closedOn: '2025-03-01',
    result: '已安排入学',
    followUpOn: '2025-03-05',
    followUp: '满意',
  });
  expect(await one(db, 'A-2')).toMatchObject({ state: '登记', unit: '' });
  // A matter settled on the spot: 办结 on the day of the visit, straight from 登记.
  r = advance(db, 'A-2', '--to', 'conclude', '--date', '2024-12-11', '--note', '当场解答');
  expect(r.code).toBe(0);
  expect(await one(db, 'A-2')).toMatchObject({ state: '办结', acceptedOn: '2024-12-11', closedOn: '2024-12-11' });
}

/** Two clerks record the same 交办 at the same moment: one is recorded, the other is told it is done already. */
async function race(db: string) {
  const once = (unit: string) =>
    new Promise<number | null>((done) => {
      const p = spawn('node', [join(process.cwd(), 'bin/rota.js'), 'cases', 'advance', 'A-3', '--to', '交办', '--by', unit, '--db', db], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: 'ignore',
      });
      p.on('close', done);
    });
  const codes = await Promise.all([once('区环保局'), once('区城管局')]);
  expect(codes.sort()).toEqual([0, 2]);
  expect(['区环保局', '区城管局']).toContain((await one(db, 'A-3')).unit);
}

describe('rota cases advance on an SQLite ledger', () => {
  it('records every step, refuses each step the core refuses with its words (exit 2, the file unchanged)', async () => {
    const db = sqliteLedger();
    await walk(db, db);
  }, 180_000);

  it('records one of two clerks doing the same step at once, and refuses the other', async () => {
    await race(sqliteLedger());
  }, 60_000);

  it('refuses a step without --to or with an unknown one, and writes no ledger that was not there', () => {
    expect(advance(join(dir, 'l0.sqlite'), 'A-1').stderr).toContain('缺少选项 --to <步骤>');
    const r = advance(join(dir, 'l0.sqlite'), 'A-1', '--to', '办理');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--to <步骤> 不能是“办理”；请写 交办、受理、延期、办结、回访');
    const none = join(dir, 'none.sqlite');
    expect(advance(none, 'A-1', '--to', '交办', '--by', '区教育局').stderr).toContain('台帐中没有编号为 A-1 的事项');
    expect(() => readFileSync(none)).toThrow();
  });

  it('moves the deadline rota cases check judges: 60 days from 受理, plus the approved 延期', () => {
    const db = sqliteLedger();
    const check = () => rota(['cases', 'check', '--db', db, '--today', '2025-02-20']);
    advance(db, 'A-1', '--to', '交办', '--by', '区教育局');
    advance(db, 'A-1', '--to', '受理', '--date', '2024-12-17');
    let r = check();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('超期 overdue: 事项 A-1（包案领导 买买提江·吐尔洪，责任单位 区教育局）办理期限至 2025-02-15，已超期 5 天');
    expect(advance(db, 'A-1', '--to', '延期', '--days', '10', '--by', '区信访联席办').code).toBe(0);
    r = check();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '即将到期 due soon: 事项 A-1（包案领导 买买提江·吐尔洪，责任单位 区教育局）办理期限至 2025-02-25，还有 5 天',
    );
  }, 60_000);
});

describe('rota cases advance on PostgreSQL', () => {
  itOnPostgres(
    'records and refuses the same, in one transaction: a refused step leaves the rows as they were',
    async (db) => {
      expect(rota(['cases', 'import', 'ledger.csv', '--db', db]).code).toBe(0);
      // Messages name the server without its password.
      await walk(db, db.replace(/:rota@/, ':***@'));
      await race(db);
    },
    180_000,
  );
});

// The property: steps at random, through the CLI, against a state table written here (not the core's).
type Step = { kind: '交办' | '受理' | '延期' | '办结' | '回访'; day: number; days: number };
interface Expected {
  state: Matter['state'];
  acceptedOn?: string;
  closedOn?: string;
  followUpOn?: string;
  extensionDays: number;
}
const VISIT = '2024-12-16';
/** Which states each step is taken in and the state it leaves. */
const TABLE: Record<Step['kind'], { from: Array<Matter['state']>; to?: Matter['state'] }> = {
  交办: { from: ['登记'], to: '交办' },
  受理: { from: ['交办'], to: '办理中' },
  延期: { from: ['办理中'] },
  办结: { from: ['登记', '办理中'], to: '办结' },
  回访: { from: ['办结'], to: '回访' },
};
function expected(s: Expected, step: Step): Expected | undefined {
  if (!TABLE[step.kind].from.includes(s.state)) return undefined;
  const date = addDays(VISIT, step.day);
  const next = { ...s, state: TABLE[step.kind].to ?? s.state };
  switch (step.kind) {
    case '交办':
      return next;
    case '受理':
      return date >= VISIT ? { ...next, acceptedOn: date } : undefined;
    case '延期':
      return step.days >= 1 && s.extensionDays + step.days <= 30 ? { ...next, extensionDays: s.extensionDays + step.days } : undefined;
    case '办结':
      if (s.state === '登记') return date === VISIT ? { ...next, acceptedOn: date, closedOn: date } : undefined;
      return date >= s.acceptedOn! ? { ...next, closedOn: date } : undefined;
    case '回访':
      return date >= s.closedOn! ? { ...next, followUpOn: date } : undefined;
  }
}
const argsOf = (step: Step): string[] => {
  const date = ['--date', addDays(VISIT, step.day)];
  switch (step.kind) {
    case '交办':
      return ['--by', '区教育局'];
    case '受理':
      return date;
    case '延期':
      return ['--days', String(step.days), '--by', '主任'];
    case '办结':
      return [...date, '--note', '已办'];
    case '回访':
      return date;
  }
};

describe('rota cases advance, property', () => {
  it('a random sequence of steps leaves the ledger as the state table says, each step exit 0 or 2 as the table allows', async () => {
    // The steps in their order, some left out, one or two others put in anywhere; the dates in order or not.
    const KINDS: Array<Step['kind']> = ['交办', '受理', '延期', '延期', '办结', '回访'];
    const steps = fc
      .record({
        kinds: fc.subarray(KINDS),
        extra: fc.array(fc.record({ at: fc.nat(6), kind: fc.constantFrom(...KINDS) }), { maxLength: 2 }),
        days: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 90 })), { minLength: 8, maxLength: 8 }),
        sorted: fc.boolean(),
        extension: fc.array(fc.integer({ min: 0, max: 32 }), { minLength: 8, maxLength: 8 }),
      })
      .map(({ kinds, extra, days, sorted, extension }) => {
        const all = [...kinds];
        for (const e of extra) all.splice(e.at, 0, e.kind);
        const when = sorted ? [...days].sort((a, b) => a - b) : days;
        return all.map((kind, i): Step => ({ kind, day: when[i], days: extension[i] }));
      })
      .filter((x) => x.length > 0);
    await fc.assert(
      fc.asyncProperty(steps, async (seq) => {
        const db = sqliteLedger();
        let s: Expected = { state: '登记', extensionDays: 0 };
        for (const x of seq) {
          const next = expected(s, x);
          const r = advance(db, 'A-1', '--to', x.kind, ...argsOf(x));
          expect(r.code, `${x.kind} ${r.stderr}`).toBe(next ? 0 : 2);
          s = next ?? s;
        }
        const m = await one(db);
        expect({
          state: m.state,
          acceptedOn: m.acceptedOn,
          closedOn: m.closedOn,
          followUpOn: m.followUpOn,
          extensionDays: m.extensionDays,
        }).toEqual({ acceptedOn: undefined, closedOn: undefined, followUpOn: undefined, ...s });
        rmSync(db);
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
