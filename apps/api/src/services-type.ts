import type { Database, Repositories } from '@bm/db';
import type { LlmService } from '@bm/llm';
import type { OutboundPolicy } from '@bm/net';
import type { createLogger, KeyRing } from '@bm/secrets';

/**
 * What the API reads of the process's services. apps/server builds them (createServices); the API
 * only receives them, so it states the shape it needs instead of importing the composition root.
 */
export interface Services {
  config: { maxNodes: number; secureCookies: boolean; trustProxy: boolean };
  logger: ReturnType<typeof createLogger>;
  db: Pick<Database, 'raw'>;
  repos: Repositories;
  keyRing: KeyRing;
  policy: OutboundPolicy;
  llm: LlmService;
}
