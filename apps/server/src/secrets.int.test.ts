import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { rotateStoredKeys } from './rotate-stored-keys';
import { secretResolver } from './secret-store';
import { canary, startFakeAnthropic, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { runWorkflowId } from '@bm/temporal/shared';
import { grepDir } from './testing/grep-dir';
import { llmBotGraph } from './testing/graphs';
import { startTestServer, type TestServer } from './testing/harness';

describe('provider keys never leak', () => {
  const key = canary('sk-canary');
  const logs: string[] = [];
  const responses: string[] = [];
  let fake: FakeProviderServer;
  let t: TestServer;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: [key] });
    t = await startTestServer({
      env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` },
      logDestination: { write: (line) => void logs.push(line) },
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('appears nowhere in the database, logs, API responses, Temporal history or the bot', async () => {
    const api = t.api();
    const seen = async <T extends { body: unknown }>(p: Promise<T>) => {
      const r = await p;
      responses.push(JSON.stringify(r.body));
      return r;
    };
    await api.signup();
    const conn = await seen(
      api.post('/api/llm-connections', { provider: 'openai', name: 'Mine', apiKey: key, baseUrl: fake.url, modelDefault: 'gpt-test' }),
    );
    expect(conn.status).toBe(201);
    expect(conn.body.keyHint).toBe(`…${key.slice(-4)}`);
    const test = await seen(api.post(`/api/llm-connections/${conn.body.id}/test`));
    expect(test.body).toMatchObject({ ok: true, model: 'gpt-test' });
    await seen(api.get(`/api/llm-connections/${conn.body.id}/models`));
    await seen(api.get('/api/llm-connections'));

    const bot = await seen(api.post('/api/bots', { name: 'Canary bot', graph: llmBotGraph(), llmConnectionId: conn.body.id }));
    expect(bot.status).toBe(201);
    const ok = await seen(api.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'owls' } }));
    const okRun = await api.waitForRun(ok.body.runId);
    responses.push(JSON.stringify(okRun));
    expect(okRun.status).toBe('succeeded');

    // A provider error that echoes the whole key (a proxy or gateway might) must be redacted everywhere.
    fake.enqueue({
      status: 401,
      body: {
        error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
      },
    });
    const bad = await seen(api.post(`/api/bots/${bot.body.id}/runs`, { input: { topic: 'bats' } }));
    const badRun = await api.waitForRun(bad.body.runId);
    responses.push(JSON.stringify(badRun));
    expect(badRun.status).toBe('failed');
    const llmNode = badRun.nodes.find((n: any) => n.nodeId === 'llm');
    expect(llmNode.error.code).toBe('KEY_REJECTED');
    expect(llmNode.attempts).toBe(1);
    expect(llmNode.error.message).toMatch(/rejected.*Settings → LLM Connections/);

    await seen(api.get(`/api/bots/${bot.body.id}`));
    await seen(api.get(`/api/bots/${bot.body.id}/results`));

    // A webhook trigger's token is a credential too: it must not reach the request log.
    const hook = await api.post(`/api/bots/${bot.body.id}/webhook`);
    const token = String(hook.body.url).split('/').pop()!;
    const hooked = await fetch(hook.body.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"topic":"hooks"}',
    });
    expect(hooked.status).toBe(202);
    await api.waitForRun(((await hooked.json()) as { runId: string }).runId);
    expect(logs.join('\n')).toContain('/api/hooks/[token]');
    expect(logs.join('\n')).not.toContain(token);

    // Temporal history of both runs.
    for (const runId of [ok.body.runId, bad.body.runId]) {
      const { Connection, Client } = await import('@temporalio/client');
      const connection = await Connection.connect({ address: t.server.temporalAddress });
      const history = await new Client({ connection }).workflow.getHandle(runWorkflowId(runId)).fetchHistory();
      await connection.close();
      const text = JSON.stringify(history, (_k, v) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : typeof v === 'bigint' ? String(v) : v,
      );
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toContain(key);
    }

    // Every table as text, and every byte PGlite wrote to disk.
    const tables = await t.server.services.db.raw.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    for (const { tablename } of tables) {
      const rows = await t.server.services.db.raw.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${tablename}" t`);
      expect(rows.map((r) => r.j).join('\n'), tablename).not.toContain(key);
    }
    await t.server.services.db.raw.exec('CHECKPOINT');
    expect(grepDir(t.dataDir, key)).toEqual([]);

    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(key);
    expect(responses.join('\n')).not.toContain(key);
    // The fake did receive the key: the check above is not vacuous.
    expect(fake.requests.some((r) => r.apiKey === key)).toBe(true);
  });
});

