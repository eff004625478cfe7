// Runs the Prisma CLI against this repo's schema and config (packages/db/prisma.config.ts).
// The CLI downloads native engines before it starts unless these point at an existing file.
// We use the WebAssembly engines ("js" engine, driver adapters), which never execute them, and the
// engines' download host is unreachable from our machines — so any harmless file will do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? '/bin/true',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://embedded/placeholder',
};
const args = process.argv.slice(2);
if (!args.some((a) => a.startsWith('--config'))) args.push('--config', path.join(pkg, 'prisma.config.ts'));
const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env, cwd: pkg });
process.exit(r.status ?? 1);
