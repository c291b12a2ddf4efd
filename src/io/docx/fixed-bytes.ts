// A .docx whose bytes depend only on its content and a date: docx stamps the time of writing into
// docProps/core.xml and into every zip entry, so both are set to the date (midnight, in the zip's
// local-time fields), entries in name order. Tables come as text (grid-table.ts), put in place of
// their placeholder paragraphs.
import { type Document, Packer, Paragraph } from 'docx';
import { unzipSync, zipSync } from 'fflate';

const CORE_DATES = /(<dcterms:(created|modified)[^>]*>)[^<]*/g;

/** The paragraph standing for the table `tables[i]` until it is put in (see gridPlaceholder). */
const placeholderStyle = (i: number) => `<w:pStyle w:val="rota-grid-${i}"/>`;

/** A paragraph that fixedDocx replaces with the i-th of its tables; its style name cannot come from text, which is escaped. */
export const gridPlaceholder = (i: number) => new Paragraph({ style: `rota-grid-${i}` });

/** The document's bytes, its time stamps set to `date` (YYYY-MM-DD), each placeholder replaced by its table's XML. */
export async function fixedDocx(doc: Document, date: string, tables: readonly string[] = []): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  const body = 'word/document.xml';
  if (tables.length) {
    let xml = new TextDecoder().decode(files[body]);
    tables.forEach((table, i) => {
      const at = xml.indexOf(placeholderStyle(i));
      const start = xml.lastIndexOf('<w:p>', at);
      const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
      if (at < 0 || start < 0) throw new Error(`fixedDocx: no placeholder for table ${i}`);
      xml = xml.slice(0, start) + table + xml.slice(end);
    });
    files[body] = new TextEncoder().encode(xml);
  }
  const core = 'docProps/core.xml';
  if (files[core]) {
    const xml = new TextDecoder().decode(files[core]).replace(CORE_DATES, `$1${date}T00:00:00Z`);
    files[core] = new TextEncoder().encode(xml);
  }
  const sorted = Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((k) => [k, files[k]]),
  );
  return zipSync(sorted, { mtime: new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) });
}
