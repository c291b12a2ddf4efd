// A .docx built from the docx library's objects (the 领导干部接访表) whose bytes depend only on its
// content and a date: docx stamps the time of writing into docProps/core.xml and into every zip entry,
// so both are set to the date (midnight, in the zip's local-time fields), entries in name order.
import { type Document, Packer } from 'docx';
import { zipSync } from 'fflate';

/**
 * docx's own compiler (Packer's, not in its typings): the parts as text. Packer.toArrayBuffer would
 * deflate them only for this file to inflate and deflate them again.
 */
export const compileDocx = (doc: Document) =>
  (Packer as unknown as { compiler: { compile(doc: Document): Map<string, string | Uint8Array> } }).compiler.compile(doc);

/** A document's time stamps in docProps/core.xml. */
export const CORE_DATES = /(<dcterms:(?:created|modified)[^>]*>)[^<]*/g;

const encoder = new TextEncoder();

/** The document's bytes, its time stamps set to `date` (YYYY-MM-DD). */
export function fixedDocx(doc: Document, date: string): Uint8Array {
  const parts = compileDocx(doc);
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') parts.set('docProps/core.xml', core.replace(CORE_DATES, `$1${date}T00:00:00Z`));
  const files = Object.fromEntries(
    [...parts.keys()].sort().map((path) => {
      const data = parts.get(path)!;
      return [path, typeof data === 'string' ? encoder.encode(data) : data];
    }),
  );
  return zipSync(files, { mtime: new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) });
}
