// A standalone API process for scaled deployments (PostgreSQL + a Temporal cluster + separate workers).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@bm/api';
import { connectTemporalClient, createRunScheduler } from '@bm/temporal/client';
import { loadConfig } from './config';
import { createMailer } from './mailer';
import { createServices } from './services';

const config = loadConfig();
if (!config.databaseUrl || !config.temporalAddress) {
  console.error(
    'A standalone API process needs DATABASE_URL (PostgreSQL) and TEMPORAL_ADDRESS. For one machine, run the embedded app instead.',
  );
  process.exit(2);
}
const services = await createServices(config);
const client = await connectTemporalClient({ address: config.temporalAddress, namespace: config.temporalNamespace });
const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
const app = await buildApp({
  services,
  scheduler: createRunScheduler(client, config.taskQueue),
  webhookUrl: (t) => `${publicUrl}/api/hooks/${t}`,
  appUrl: () => config.publicUrl,
  mail: createMailer(config),
  webDist: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist'),
});
await app.listen({ port: config.port, host: config.host });
const stop = async () => {
  await app.close();
  await client.connection.close();
  await services.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
