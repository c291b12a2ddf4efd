import { describe, expect, it } from 'vitest';
import { buildSites, SITE_COLUMNS } from '../src/core/sites.js';
import type { RawRow } from '../src/core/types.js';
import { loadTable } from '../src/io/load.js';

describe('下访 sites list', () => {
  it('reads the bundled township sites', () => {
    const t = loadTable('fixtures/township/sites.csv', SITE_COLUMNS);
    const { sites, problems } = buildSites(t.file, t.rows);
    expect(problems).toEqual([]);
    expect(sites.map((s) => s.name)).toEqual(['小拐村', '南湖村', '团结村', '胜利村', '金龙社区', '新华社区']);
    expect(sites[1]).toMatchObject({ type: '村', monthlyMin: 1, related: ['征地拆迁'] });
  });
  it('names each bad field', () => {
    const rows: RawRow[] = [
      { line: 2, values: { name: '', type: '村' } },
      { line: 3, values: { name: '甲村', type: '乡' } },
      { line: 4, values: { name: '乙村', type: '村', monthlyMin: '1.5' } },
      { line: 5, values: { name: '丙社区', type: '社区' } },
      { line: 6, values: { name: '丙社区', type: '社区' } },
    ];
    const { sites, problems } = buildSites('s.csv', rows);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, '名称'],
      [3, '类型'],
      [4, '每月至少'],
      [6, '名称'],
    ]);
    expect(sites.map((s) => s.name)).toEqual(['丙社区']);
  });
});
