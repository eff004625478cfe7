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

/**
 * A PostgreSQL server of the test's own (initdb into a temp dir, on a free loopback port), for tests
 * that stop and restart the database — never the suite's shared server. Needs the server binaries:
 * BM_TEST_PG_BIN (the README test command sets it), else the newest /usr/lib/postgresql/<v>/bin.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export async function startPrivatePostgres(): Promise<{
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}> {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, chmodSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const net = await import('node:net');
  let bin = process.env.BM_TEST_PG_BIN;
  if (!bin) {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
    if (versions.length) bin = path.join(root, versions.at(-1)!, 'bin');
  }
  if (!bin || !existsSync(path.join(bin, 'pg_ctl')))
    throw new Error('PostgreSQL server binaries not found: set BM_TEST_PG_BIN or install postgresql.');
  const port = await new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'bm-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin!, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin!, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
  const ctl = (action: 'start' | 'stop') =>
    action === 'start'
      ? run('pg_ctl', [
          '-D',
          data,
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
          '-l',
          path.join(dir, 'log'),
          '-w',
          'start',
        ])
      : run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  ctl('start');
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => void ctl('stop'),
    start: async () => void ctl('start'),
    async close() {
      try {
        ctl('stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
