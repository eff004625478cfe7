// Prisma CLI configuration (migrate diff/status/deploy, generate). Prisma 6.19 with the WebAssembly
// schema engine ("js") behind a driver adapter: no native engine is needed or downloaded.
// The app itself applies migrations in-process at start (src/migrate.ts); this file is for the CLI.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: { path: path.join(root, 'prisma/migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url && url.startsWith('postgres') && !url.includes('//embedded/')) {
      // adapter-pg 6.19 cannot migrate (prisma/orm#27403: "Column type 'name' could not be
      // deserialized"); 7.10.1 has the fix and works under the 6.19 CLI.
      const { PrismaPg } = await import('@prisma/adapter-pg-migrate');
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const dataDir = path.resolve(process.env.BOT_MANAGER_DATA_DIR ?? path.join(root, '.data'));
    mkdirSync(dataDir, { recursive: true });
    // Typed against driver-adapter-utils 6.10; same runtime contract as 6.19.
    return new PrismaPGlite(new PGlite(path.join(dataDir, 'pglite'))) as never;
  },
});
