// rota check judges slots through the built CLI: the court's 带班 + 主接访 round planned with --out is
// compliant; the same table with a 副院长 written into the 带班 slot and a 主接访 row deleted is not
// (exit 1), each naming its line, the slot and who may fill it — the lines docs/slots.md shows — in text,
// JUnit and GitHub annotations alike.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

/** A folder of one office, so rota check --batch finds only it. */
const parent = mkdtempSync(join(tmpdir(), 'rota-slots-cli-'));
const dir = join(parent, '法院');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('rota check with slots', () => {
  it('passes the planned table and names a record in a slot its leader may not fill, and the slots left empty', () => {
    expect(runRota(['init', dir, '--preset', 'court']).code).toBe(0);
    const raw = JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8'));
    delete raw.rotation.reception;
    delete raw.rotation.visits;
    const slots = [
      { role: '带班', who: { titles: ['院长'] } },
      { role: '主接访', who: { titles: ['副院长', '审判委员会专职委员'] } },
    ];
    writeFileSync(join(dir, 'rota.json'), JSON.stringify({ ...raw, from: '2025-03-01', to: '2025-03-31', slots }));
    expect(runRota(['plan', '-c', 'rota.json', '--out', 'out'], dir).code).toBe(0);
    const planned = runRota(['check', 'out/timetable.csv', '--from', '2025-03-01', '--to', '2025-03-31'], dir);
    expect(planned.code).toBe(0);
    expect(planned.stdout).not.toContain('slots');

    const rows = readFileSync(join(dir, 'out/timetable.csv'), 'utf8').split('\r\n'); // the CSV's lines end as Excel's do
    expect(rows[3]).toBe('2025-03-12,星期三,接访,人民法院,张明,院长,带班,全面工作,人民法院诉讼服务中心');
    rows[3] = '2025-03-12,星期三,接访,人民法院,李华,副院长,带班,民事审判、执行,人民法院诉讼服务中心';
    rows.splice(4, 1);
    writeFileSync(join(dir, '改过.csv'), rows.join('\r\n'));
    const edited = runRota(['check', '改过.csv', '--from', '2025-03-01', '--to', '2025-03-31'], dir);
    expect(edited.code).toBe(1);
    const lines = edited.stdout.split('\n');
    const shown = lines.slice(lines.indexOf('✗ 时段 slots'), -2);
    expect(shown).toEqual([
      '✗ 时段 slots',
      '  改过.csv:4 2025-03-12 李华（副院长，正科级）不能担任「带班」（院长）（not eligible for the slot）  [slots]',
      '  2025-03-12 的时段「主接访」（副院长、审判委员会专职委员）应有 1 名领导，只安排了 0 名（slot 主接访 left short）  [slots]',
    ]);
    expect(lines.at(-2)).toMatch(/^不合规 NOT compliant/);
    // JUnit and GitHub carry the same slot lines: a CI run shows each as a failure, an annotation at its line.
    const as = (format: string) => runRota(['check', '改过.csv', '--from', '2025-03-01', '--to', '2025-03-31', '--format', format], dir);
    const junit = as('junit');
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuite name="时段 slots" tests="2" failures="2"');
    expect(junit.stdout).toContain('<testcase classname="slots" name="改过.csv:4">');
    const github = as('github');
    expect(github.code).toBe(1);
    expect(github.stdout).toContain(
      '::error file=改过.csv,line=4,title=rota check slots::2025-03-12 李华（副院长，正科级）不能担任「带班」',
    );
    expect(github.stdout).toContain('::error title=rota check slots::2025-03-12 的时段「主接访」');
    // rota check --batch: the office's own history is the edited table; its one line gives the slot's reason.
    writeFileSync(
      join(dir, 'rota.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'rota.json'), 'utf8')), history: ['改过.csv'] }),
    );
    const batch = runRota(['check', '--batch', '.', '--from', '2025-03-01', '--to', '2025-03-31'], parent);
    expect(batch.code).toBe(1);
    expect(batch.stdout).toContain('2025-03-12 李华（副院长，正科级）不能担任「带班」（院长）（not eligible for the slot）');
    const page = readFileSync('docs/slots.md', 'utf8');
    for (const line of [...shown, '$ rota check 改过.csv --from 2025-03-01 --to 2025-03-31']) expect(page).toContain(line);
  });
});

describe('sessions a round names itself', () => {
  it('a timetable with 第一场 and 第二场 is read back by check, render and a later round; a typo is named with the round’s sessions', () => {
    const own = join(parent, '两场');
    expect(runRota(['init', own, '--preset', 'court']).code).toBe(0);
    const raw = JSON.parse(readFileSync(join(own, 'rota.json'), 'utf8'));
    delete raw.rotation.reception;
    delete raw.rotation.visits;
    const slots = [
      { session: '第一场', hours: { start: '09:00', end: '10:30' } },
      { session: '第二场', hours: { start: '10:30', end: '12:00' } },
    ];
    writeFileSync(join(own, 'rota.json'), JSON.stringify({ ...raw, from: '2025-03-03', to: '2025-03-14', slots }));
    expect(runRota(['plan', '-c', 'rota.json', '--out', 'out'], own).code).toBe(0);
    const published = readFileSync(join(own, 'out/timetable.csv'), 'utf8');
    expect(published).toContain(',第一场,09:00-10:30,');
    expect(published).toContain(',第二场,10:30-12:00,');
    // Read back: rota's own list of sessions (全天, 上午 …) has neither name.
    const check = runRota(['check', 'out/timetable.csv', '-c', 'rota.json'], own);
    expect(check.stderr).not.toContain('不认识的时段');
    expect(check.code).toBe(0);
    const render = runRota(['render', 'out/timetable.csv', '-c', 'rota.json', '--out', 'again'], own);
    expect(render.stderr).not.toContain('不认识的时段');
    expect(render.code).toBe(0);
    const next = { ...raw, from: '2025-03-17', to: '2025-03-28', slots, history: ['out/timetable.csv'] };
    writeFileSync(join(own, 'next.json'), JSON.stringify(next));
    const later = runRota(['plan', '-c', 'next.json'], own);
    expect(later.stderr).not.toContain('不认识的时段');
    expect(later.code).toBe(0);
    writeFileSync(join(own, 'typo.csv'), published.replace(',第二场,', ',第三场,'));
    const typo = runRota(['check', 'typo.csv', '-c', 'rota.json'], own);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('typo.csv:3: 时段: 不认识的时段“第三场”；请写 全天、上午、中午、下午、晚上、第一场、第二场 之一');
  });
});
