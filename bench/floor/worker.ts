// The floor's process: the bare workflow plus a no-op activity, and — like the embedded app — the
// client in the same process on the same connection (eager start), behind a minimal HTTP endpoint
// that starts one workflow and answers when it finished (the same round trip as POST …/runs {wait}).
//   TEMPORAL_ADDRESS=… BENCH_TASK_QUEUE=… BENCH_SHAPE=LLRLLL node --import tsx bench/floor/worker.ts
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';

const taskQueue = process.env.BENCH_TASK_QUEUE ?? 'floor';
const shape = process.env.BENCH_SHAPE ?? 'R';
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection,
  taskQueue,
  workflowsPath: createRequire(import.meta.url).resolve('./workflow.ts'),
  activities: { noop: async () => {} },
});
const client = new Client({ connection });
let n = 0;
const http = createServer((req, res) => {
  client.workflow
    .execute('floorWorkflow', { taskQueue, workflowId: `floor-${process.pid}-${n++}`, args: [shape], requestEagerStart: true })
    .then(
      () => res.writeHead(200).end('ok'),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  req.resume();
});
http.listen(0, '127.0.0.1', () => console.log(`floor worker ready on ${(http.address() as { port: number }).port}`));
process.once('SIGTERM', () => {
  http.close();
  worker.shutdown();
});
await worker.run();
await connection.close();
