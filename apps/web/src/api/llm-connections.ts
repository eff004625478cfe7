import { contract, type LlmConnectionInput, type LlmConnectionPatch } from '@bm/contract';
import { call } from './http';

const { connections } = contract;

export const llmConnectionsApi = {
  list: (workspaceId?: string) => call(connections.list, { query: { workspaceId } }),
  create: (body: LlmConnectionInput) => call(connections.create, { body }),
  update: (id: string, body: LlmConnectionPatch) => call(connections.update, { params: { id }, body }),
  remove: (id: string) => call(connections.remove, { params: { id } }),
  test: (id: string) => call(connections.test, { params: { id } }),
  models: (id: string) => call(connections.models, { params: { id } }),
  /** The bots whose current version uses the connection (default connection or a node's). */
  usage: (id: string) => call(connections.usage, { params: { id } }),
  /** Points those bots (or `botIds`) at another connection: a new version each, all or none. */
  switchBots: (id: string, toConnectionId: string, botIds?: string[]) =>
    call(connections.switch, { params: { id }, body: { toConnectionId, ...(botIds ? { botIds } : {}) } }),
};
