/** manual → llm.chat (on the given connection, else the bot's) → results: the smallest bot that spends a key. */
export const llmBotGraph = (connectionId?: string) => ({
  nodes: [
    { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
    {
      id: 'llm',
      type: 'llm.chat',
      params: { purpose: 'draft', prompt: 'Write about {{ input.topic }}', ...(connectionId ? { llmConnectionId: connectionId } : {}) },
      position: { x: 200, y: 0 },
    },
    { id: 'out', type: 'output.results', params: { content: '{{ nodes.llm.output.text }}' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'llm' },
    { id: 'b', source: 'llm', target: 'out' },
  ],
});
