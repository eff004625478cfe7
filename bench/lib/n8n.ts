// n8n as a peer system under the same load as our benchmark bot: a workflow of the same shape
// (webhook → one LLM call to the loopback fake → build the answer), answered when the last node
// finishes. Installed from the npm registry into bench/.n8n/ the way /work/shared/ENVIRONMENT.md
// says works on these machines, and run as its own process with its own user folder (SQLite).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@bm/server/dev-server';
import type { System } from './app';
import { childPids, repoRoot, runCommand, startCommand } from './process';

export const N8N_VERSION = '1.123.81';
const installDir = path.join(repoRoot, 'bench', '.n8n');
const n8nBin = path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
const sqliteBinding = path.join(installDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

const installedVersion = () => {
  try {
    return (JSON.parse(readFileSync(path.join(installDir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
};

/** Installs n8n once into bench/.n8n/ (a few minutes, ~1.8 GB); returns the path of its `n8n` script. */
export async function installN8n(): Promise<string> {
  if (installedVersion() === N8N_VERSION && existsSync(sqliteBinding)) return n8nBin;
  mkdirSync(installDir, { recursive: true });
  // n8n's default xlsx dependency is a tarball on a host these machines cannot reach; 0.18.5 is on npm.
  writeFileSync(
    path.join(installDir, 'package.json'),
    `${JSON.stringify({ name: 'bm-bench-n8n', private: true, overrides: { xlsx: '0.18.5' } }, null, 2)}\n`,
  );
  // The Node running the bench runs npm's scripts and n8n itself, so native modules match it.
  const env = { PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  console.error(`installing n8n ${N8N_VERSION} into ${path.relative(repoRoot, installDir)}/ (a few minutes)…`);
  // Install scripts are refused (several try to download from unreachable hosts); only sqlite3 needs
  // its native binding, built from source by the rebuild.
  await runCommand('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: installDir, env });
  await runCommand('npm', ['rebuild', 'sqlite3'], { cwd: installDir, env });
  if (installedVersion() !== N8N_VERSION || !existsSync(sqliteBinding))
    throw new Error(`n8n ${N8N_VERSION} did not install into ${installDir}`);
  return n8nBin;
}

const WORKFLOW_ID = 'bmBenchWorkflow1';
const WEBHOOK_PATH = 'bm-bench';
export const N8N_EXPECTED_ANSWER = 'Answer: echo: Say hi to Bench';

/**
 * The benchmark bot's shape in n8n's export format (n8n-nodes-base Webhook 2, HTTP Request 4.2,
 * Set 3.4): the same prompt to the same fake, the same "Answer: <text>" built from its reply.
 */
function benchWorkflow(llmUrl: string) {
  return {
    id: WORKFLOW_ID,
    name: 'Throughput bench',
    active: false,
    settings: { executionOrder: 'v1' },
    connections: {
      Webhook: { main: [[{ node: 'LLM', type: 'main', index: 0 }]] },
      LLM: { main: [[{ node: 'Format', type: 'main', index: 0 }]] },
    },
    nodes: [
      {
        id: '0b6c3d1e-1f52-4d35-9d3c-000000000001',
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: '0b6c3d1e-1f52-4d35-9d3c-0000000000aa',
        parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
      },
      {
        id: '0b6c3d1e-1f52-4d35-9d3c-000000000002',
        name: 'LLM',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [220, 0],
        parameters: {
          method: 'POST',
          url: `${llmUrl}/chat/completions`,
          sendHeaders: true,
          headerParameters: { parameters: [{ name: 'Authorization', value: 'Bearer sk-bench-key' }] },
          sendBody: true,
          specifyBody: 'json',
          jsonBody: '={{ JSON.stringify({ model: "fake-1", messages: [{ role: "user", content: "Say hi to " + $json.body.name }] }) }}',
          options: {},
        },
      },
      {
        id: '0b6c3d1e-1f52-4d35-9d3c-000000000003',
        name: 'Format',
        type: 'n8n-nodes-base.set',
        typeVersion: 3.4,
        position: [440, 0],
        parameters: {
          assignments: {
            assignments: [
              {
                id: '0b6c3d1e-1f52-4d35-9d3c-0000000000bb',
                name: 'answer',
                value: '=Answer: {{ $json.choices[0].message.content }}',
                type: 'string',
              },
            ],
          },
          options: {},
        },
      },
    ],
  };
}

/**
 * n8n on a free port with its own user folder (SQLite, n8n's defaults: every execution saved) and
 * the bench workflow imported and active; `env` adds n8n settings (e.g. DB_SQLITE_POOL_SIZE=4).
 * `runOnce` POSTs the webhook and throws unless the answer is 200 with the expected text.
 */
export async function startN8n(opts: { llmUrl: string; env?: Record<string, string> }): Promise<System & { runOnce(): Promise<void> }> {
  const bin = await installN8n();
  const userFolder = mkdtempSync(path.join(tmpdir(), 'bm-bench-n8n-'));
  const port = await freePort();
  const env = {
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    // isolated-vm (the new expression engine) does not build on this V8.
    N8N_EXPRESSION_ENGINE: 'legacy',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const cli = (...args: string[]) => runCommand(process.execPath, [bin, ...args], { cwd: userFolder, env });
  const file = path.join(userFolder, 'bench-workflow.json');
  writeFileSync(file, JSON.stringify(benchWorkflow(opts.llmUrl)));
  await cli('import:workflow', `--input=${file}`);
  await cli('update:workflow', `--id=${WORKFLOW_ID}`, '--active=true');

  const n8n = startCommand('n8n', process.execPath, [bin, 'start'], { env, cwd: userFolder });
  const url = `http://127.0.0.1:${port}`;
  const webhook = `${url}/webhook/${WEBHOOK_PATH}`;
  const runOnce = async () => {
    const res = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench' }),
    });
    const text = await res.text();
    let answer: unknown;
    try {
      answer = (JSON.parse(text) as { answer?: unknown }).answer;
    } catch {
      answer = undefined;
    }
    if (res.status !== 200 || answer !== N8N_EXPECTED_ANSWER) throw new Error(`n8n webhook: ${res.status} ${text.slice(0, 300)}`);
  };
  try {
    // The webhook is registered once the workflow is activated at start-up.
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (n8n.child.exitCode !== null) throw new Error(`n8n exited:\n${n8n.output()}`);
      const err = await runOnce().then(
        () => null,
        (e: unknown) => e as Error,
      );
      if (!err) break;
      if (Date.now() > deadline) throw new Error(`n8n did not answer its webhook: ${err.message}\n${n8n.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    await n8n.stop();
    throw err;
  }
  return {
    url,
    // n8n runs executions in its main process (runners off); any helper it forks counts too.
    processes: () => [{ name: 'n8n', pid: n8n.pid }, ...childPids(n8n.pid).map((pid) => ({ name: `n8n-child-${pid}`, pid }))],
    stop: () => n8n.stop(),
    runOnce,
  };
}
