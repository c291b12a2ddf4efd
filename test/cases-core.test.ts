// The case ledger's pure core: the state machine, deadlines in calendar days, the routing of bookings
// (a property test against a sort-based oracle) and the reading of a ledger row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, dueDate, standing } from '../src/core/cases/deadline.js';
import { LEDGER_COLUMNS, maskIdNumber, matterFromRow, matterRow, PERSONAL_FIELDS } from '../src/core/cases/ledger.js';
import { bookingAfter, coversTopic, route } from '../src/core/cases/routing.js';
import { advance, type CaseEvent, canMove, impliedState, STATES } from '../src/core/cases/states.js';
import type { Matter } from '../src/core/cases/types.js';
import { addDays, dayNumber, weekdayName } from '../src/core/dates.js';
import type { Duty } from '../src/core/types.js';

const registered: Matter = {
  id: 'T-1',
  visitDate: '2024-12-11',
  resident: '甄测试',
  contact: '13900001111',
  idNumber: '650102199001011234',
  address: '',
  concern: '拖欠工资',
  location: '',
  leader: '努尔兰·哈力木',
  instruction: '',
  unit: '',
  extensionDays: 0,
  extensionApprovedBy: '',
  result: '',
  followUp: '',
  state: '登记',
  extra: [],
};

/** The matter after an act, or undefined when it is refused (then with at least one reason). */
function apply(m: Matter, e: CaseEvent): Matter | undefined {
  const r = advance(m, e, '台帐.sqlite');
  // Either the matter and no reason, or reasons and no matter.
  expect(r.matter ? r.problems.length === 0 : r.problems.length > 0).toBe(true);
  return r.matter;
}
/** The codes of the reasons an act is refused. */
const refused = (m: Matter, e: CaseEvent) => advance(m, e, '台帐.sqlite').problems.map((p) => `${p.code}@${p.field ?? ''}`);

describe('states 登记 → 交办 → 办理中 → 办结 → 回访', () => {
  it('walks the whole way, each act recording what it says', () => {
    const steps: CaseEvent[] = [
      { kind: '交办', unit: '区人社局', instruction: '请依法督促支付' },
      { kind: '受理', date: '2024-12-12' },
      { kind: '延期', days: 20, approvedBy: '区信访联席办' },
      { kind: '办结', date: '2025-02-20', result: '已支付' },
      { kind: '回访', date: '2025-02-25', note: '满意' },
    ];
    let m: Matter | undefined = registered;
    const seen = [m.state];
    for (const e of steps) {
      m = apply(m as Matter, e);
      expect(m).toBeDefined();
      seen.push((m as Matter).state);
    }
    expect(seen).toEqual(['登记', '交办', '办理中', '办理中', '办结', '回访']);
    expect(m).toMatchObject({
      unit: '区人社局',
      acceptedOn: '2024-12-12',
      extensionDays: 20,
      closedOn: '2025-02-20',
      followUpOn: '2025-02-25',
    });
    // What the cells say agrees with the state the acts reached.
    expect(impliedState(m as Matter)).toBe('回访');
  });

  it('settles a matter on the spot only on the day of the visit', () => {
    expect(apply(registered, { kind: '办结', date: '2024-12-11', result: '当场解答' })).toMatchObject({
      state: '办结',
      acceptedOn: '2024-12-11',
    });
    expect(refused(registered, { kind: '办结', date: '2024-12-12', result: '' })).toEqual([
      'case.cell-empty@办理结果',
      'case.settled-later@办结日期',
    ]);
  });

  it('refuses acts out of order, dates going back, and extensions past 30 days or without approval', () => {
    expect(refused(registered, { kind: '受理', date: '2024-12-12' })).toEqual(['case.act-not-allowed@']);
    expect(refused(registered, { kind: '回访', date: '2024-12-12', note: '' })).toEqual(['case.act-not-allowed@']);
    expect(refused(registered, { kind: '交办', unit: ' ', instruction: '' })).toEqual(['case.cell-empty@责任单位']);
    const assigned = apply(registered, { kind: '交办', unit: '区人社局', instruction: '' }) as Matter;
    expect(refused(assigned, { kind: '受理', date: '2024-12-10' })).toEqual(['case.date-order@受理日期']);
    expect(refused(assigned, { kind: '受理', date: '' })).toEqual(['case.cell-empty@受理日期']);
    const open = apply(assigned, { kind: '受理', date: '2024-12-12' }) as Matter;
    expect(refused(open, { kind: '延期', days: 31, approvedBy: '主任' })).toEqual(['case.extension-invalid@延期天数']);
    expect(refused(open, { kind: '延期', days: 0, approvedBy: '主任' })).toEqual(['case.extension-invalid@延期天数']);
    expect(refused(open, { kind: '延期', days: 10, approvedBy: '' })).toEqual(['case.extension-unapproved@延期批准']);
    const once = apply(open, { kind: '延期', days: 20, approvedBy: '主任' }) as Matter;
    expect(refused(once, { kind: '延期', days: 11, approvedBy: '主任' })).toEqual(['case.extension-total@延期天数']);
    expect(apply(once, { kind: '延期', days: 10, approvedBy: '主任' })?.extensionDays).toBe(30);
    expect(refused(open, { kind: '办结', date: '2024-12-11', result: '已解决' })).toEqual(['case.date-order@办结日期']);
    // No reason repeats the resident.
    const told = advance(open, { kind: '回访', date: '', note: '' }, '台帐.sqlite')
      .problems.map((p) => p.message)
      .join();
    expect(told).toContain('现在是“办理中”，不能回访');
    for (const personal of [registered.resident, registered.contact, registered.idNumber]) expect(told).not.toContain(personal);
  });

  it('only moves forward, whatever acts are tried (property: the index of the state never falls)', () => {
    const event = fc.oneof(
      fc.constant<CaseEvent>({ kind: '交办', unit: '区人社局', instruction: '' }),
      fc.integer({ min: -3, max: 90 }).map<CaseEvent>((n) => ({ kind: '受理', date: addDays('2024-12-11', n) })),
      fc.integer({ min: -5, max: 40 }).map<CaseEvent>((n) => ({ kind: '延期', days: n, approvedBy: n % 2 ? '主任' : '' })),
      fc
        .integer({ min: -3, max: 200 })
        .map<CaseEvent>((n) => ({ kind: '办结', date: addDays('2024-12-11', n), result: n % 3 ? '已办结' : '' })),
      fc.integer({ min: -3, max: 300 }).map<CaseEvent>((n) => ({ kind: '回访', date: addDays('2024-12-11', n), note: '' })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        let m = registered;
        for (const e of events) {
          const next = apply(m, e);
          if (!next) continue;
          expect(canMove(m.state, next.state)).toBe(true);
          expect(next.extensionDays).toBeLessThanOrEqual(30);
          expect(impliedState(next)).toBe(next.state);
          // Written as a ledger row (as the app's saved file holds it), it reads back as it is: rota cases check accepts it.
          const row = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.field, matterRow(next, { unmasked: true })[i]]));
          expect(matterFromRow('台帐.csv', { line: 2, values: row }, () => 'unused')).toEqual({ matter: next, problems: [] });
          m = next;
        }
      }),
    );
  });

  it('canMove is the order of STATES', () => {
    for (const a of STATES) for (const b of STATES) expect(canMove(a, b)).toBe(STATES.indexOf(b) >= STATES.indexOf(a));
  });
});

