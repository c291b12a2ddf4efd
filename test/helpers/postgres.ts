// The case ledger's tests on a real PostgreSQL (.ci/postgres.sh starts one and gives its URL as ROTA_PG_URL;
// CI always has it, by hand: export ROTA_PG_URL=$(bash .ci/postgres.sh)). Each test gets a schema of its own.
import pg from 'pg';
import { expect, it } from 'vitest';

/** A test run against the server, skipped only off CI when no server was started. */
export function itOnPostgres(name: string, fn: (db: string) => Promise<void>, timeout: number): void {
  const url = process.env.ROTA_PG_URL;
  it.skipIf(!url && !process.env.CI)(
    name,
    async () => {
      expect(url, 'ROTA_PG_URL: run .ci/postgres.sh').toBeTruthy();
      const schema = `t${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      try {
        await fn(`${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    },
    timeout,
  );
}
