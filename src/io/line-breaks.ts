// Line breaks as Excel, WPS, old Mac tools and hand edits leave them: CRLF, LF and a lone CR, in any
// mix, each end a row (inside a quoted field they are part of the cell). csv-parse would otherwise
// take the first line's ending for the whole file and glue the rows after a different one together.
// LineCount counts the rows a file holds on its own, so a reader can prove it lost none.

/** csv-parse's record_delimiter: CRLF first, so that it is one break, not two. */
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Counts the lines of CSV text fed in pieces (strings or UTF-8 bytes): breaks outside quotes. */
export class LineCount {
  /** Lines ended by a break so far. */
  private ended = 0;
  private inQuote = false;
  private afterCr = false;
  /** Something since the last break: the last line has no break after it. */
  private open = false;

  feed(piece: string | Uint8Array): void {
    const text = typeof piece === 'string';
    const n = piece.length;
    for (let i = 0; i < n; i++) {
      const c = text ? (piece as string).charCodeAt(i) : (piece as Uint8Array)[i];
      if (c === QUOTE) this.inQuote = !this.inQuote;
      if (!this.inQuote && (c === CR || c === LF)) {
        // The LF of a CRLF ends no second line.
        if (!(c === LF && this.afterCr)) this.ended++;
        this.afterCr = c === CR;
        this.open = false;
      } else {
        this.afterCr = false;
        this.open = true;
      }
    }
  }

  /** Lines in the text fed so far (a last line without a break counts). */
  get lines(): number {
    return this.ended + (this.open ? 1 : 0);
  }
}

/** The lines of a whole text. */
export function countLines(text: string): number {
  const c = new LineCount();
  c.feed(text);
  return c.lines;
}
