// docs/slots.md shows real output: each example's rota.json lines are added to the court example that
// `rota init --preset court` writes (its rotation's reception and visits removed: slots set the
// counts), planned by the built CLI, and the table it prints must be the one the page shows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRota } from './helpers/cli.js';

const page = readFileSync('docs/slots.md', 'utf8');
const examples = [...page.matchAll(/^## (.+)\n[\s\S]*?```json\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```/gm)].map((m) => ({
  title: m[1],
  lines: m[2],
  table: m[3],
}));
const dir = mkdtempSync(join(tmpdir(), 'rota-slots-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/slots.md', () => {
  it('has an example for each shape of slot', () => {
    expect(examples.map((e) => e.title.split(' ')[0])).toEqual([
      '上午、下午各一名领导',
      '信访接待大厅和诉讼服务中心同一天',
      '每周五视频接访',
      '带班领导',
      '三名领导联合接访',
      '约访',
    ]);
  });

  it.each(examples)('$title: rota plan prints the table shown', ({ title, lines, table }) => {
    const folder = join(dir, String(examples.findIndex((e) => e.title === title)));
    expect(runRota(['init', folder, '--preset', 'court']).code).toBe(0);
    const raw = JSON.parse(readFileSync(join(folder, 'rota.json'), 'utf8'));
    delete raw.rotation.reception;
    delete raw.rotation.visits;
    writeFileSync(join(folder, 'rota.json'), JSON.stringify({ ...raw, ...JSON.parse(`{${lines}}`) }));
    const r = runRota(['plan', '-c', 'rota.json'], folder);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.slice(0, r.stdout.indexOf('\n\n未安排的领导'))).toBe(table.trimEnd());
  });
});
