// A .docx whose bytes depend only on its content and a date: docx stamps the time of writing into
// docProps/core.xml and into every zip entry, so both are set to the date (midnight, in the zip's
// local-time fields), entries in name order.
import { type Document, Packer } from 'docx';
import { unzipSync, zipSync } from 'fflate';

const CORE_DATES = /(<dcterms:(created|modified)[^>]*>)[^<]*/g;

/** The document's bytes, its time stamps set to `date` (YYYY-MM-DD). */
export async function fixedDocx(doc: Document, date: string): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
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
