import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { loadConfig } from './config';
import { MAX_LLM_RESPONSE_BYTES, createServices, type Services } from './services';

// The services as the API and worker build them, on real PGlite.
describe('createServices', () => {
  let fixture: HttpFixture;
  let services: Services;

  beforeAll(async () => {
    // An "OpenAI-compatible" endpoint that answers with far more than any completion.
    const huge = JSON.stringify({ data: [{ id: 'x'.repeat(MAX_LLM_RESPONSE_BYTES + 1024) }] });
    fixture = await startHttpFixture({ 'GET /v1/models': { body: huge, contentType: 'application/json' } });
    services = await createServices(
      loadConfig({
        BOT_MANAGER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bm-services-')),
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: fixture.host,
        LOG_LEVEL: 'silent',
      }),
    );
  });
  afterAll(async () => {
    await services?.close();
    await fixture?.close();
  });

  it('caps what an LLM endpoint may send back', async () => {
    const rec = {
      id: 'c',
      ownerUserId: 'u',
      workspaceId: 'w',
      provider: 'other' as const,
      name: 'Huge',
      baseUrl: `${fixture.url}/v1`,
      modelDefault: 'm',
      isActive: true,
      shared: false,
      apiKeyEncrypted: null,
      keyId: null,
      keyNonce: null,
    };
    const err = (await services.llm.listModels(rec).catch((e) => e)) as Error & { code: string };
    expect(err.message).toContain(`exceeded the limit of ${MAX_LLM_RESPONSE_BYTES} bytes`);
  });

  it('applies migrations and answers queries', async () => {
    expect(await services.db.raw.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
