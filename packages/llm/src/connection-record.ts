import type { LlmConnectionRecord } from './call-llm';

/**
 * Exactly the fields callLLM reads of a stored connection. A database row carries more (the key
 * hint, timestamps): picking keeps those out of everything an LLM call touches or logs.
 */
export function toConnectionRecord(row: LlmConnectionRecord): LlmConnectionRecord {
  return {
    id: row.id,
    ownerUserId: row.ownerUserId,
    workspaceId: row.workspaceId,
    provider: row.provider,
    name: row.name,
    baseUrl: row.baseUrl,
    modelDefault: row.modelDefault,
    isActive: row.isActive,
    shared: row.shared,
    apiKeyEncrypted: row.apiKeyEncrypted,
    keyId: row.keyId,
    keyNonce: row.keyNonce,
  };
}
