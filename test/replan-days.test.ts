// The change level counts days: a 下访 sent to another site is a change (and says so), a day whose
// 接访 and 下访 both change is one day in the notice, and --pin on a published 下访 pins that 下访.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/core/config.js';
import { changedDates, changeLine, diffTimetables } from '../src/core/replan/diff.js';
import { replan, replanPins } from '../src/core/replan/replan.js';
import type { Duty } from '../src/core/types.js';
import { noticeText } from '../src/io/notice.js';
import { leader, weekdays } from './support/plan-facts.js';

const duty = (date: string, kind: Duty['kind'], name: string, place = ''): Duty => ({
  date,
  weekday: '星期一',
  kind,
  institution: '乡政府',
  name,
  title: '副乡长',
  portfolio: '',
  place,
});

describe('changes counted by day', () => {
  it('a 下访 sent to another site is a change, told as a change of site', () => {
    const before = [duty('2025-03-03', '下访', '甲', '东村（东村村委会）')];
    const after = [duty('2025-03-03', '下访', '甲', '西村（西村村委会）')];
    const changes = diffTimetables(before, after);
    expect(changes).toHaveLength(1);
    expect(changeLine(changes[0])).toBe('2025-03-03（下访）：甲（副乡长） 下访地点 原 东村（东村村委会） → 现 西村（西村村委会）');
  });

  it('a day whose 接访 and 下访 both change is one day in the notice', () => {
    const before = [duty('2025-03-03', '接访', '甲'), duty('2025-03-03', '下访', '乙', '东村')];
    const after = [duty('2025-03-03', '接访', '丙'), duty('2025-03-03', '下访', '丁', '东村')];
    const changes = diffTimetables(before, after);
    expect(changes).toHaveLength(2);
    expect(changedDates(changes)).toBe(1);
    const config = { title: '轮值表', from: '2025-03-03', to: '2025-03-07', office: '办公室', contact: { name: '', phone: '' } };
    expect(noticeText(changes, { config })).toContain('有 1 天调整如下');
  });

  it('--pin on a published 下访 keeps it a 下访; a pin with no published duty is a 接访 as before', () => {
    const previous = [duty('2025-03-03', '下访', '甲', '东村'), duty('2025-03-03', '接访', '乙')];
    expect(replanPins({ pins: [{ date: '2025-03-03', name: '甲' }], previous })).toEqual([
      { date: '2025-03-03', name: '甲', kind: '下访' },
    ]);
    expect(replanPins({ pins: [{ date: '2025-03-04', name: '甲' }], previous })).toEqual([{ date: '2025-03-04', name: '甲' }]);
  });

  it('re-planned with nothing changed and a pin on a published 下访: no change at all, the visit at its site', () => {
    const base = presetConfig('township');
    const config = { ...base, from: '2025-03-03', to: '2025-03-07' };
    const days = weekdays('2025-03-03', '2025-03-07');
    const leaders = ['甲', '乙', '丙', '丁'].map((n) => leader(n, '乡政府', { rank: '副科级' }));
    const sites = ['东村', '西村'].map((name, i) => ({
      name,
      type: '村' as const,
      address: name,
      monthlyMin: 1,
      related: [],
      line: i + 2,
    }));
    const previous = [
      duty('2025-03-03', '接访', '甲'),
      duty('2025-03-03', '下访', '乙', '西村（西村）'),
      duty('2025-03-04', '接访', '丙'),
      duty('2025-03-05', '接访', '丁'),
      duty('2025-03-05', '下访', '甲', '西村（西村）'),
      duty('2025-03-06', '接访', '乙'),
      duty('2025-03-07', '接访', '丙'),
      duty('2025-03-07', '下访', '丁', '西村（西村）'),
    ];
    const r = replan({ config, days, leaders, sites, previous, today: '2025-03-03', pins: [{ date: '2025-03-05', name: '甲' }] });
    expect(r.report.status).toBe('optimal');
    expect(r.changes).toEqual([]);
    expect(r.report.changedDays).toBe(0);
    expect(r.duties.find((d) => d.date === '2025-03-05' && d.name === '甲')).toMatchObject({
      kind: '下访',
      place: '西村（西村）',
      pinned: true,
    });
  });
});
