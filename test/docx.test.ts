// The 公告 and the change notice as .docx, opened by a real word processor: LibreOffice Writer (headless)
// converts each to PDF, read back with pdfinfo and pdftotext. The seed 公告 is one A4 page holding every
// duty row; the approval copy is GB/T 9704's measure (3号 仿宋 body, 2号 小标宋 title, "— n —" page
// numbers, 版记); the same inputs give the same bytes; hostile text stays text; the package rota writes
// (its text stored, the template's parts deflated) reads as the same parts deflated as docx wrote them;
// tables that take their cells' formatting from a table style read as the same cells with it written out
// in each (as rota wrote them before): the same pages, pixel for pixel, and the same text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diffTimetables } from '../src/core/replan/diff.js';
import { FONT } from '../src/io/docx/gbt9704.js';
import { announcementFiles, changeNoticeDocx } from '../src/io/docx/index.js';
import { TABLE_STYLES, type TableStyleId } from '../src/io/docx/table-styles.js';
import { docxToPdf, isA4, pdfInfo, pdfPixels, pdfText } from './helpers/pdf.js';
import { duty, seed } from './helpers/seed.js';
import { townshipYear } from './helpers/township-year.js';

const dir = mkdtempSync(join(tmpdir(), 'rota-docx-'));
const s = seed();

/** Writes the documents and converts them all to PDF in one soffice run; returns each PDF's path. */
function toPdf(docs: Record<string, Uint8Array>): Record<string, string> {
  for (const [name, bytes] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), bytes);
  const pdfs = docxToPdf(
    Object.keys(docs).map((n) => join(dir, `${n}.docx`)),
    dir,
  );
  return Object.fromEntries(Object.keys(docs).map((n, i) => [n, pdfs[i]]));
}

const xml = (bytes: Uint8Array, part = 'word/document.xml') => new TextDecoder().decode(unzipSync(bytes)[part]);
const flat = (text: string) => text.replace(/\s+/g, '');

const files = announcementFiles(s.duties, s.config, s.calendar);
const posted = files.find((f) => f.path === 'timetable.docx')!.content as Uint8Array;
const draft = files.find((f) => f.path === '送审稿.docx')!.content as Uint8Array;
const changes = diffTimetables(
  s.duties,
  s.duties.map((d) => (d.date === '2024-12-19' ? { ...d, name: '刘芳', title: '区委常委、组织部部长' } : d)),
);
const notice = changeNoticeDocx(changes, { config: s.config, date: '2024-12-16' });
const hostileName = '</w:t>&amp;"\'';
const hostile = announcementFiles([duty({ date: '2024-12-11', weekday: '星期三', name: hostileName })], s.config, s.calendar)[0]
  .content as Uint8Array;
/** The same parts, every one deflated: the package as the docx library zipped it. */
const deflated = (bytes: Uint8Array) => zipSync(unzipSync(bytes));
/** The same parts, every one stored. */
const stored = (bytes: Uint8Array) => zipSync(unzipSync(bytes), { level: 0 });
const year = townshipYear();
const yearPosted = announcementFiles(year.duties, year.config, year.calendar)[0].content as Uint8Array;

/**
 * The package with each table cell's formatting written out in its paragraph, run and cell properties
 * (fonts, size, line pitch, centring, the table's cell margins), as rota wrote tables before their styles.
 */
