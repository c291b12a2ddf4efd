// The 公告's words: dates in Chinese numerals, the real duty dates (never "X至Y的工作日" over a
// partial set), hours as 上午/下午, and a weekend the office declared 上班 not called 调休上班.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../src/core/calendar.js';
import { weekdayName } from '../src/core/dates.js';
import { parsePattern, patternCalendar } from '../src/core/patterns.js';
import { announcementText, cnDateList, dutyDatesWords, hoursWords } from '../src/io/announcement.js';
import { cnHanDate, hanNumber } from '../src/io/html/format.js';
import { renderHtml } from '../src/io/html/page.js';
import { duty, seed } from './helpers/seed.js';

const s = seed();
const national = makeCalendar();

/** Reads Chinese numerals back, digit by digit or with 十 (the oracle for the writers above). */
function readHan(text: string): number {
  const d = (c: string) => '〇一二三四五六七八九'.indexOf(c);
  if (!text.includes('十')) return Number([...text].map(d).join(''));
  const [tens, ones] = text.split('十');
  return (tens ? d(tens) : 1) * 10 + (ones ? d(ones) : 0);
}

describe('dates in Chinese numerals (GB/T 9704 成文日期)', () => {
  it('dates the seed 公告 二〇二四年十二月九日', () => {
    expect(cnHanDate('2024-12-09')).toBe('二〇二四年十二月九日');
    expect(cnHanDate('2020-10-30')).toBe('二〇二〇年十月三十日');
    expect(cnHanDate('2021-11-20')).toBe('二〇二一年十一月二十日');
  });
  it('every date reads back as itself (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const m = /^(.+)年(.+)月(.+)日$/.exec(cnHanDate(iso))!;
        expect([readHan(m[1]), readHan(m[2]), readHan(m[3])]).toEqual(iso.split('-').map(Number));
      }),
    );
    for (let n = 1; n < 100; n++) expect(readHan(hanNumber(n))).toBe(n);
  });
});

describe('the duty dates in words', () => {
  it('a range only when every working day of it is a duty day', () => {
    expect(dutyDatesWords(['2024-12-11', '2024-12-12', '2024-12-13', '2024-12-16'], s.config, national)).toBe(
      '2024年12月11日至12月16日期间的每个工作日（共4天）',
    );
  });
  it('6 duty days out of 17 working days are listed, not promised as "the working days"', () => {
    const dates = ['2021-02-01', '2021-02-03', '2021-02-05', '2021-02-08', '2021-02-22', '2021-02-26'];
    const words = dutyDatesWords(dates, { from: '2021-02-01', to: '2021-02-28' }, national);
    expect(words).toBe('2021年2月1日、3日、5日、8日、22日、26日（共6天）');
    expect(words).not.toContain('工作日');
  });
  it('one day is that day, not "X至X的工作日"', () => {
    expect(dutyDatesWords(['2016-02-27'], { from: '2016-02-27', to: '2016-02-27' }, national)).toBe('2016年2月27日');
  });
  it('the year and month are written again only when they change', () => {
    expect(cnDateList(['2024-12-30', '2024-12-31', '2025-01-02', '2025-02-03'])).toBe('2024年12月30日、31日、2025年1月2日、2月3日');
  });
  it('a long partial list points to the table', () => {
    const mondays = national.workingDays('2025-01-01', '2025-12-31').filter((d) => weekdayName(d) === '星期一');
    expect(dutyDatesWords(mondays, { from: '2025-01-01', to: '2025-12-31' }, national)).toMatch(
      /^2025年1月6日至12月29日期间的\d+天（具体日期见下表）$/,
    );
  });
});

describe('hours as 上午 / 下午', () => {
  it.each([
    ['08:30', '11:30', '上午8:30—11:30'],
    ['15:00', '17:30', '下午15:00—17:30'],
    ['10:00', '14:00', '上午10:00至下午14:00'],
    ['16:00', '20:00', '下午16:00至晚上20:00'],
  ])('%s–%s is %s', (a, b, words) => expect(hoursWords(a, b)).toBe(words));
});

