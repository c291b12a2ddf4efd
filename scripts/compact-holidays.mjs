// The national holiday table in the CLI bundles, compact. src/core/holidays/national.ts builds its
// entries from chinese-days' JSON (44 KB with English names and days rota does not read) at load:
// an object literal of a thousand keys to compile, then a map and a sort, in every `rota plan`.
// This plugin runs national.ts once at build time and gives the bundles a module with the same
// exports from one packed string (10 characters a day, already sorted); the build stops if the
// packed module does not give back exactly what national.ts gives.
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

/** nationalEntries and nationalYears as national.ts computes them. */
async function fromSource(path) {
  const out = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20' });
  const exported = await exportsOf(out.outputFiles[0].text);
  const names = Object.keys(exported).sort().join();
  if (names !== 'nationalEntries,nationalYears')
    throw new Error(`compact-holidays: national.ts exports ${names}; teach this plugin the new export`);
  return exported;
}

function packed({ nationalEntries }) {
  const types = [...new Set(nationalEntries.map((e) => e.type))];
  const names = [...new Set(nationalEntries.map((e) => e.name))];
  if (names.length > 36 || types.length > 10) throw new Error('compact-holidays: more names or types than one character can number');
  const days = nationalEntries
    .map((e) => {
      if (Object.keys(e).join() !== 'date,type,name') throw new Error(`compact-holidays: an entry with fields ${Object.keys(e)}`);
      return `${e.date.replaceAll('-', '')}${types.indexOf(e.type)}${names.indexOf(e.name).toString(36)}`;
    })
    .join('');
  return `// src/core/holidays/national.ts as computed at build time (scripts/compact-holidays.mjs).
const TYPES = ${JSON.stringify(types)};
const NAMES = ${JSON.stringify(names)};
const DAYS = ${JSON.stringify(days)};
export const nationalEntries = [];
for (let i = 0; i < DAYS.length; i += 10) {
  nationalEntries.push({
    date: DAYS.slice(i, i + 4) + '-' + DAYS.slice(i + 4, i + 6) + '-' + DAYS.slice(i + 6, i + 8),
    type: TYPES[+DAYS[i + 8]],
    name: NAMES[parseInt(DAYS[i + 9], 36)],
  });
}
export const nationalYears = new Set(nationalEntries.map((e) => +e.date.slice(0, 4)));
`;
}

export const compactHolidays = {
  name: 'compact-holidays',
  setup(b) {
    b.onLoad({ filter: SOURCE }, async (args) => {
      const source = await fromSource(args.path);
      const contents = packed(source);
      if (!isDeepStrictEqual(await exportsOf(contents), source))
        throw new Error('compact-holidays: the packed table differs from national.ts');
      return { contents, loader: 'js', watchFiles: [args.path] };
    });
  },
};
