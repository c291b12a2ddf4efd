import { describe, expect, it } from 'vitest';
import { xinjiangEntries, xinjiangSources } from '../src/core/holidays/xinjiang.js';

describe('Xinjiang data file', () => {
  it('cites an announcement for every year it holds', () => {
    const years = [...new Set(xinjiangEntries.map((e) => +e.date.slice(0, 4)))].sort();
    expect(years).toEqual([2024, 2025, 2026]);
    for (const y of years) expect(xinjiangSources.find((s) => s.year === y)?.citation).toMatch(/\d{4}年节假日放假/);
  });
  it('2025 is as the regional notice says: 肉孜节 3月29日至31日, 古尔邦节 6月6日至10日', () => {
    const of = (name: string) => xinjiangEntries.filter((e) => e.date.startsWith('2025') && e.name === name).map((e) => e.date);
    expect(of('肉孜节')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(of('古尔邦节')).toEqual(['2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09', '2025-06-10']);
    expect(xinjiangSources.find((s) => s.year === 2025)?.verified).toBe(true);
  });
  it('only names the two festivals', () => {
    expect(new Set(xinjiangEntries.map((e) => e.name))).toEqual(new Set(['肉孜节', '古尔邦节']));
  });
});