function inlineCellStyles(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const doc = xml(bytes).replace(/<w:tbl><w:tblPr><w:tblStyle w:val="(\w+)"\/>(.*?)<\/w:tbl>/gs, (_, id: TableStyleId, rest: string) => {
    const t = TABLE_STYLES[id];
    const mar = /<w:tblCellMar>(.*?)<\/w:tblCellMar>/.exec(rest)![1];
    const pPr = `<w:pPr><w:spacing w:after="0" w:before="0" w:line="${t.line}" w:lineRule="exact"/><w:ind/><w:jc w:val="center"/></w:pPr>`;
    const rPr = (font: string) =>
      `<w:rPr><w:rFonts w:ascii="${FONT.latin}" w:eastAsia="${font}" w:hAnsi="${FONT.latin}"/><w:sz w:val="${t.size * 2}"/><w:szCs w:val="${t.size * 2}"/></w:rPr>`;
    const cells = rest
      .replace(`<w:tblCellMar>${mar}</w:tblCellMar>`, '')
      .replaceAll(`<w:p><w:pPr><w:pStyle w:val="${t.head.id}"/></w:pPr><w:r>`, `<w:p>${pPr}<w:r>${rPr(FONT.heading)}`)
      .replaceAll('<w:p><w:r>', `<w:p>${pPr}<w:r>${rPr(FONT.body)}`)
      .replace(/(<w:tcW [^>]*\/>)<\/w:tcPr>/g, `$1<w:tcMar>${mar}</w:tcMar><w:vAlign w:val="center"/></w:tcPr>`);
    return `<w:tbl><w:tblPr>${cells}</w:tbl>`;
  });
  expect(doc).not.toMatch(/w:pStyle|w:tblStyle|w:tblCellMar/);
  files['word/document.xml'] = new TextEncoder().encode(doc);
  return zipSync(files);
}

const pdf = toPdf({
  posted,
  draft,
  notice,
  hostile,
  postedDeflated: deflated(posted),
  draftDeflated: deflated(draft),
  postedInline: inlineCellStyles(posted),
  draftInline: inlineCellStyles(draft),
  noticeInline: inlineCellStyles(notice),
  year: yearPosted,
  yearStored: stored(yearPosted),
});

