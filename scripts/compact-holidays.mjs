// The national holiday table in the CLI bundles, compact. src/core/holidays/national.ts builds its
// entries from chinese-days' JSON (44 KB with English names and days rota does not read) at load:
// an object literal of a thousand keys to compile, then a map and a sort, in every `rota plan`.
// This plugin runs national.ts once at build time and gives the bundles a module with the same
// exports from packed strings, one a year (6 characters a day, already sorted), each decoded when a
// day of its year is first asked (a round asks one or two years of twenty-odd); the build stops if
// the packed module does not give back exactly what national.ts gives.
import { isDeepStrictEqual } from 'node:util';
import { build, transform } from 'esbuild';

const SOURCE = /[\\/]src[\\/]core[\\/]holidays[\\/]national\.ts$/;

/** Runs an ES module's code (bundled to CommonJS) and returns its exports. */
async function exportsOf(code) {
  const { code: cjs } = await transform(code, { format: 'cjs', platform: 'node', target: 'node20', loader: 'js' });
  const module = { exports: {} };
  new Function('module', 'exports', cjs)(module, module.exports);
  return module.exports;
}

/** nationalYears and nationalEntriesOf as national.ts computes them. */
async function fromSource(path) {
  const out = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20' });
  const exported = await exportsOf(out.outputFiles[0].text);
  const names = Object.keys(exported).sort().join();
  if (names !== 'nationalEntriesOf,nationalYears')
    throw new Error(`compact-holidays: national.ts exports ${names}; teach this plugin the new export`);
  return exported;
}

/** What a national.ts gives, as plain data to compare: its years, and every entry of each (and of the years either side). */
function table({ nationalYears, nationalEntriesOf }) {
  const years = [...nationalYears].sort();
  return { years, entries: [years[0] - 1, ...years, years.at(-1) + 1].map((y) => nationalEntriesOf(y)) };
}

function packed(source) {
  const { years, entries } = table(source);
  const all = entries.flat();
  const types = [...new Set(all.map((e) => e.type))];
  const names = [...new Set(all.map((e) => e.name))];
  if (names.length > 36 || types.length > 10) throw new Error('compact-holidays: more names or types than one character can number');
  const byYear = Object.fromEntries(
    years.map((y) => [
      y,
      source
        .nationalEntriesOf(y)
        .map((e) => {
          if (Object.keys(e).join() !== 'date,type,name') throw new Error(`compact-holidays: an entry with fields ${Object.keys(e)}`);
          if (!e.date.startsWith(`${y}-`)) throw new Error(`compact-holidays: ${e.date} among ${y}'s entries`);
          return `${e.date.slice(5, 7)}${e.date.slice(8, 10)}${types.indexOf(e.type)}${names.indexOf(e.name).toString(36)}`;
        })
        .join(''),
    ]),
  );
  return `// src/core/holidays/national.ts as computed at build time (scripts/compact-holidays.mjs).
const TYPES = ${JSON.stringify(types)};
const NAMES = ${JSON.stringify(names)};
const DAYS = ${JSON.stringify(byYear)};
const decoded = new Map();
export const nationalYears = new Set(Object.keys(DAYS).map(Number));
export function nationalEntriesOf(year) {
  let out = decoded.get(year);
  if (out) return out;
  const days = Object.hasOwn(DAYS, year) ? DAYS[year] : '';
  out = [];
  for (let i = 0; i < days.length; i += 6) {
    out.push({ date: year + '-' + days.slice(i, i + 2) + '-' + days.slice(i + 2, i + 4), type: TYPES[+days[i + 4]], name: NAMES[parseInt(days[i + 5], 36)] });
  }
  decoded.set(year, out);
  return out;
}
`;
}

export const compactHolidays = {
  name: 'compact-holidays',
  setup(b) {
    b.onLoad({ filter: SOURCE }, async (args) => {
      const source = await fromSource(args.path);
      const contents = packed(source);
      if (!isDeepStrictEqual(table(await exportsOf(contents)), table(source)))
        throw new Error('compact-holidays: the packed table differs from national.ts');
      return { contents, loader: 'js', watchFiles: [args.path] };
    });
  },
};
