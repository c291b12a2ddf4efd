// Normalising text as clerks type it in Excel/WPS.

/** Middle dots found in names of Uyghur, Kazakh and other names (·, •, ・, ‧, ･, ∙). */
const MIDDLE_DOTS = /[\u00B7\u2022\u30FB\u2027\uFF65\u2219\u22C5]/g;

/** Trims ASCII and full-width spaces (U+3000), NBSP and zero-width marks. */
export function clean(text: string): string {
  return text.replace(/^[\s\u3000\u00A0\u200B\uFEFF]+|[\s\u3000\u00A0\u200B\uFEFF]+$/g, '');
}

/** A person's name: cleaned, inner spaces removed, every middle dot made U+00B7. */
export function cleanName(text: string): string {
  return clean(text).replace(/[\s\u3000\u00A0]+/g, '').replace(MIDDLE_DOTS, '\u00B7');
}
