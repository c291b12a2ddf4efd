// A PDF read back with poppler-utils (pdfinfo, pdftotext, pdftoppm): how many pages, what size, what text, what pixels.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts .docx files to PDF in one headless LibreOffice run (its profile kept in `work`); returns each PDF's path. */
export function docxToPdf(files: string[], work: string): string[] {
  const outdir = join(work, 'pdf');
  const profile = `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return files.map((f) => join(outdir, f.replace(/^.*[\\/]/, '').replace(/\.docx$/, '.pdf')));
}

/** Page count and the first page's size in points. */
export const pdfInfo = (pdf: string) => {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: +/Pages:\s+(\d+)/.exec(info)![1], width: +size[1], height: +size[2] };
};
/** The text of the whole PDF or of one page, laid out as printed. */
export const pdfText = (pdf: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', `${page}`, '-l', `${page}`] : []), '-layout', pdf, '-'], { encoding: 'utf8' });
/** A4 portrait in points (210 × 297 mm), as Chromium writes it. */
export const isA4 = ({ width, height }: { width: number; height: number }) => Math.abs(width - 595) < 1.5 && Math.abs(height - 842) < 1.5;

/** Each page rendered at `dpi` as PNG bytes (pdftoppm), for comparing two documents pixel for pixel. */
export function pdfPixels(pdf: string, dpi = 50): Buffer[] {
  const prefix = pdf.replace(/\.pdf$/, `-${dpi}dpi`);
  execFileSync('pdftoppm', ['-r', `${dpi}`, '-png', pdf, prefix]);
  const page = new RegExp(`^${basename(prefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+\\.png$`);
  return readdirSync(dirname(prefix))
    .filter((f) => page.test(f))
    .sort()
    .map((f) => readFileSync(join(dirname(prefix), f)));
}
