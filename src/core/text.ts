// Normalising text as clerks type it in Excel/WPS.

/** Middle dots found in names of Uyghur, Kazakh and other names (·, •, ・, ‧, ･, ∙). */
const MIDDLE_DOTS = /[\u00B7\u2022\u30FB\u2027\uFF65\u2219\u22C5]/g;

/** Trims ASCII and full-width spaces (U+3000), NBSP and zero-width marks. */
export function clean(text: string): string {
  if (text === '' || (!edgeSpace(text.charCodeAt(0)) && !edgeSpace(text.charCodeAt(text.length - 1)))) return text;
  return text.replace(/^[\s\u3000\u00A0\u200B\uFEFF]+|[\s\u3000\u00A0\u200B\uFEFF]+$/g, '');
}

/** Could this character be trimmed by clean()? (Fast check before the regular expression.) */
function edgeSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    (c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200b) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

const NAME_NOISE = /[\s\u3000\u00A0\u200B\uFEFF\u00B7\u2022\u30FB\u2027\uFF65\u2219\u22C5]/;

/** A person's name: cleaned, inner spaces removed, every middle dot made U+00B7. */
export function cleanName(text: string): string {
  if (!NAME_NOISE.test(text)) return text;
  return clean(text)
    .replace(/[\s\u3000\u00A0]+/g, '')
    .replace(MIDDLE_DOTS, '\u00B7');
}