describe('weekend duty days', () => {
  const local = makeCalendar({
    region: 'xinjiang',
    overrides: [{ date: '2024-12-14', type: '上班', name: '公开接访日', source: { file: 'holidays.csv', line: 2 } }],
  });
  const config = { ...s.config, from: '2024-12-09', to: '2024-12-14' };
  const d = [duty({ date: '2024-12-14', weekday: '星期六', name: '王建国' })];

  it('a Saturday the holidays file declares 上班 is not called 调休上班, on the page or in the text', () => {
    const page = renderHtml(d, config, local);
    expect(page).toContain('<span class="tag mk">公开接访日（上班）</span>');
    expect(page).not.toContain('调休上班</span>');
    expect(announcementText(d, config, local).items[0].text).toContain(
      '2024年12月14日，每天上午10:00至下午14:00（北京时间）。其中12月14日（星期六）照常接访。',
    );
  });
  it("the State Council's make-up Sunday is called 调休上班", () => {
    const text = announcementText(
      [duty({ date: '2025-01-26', weekday: '星期日', name: '王建国' })],
      { ...s.config, from: '2025-01-20', to: '2025-02-10' },
      s.calendar,
    );
    expect(text.items[0].text).toContain('其中1月26日（星期日，春节调休上班）照常接访。');
    expect(text.items[0].text).toContain('其间春节放假');
  });
});

describe('a duty-day pattern', () => {
  it('每周三 over October 2025: the real Wednesdays, the holiday rule and the day it moved, never "每个工作日"', () => {
    const calendar = patternCalendar(makeCalendar({ region: 'xinjiang' }), parsePattern('每周三').pattern!);
    const config = { ...s.config, from: '2025-09-29', to: '2025-10-31', pattern: '每周三' };
    const ds = calendar.workingDays(config.from, config.to).map((date) => duty({ date, name: '王建国' }));
    expect(announcementText(ds, config, calendar).items[0].text).toBe(
      '2025年10月9日、15日、22日、29日（共4天），每天上午10:00至下午14:00（北京时间）。接访日为每周三；' +
        '遇双休日或法定节假日（含自治区规定的肉孜节、古尔邦节）顺延至下一个工作日。其间国庆节、中秋放假。其中10月1日（国庆节）顺延至10月9日。',
    );
  });
});

describe('the 公告 text', () => {
  it('leaves out what the configuration does not say and invents no 文号', () => {
    const { announcement: _a, ...bare } = s.config;
    const text = announcementText(s.duties, { ...bare, contact: { name: '', phone: '' } }, s.calendar);
    expect(text.number).toBeUndefined();
    expect(text.contact).toBeUndefined();
    expect(text.items.map((i) => i.head)).toEqual(['一、接访时间', '二、接访地点', '三、来访须知']);
    expect(text.lead.startsWith('为畅通')).toBe(true);
  });
  it('is the same words whatever the order of the duties: the page and both Word documents share one (property)', () => {
    // Places and sessions of their own, which the words list in the timetable's order.
    const hours = [
      { session: '上午', hours: { start: '08:30', end: '11:30' } },
      { session: '下午', hours: { start: '15:00', end: '17:30' } },
    ];
    const sites = s.duties.map((d, i) => ({ ...d, place: `第${i % 3}接待室`, ...hours[i % 2] }));
    fc.assert(
      fc.property(fc.shuffledSubarray(sites, { minLength: 1 }), fc.nat(), (ds, k) => {
        const turned = [...ds.slice(k % ds.length), ...ds.slice(0, k % ds.length)].reverse();
        expect(announcementText(turned, s.config, s.calendar)).toEqual(announcementText(ds, s.config, s.calendar));
      }),
      { numRuns: 200 },
    );
  });
  it('says the representatives rule with the number given', () => {
    const text = announcementText(s.duties, { ...s.config, announcement: { representatives: 3 } }, s.calendar);
    expect(text.items.at(-1)?.text).toContain('来访人数不得超过3人');
  });
});
