// A .docx of rota's: the template's parts (template.json, made by the docx library when rota is built,
// deflated) with the document's own two, deflated only when large (package.ts): word/document.xml
// (the template's page set-up around the text) and docProps/core.xml (title, office, and the document's
// date as both time stamps, so the same inputs give the same bytes).
import { type GridTable, gridTableXml } from './grid-table.js';
import { textPart, type ZipPart, zipParts } from './package.js';
import template from './template.json' with { type: 'json' };
import { xmlText } from './xml-text.js';

export interface DocxPage {
  title: string;
  office: string;
  /** YYYY-MM-DD: the date every time stamp inside the file takes. */
  date: string;
  children: Block[];
}

/** What a page holds: paragraphs (gbt9704.ts's para), tables, and XML already encoded as UTF-8 (a table two documents share). */
export type Block = string | { grid: GridTable } | Uint8Array;

const encoder = new TextEncoder();
let templateParts: ZipPart[] | undefined;

/**
 * Bytes from base64: in Node by Buffer's native decoder, since Node's atob is a JavaScript loop (some
 * 4 ms of a `rota plan --out` for the template's 11 KB); in the browser app, which has no Buffer, by
 * atob and a loop (Uint8Array.from a string walks it with an iterator and a call per byte).
 */
function fromBase64(text: string): Uint8Array {
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(text, 'base64'));
  const chars = atob(text);
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) out[i] = chars.charCodeAt(i);
  return out;
}

/** docProps/core.xml; an empty title or office is left out, as docx leaves it out. */
function coreXml(page: DocxPage): string {
  const element = (name: string, value: string) => (value ? `<${name}>${xmlText(value)}</${name}>` : '');
  const { head, tail } = template.core;
  return (
    head +
    element('dc:title', page.title) +
    element('dc:creator', page.office) +
    element('cp:lastModifiedBy', page.office) +
    tail.join(`${page.date}T00:00:00Z`)
  );
}

/**
 * word/document.xml: the template's page set-up around the blocks, each run of text encoded once and
 * encoded blocks copied as they are (encoding is most of the cost of a year's table besides deflating it).
 */
function documentXml(children: readonly Block[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  let text = template.document.head;
  for (const b of children) {
    if (b instanceof Uint8Array) {
      pieces.push(encoder.encode(text), b);
      text = '';
    } else text += typeof b === 'string' ? b : gridTableXml(b.grid);
  }
  pieces.push(encoder.encode(text + template.document.tail));
  const out = new Uint8Array(pieces.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of pieces) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/** The .docx bytes, the same for the same page. */
export function packDocx(page: DocxPage): Uint8Array {
  templateParts ??= template.parts.map((p) => ({ ...p, method: 8, data: fromBase64(p.data) }));
  const parts = [
    ...templateParts,
    textPart('word/document.xml', documentXml(page.children)),
    textPart('docProps/core.xml', encoder.encode(coreXml(page))),
  ];
  return zipParts(
    parts.sort((a, b) => (a.path < b.path ? -1 : 1)),
    page.date,
  );
}
