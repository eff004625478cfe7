import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeNodeTypes } from './describe';
import { listNodeDefinitions } from './registry';
import { LLM_RETRY, NODE_TIMEOUT_MS, STANDARD_RETRY } from './shared/execution';

// The shape agreed with packages/contract (GET /api/node-types), strict: no field more or less.
const port = z.strictObject({
  name: z.string(),
  type: z.enum(['any', 'text', 'json', 'items']),
  multiple: z.boolean().optional(),
  label: z.string().optional(),
});
const retry = z.strictObject({
  maxAttempts: z.number().int().min(1),
  initialIntervalMs: z.number(),
  backoffCoefficient: z.number(),
  maximumIntervalMs: z.number(),
});
const summaryRule = z.strictObject({
  when: z.strictObject({ param: z.string(), equals: z.string().optional(), notEquals: z.string().optional() }).optional(),
  format: z.string().optional(),
  show: z.array(z.string()).optional(),
});
const description = z.strictObject({
  id: z.string(),
  version: z.number().int().min(1),
  category: z.enum(['source', 'llm', 'transform', 'flow', 'output']),
  title: z.string().min(1),
  description: z.string().min(1),
  docs: z.string().min(1),
  inputs: z.array(port),
  outputs: z.array(port),
  dynamicOutputs: z.strictObject({ param: z.string(), field: z.string(), type: z.enum(['any', 'text', 'json', 'items']) }).optional(),
  control: z.enum(['loop', 'collect', 'wait', 'approval', 'subbot']).optional(),
  routes: z.literal(true).optional(),
  paramsSchema: z.record(z.string(), z.unknown()),
  ui: z.record(z.string(), z.strictObject({ widget: z.string().optional(), templating: z.enum(['text', 'value', 'none']) })),
  trigger: z.boolean(),
  usesLlm: z.boolean(),
  execution: z.strictObject({ local: z.boolean(), retry, timeoutMs: z.number().int().min(1) }),
  secretParams: z.array(z.string()),
  connectionParams: z.array(z.string()),
  output: z.strictObject({
    description: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    primaryPath: z.string().optional(),
    primaryLabel: z.string().optional(),
  }),
  display: z.strictObject({
    icon: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    synonyms: z.array(z.string()),
    summary: z.array(summaryRule).optional(),
  }),
});

const catalogue = describeNodeTypes();
const byId = (id: string, version?: number) =>
  catalogue.filter((d) => d.id === id && (version === undefined || d.version === version)).at(-1)!;

describe('the served node type description', () => {
  it('has exactly the agreed shape for every type and version', () => {
    expect(catalogue).toHaveLength(listNodeDefinitions().length);
    for (const d of catalogue) {
      const r = description.safeParse(d);
      expect(r.success, `${d.id} v${d.version}: ${r.error?.message}`).toBe(true);
    }
  });

  it('runs only quick nodes that neither spend money nor deliver anywhere as local activities', () => {
    const local = catalogue.filter((d) => d.execution.local).map((d) => d.id);
    expect([...new Set(local)]).toEqual([
      'flow.if',
      'flow.switch',
      'output.respond',
      'output.results',
      'source.manual',
      'transform.filter',
      'transform.jsonata',
      'transform.merge',
      'transform.split',
      'transform.template',
    ]);
    // The results inbox is ours and keeps one result per run and node, the Respond node only records
    // the webhook's answer; every other output delivers outside.
    const ours = new Set(['output.results', 'output.respond']);
    for (const d of catalogue) {
      if (d.category === 'llm' || (d.category === 'output' && !ours.has(d.id))) expect(d.execution.local, d.id).toBe(false);
    }
    // It may POST; feeds and pages wait on the network (a local one would hold up parallel branches).
    for (const id of ['source.http', 'source.rss', 'source.webpage'])
      expect(catalogue.find((d) => d.id === id)?.execution.local, id).toBe(false);
  });

  it('gives LLM nodes the longer retry preset and every other node the standard one, 5 minutes each', () => {
    for (const d of catalogue) {
      expect(d.execution.retry, d.id).toEqual(d.usesLlm ? LLM_RETRY : STANDARD_RETRY);
      expect(d.execution.timeoutMs).toBe(NODE_TIMEOUT_MS);
    }
    expect(byId('llm.chat').execution.retry).toMatchObject({ maxAttempts: 5, initialIntervalMs: 2_000, maximumIntervalMs: 60_000 });
    expect(byId('source.http').execution.retry).toMatchObject({ maxAttempts: 3, initialIntervalMs: 1_000, maximumIntervalMs: 60_000 });
  });

  it('names only real params as secret or connection params, and derives usesLlm from the latter', () => {
    for (const d of catalogue) {
      const params = Object.keys((d.paramsSchema.properties ?? {}) as object);
      for (const p of [...d.secretParams, ...d.connectionParams]) expect(params, `${d.id}.${p}`).toContain(p);
      expect(d.usesLlm).toBe(d.connectionParams.length > 0);
    }
    expect(byId('output.slack').secretParams).toEqual(['webhookUrl']);
    expect(byId('output.webhook').secretParams).toEqual(['url']);
    expect(byId('llm.chat').connectionParams).toEqual(['llmConnectionId']);
    expect(catalogue.filter((d) => d.usesLlm).map((d) => d.id)).toEqual(['llm.chat']);
  });

  it('describes every output as JSON Schema, with the primary part where there is one', () => {
    for (const d of catalogue) {
      expect(d.output.schema.$schema, d.id).toMatch(/json-schema/);
      if (d.output.primaryPath) {
        expect(d.output.primaryPath).toMatch(/^output(\.\w+)*$/);
        expect(d.output.primaryLabel).toMatch(/\S/);
      }
    }
    expect(byId('source.rss').output).toMatchObject({ primaryPath: 'output.items', primaryLabel: 'items' });
    expect(byId('llm.chat').output).toMatchObject({ primaryPath: 'output.text', primaryLabel: 'answer' });
    expect(byId('transform.template').output).toMatchObject({ primaryPath: 'output', primaryLabel: 'text', schema: { type: 'string' } });
    const rss = byId('source.rss').output.schema as { properties: { items: { items: { properties: object } } } };
    expect(Object.keys(rss.properties.items.items.properties)).toEqual(['id', 'title', 'link', 'published', 'summary', 'content']);
    const chat = byId('llm.chat').output.schema as { required: string[] };
    expect(chat.required).toEqual(['text', 'model', 'usage']);
  });

  it('gives every type an icon, search words, and summary rules that name its params', () => {
    for (const d of catalogue) {
      expect(d.display.synonyms.length, d.id).toBeGreaterThan(0);
      const params = Object.keys((d.paramsSchema.properties ?? {}) as object);
      for (const rule of d.display.summary ?? []) {
        const named = [
          ...(rule.show ?? []),
          ...[...(rule.format ?? '').matchAll(/\{(\w+)/g)].map((m) => m[1]!),
          ...(rule.when ? [rule.when.param] : []),
        ];
        for (const p of named) expect(params, `${d.id} summary`).toContain(p);
        // The canvas is seen by every member: a summary never shows a credential.
        for (const p of named) expect(d.secretParams, `${d.id} summary`).not.toContain(p);
      }
    }
    expect(byId('output.slack').display.icon).toBe('message-square');
    expect(byId('llm.chat').display.synonyms).toEqual(expect.arrayContaining(['openai', 'claude', 'gemini']));
  });
});
