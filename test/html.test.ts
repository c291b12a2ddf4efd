// timetable.html as text: self-contained, CSP hashes that match, the seed's content, escaping,
// and the month grid with holidays and make-up days (the browser tests check behaviour).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekdayName } from '../src/core/dates.js';
import { renderHtml } from '../src/io/html/page.js';
import { duty, seed } from './helpers/seed.js';

const s = seed();
const html = renderHtml(s.duties, s.config, s.calendar);
const between = (text: string, open: string, close: string) => {
  const out: string[] = [];
  let i = 0;
  while ((i = text.indexOf(open, i)) >= 0) {
    const j = text.indexOf(close, i + open.length);
    out.push(text.slice(i + open.length, j));
    i = j;
  }
  return out;
};

describe('timetable.html', () => {
  it('is one self-contained UTF-8 zh-CN file: no external script, style, font, image or link', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face|<link|<iframe|<img|<object/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['tel:09906245539']);
    expect(between(html, '<style>', '</style>')).toHaveLength(1);
    expect(between(html, '<script>', '</script>')).toHaveLength(1);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).not.toMatch(/\sstyle="/i); // no style attributes (the CSP would refuse them)
  });

  it('its CSP allows exactly the sha256 of its own style and script, and nothing else', () => {
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toBe(
      `default-src 'none'; style-src ${hash(between(html, '<style>', '</style>')[0])}; ` +
        `script-src ${hash(between(html, '<script>', '</script>')[0])}; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
  });

  it("reads as the seed's 公告: title, duty dates, hours in 上午/下午, place, scope, exclusions, booking, the 5-person rule, 特此公告, office and Chinese date", () => {
    for (const text of [
      '<title>关于公布克拉玛依区2024年第四轮领导干部接访安排表的公告</title>',
      '<h1>关于公布克拉玛依区2024年第四轮领导干部接访安排表的公告</h1>',
      '根据《信访工作条例》和《克拉玛依区2024年第四轮领导干部接访、下访工作实施方案》，',
      '<strong>一、接访时间。</strong>2024年12月11日至12月26日期间的每个工作日（共12天），每天上午10:00至下午14:00（北京时间）。',
      '<strong>二、接访地点。</strong>区人民群众信访服务中心（克拉玛依市昆仑路585号）。',
      '<strong>三、接访范围。</strong>全市各族人民群众根据自身利益诉求，向分管相关工作的区领导反映诉求。下列事项不予接访',
      '<li>（一）已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的；</li>',
      '<li>（三）已经受理、正在办理且仍在办理期限内的。</li>',
      '<strong>四、预约方式。</strong>',
      '预约地点：区人民群众信访服务中心；预约电话：0990-6245539。',
      '依法、文明信访；多人反映相同诉求的，来访人数不得超过5人。',
      '联系人：古丽博斯丹，联系电话：<a href="tel:09906245539">0990-6245539</a>',
      '<p class="close">特此公告。</p>',
      '<p class="sign">区信访工作联席会议办公室<br><time datetime="2024-12-09">二〇二四年十二月九日</time></p>',
      '区信访工作联席会议办公室　2024年12月9日发布',
      '按诉求查找',
    ])
      expect(html).toContain(text);
    // The seed names no 文号: none is invented.
    expect(html).not.toContain('class="docno"');
  });

  it('has the table with a caption, 7 column headers with scope and one row per duty; one place on every row is printed once', () => {
    expect(html).toContain('<caption>2024年12月11日至12月26日领导干部接访安排（共12天）</caption>');
    const heads = [...html.matchAll(/<th scope="col"(?: class="pl")?>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(heads.slice(0, 7)).toEqual(['日期', '星期', '接访领导', '职务', '分管工作', '单位', '地点']);
    const rows = [...html.matchAll(/<th scope="row" data-label="日期"><time datetime="([\d-]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(s.duties.map((d) => d.date));
    expect(html).toContain('<table id="timetable" class="timetable oneplace">');
  });

  it('the month grid starts weeks on Monday and puts each duty in its day', () => {
    const grid = html.slice(html.indexOf('<table class="grid">'));
    expect([...grid.matchAll(/<th scope="col" abbr="(星期.)">/g)].map((m) => m[1])).toEqual([
      '星期一',
      '星期二',
      '星期三',
      '星期四',
      '星期五',
      '星期六',
      '星期日',
    ]);
    // The first week row begins Monday 12-09, so 12-11 is its third cell.
    const firstWeek = /<tbody><tr>(.*?)<\/tr>/.exec(grid)![1];
    const cells = firstWeek.split('<td').slice(1);
    expect(cells).toHaveLength(7);
    expect(cells[0]).toContain('>9<');
    expect(cells[2]).toContain('<b>王建国</b>');
    expect(grid.match(/<li /g)).toHaveLength(12);
  });

  it('marks holidays and make-up working days by name (Spring Festival 2025)', () => {
    const config = { ...s.config, from: '2025-01-20', to: '2025-02-10', published: '2025-01-15' };
    const d = [duty({ date: '2025-01-26', weekday: weekdayName('2025-01-26'), name: '王建国' })];
    const page = renderHtml(d, config, s.calendar);
    expect(page).toContain('<span class="tag mk">春节调休上班</span>');
    expect(page.match(/<span class="tag hol">春节<\/span>/g)).toHaveLength(8); // 01-28 … 02-04
    expect(page).toContain('<caption>2025年1月</caption>');
    expect(page).toContain('<caption>2025年2月</caption>');
    // The make-up Sunday holds its duty.
    expect(page).toMatch(
      /<span class="vh">1月<\/span>26<span class="vh">日<\/span><\/span><span class="tag mk">春节调休上班<\/span><ul><li [^>]*><b>王建国<\/b>/,
    );
  });

  it('is the same text whatever order the duties come in', () => {
    expect(renderHtml([...s.duties].reverse(), s.config, s.calendar)).toBe(html);
  });

  it('escapes every input text: no < > " \' & from the inputs reaches the markup (property)', () => {
    const evil = fc.string({ unit: fc.constantFrom(...'<>"\'&=/ aé征'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(evil, evil, evil, evil, evil, (name, title, portfolio, place, office) => {
        const marker = (t: string) => `\u2063${t}\u2063`; // invisible separator, never escaped
        const d = duty({
          date: '2024-12-11',
          weekday: '星期三',
          name: marker(name),
          title: marker(title),
          portfolio: marker(portfolio),
          place: marker(place),
        });
        const page = renderHtml([d], { ...s.config, office: marker(office), title: marker(office) }, s.calendar);
        for (const chunk of page.split('\u2063').filter((_, i) => i % 2 === 1)) {
          expect(chunk).not.toMatch(/[<>"']/);
          expect(chunk.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        }
      }),
      { numRuns: 150 },
    );
  });
});
