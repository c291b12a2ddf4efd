// A .docx whose bytes depend only on its content and a date: docx stamps the time of writing into
// docProps/core.xml and into every zip entry, so both are set to the date (midnight, in the zip's
// local-time fields), entries in name order. Tables come as text (grid-table.ts), put in place of
// their placeholder paragraphs.
import { type Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';

/**
 * docx's own compiler (Packer's, not in its typings): the parts as text. Packer.toArrayBuffer would
 * deflate them only for this file to inflate and deflate them again; test/docx-table.test.ts and the
 * published-bytes tests catch a docx that no longer has it.
 */
const compiler = (Packer as unknown as { compiler: { compile(doc: Document): Map<string, string | Uint8Array> } }).compiler;
const encoder = new TextEncoder();

const CORE_DATES = /(<dcterms:(created|modified)[^>]*>)[^<]*/g;

/** The paragraph standing for the table `tables[i]` until it is put in (see gridPlaceholder). */
const placeholderStyle = (i: number) => `<w:pStyle w:val="rota-grid-${i}"/>`;

/** A paragraph that fixedDocx replaces with the i-th of its tables; its style name cannot come from text, which is escaped. */
export const gridPlaceholder = (i: number) => new Paragraph({ style: `rota-grid-${i}` });

/** `xml` with the placeholder of table `i` replaced by the table. */
function putTable(xml: string, table: string, i: number): string {
  const at = xml.indexOf(placeholderStyle(i));
  const start = xml.lastIndexOf('<w:p>', at);
  if (at < 0 || start < 0) throw new Error(`fixedDocx: no placeholder for table ${i}`);
  return xml.slice(0, start) + table + xml.slice(xml.indexOf('</w:p>', at) + '</w:p>'.length);
}

/** The document's bytes, its time stamps set to `date` (YYYY-MM-DD), each placeholder replaced by its table's XML. */
export async function fixedDocx(doc: Document, date: string, tables: readonly string[] = []): Promise<Uint8Array> {
  const parts = compiler.compile(doc);
  const edit = (path: string, change: (xml: string) => string) => {
    const xml = parts.get(path);
    if (typeof xml === 'string') parts.set(path, change(xml));
  };
  edit('word/document.xml', (xml) => tables.reduce(putTable, xml));
  edit('docProps/core.xml', (xml) => xml.replace(CORE_DATES, `$1${date}T00:00:00Z`));
  const files = Object.fromEntries(
    [...parts.keys()].sort().map((path) => {
      const data = parts.get(path)!;
      return [path, typeof data === 'string' ? encoder.encode(data) : data];
    }),
  );
  return zipSync(files, { mtime: new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) });
}
