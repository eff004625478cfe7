import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes, Bot, contract, ErrorBody, NodeTypeDescription, routeKey, RunDetail } from './index';

/** A node type as nodes/registry's describeNodeTypes() describes it (the llm.chat entry, abridged). */
const llmChat = {
  id: 'llm.chat',
  version: 1,
  category: 'llm',
  title: 'LLM chat',
  description: 'Ask a model with your own connection.',
  docs: '# LLM chat\nWrites `{ text, json?, model, usage }`.',
  inputs: [{ name: 'in', type: 'any', multiple: true }],
  outputs: [{ name: 'out', type: 'json', label: 'Answer' }],
  paramsSchema: { type: 'object', properties: { prompt: { type: 'string' } }, required: ['prompt'] },
  ui: { prompt: { templating: 'text', widget: 'textarea' }, model: { templating: 'none' } },
  trigger: false,
  usesLlm: true,
  execution: {
    local: false,
    retry: { maxAttempts: 5, initialIntervalMs: 2000, backoffCoefficient: 2, maximumIntervalMs: 60000 },
    timeoutMs: 300000,
  },
  secretParams: [],
  connectionParams: ['llmConnectionId'],
  output: { description: 'The answer', schema: { type: 'object' }, primaryPath: 'text', primaryLabel: 'Answer' },
  display: { icon: 'sparkles', synonyms: ['gpt', 'claude'], summary: [{ format: '{purpose|analyze}', show: ['prompt'] }] },
};

describe('the API contract', () => {
  it('names every route once', () => {
    const keys = allRoutes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('GET /api/bots/:id');
    expect(keys.every((k) => / \/api\//.test(k))).toBe(true);
  });

  it('declares a params schema exactly for the routes with path params, naming the same params', () => {
    for (const r of allRoutes) {
      const inPath = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = r.params ? Object.keys((r.params as z.ZodObject).shape).sort() : [];
      expect(declared, routeKey(r)).toEqual(inPath);
    }
  });

  it('gives every route a success response and a JSON Schema for each part (the OpenAPI is made from them)', () => {
    for (const r of allRoutes) {
      expect(
        // A redirect (3xx) is the success of a route the browser navigates to (single sign-on).
        Object.keys(r.response).some((s) => Number(s) < 400),
        routeKey(r),
      ).toBe(true);
      for (const part of [r.params, r.querystring, r.body])
        if (part) expect(() => z.toJSONSchema(part, { io: 'input', unrepresentable: 'any' })).not.toThrow();
      for (const s of Object.values(r.response)) expect(() => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' })).not.toThrow();
    }
  });

  it('describes node types in the shape nodes/registry produces, and refuses an incomplete one', () => {
    expect(NodeTypeDescription.parse(llmChat)).toEqual(llmChat);
    const res = contract.nodeTypes.list.response[200];
    expect(res.safeParse({ nodeTypes: [llmChat] }).success).toBe(true);
    const { execution: _e, ...withoutExecution } = llmChat;
    expect(NodeTypeDescription.safeParse(withoutExecution).success).toBe(false);
    expect(NodeTypeDescription.safeParse({ ...llmChat, inputs: [{ name: 'in', type: 'object' }] }).success).toBe(false);
    expect(NodeTypeDescription.safeParse({ ...llmChat, ui: { prompt: { widget: 'textarea' } } }).success).toBe(false);
  });

  it('sends dates as ISO strings and graphs with their defaults', () => {
    const at = new Date('2026-12-01T09:00:00Z');
    const bot = Bot.parse({
      id: 'bot_1',
      workspaceId: 'ws_1',
      name: 'b',
      description: '',
      version: 1,
      llmConnectionId: null,
      llmModelOverride: null,
      webhookUrl: null,
      webhookEnabled: false,
      onFailure: null,
      graph: { nodes: [{ id: 'a', type: 'source.manual', position: { x: 0, y: 0 } }] },
      createdAt: at,
      updatedAt: at.toISOString(),
    });
    expect(bot.createdAt).toBe('2026-12-01T09:00:00.000Z');
    expect(bot.graph).toEqual({ nodes: [{ id: 'a', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } }], edges: [] });
  });

  it('keeps a run failure readable and error bodies in one shape', () => {
    const run = {
      id: 'run_1',
      botId: 'bot_1',
      version: 1,
      status: 'failed',
      trigger: 'manual',
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      resumedFromId: null,
      costUsd: 0,
      unpricedCalls: 0,
      input: null,
      error: { code: 'LLM_AUTH', message: 'Your key was rejected.', nodeId: 'llm' },
      nodes: [
        {
          nodeId: 'llm',
          type: 'llm.chat',
          status: 'failed',
          input: null,
          output: null,
          error: { code: 'LLM_AUTH', message: 'x' },
          attempts: 1,
          reused: false,
          startedAt: null,
          finishedAt: null,
          costUsd: null,
        },
      ],
    };
    expect(RunDetail.parse(run).error).toEqual({ code: 'LLM_AUTH', message: 'Your key was rejected.', nodeId: 'llm' });
    expect(RunDetail.safeParse({ ...run, status: 'exploded' }).success).toBe(false);
    expect(ErrorBody.safeParse({ error: { code: 'INVALID_GRAPH', message: 'm', details: [{ nodeId: 'a', message: 'x' }] } }).success).toBe(
      true,
    );
    expect(ErrorBody.safeParse({ error: { message: 'no code' } }).success).toBe(false);
  });
});
