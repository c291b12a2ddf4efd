// resolveInstitution and parseRank were rewritten to allocate less (issue 24: every leader row of
// every run asks both). Their answers must not change: each is checked here against the code it
// replaced (as at 0cf8c48), on texts made from the few characters where the rules bite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Institution, resolveInstitution } from '../src/core/institutions.js';
import { parseRank, RANK_ALIASES, type RankAliases } from '../src/core/ranks.js';
import { clean } from '../src/core/text.js';
import { RANKS } from '../src/core/types.js';

/** The place-prefix reading before the rewrite (no `*` aliases here: that loop only lost its closures). */
function oldResolve(text: string, known: Institution[]): string | undefined {
  const written = clean(text).replace(/[\s\u3000]+/g, '');
  for (const inst of known) if (inst.name === written || inst.aliases.includes(written)) return inst.name;
  const bare = written.replace(/^中共/, '');
  for (const inst of known) {
    for (const alias of [inst.name, ...inst.aliases]) {
      if (!alias.startsWith('区') || alias.includes('*')) continue;
      const tail = alias.slice(1);
      if (bare.endsWith(tail) && bare.slice(0, bare.length - tail.length).endsWith('区')) return inst.name;
    }
  }
  return undefined;
}

function oldRank(text: string, aliases: RankAliases): string | undefined {
  const written = text.replace(/[\s\u3000]/g, '');
  for (const [rank, spellings] of Object.entries(aliases)) if (written === rank || spellings.includes(written)) return rank;
  return undefined;
}

const text = (chars: string[], maxLength = 8) => fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(''));
const PLACE = ['区', '中', '共', '委', '法', '院', '克', '拉', ' ', '\u3000'];

describe('rewritten for fewer allocations, the same answers', () => {
  it('resolveInstitution: as before, with place prefixes, 中共 and spaces', () => {
    const inst = fc.record({ name: text(PLACE.slice(0, 8), 4), aliases: fc.array(text(PLACE.slice(0, 8), 4), { maxLength: 3 }) });
    fc.assert(
      fc.property(text(PLACE), fc.array(inst, { maxLength: 4 }), (written, known) => {
        expect(resolveInstitution(written, known)).toBe(oldResolve(written, known));
      }),
      { numRuns: 5000 },
    );
  });

  it('parseRank: as before, with spaces and a configuration’s own spellings', () => {
    const chars = ['正', '副', '处', '科', '级', '县', ' ', '\u3000', '\t'];
    const aliases = fc.record(
      Object.fromEntries(RANKS.map((r) => [r, fc.array(text(chars, 3), { maxLength: 2 })])),
    ) as fc.Arbitrary<RankAliases>;
    fc.assert(
      fc.property(text([...chars, '厅']), fc.oneof(fc.constant(RANK_ALIASES), aliases), (written, a) => {
        expect(parseRank(written, a)).toBe(oldRank(written, a));
      }),
      { numRuns: 5000 },
    );
  });
});
