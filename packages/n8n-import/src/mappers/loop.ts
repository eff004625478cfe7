import { asNumber, obj, unsupported, type Mapper } from '../plan';
import type { N8nConnection } from '../workflow';
import { passOn } from './flow';

/**
 * The n8n nodes of a Loop Over Items' body: reached from its "loop" output (1) without passing
 * the loop itself; and whether the shape is one flow.loop can hold — the body comes back to the
 * loop, leads nowhere else, and holds no other loop.
 */
function loopShape(name: string, connections: readonly N8nConnection[], isLoop: (n: string) => boolean): string | null {
  const out = new Map<string, N8nConnection[]>();
  for (const c of connections) (out.get(c.source) ?? out.set(c.source, []).get(c.source)!).push(c);
  const starts = (out.get(name) ?? []).filter((c) => c.output === 1).map((c) => c.target);
  if (!starts.length) return 'its "loop" output leads nowhere';
  const body = new Set<string>();
  const stack = [...starts];
  let back = false;
  while (stack.length) {
    const at = stack.pop()!;
    if (at === name) {
      back = true;
      continue;
    }
    if (body.has(at)) continue;
    if (isLoop(at))
      return `another loop ("${at}") is inside it, and loops cannot be nested here (move it into a bot of its own and call it with flow.subbot)`;
    body.add(at);
    for (const c of out.get(at) ?? []) stack.push(c.target);
  }
  if (!back) return 'nothing comes back to it from its "loop" output';
  const done = (out.get(name) ?? []).filter((c) => c.output === 0).map((c) => c.target);
  const shared = done.find((d) => body.has(d));
  if (shared) return `"${shared}" is both inside the loop and after it`;
  // Everything reached from the body is in it (n8n runs it per batch too); this is a safeguard.
  for (const n of body) {
    const leak = (out.get(n) ?? []).find((c) => c.target !== name && !body.has(c.target));
    if (leak) return `"${n}" inside the loop also leads to "${leak.target}", outside it`;
  }
  return null;
}

/**
 * Loop Over Items (Split in Batches v3) → flow.loop over its input list, one item at a time as
 * n8n does, ending at a flow.collect node where the loop back arrives; its "done" output leaves
 * from that collect node. Older versions (one output, a loop built with an IF) or a body that
 * does not fit are left out, as before, with the reason.
 */
export const splitInBatches: Mapper = (node, ctx) => {
  const leftOut = (why: string) =>
    unsupported(`Loop Over Items: ${why}; it was left out, its items go straight on and the loop back is removed.`, true);
  if (node.typeVersion < 3) return leftOut('this older version (one output, the loop closed by an IF) has no counterpart');
  const loops = new Set(
    ctx
      .nodes()
      .filter((n) => n.type === node.type && !n.disabled)
      .map((n) => n.name),
  );
  const problem = loopShape(node.name, ctx.connections(), (n) => loops.has(n));
  if (problem) return leftOut(problem);
  const batch = asNumber(node.parameters.batchSize) ?? 1;
  if (batch !== 1)
    ctx.report(`n8n handed the loop ${batch} items at a time; here each item runs on its own (the steps see one item).`, 'batchSize');
  if (obj(node.parameters.options).reset === true) ctx.report('The "reset" option was not imported.', 'options.reset');
  return {
    kind: 'node',
    type: 'flow.loop',
    version: 1,
    loop: true,
    // Inside the loop, the loop's output is the current item: n8n's $json there.
    output: passOn,
    build: () => ({ concurrency: 1, onItemError: 'stop' }),
  };
};
