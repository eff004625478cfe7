/** One place for TanStack Query keys so invalidations cannot drift from the queries. */
export const queryKeys = {
  me: ['me'] as const,
  nodeTypes: (locale: string) => ['node-types', locale] as const,
  bots: (workspaceId: string | undefined) => ['bots', workspaceId ?? 'default'] as const,
  botsAll: ['bots'] as const,
  bot: (id: string) => ['bot', id] as const,
  runs: (botId: string) => ['runs', botId] as const,
  run: (runId: string) => ['run', runId] as const,
  results: (botId: string, q: string) => ['results', botId, q] as const,
  resultsAll: (botId: string) => ['results', botId] as const,
  inbox: (workspaceId: string | undefined, q: string) => ['inbox', workspaceId ?? 'default', q] as const,
  inboxAll: ['inbox'] as const,
  connections: (workspaceId: string | undefined) => ['llm-connections', workspaceId ?? 'default'] as const,
  connectionsAll: ['llm-connections'] as const,
  models: (connectionId: string) => ['llm-models', connectionId] as const,
  tokens: ['tokens'] as const,
  schedules: (botId: string) => ['schedules', botId] as const,
};
