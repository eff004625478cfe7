// Test helpers shared by this package's tests (not exported from the package).
import { randomBytes } from 'node:crypto';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createKeyRing, encryptSecret } from '@bm/secrets';
import type { LlmConnectionRecord, LlmStore } from './call-llm';
import { connectionKeyDecrypter } from './connection-key';
import type { Provider } from './types';

export interface MemoryBot {
  id: string;
  workspaceId: string;
  llmConnectionId: string | null;
  llmModelOverride: string | null;
}

/** A plain in-memory LlmStore: the store is not what these tests examine. */
export class MemoryStore implements LlmStore {
  readonly bots = new Map<string, MemoryBot>();
  readonly connections = new Map<string, LlmConnectionRecord>();
  /** Keys are sealed with @bm/secrets exactly as the real store keeps them. */
  readonly ring = createKeyRing(randomBytes(32));
  /** The default owner is a member of the default workspace. */
  readonly members = new Set<string>(['user-owner@ws-1']);

  async lookup(req: { botId: string; connectionId?: string; userId: string }) {
    const bot = this.bots.get(req.botId);
    if (!bot) return null;
    const connectionId = req.connectionId ?? bot.llmConnectionId;
    return {
      bot,
      connection: (connectionId && this.connections.get(connectionId)) || null,
      member: this.members.has(`${req.userId}@${bot.workspaceId}`),
    };
  }

  addMember(userId: string, workspaceId: string): void {
    this.members.add(`${userId}@${workspaceId}`);
  }

  addBot(bot: Partial<MemoryBot> & { id: string }): MemoryBot {
    const full: MemoryBot = { workspaceId: 'ws-1', llmConnectionId: null, llmModelOverride: null, ...bot };
    this.bots.set(full.id, full);
    return full;
  }

  addConnection(rec: Partial<LlmConnectionRecord> & { id: string; provider: Provider; apiKey?: string }): LlmConnectionRecord {
    const { apiKey, ...rest } = rec;
    const sealed = apiKey ? encryptSecret(this.ring, apiKey, rec.id) : undefined;
    const full: LlmConnectionRecord = {
      ownerUserId: 'user-owner',
      workspaceId: 'ws-1',
      name: `${rec.provider} connection`,
      baseUrl: null,
      modelDefault: 'default-model',
      isActive: true,
      shared: false,
      apiKeyEncrypted: sealed?.ciphertext ?? null,
      keyId: sealed?.keyId ?? null,
      keyNonce: sealed?.nonce ?? null,
      ...rest,
    };
    this.connections.set(full.id, full);
    return full;
  }

  readonly decrypt = connectionKeyDecrypter(this.ring);
}

/** Resolves with the rejection of `p`, failing the test when it fulfils. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, but it fulfilled');
}

export interface FakeProviders {
  openai: FakeProviderServer;
  anthropic: FakeProviderServer;
  gemini: FakeProviderServer;
}

/**
 * Starts the three fake providers for the calling test file, resets them before each test and
 * closes them after the file; `receive` gets them once they are up.
 */
export function useFakeProviders(receive: (fakes: FakeProviders) => void): void {
  let fakes: FakeProviders | undefined;
  beforeAll(async () => {
    const [openai, anthropic, gemini] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini()]);
    fakes = { openai, anthropic, gemini };
    receive(fakes);
  });
  afterAll(async () => {
    if (fakes) await Promise.all(Object.values(fakes).map((f) => f.close()));
  });
  beforeEach(() => {
    for (const f of Object.values(fakes ?? {})) f.reset();
  });
}