describe('deadlines: 60 calendar days from acceptance, +≤30 with approval', () => {
  const accepted = (acceptedOn: string, extensionDays = 0, extensionApprovedBy = '') => ({
    ...registered,
    unit: '区人社局',
    acceptedOn,
    extensionDays,
    extensionApprovedBy,
    state: '办理中' as const,
  });
  it('counts calendar days, the day of acceptance not counted, across months, years and 29 February', () => {
    expect(dueDate(accepted('2024-12-11'))).toBe('2025-02-09');
    expect(dueDate(accepted('2024-01-01'))).toBe('2024-03-01'); // 31 + 29 days: 2024 is a leap year
    expect(dueDate(accepted('2023-01-01'))).toBe('2023-03-02');
    expect(dueDate(accepted('2024-12-11', 30, '区信访联席办'))).toBe('2025-03-11');
  });
  it('ignores an extension without approval and caps one past 30 days', () => {
    expect(dueDate(accepted('2024-12-11', 30))).toBe('2025-02-09');
    expect(dueDate(accepted('2024-12-11', 45, '主任'))).toBe('2025-03-11');
    expect(dueDate(registered)).toBeUndefined();
  });
  it('is exactly 60 (+ approved extension) days after acceptance (property, day numbers as the oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30 }), fc.boolean(), (n, ext, approved) => {
        const d = addDays('2000-01-01', n);
        const due = dueDate(accepted(d, ext, approved ? '主任' : '')) as string;
        expect(dayNumber(due) - dayNumber(d)).toBe(60 + (approved ? ext : 0));
      }),
    );
  });
  it('is open, due soon, due on its last day, then overdue', () => {
    const m = accepted('2024-12-11');
    expect(standing(m, '2025-01-20').standing).toBe('open');
    expect(standing(m, addDays('2025-02-09', -DUE_SOON_DAYS))).toMatchObject({ standing: 'due-soon', daysLeft: 7 });
    expect(standing(m, '2025-02-09')).toMatchObject({ standing: 'due-soon', daysLeft: 0 });
    expect(standing(m, '2025-02-10')).toMatchObject({ standing: 'overdue', daysLeft: -1 });
    expect(standing({ ...m, closedOn: '2025-02-09', state: '办结' }, '2025-06-01').standing).toBe('closed-on-time');
    expect(standing({ ...m, closedOn: '2025-02-10', state: '办结' }, '2025-06-01').standing).toBe('closed-late');
    expect(standing(registered, '2030-01-01').standing).toBe('not-accepted');
  });
});

