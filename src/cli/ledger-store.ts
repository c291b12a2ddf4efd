// The case ledger opened for a command: a database that cannot be opened, or a problem it reports, is
// bad input (exit 2, the clerk's sentence); the connection is closed however the command ends.
import type { CaseStore, LedgerError } from '../io/cases-schema.js';
import { reportProblems } from './exit.js';

export async function withStore<T>(db: string, fn: (store: CaseStore) => Promise<T>): Promise<T> {
  const { openStore } = await import('../app/cases.js');
  let store: CaseStore | undefined;
  try {
    store = await openStore(db);
    return await fn(store);
  } catch (e) {
    if ((e as Error).name === 'LedgerError') reportProblems((e as LedgerError).problems);
    throw e;
  } finally {
    await store?.close();
  }
}
