import { contract, type ImportN8nPreview, type ImportN8nResult } from '@bm/contract';
import type { z } from 'zod';
import { call } from './http';

const { templates, portability, plans } = contract;

type Body<D> = D extends { body: z.ZodType } ? z.input<D['body']> : never;

export const templatesApi = {
  list: (workspaceId: string | undefined) => call(templates.list, { query: { workspaceId } }),
  get: (id: string) => call(templates.get, { params: { id } }),
  publish: (botId: string, body: Body<typeof templates.publish>) => call(templates.publish, { params: { id: botId }, body }),
  instantiate: (id: string, body: Body<typeof templates.instantiate>) => call(templates.instantiate, { params: { id }, body }),
  remove: (id: string) => call(templates.remove, { params: { id } }),
};

export const portabilityApi = {
  export: (botId: string) => call(portability.export, { params: { id: botId } }),
  import: (body: Body<typeof portability.import>) => call(portability.import, { body }),
  // One route, two answers: the dry run's preview (200) and the created bot (201).
  previewN8n: (body: Omit<Body<typeof portability.importN8n>, 'dryRun'>) =>
    call(portability.importN8n, { body: { ...body, dryRun: true } }) as Promise<ImportN8nPreview>,
  importN8n: (body: Omit<Body<typeof portability.importN8n>, 'dryRun'>) =>
    call(portability.importN8n, { body }) as Promise<z.output<typeof ImportN8nResult>>,
  duplicate: (botId: string, name?: string) => call(portability.duplicate, { params: { id: botId }, body: name ? { name } : {} }),
};

/**
 * Whether the caller is an installation admin (the first user, or one named in
 * BOT_MANAGER_ADMIN_EMAILS): the session does not say, but GET /api/plans answers only them.
 */
export async function isInstallationAdmin(): Promise<boolean> {
  try {
    await call(plans.list);
    return true;
  } catch {
    return false;
  }
}
