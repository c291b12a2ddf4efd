// Text and attribute values in WordprocessingML, escaped as the docx library escapes them.

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** The five XML characters escaped, and the control characters XML 1.0 forbids left out. */
export const xmlText = (s: string) => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

/** A run's <w:t>: xml:space="preserve" only on text with white space in it, which a reader could otherwise collapse. */
export function textElement(s: string): string {
  const text = xmlText(s);
  return /\s/.test(text) ? `<w:t xml:space="preserve">${text}</w:t>` : `<w:t>${text}</w:t>`;
}
