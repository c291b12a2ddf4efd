// A city's ledger: the same schema on a PostgreSQL server (pg). A writer's transaction locks the table
// against other writers (readers go on), so an import's check against what is stored and its writes
// see one version, as with the office's SQLite file.
import pg from 'pg';
import { problem } from '../core/messages.js';
import {
  type CaseStore,
  type CaseTx,
  LedgerError,
  matterOf,
  matterValues,
  SCHEMA_SQL,
  SELECT_SQL,
  selectOneSql,
  upsertSql,
} from './cases-schema.js';

/** The URL without its password, for messages. */
export const withoutPassword = (url: string) => url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');

export async function postgresStore(url: string): Promise<CaseStore> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const c = await pool.connect();
    try {
      // Two first imports at once would race on CREATE TABLE IF NOT EXISTS: one at a time.
      await c.query('SELECT pg_advisory_lock(7426)');
      for (const sql of SCHEMA_SQL) await c.query(sql);
      await c.query("INSERT INTO meta (key, value) VALUES ('schema', '1') ON CONFLICT (key) DO NOTHING");
      await c.query('SELECT pg_advisory_unlock(7426)');
    } finally {
      c.release();
    }
  } catch (e) {
    await pool.end();
    throw new LedgerError([problem('case.database-unreadable', { detail: (e as Error).message }, { file: withoutPassword(url) })]);
  }
  const select = async (q: pg.Pool | pg.PoolClient) => (await q.query(SELECT_SQL)).rows.map(matterOf);
  return {
    name: withoutPassword(url),
    async write(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('LOCK TABLE matters IN SHARE ROW EXCLUSIVE MODE');
        const tx: CaseTx = {
          all: () => select(c),
          one: async (id) => {
            const row = (await c.query(selectOneSql('$1'), [id])).rows[0];
            return row && matterOf(row);
          },
          upsert: async (ms) => {
            const sql = upsertSql((i) => `$${i}`);
            for (const m of ms) await c.query(sql, matterValues(m));
          },
          remove: async (ids) => {
            if (ids.length) await c.query('DELETE FROM matters WHERE id = ANY($1)', [ids]);
          },
        };
        const out = await fn(tx);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    read: () => select(pool),
    close: () => pool.end(),
  };
}
