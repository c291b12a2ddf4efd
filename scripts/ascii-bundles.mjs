// The CLI's bundles in ASCII only. esbuild writes every string as ASCII (\u escapes) but leaves the
// Chinese characters of regular expression literals as they are, and one character is enough to
// make Node read the whole bundle as two-byte text: twice the memory, a slower read and a slower
// compile at every start (~0.5 ms of the seed plan's 200 KB bundle). Inside a regular expression
// literal, \uXXXX means that same UTF-16 code unit, with or without the u flag, so the escape
// changes nothing the expression matches. Any other non-ASCII text (a template's raw string, a
// comment) stops the build, naming the place, as does a character escaped by a backslash.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const NON_ASCII = /[^\x00-\x7f]/;

/** The text with each non-ASCII UTF-16 code unit written as \uXXXX. */
const escaped = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/** The start and end of every regular expression literal in a script, in order. */
function regexLiterals(file, code) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const out = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push([node.getStart(source), node.end]);
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `code` with its regular expression literals' non-ASCII characters escaped; throws where anything else is not ASCII. */
export function asciiScript(file, code) {
  if (!NON_ASCII.test(code)) return code;
  let out = '';
  let at = 0;
  for (const [start, end] of regexLiterals(file, code)) {
    const literal = code.slice(start, end);
    const escapedChar = /\\[^\x00-\x7f]/.exec(literal);
    if (escapedChar)
      throw new Error(`ascii-bundles: ${file}: ${literal.slice(0, 60)}: drop the backslash before ${escapedChar[0].slice(1)}`);
    out += code.slice(at, start) + escaped(literal);
    at = end;
  }
  out += code.slice(at);
  const left = NON_ASCII.exec(out);
  if (left)
    throw new Error(
      `ascii-bundles: ${file}: non-ASCII text outside a regular expression literal: …${out.slice(Math.max(0, left.index - 60), left.index + 20)}…`,
    );
  return out;
}

/** Rewrites each file in place, in ASCII. */
export function asciiBundles(files) {
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const ascii = asciiScript(file, code);
    if (ascii !== code) writeFileSync(file, ascii);
  }
}
