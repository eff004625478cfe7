import { extractReferences } from '@bm/graph';
import type { SecretValues } from '@bm/secrets';

/** How the activity reads workspace secrets: decrypted in memory, for one node run, never returned. */
export interface SecretResolver {
  /** The named secrets of the workspace that exist (name → plaintext); missing names are left out. */
  resolve(workspaceId: string, names: string[]): Promise<Record<string, string>>;
}

/** Names a node's params reference as `{{ secrets.NAME }}`. */
export function referencedSecrets(params: unknown, out = new Set<string>()): Set<string> {
  if (typeof params === 'string') {
    if (params.includes('secrets')) {
      try {
        for (const r of extractReferences(params)) if (r.root === 'secrets' && r.secretName) out.add(r.secretName);
      } catch {
        // A syntax error surfaces when the node renders its params, with the position.
      }
    }
  } else if (Array.isArray(params)) {
    for (const v of params) referencedSecrets(v, out);
  } else if (params && typeof params === 'object') {
    for (const v of Object.values(params)) referencedSecrets(v, out);
  }
  return out;
}

/**
 * The secrets one node run needs, decrypted now. A reference to a secret that does not exist is
 * left for the renderer, whose error names it and says where to add it.
 */
export async function loadNodeSecrets(resolver: SecretResolver | undefined, workspaceId: string, params: unknown): Promise<SecretValues> {
  const names = [...referencedSecrets(params)];
  if (!names.length || !resolver) return {};
  return resolver.resolve(workspaceId, names);
}
