// A standalone worker process for scaled deployments (PostgreSQL + a Temporal cluster).
import { createBotWorker } from '@bm/worker';
import { loadConfig } from './config';
import { createServices } from './services';

const config = loadConfig();
if (!config.databaseUrl || !config.temporalAddress) {
  console.error('A standalone worker needs DATABASE_URL (PostgreSQL) and TEMPORAL_ADDRESS. For one machine, run the embedded app instead.');
  process.exit(2);
}
const services = await createServices(config);
const worker = await createBotWorker({
  services,
  address: config.temporalAddress,
  namespace: config.temporalNamespace,
  taskQueue: config.taskQueue,
});
const stop = async () => {
  await worker.stop();
  await services.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
services.logger.info({ taskQueue: config.taskQueue ?? 'default' }, 'worker started');
await worker.start();
