// Test helpers: a fresh database per test, on PGlite or on the PostgreSQL server the README test
// command starts (BM_TEST_PG_ADMIN_URL / BM_TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';

export const postgresAvailable = () => !!process.env.BM_TEST_PG_ADMIN_URL;

/** Creates an empty database on the test PostgreSQL server and returns its URL. */
export async function createTestPostgresDatabase(prefix = 'bm'): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.BM_TEST_PG_ADMIN_URL;
  if (!admin) throw new Error('BM_TEST_PG_ADMIN_URL is not set: run the suite through the README test command.');
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}
