// One step of one matter recorded in the ledger (rota cases advance; the browser app records the same
// steps on its copy in memory, src/web/ledger.ts): the core's transitions, inside one transaction.
import { advance, type CaseEvent } from '../core/cases/states.js';
import type { Matter } from '../core/cases/types.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { type CaseStore, LedgerError } from '../io/cases-schema.js';

/**
 * Records `event` (交办, 受理, 延期, 办结, 回访) on the matter numbered `id`, by the rules of the core's
 * `advance`: the matter after it, or every reason it is refused (no such matter, a step out of order,
 * an empty unit or result, a date before the step before it, an extension unapproved or past 30 days
 * in all) in the catalogue's words, naming the matter by its number only. Refused, nothing is written.
 */
export async function advanceCase(store: CaseStore, id: string, event: CaseEvent): Promise<{ matter?: Matter; problems: Problem[] }> {
  try {
    return await store.write(async (tx) => {
      const m = await tx.one(id);
      if (!m) throw new LedgerError([problem('case.not-found', { id }, { file: store.name })]);
      const r = advance(m, event, store.name);
      // Thrown, so that the store rolls back and writes nothing (an SQLite ledger not there stays not there).
      if (!r.matter) throw new LedgerError(r.problems);
      await tx.upsert([r.matter]);
      return r;
    });
  } catch (e) {
    // By name: the CLI's command bundles each carry their own copy of the class.
    if ((e as Error).name === 'LedgerError') return { problems: (e as LedgerError).problems };
    throw e;
  }
}
