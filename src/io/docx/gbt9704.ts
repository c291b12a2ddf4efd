// Word documents laid out as Chinese official documents are (GB/T 9704-2012 党政机关公文格式): A4, type
// area 156 × 225 mm (top 37 mm, left 28 mm), title in 2号 方正小标宋简体, body in 3号 仿宋_GB2312 on a
// 22-line grid, page numbers "— 1 —" in 4号 宋体 at the outer edge (odd pages right, even pages left, one
// character in), and the 版记 (colophon) at the end of the last page. Offices without those fonts see
// Word's or WPS's substitutes (宋体, 仿宋, 华文中宋); LibreOffice on Linux draws them in Noto Serif CJK SC
// (fonts-noto-cjk). The page set-up is the template (template-source.ts); the text is written here as
// WordprocessingML, the XML the docx library writes for the same runs and paragraphs (test/docx-text.test.ts).
import { textElement, xmlText } from './xml-text.js';

/** 1 mm in twips (1/20 pt): Word's unit for page geometry. */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** Font sizes in points of the Chinese 号 scale. */
export const SIZE = { 二号: 22, 小二: 18, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  number: '宋体',
  latin: 'Times New Roman',
} as const;
/** 225 mm ÷ 22 lines: the body's line pitch, exactly. */
export const LINE = Math.round(mm(225) / 22);
/** 28 characters of 3号 (16 pt) fill 156 mm only 0.2 pt closer together: spacing in twips. */
export const BODY_SPACING = -4;

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
}

/** A run of text in a Chinese font with its Latin companion (digits and letters in Times New Roman): its <w:r>. */
export function run(text: string, style: RunStyle = {}): string {
  const size = style.size ?? SIZE.三号;
  const font = xmlText(style.font ?? FONT.body);
  return (
    `<w:r><w:rPr><w:rFonts w:ascii="${FONT.latin}" w:eastAsia="${font}" w:hAnsi="${FONT.latin}"/>` +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (size === SIZE.三号 ? `<w:spacing w:val="${BODY_SPACING}"/>` : '') +
    `<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/></w:rPr>${textElement(text)}</w:r>`
  );
}

export interface ParaOptions {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters of the run's size (GB/T: 2 for body paragraphs). */
  indent?: number;
  /** Right indent in characters (the signature stands 4 characters in from the right). */
  right?: number;
  /** Exact line pitch in twips; the body grid by default. */
  line?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  border?: 'top' | 'bottom' | 'both';
}

const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' };
const rule = (side: 'top' | 'bottom', thick: boolean) => `<w:${side} w:val="single" w:color="000000" w:sz="${thick ? 8 : 4}" w:space="1"/>`;

/** A paragraph of `runs` (run()'s XML): its <w:p>. */
export function para(runs: readonly string[], o: ParaOptions = {}, size: number = SIZE.三号): string {
  const right = o.right ? ` w:right="${Math.round(o.right * size * 20)}"` : '';
  const first = o.indent ? ` w:firstLine="${Math.round(o.indent * size * 20)}"` : '';
  const border = o.border
    ? `<w:pBdr>${o.border !== 'bottom' ? rule('top', true) : ''}${o.border !== 'top' ? rule('bottom', o.border === 'bottom') : ''}</w:pBdr>`
    : '';
  return (
    `<w:p><w:pPr>${o.keepNext ? '<w:keepNext/>' : ''}${border}` +
    `<w:spacing w:after="${o.after ?? 0}" w:before="${o.before ?? 0}" w:line="${o.line ?? LINE}" w:lineRule="exact"/>` +
    `<w:ind${right}${first}/><w:jc w:val="${JC[o.align ?? 'justify']}"/></w:pPr>${runs.join('')}</w:p>`
  );
}

/** A paragraph that starts a new page (the 附件's), with no other formatting. */
export const pageBreakPara = (runs: readonly string[]) => `<w:p><w:pPr><w:pageBreakBefore/></w:pPr>${runs.join('')}</w:p>`;

/** The 版记: a thick rule, the 抄送 line if any, then the printing office and date between thin rules. */
export function colophon(office: string, date: string, copies?: string): string[] {
  const small = { size: SIZE.四号 };
  const line = Math.round(LINE * 0.9);
  const out: string[] = [];
  if (copies) out.push(para([run(`抄送：${copies}。`, small)], { line, border: 'top', indent: 1 }, SIZE.四号));
  out.push(
    para([run(office, small), run(`\u3000\u3000${date}印发`, small)], { line, border: copies ? 'bottom' : 'both', indent: 1 }, SIZE.四号),
  );
  return out;
}