describe('timetable.docx and 送审稿.docx in LibreOffice Writer', () => {
  it('the seed 公告 is one A4 page holding every duty row, 特此公告, the office and the date in Chinese', () => {
    const info = pdfInfo(pdf.posted);
    expect(info.pages).toBe(1);
    expect(isA4(info)).toBe(true);
    const text = flat(pdfText(pdf.posted));
    for (const d of s.duties) {
      expect(text).toContain(flat(`${+d.date.slice(5, 7)}月${+d.date.slice(8)}日${d.weekday}${d.institution}${d.name}`));
    }
    for (const words of [
      '关于公布克拉玛依区2024年第四轮领导干部接访安排表的公告',
      '特此公告。',
      '区信访工作联席会议办公室',
      '二〇二四年十二月九日',
    ]) {
      expect(text).toContain(flat(words));
    }
  });

  it('the approval copy is A4 with GB/T 9704 margins, 2号 小标宋 title, 3号 仿宋 body on 22 lines, the table as 附件 and a 版记', () => {
    const info = pdfInfo(pdf.draft);
    expect(isA4(info)).toBe(true);
    const text = flat(pdfText(pdf.draft));
    expect(text).toContain('（送审稿）');
    expect(text).toContain('附件：克拉玛依区2024年第四轮领导干部接访安排表');
    for (const d of s.duties) expect(text).toContain(flat(`${d.weekday}${d.institution}${d.name}`));
    expect(text).toContain('区信访工作联席会议办公室2024年12月9日印发');
    const doc = xml(draft);
    // top 37 mm, left 28 mm, right 26 mm, bottom 35 mm: a 156 × 225 mm type area; 225 mm / 22 lines.
    expect(doc).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    expect(doc).toContain('<w:docGrid w:linePitch="580"/>');
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/); // 2号 = 22 pt
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:spacing w:val="-4"\/><w:sz w:val="32"\/>/); // 3号 = 16 pt
  });

  it('pages are numbered "— n —" in 4号 宋体, odd at the right and even at the left', () => {
    const parts = unzipSync(draft);
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const x = xml(draft, f);
      expect(x).toContain('PAGE');
      expect(x).toContain('— </w:t>');
      expect(x).toMatch(/w:eastAsia="宋体"[^>]*\/><w:sz w:val="28"\/>/); // 4号 = 14 pt
    }
    expect(xml(draft, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const pages = pdfInfo(pdf.draft).pages;
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) expect(pdfText(pdf.draft, p)).toMatch(new RegExp(`—\\s*${p}\\s*—`));
  });

  it('the same inputs give the same bytes (no clock inside the file)', () => {
    const again = announcementFiles(s.duties, s.config, s.calendar);
    expect(Buffer.from(again[0].content as Uint8Array).equals(Buffer.from(posted))).toBe(true);
    expect(Buffer.from(again[1].content as Uint8Array).equals(Buffer.from(draft))).toBe(true);
    expect(xml(posted, 'docProps/core.xml')).toContain('2024-12-09T00:00:00Z');
  });

  it('a round that names co-receivers has a 陪同单位 column; the seed has none', () => {
    const co = s.duties.map((d) => (d.date === '2024-12-13' ? { ...d, with: ['区自然资源局', '区住建局'] } : { ...d, with: [] }));
    const withCo = xml(announcementFiles(co, s.config, s.calendar)[0].content as Uint8Array);
    expect(withCo).toContain('>陪同单位</w:t>');
    expect(withCo).toContain('>区自然资源局、区住建局</w:t>');
    expect(xml(posted)).not.toContain('陪同单位');
  });

  it('reads in Writer as the same parts deflated: the same pages and the same text', () => {
    for (const [ours, theirs] of [
      [pdf.posted, pdf.postedDeflated],
      [pdf.draft, pdf.draftDeflated],
    ]) {
      expect(pdfInfo(ours).pages).toBe(pdfInfo(theirs).pages);
      expect(pdfText(ours)).toBe(pdfText(theirs));
    }
    expect(pdfInfo(pdf.draft).pages).toBe(3);
  });

  it("reads in Writer as the same tables with each cell's formatting written out: the same pages, pixels and text", () => {
    for (const [ours, inline] of [
      [pdf.posted, pdf.postedInline],
      [pdf.draft, pdf.draftInline],
      [pdf.notice, pdf.noticeInline],
    ]) {
      expect(pdfInfo(ours).pages).toBe(pdfInfo(inline).pages);
      expect(pdfText(ours)).toBe(pdfText(inline));
      const [a, b] = [pdfPixels(ours), pdfPixels(inline)];
      expect(a.length).toBe(pdfInfo(ours).pages);
      for (const [i, png] of a.entries()) expect(png.equals(b[i]), `${ours} page ${i + 1}`).toBe(true);
    }
    expect(xml(posted)).toContain('<w:tblStyle w:val="DutyTable"/>');
    expect(xml(notice)).toContain('<w:tblStyle w:val="ChangeTable"/>');
  });

  it("a township year's, its document.xml deflated, reads as the same parts stored: a page or more a month, the same text", () => {
    expect(pdfInfo(pdf.year).pages).toBeGreaterThanOrEqual(12);
    expect(pdfInfo(pdf.year).pages).toBe(pdfInfo(pdf.yearStored).pages);
    expect(pdfText(pdf.year)).toBe(pdfText(pdf.yearStored));
    expect(flat(pdfText(pdf.year))).toContain(flat(year.duties.at(-1)!.name));
  });

  it('a hostile name is text in the document, not markup', () => {
    expect(pdfInfo(pdf.hostile).pages).toBe(1);
    expect(flat(pdfText(pdf.hostile))).toContain(flat(hostileName));
  });
});

describe('change-notice.docx in LibreOffice Writer', () => {
  it('is A4, one row per changed day with 原安排 and 现安排, dated in Chinese', () => {
    const info = pdfInfo(pdf.notice);
    expect(info.pages).toBe(1);
    expect(isA4(info)).toBe(true);
    const text = flat(pdfText(pdf.notice));
    expect(text).toContain('接访安排调整公告');
    expect(text).toContain(flat('2024年12月19日星期四'));
    expect(text).toContain('艾力·买买提');
    expect(text).toContain('刘芳');
    expect(text).toContain('二〇二四年十二月十六日');
  });
});
