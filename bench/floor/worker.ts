// The floor's worker process: the bare workflow plus a no-op activity, nothing else.
//   TEMPORAL_ADDRESS=… BENCH_TASK_QUEUE=… node --import tsx bench/floor/worker.ts
import { createRequire } from 'node:module';
import { NativeConnection, Worker } from '@temporalio/worker';

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection,
  taskQueue: process.env.BENCH_TASK_QUEUE ?? 'floor',
  workflowsPath: createRequire(import.meta.url).resolve('./workflow.ts'),
  activities: { noop: async () => {} },
});
process.once('SIGTERM', () => worker.shutdown());
console.log('floor worker ready');
await worker.run();
await connection.close();
