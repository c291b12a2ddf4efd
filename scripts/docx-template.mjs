// src/io/docx/template.json from the docx library (src/io/docx/template-source.ts): the parts of a
// .docx that do not depend on its text, deflated. Run by npm run build; test/docx-text.test.ts checks
// that the committed file is what docx makes now.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'rota-docx-template-'));
try {
  const outfile = join(dir, 'template.mjs');
  await build({
    entryPoints: ['src/io/docx/template-source.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const { docxTemplate } = await import(pathToFileURL(outfile).href);
  writeFileSync('src/io/docx/template.json', `${JSON.stringify(docxTemplate(), null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
