// The paragraph styles of rota's table cells, defined once in the template (template-source.ts writes
// them into styles.xml when rota is built), so that each of a table's thousands of cells names its style
// instead of repeating its fonts, size, line pitch and alignment: a township year's document.xml is a
// fraction of the size it was with every cell's properties written out.
import { FONT, SIZE } from './gbt9704.js';

export interface CellStyle {
  /** The style's name as Word lists it. */
  name: string;
  /** Chinese font; digits and letters in FONT.latin. */
  font: string;
  /** Points. */
  size: number;
  /** Exact line pitch in twips. */
  line: number;
}

/** Every cell style, by its styleId: the duty table's in 小五, the change notice's in 小四; headers in 黑体. */
export const CELL_STYLES = {
  DutyHead: { name: 'Duty Head', font: FONT.heading, size: SIZE.小五, line: 230 },
  DutyCell: { name: 'Duty Cell', font: FONT.body, size: SIZE.小五, line: 230 },
  ChangeHead: { name: 'Change Head', font: FONT.heading, size: SIZE.小四, line: 320 },
  ChangeCell: { name: 'Change Cell', font: FONT.body, size: SIZE.小四, line: 320 },
} as const satisfies Record<string, CellStyle>;

export type CellStyleId = keyof typeof CELL_STYLES;