describe('routing a booking', () => {
  const WORDS = ['征地拆迁', '城市建设', '劳动保障', '欠薪', '教育', '医疗卫生', '信访', '政协全面工作'];
  const duty = (date: string, portfolio: string, name: string, kind: Duty['kind'] = '接访'): Duty => ({
    date,
    weekday: weekdayName(date),
    kind,
    institution: '区政府',
    name,
    title: '副区长',
    portfolio,
    place: '区人民群众信访服务中心',
  });
  const dutyArb = fc
    .record({
      day: fc.integer({ min: 0, max: 40 }),
      words: fc.subarray(WORDS, { maxLength: 3 }),
      name: fc.constantFrom('甲', '乙', '丙', '丁'),
      kind: fc.constantFrom<Duty['kind']>('接访', '接访', '下访'),
    })
    .map((r) => duty(addDays('2024-12-01', r.day), r.words.join('、'), r.name, r.kind));

  it('goes to the earliest matching duty after the day, else the earliest after it, never on or before it (property)', () => {
    fc.assert(
      fc.property(fc.array(dutyArb, { maxLength: 25 }), fc.constantFrom(...WORDS), fc.integer({ min: -2, max: 42 }), (duties, topic, d) => {
        const after = addDays('2024-12-01', d);
        const r = route(duties, topic, after);
        // The oracle: sort the future 接访 duties by date (stable, so the timetable's order within a day).
        const future = duties
          .filter((x) => x.kind === '接访' && dayNumber(x.date) > dayNumber(after))
          .sort((a, b) => a.date.localeCompare(b.date));
        const matching = future.filter((x) => x.portfolio.split('、').includes(topic));
        if (!future.length) {
          expect(r).toBeUndefined();
          return;
        }
        // No two words of WORDS contain one another, so the oracle matches whole words.
        expect((r?.duty.date ?? '') > after).toBe(true);
        expect(r?.duty).toBe(matching[0] ?? future[0]);
        expect(r?.matched).toBe(matching.length > 0);
      }),
    );
  });
  it('matches a concern to a portfolio word containing it or contained in it', () => {
    expect(coversTopic('征地拆迁、城市建设、住房保障', '拆迁')).toBe(true);
    expect(coversTopic('劳动', '劳动保障')).toBe(true);
    expect(coversTopic('党建、意识形态', '欠薪')).toBe(false);
    expect(coversTopic('党建', '')).toBe(false);
  });
  it('books after today, or from the wished date when that is later', () => {
    expect(bookingAfter('2024-12-11', undefined)).toBe('2024-12-11');
    expect(bookingAfter('2024-12-11', '2024-12-16')).toBe('2024-12-15');
    expect(bookingAfter('2024-12-11', '2024-12-01')).toBe('2024-12-11');
  });
});

describe('a ledger row', () => {
  const row = (values: Record<string, string>, line = 2) => ({ line, values });
  const idOf = () => 'X';
  const good = {
    visitDate: '2024/12/11',
    resident: '甄测试',
    contact: '13900001111',
    idNumber: '650102199001011234',
    concern: '拖欠工资',
    leader: '努尔兰·哈力木',
    unit: '区人社局',
    acceptedOn: '2024年12月12日',
    'other:经办人': '小王',
  };
  it('reads dates as clerks write them, derives the state and keeps the office columns', () => {
    const r = matterFromRow('l.csv', row(good), idOf);
    expect(r.problems).toEqual([]);
    expect(r.matter).toMatchObject({
      id: 'X',
      visitDate: '2024-12-11',
      acceptedOn: '2024-12-12',
      state: '办理中',
      extra: [['经办人', '小王']],
    });
  });
  it('names file, line and column of every problem at once, without repeating a personal cell', () => {
    const bad = {
      ...good,
      resident: '',
      idNumber: '6.50102E+17',
      acceptedOn: '2024-12-01',
      extensionDays: '5',
      closedOn: '2024-13-01',
      state: '办结',
      contact: '13999998888',
    };
    const r = matterFromRow('l.csv', row(bad, 7), idOf);
    expect(r.matter).toBeUndefined();
    expect(r.problems.map((p) => [p.file, p.line, p.field, p.code])).toEqual([
      ['l.csv', 7, '来访人', 'case.cell-empty'],
      ['l.csv', 7, '身份证号', 'case.id-number-invalid'],
      ['l.csv', 7, '办结日期', 'date.invalid'],
      ['l.csv', 7, '延期批准', 'case.extension-unapproved'],
      ['l.csv', 7, '受理日期', 'case.date-order'],
      ['l.csv', 7, '状态', 'case.state-mismatch'],
    ]);
    const text = r.problems.map((p) => p.message).join('\n');
    for (const secret of ['6.50102E+17', '13999998888', '甄测试']) expect(text).not.toContain(secret);
  });
  it('masks ID numbers as 6501**********1234', () => {
    expect(maskIdNumber('650102199001011234')).toBe('6501**********1234');
    expect(maskIdNumber('65010219850505123X')).toBe('6501**********123X');
    expect(maskIdNumber('1234')).toBe('****');
  });
  it('lists the personal columns among the ledger columns', () => {
    const fields = LEDGER_COLUMNS.map((c) => c.field as string);
    for (const f of PERSONAL_FIELDS) expect(fields).toContain(f);
  });
});
