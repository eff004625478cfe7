import { ConnectionPrices } from './usage';
import { z } from 'zod';
import { ErrorBody, errorResponses, Id, IdParams, IsoDate, NoContent, WorkspaceQuery } from './common';
import { route } from './route';

export const LlmProvider = z.enum(['openai', 'anthropic', 'google', 'local', 'other']);
/** Providers without a fixed endpoint: the base URL is required, the API key optional. */
const NEEDS_BASE_URL: readonly string[] = ['local', 'other'];

const BaseUrl = z
  .string()
  .trim()
  .max(2000)
  .url('The base URL must be a full http(s) URL, e.g. http://127.0.0.1:11434/v1.')
  .refine((u) => /^https?:\/\//i.test(u), 'The base URL must start with http:// or https://.');

/** A connection as every response shows it: never the key, only its hint. */
export const LlmConnection = z.object({
  id: z.string(),
  provider: LlmProvider,
  name: z.string(),
  baseUrl: z.string().nullable(),
  modelDefault: z.string(),
  keyHint: z.string().nullable(),
  isActive: z.boolean(),
  shared: z.boolean(),
  workspaceId: z.string(),
  ownedByMe: z.boolean(),
  /** Whose key it is (a member of the workspace; the members list names them). */
  ownerUserId: z.string().nullable(),
  /** The connection's own prices per model (USD per million tokens); none: the price data's, or 0 for local and custom. */
  prices: ConnectionPrices.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const CreateConnectionBody = z
  .object({
    provider: LlmProvider,
    name: z.string().trim().min(1, 'Name the connection.').max(100),
    apiKey: z.string().trim().min(1).max(4000).optional(),
    baseUrl: BaseUrl.optional().nullable(),
    modelDefault: z.string().trim().min(1, 'Choose a default model.').max(200),
    workspaceId: Id.optional(),
    shared: z.boolean().optional(),
    prices: ConnectionPrices.optional(),
  })
  .refine((b) => !NEEDS_BASE_URL.includes(b.provider) || !!b.baseUrl, {
    message: 'A local or custom (OpenAI-compatible) connection needs a base URL, e.g. http://127.0.0.1:11434/v1.',
    path: ['baseUrl'],
  })
  .refine((b) => NEEDS_BASE_URL.includes(b.provider) || !!b.apiKey, { message: 'This provider needs an API key.', path: ['apiKey'] });

/** PATCH may set a new apiKey; provider and workspace never change. */
export const UpdateConnectionBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  apiKey: z.string().trim().min(1).max(4000).optional(),
  baseUrl: BaseUrl.nullable().optional(),
  modelDefault: z.string().trim().min(1).max(200).optional(),
  isActive: z.boolean().optional(),
  shared: z.boolean().optional(),
  /** Replaces the connection's prices; null removes them. */
  prices: ConnectionPrices.nullable().optional(),
});

/** A failed test is an answer (200, `ok: false`), not an error: the provider refused, not the API. */
export const ConnectionTestResult = z.union([
  z.object({ ok: z.literal(true), model: z.string(), latencyMs: z.number(), output: z.string() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export const ModelList = z.object({ models: z.array(z.object({ id: z.string() })) });

/**
 * The bots whose current version uses a connection: as their default connection and/or on nodes
 * (by the node types' connection params). `otherBots`: bots the caller cannot see that use it too.
 */
export const ConnectionUsage = z.object({
  bots: z.array(z.object({ id: z.string(), name: z.string(), nodes: z.array(z.string()), defaultConnection: z.boolean() })),
  otherBots: z.number().int(),
});
/** Points those bots at another connection of the workspace; `botIds` limits it to some of them. */
export const SwitchConnectionBody = z.object({
  toConnectionId: Id,
  botIds: z.array(Id).min(1).max(500).optional(),
});
/** Every switched bot and its new version (all of them, or none on an error). */
export const SwitchConnectionResult = z.object({ bots: z.array(z.object({ id: z.string(), version: z.number().int() })) });

export const connections = {
  create: route({
    method: 'POST',
    path: '/api/llm-connections',
    body: CreateConnectionBody,
    response: { 201: LlmConnection, ...errorResponses },
  }),
  list: route({
    method: 'GET',
    path: '/api/llm-connections',
    querystring: WorkspaceQuery,
    response: { 200: z.object({ connections: z.array(LlmConnection) }), ...errorResponses },
  }),
  get: route({ method: 'GET', path: '/api/llm-connections/:id', params: IdParams, response: { 200: LlmConnection, ...errorResponses } }),
  update: route({
    method: 'PATCH',
    path: '/api/llm-connections/:id',
    params: IdParams,
    body: UpdateConnectionBody,
    response: { 200: LlmConnection, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/llm-connections/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  test: route({
    method: 'POST',
    path: '/api/llm-connections/:id/test',
    params: IdParams,
    response: { 200: ConnectionTestResult, ...errorResponses },
  }),
  usage: route({
    method: 'GET',
    path: '/api/llm-connections/:id/usage',
    params: IdParams,
    response: { 200: ConnectionUsage, ...errorResponses },
  }),
  /**
   * Rewrites the bots' references (default connection and node params) from this connection to
   * `toConnectionId`, a new version each, all or nothing (409 EDIT_CONFLICT if one was saved meanwhile).
   */
  switch: route({
    method: 'POST',
    path: '/api/llm-connections/:id/switch',
    params: IdParams,
    body: SwitchConnectionBody,
    response: { 200: SwitchConnectionResult, ...errorResponses },
  }),
  /** 502 when the provider cannot list its models (the message says what to fix). */
  models: route({
    method: 'GET',
    path: '/api/llm-connections/:id/models',
    params: IdParams,
    response: { 200: ModelList, ...errorResponses, 502: ErrorBody },
  }),
};

export type LlmProvider = z.infer<typeof LlmProvider>;
export type LlmConnection = z.output<typeof LlmConnection>;
export type LlmConnectionInput = z.input<typeof CreateConnectionBody>;
export type LlmConnectionPatch = z.input<typeof UpdateConnectionBody>;
export type ConnectionUsage = z.output<typeof ConnectionUsage>;
export type SwitchConnectionResult = z.output<typeof SwitchConnectionResult>;
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;
