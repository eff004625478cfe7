import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The PostgreSQL major version the installed PGlite runs (PGlite 0.5 = PostgreSQL 18). */
const CURRENT_MAJOR = '18';

/**
 * PGlite 0.5 runs PostgreSQL 18, which cannot open a data directory written by PGlite 0.3
 * (PostgreSQL 17): it only fails with "PGlite failed to initialize properly". A PostgreSQL 17
 * directory is therefore upgraded once, at the first start after the update: dumped with the old
 * PGlite and its pg_dump (both WebAssembly, kept as npm aliases for this alone), restored into a
 * new directory, and swapped in; the old directory stays next to it as `<dir>.pg17-backup`.
 * Restoring into a separate directory first means a failure leaves the original untouched.
 *
 * Returns the backup path when it upgraded, undefined when there was nothing to do.
 */
export async function upgradePgliteDataDir(dir: string): Promise<string | undefined> {
  const versionFile = path.join(dir, 'PG_VERSION');
  if (!existsSync(versionFile)) return undefined;
  const major = readFileSync(versionFile, 'utf8').trim();
  if (major === CURRENT_MAJOR) return undefined;
  if (major !== '17') {
    throw new Error(
      `The embedded database in ${dir} was written by PostgreSQL ${major}; this version can open PostgreSQL 17 and ${CURRENT_MAJOR} data only.`,
    );
  }

  const [{ PGlite: PGlite17 }, { pgDump }, { PGlite }] = await Promise.all([
    import('@electric-sql/pglite-pg17'),
    import('@electric-sql/pglite-tools-pg17/pg_dump'),
    import('@electric-sql/pglite'),
  ]);
  const old = new PGlite17(dir);
  let dump: string;
  try {
    await old.waitReady;
    // --inserts: plain INSERT statements, so the dump restores through exec() (no COPY FROM stdin).
    // Cast: pglite-tools' declarations name the workspace's (new) PGlite type; at run time it only
    // talks to the instance it is given, here the PostgreSQL 17 one it was built for.
    dump = await (await pgDump({ pg: old as never, args: ['--inserts'] })).text();
  } finally {
    await old.close();
  }

  const staging = `${dir}.pg${CURRENT_MAJOR}-upgrading`;
  rmSync(staging, { recursive: true, force: true });
  const fresh = new PGlite(staging);
  try {
    await fresh.waitReady;
    await fresh.exec(dump);
  } catch (err) {
    await fresh.close().catch(() => undefined);
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not upgrade the embedded database in ${dir} from PostgreSQL 17 to ${CURRENT_MAJOR}; it is unchanged.`, {
      cause: err,
    });
  }
  await fresh.close();

  const backup = `${dir}.pg17-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(dir, backup);
  renameSync(staging, dir);
  return backup;
}
