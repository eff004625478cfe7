import { contract, type CreateBotBody, type UpdateBotBody } from '@bm/contract';
import { call } from './http';

const { bots, webhooks } = contract;

export const botsApi = {
  list: (workspaceId?: string) => call(bots.list, { query: { workspaceId } }),
  get: (id: string) => call(bots.get, { params: { id } }),
  create: (body: CreateBotBody) => call(bots.create, { body }),
  update: (id: string, body: UpdateBotBody) => call(bots.update, { params: { id }, body }),
  remove: (id: string) => call(bots.remove, { params: { id } }),
  rotateWebhook: (id: string) => call(webhooks.rotate, { params: { id } }),
  disableWebhook: (id: string) => call(webhooks.disable, { params: { id } }),
};
