// The floor: a bare Temporal workflow that runs no-op activities in sequence — as many regular
// ('R') and local ('L') ones, in the same order, as one Bot Manager run of the benchmark bot uses.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

interface NoopActivities {
  noop(): Promise<void>;
}

const regular = proxyActivities<NoopActivities>({ startToCloseTimeout: '1 minute' });
const local = proxyLocalActivities<NoopActivities>({ startToCloseTimeout: '1 minute' });

export async function floorWorkflow(shape: string): Promise<void> {
  for (const kind of shape) await (kind === 'L' ? local : regular).noop();
}
