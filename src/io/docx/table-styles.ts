// The styles of rota's tables, defined once in the template (template-source.ts writes them into
// styles.xml when rota is built): a table style gives its cells their fonts, size, line pitch and
// alignment, centred vertically, and the header row's cells name a paragraph style in 黑体. So each of a
// table's thousands of cells is its width and its text: a township year's document.xml is some 475 KB,
// not 850 KB, and deflating it costs about half as much.
import { FONT, SIZE } from './gbt9704.js';

export interface TableStyle {
  /** The table style's name as Word lists it. */
  name: string;
  /** The header cells' paragraph style: its styleId and name. */
  head: { id: string; name: string };
  /** Points. */
  size: number;
  /** Exact line pitch in twips. */
  line: number;
}

/** Every table style, by its styleId: the duty table's in 小五, the change notice's in 小四. */
export const TABLE_STYLES = {
  DutyTable: { name: 'Duty Table', head: { id: 'DutyHead', name: 'Duty Head' }, size: SIZE.小五, line: 230 },
  ChangeTable: { name: 'Change Table', head: { id: 'ChangeHead', name: 'Change Head' }, size: SIZE.小四, line: 320 },
} as const satisfies Record<string, TableStyle>;

export type TableStyleId = keyof typeof TABLE_STYLES;

/**
 * The table style's <w:style>: text centred in FONT.body (digits and letters in FONT.latin) at an exact
 * line pitch with no space around, cells centred vertically. (The docx library has no table styles of
 * its own; template-source.ts imports this text.)
 */
export function tableStyleXml(id: TableStyleId): string {
  const s = TABLE_STYLES[id];
  return (
    `<w:style w:type="table" w:styleId="${id}"><w:name w:val="${s.name}"/><w:basedOn w:val="TableNormal"/>` +
    `<w:pPr><w:spacing w:after="0" w:before="0" w:line="${s.line}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr><w:rFonts w:ascii="${FONT.latin}" w:eastAsia="${FONT.body}" w:hAnsi="${FONT.latin}"/>` +
    `<w:sz w:val="${s.size * 2}"/><w:szCs w:val="${s.size * 2}"/></w:rPr><w:tblPr/><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>`
  );
}
