import { secretReferences } from '@bm/graph';
import type { SecretValues } from '@bm/secrets';

/** How the activity reads workspace secrets: decrypted in memory, for one node run, never returned. */
export interface SecretResolver {
  /** The named secrets of the workspace that exist (name → plaintext); missing names are left out. */
  resolve(workspaceId: string, names: string[]): Promise<Record<string, string>>;
}

/**
 * The secrets one node run needs, decrypted now. A reference to a secret that does not exist is
 * left for the renderer, whose error names it and says where to add it.
 */
export async function loadNodeSecrets(resolver: SecretResolver | undefined, workspaceId: string, params: unknown): Promise<SecretValues> {
  const names = [...secretReferences(params)];
  if (!names.length || !resolver) return {};
  return resolver.resolve(workspaceId, names);
}