describe('master key rotation', () => {
  it('re-encrypts every stored key and every connection stays usable', async () => {
    const keys = { openai: canary('sk-rot-o'), anthropic: canary('sk-ant-rot') };
    const o = await startFakeOpenAI({ validKeys: [keys.openai] });
    const a = await startFakeAnthropic({ validKeys: [keys.anthropic] });
    const env = { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${o.port},127.0.0.1:${a.port}` };
    let t = await startTestServer({ env });
    const dataDir = t.dataDir;
    try {
      const api = t.api();
      const email = `rot${Date.now()}@example.com`;
      await api.signup(email);
      const c1 = await api.post('/api/llm-connections', {
        provider: 'openai',
        name: 'O',
        apiKey: keys.openai,
        baseUrl: o.url,
        modelDefault: 'gpt-x',
      });
      const c2 = await api.post('/api/llm-connections', {
        provider: 'anthropic',
        name: 'A',
        apiKey: keys.anthropic,
        baseUrl: a.url,
        modelDefault: 'claude-x',
      });
      const secretValue = canary('ws-secret');
      expect((await api.post('/api/secrets', { name: 'ROTATED', value: secretValue })).status).toBe(201);
      const before = await t.server.services.db.raw.query<{ id: string; keyId: string; apiKeyEncrypted: string }>(
        'SELECT id, "keyId", "apiKeyEncrypted" FROM user_llm_connections',
      );
      await t.close({ keepData: true });

      const result = await rotateStoredKeys(loadConfig({ BOT_MANAGER_DATA_DIR: dataDir }));
      // Two provider keys and one workspace secret.
      expect(result).toMatchObject({ reencrypted: 3, total: 3 });
      expect(result.newKeyId).not.toBe(before[0]!.keyId);

      t = await startTestServer({ env, dataDir });
      const after = await t.server.services.db.raw.query<{ id: string; keyId: string; apiKeyEncrypted: string }>(
        'SELECT id, "keyId", "apiKeyEncrypted" FROM user_llm_connections',
      );
      for (const row of after) {
        expect(row.keyId).toBe(result.newKeyId);
        expect(row.apiKeyEncrypted).not.toBe(before.find((b) => b.id === row.id)!.apiKeyEncrypted);
      }
      const api2 = t.api();
      const login = await api2.post('/api/auth/login', { email, password: 'correct horse battery' });
      expect(login.status).toBe(200);
      expect((await api2.post(`/api/llm-connections/${c1.body.id}/test`)).body).toMatchObject({ ok: true });
      expect((await api2.post(`/api/llm-connections/${c2.body.id}/test`)).body).toMatchObject({ ok: true });
      expect(o.lastApiKey).toBe(keys.openai);
      const [sec] = await t.server.services.repos.secrets.list((await api2.get('/api/me')).body.workspaces[0].id);
      expect(sec!.keyId).toBe(result.newKeyId);
      expect(await secretResolver(t.server.services.repos, t.server.services.keyRing).resolve(sec!.workspaceId, ['ROTATED'])).toEqual({
        ROTATED: secretValue,
      });
    } finally {
      await t.close();
      await o.close();
      await a.close();
    }
  });
});
