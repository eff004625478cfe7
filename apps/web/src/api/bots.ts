import { contract, type BotSort, type CreateBotBody, type UpdateBotBody, type WebhookResponse } from '@bm/contract';
import { call } from './http';

const { bots, webhooks } = contract;

export const botsApi = {
  list: (workspaceId?: string, opts: { q?: string; sort?: BotSort; order?: 'asc' | 'desc' } = {}) =>
    call(bots.list, { query: { workspaceId, ...opts } }),
  get: (id: string) => call(bots.get, { params: { id } }),
  create: (body: CreateBotBody) => call(bots.create, { body }),
  update: (id: string, body: UpdateBotBody) => call(bots.update, { params: { id }, body }),
  remove: (id: string) => call(bots.remove, { params: { id } }),
  rotateWebhook: (id: string) => call(webhooks.rotate, { params: { id } }),
  updateWebhook: (id: string, response: WebhookResponse) => call(webhooks.update, { params: { id }, body: { response } }),
  disableWebhook: (id: string) => call(webhooks.disable, { params: { id } }),
};
