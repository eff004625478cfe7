import { IdPool } from './ids';
import type { ConnectionSlot, SlotProvider } from './types';
import type { N8nNode } from './workflow';

/** An LLM node's use of a credential: of its own (vendor nodes) or of its attached chat model. */
export interface LlmUse {
  owner: N8nNode;
  credentialType: string;
  provider: SlotProvider;
}

const PROVIDER_LABEL: Record<SlotProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  local: 'Local model',
  other: 'OpenAI-compatible',
  any: 'Any provider',
};

/**
 * One connection slot per distinct n8n credential (type + id, or name) used by an LLM node; LLM
 * nodes without a credential share one slot per provider. `llm` and `ids` are keyed by n8n name.
 */
export function connectionSlots(nodes: N8nNode[], llm: ReadonlyMap<string, LlmUse>, ids: ReadonlyMap<string, string>): ConnectionSlot[] {
  const pool = new IdPool(true, 48);
  const byCredential = new Map<string, ConnectionSlot>();
  for (const node of nodes) {
    const use = llm.get(node.name);
    const id = ids.get(node.name);
    if (!use || !id) continue;
    const cred = use.credentialType ? use.owner.credentials.get(use.credentialType) : undefined;
    const key = cred ? `${use.credentialType}\u0000${cred.id ?? cred.name}` : `\u0000${use.provider}`;
    let slot = byCredential.get(key);
    if (!slot) {
      const label = cred?.name.trim() || `${PROVIDER_LABEL[use.provider]}${use.credentialType ? ' (no credential in the n8n file)' : ''}`;
      slot = {
        key: pool.take(cred?.name.trim() || use.provider, use.provider),
        label: label.slice(0, 120),
        provider: use.provider,
        nodes: [],
        botDefault: false,
      };
      byCredential.set(key, slot);
    }
    slot.nodes.push(id);
  }
  return [...byCredential.values()];
}
