/**
 * Where a process's CPU went: reads V8 CPU profiles (`BENCH_PROFILE_DIR` of throughput/api) and sums
 * self time by what owns the code (PGlite, Temporal's SDK, Fastify, our packages…), then the top
 * functions. `pnpm --filter @bm/bench profile [--skip=<seconds>] <file.cpuprofile>…` prints JSON and a table.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { table } from './lib/report';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const NODE = 'Node.js internals (streams, http, crypto)';
const NATIVE = 'native (V8, libuv, Temporal core bridge)';

const SPECIAL: Record<string, string> = {
  '(idle)': 'idle',
  '(garbage collector)': 'garbage collector',
  '(program)': NATIVE,
  '(root)': NATIVE,
};

/** First match wins: a package's code is named by the package, ours by its folder. */
const OWNERS: [RegExp, string][] = [
  [/@electric-sql\/pglite|pglite-prisma-adapter/, 'PGlite (database)'],
  [/@prisma|\/generated\/client|packages\/db\/src\/generated/, 'Prisma client'],
  [/@temporalio/, 'Temporal SDK'],
  [/fastify|find-my-way|avvio|light-my-request|pino|@fastify/, 'Fastify + pino'],
  [/node_modules\/zod|zod\/v4/, 'zod'],
  [/node_modules\/openai|@anthropic-ai|@google\/genai/, 'provider SDKs'],
  [/undici|node:internal\/deps\/undici/, 'undici (HTTP client)'],
  [/protobufjs|@grpc|long\//, 'protobuf/gRPC'],
  [/jsonata/, 'JSONata'],
  [/\/packages\/db\//, 'ours: packages/db'],
  [/\/packages\/llm\//, 'ours: packages/llm'],
  [/\/packages\/net\//, 'ours: packages/net'],
  [/\/packages\/(graph|contract|secrets|i18n)\//, 'ours: graph, contract, secrets, i18n'],
  [/\/apps\/api\//, 'ours: apps/api'],
  [/\/temporal\//, 'ours: temporal (workflow + activities)'],
  [/\/nodes\//, 'ours: nodes'],
  [/\/apps\//, 'ours: apps (server, worker)'],
  [/^node:|^internal\//, NODE],
  [/node_modules/, 'other packages'],
];

const ownerOfUrl = (url: string) => OWNERS.find(([re]) => re.test(url))?.[1] ?? 'other';

/**
 * Native functions (postMessage, writeBuffer) and WebAssembly have no script of their own: they
 * count for the nearest caller that has one, so PGlite's wasm counts as PGlite.
 */
function ownership(profile: CpuProfile) {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    const up = parent.get(id);
    const inherited = up && !Object.hasOwn(SPECIAL, up.callFrame.functionName) ? ownerOf(up.id) : undefined;
    const own = url && !url.startsWith('wasm://') ? ownerOfUrl(url) : undefined;
    // Node's own streams, sockets and worker messages count for the package that used them, when there is one.
    const owner = Object.hasOwn(SPECIAL, functionName)
      ? SPECIAL[functionName]!
      : own && own !== NODE
        ? own
        : inherited && inherited !== NATIVE
          ? inherited
          : (own ?? NATIVE);
    memo.set(id, owner);
    return owner;
  };
  return { byId, ownerOf };
}

/** `skipSeconds`: leave out the start (module loading, bundling the workflows, warm-up). */
export function summarise(profile: CpuProfile, skipSeconds = 0, top = 15) {
  const { byId, ownerOf } = ownership(profile);
  const selfUs = new Map<number, number>();
  let clock = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    clock += dt;
    if (clock >= skipSeconds * 1e6) selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  });
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const owner = ownerOf(id);
    if (owner === 'idle') {
      idle += us;
      continue;
    }
    total += us;
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    busySeconds: Math.round(total / 1e4) / 100,
    idleSeconds: Math.round(idle / 1e4) / 100,
    owners: sorted(owners).map(([owner, us]) => ({ owner, percent: share(us) })),
    topFunctions: sorted(functions)
      .slice(0, top)
      .map(([fn, us]) => ({ fn, percent: share(us) })),
  };
}

const args = process.argv.slice(2);
const skip = Number(args.find((a) => a.startsWith('--skip='))?.slice(7) ?? 0);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: profile [--skip=<seconds>] <file.cpuprofile>…');
  process.exit(2);
}
for (const file of files) {
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, skip);
  console.log(JSON.stringify({ file: basename(file), ...summary }, null, 2));
  console.log(`\n${basename(file)}: ${summary.busySeconds} s busy, ${summary.idleSeconds} s idle\n`);
  console.log(table(summary.owners.map((o) => ({ 'owner of the code': o.owner, '% of busy CPU': o.percent }))));
  console.log(`\n${table(summary.topFunctions.map((f) => ({ 'function (self time)': f.fn, '%': f.percent })))}\n`);
}
