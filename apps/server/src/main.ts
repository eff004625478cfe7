// `bash scripts/start.sh` runs this: the whole product in one process on its embedded default.
import { startServer } from './index';

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer();
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  const hint = e.code === 'EADDRINUSE' ? ' Another program uses this port: set PORT to a free one, e.g. PORT=3001.' : '';
  console.error(`Bot Manager could not start: ${e.message}.${hint}`);
  process.exit(1);
}
server.services.logger.info(`Bot Manager is running at ${server.url}`);
console.log(`\n  Bot Manager is running at ${server.url}\n  Data: ${server.services.config.dataDir}\n  Stop with Ctrl+C.\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: stopping Bot Manager…`);
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
