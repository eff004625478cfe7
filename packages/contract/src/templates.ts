import { z } from 'zod';
import { Bot } from './bots';
import { ErrorBody, errorResponses, Id, IdParams, IsoDate, NoContent, WorkspaceQuery } from './common';
import { LlmProvider } from './connections';
import { Graph } from './graph';
import { route } from './route';
import { SecretName } from './secrets';

/**
 * Templates and portable bots (API.md → "Templates and portability"). A template or an exported
 * bot carries no connection id, key, secret, webhook token, pinned or run data: instead it declares
 * the connection slots and secret slots a user fills when they create a bot from it.
 */

/** A connection slot's provider: a connection provider, or `any` when the graph fits every provider. */
export const SlotProvider = z.enum([...LlmProvider.options, 'any']);
export const SlotKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'A slot key is 1–64 letters, digits, "_", "-" or ".".');

/**
 * One LLM connection the graph needs. `nodes` are the LLM nodes whose `llmConnectionId` the bound
 * connection fills; `botDefault` means it becomes the bot's own connection (the nodes without one use it).
 */
export const ConnectionSlot = z.object({
  key: SlotKey,
  label: z.string().trim().min(1).max(120),
  provider: SlotProvider,
  purpose: z.string().max(200).optional(),
  nodes: z.array(z.string().min(1).max(128)).max(1000).default([]),
  botDefault: z.boolean().default(false),
});

/** `{{ secrets.NAME }}` names the graph references; each maps to a workspace secret on instantiate/import. */
export const SecretSlots = z.array(SecretName).max(200);

export const TemplateScope = z.enum(['builtin', 'installation', 'workspace']);
/** Where a user may publish: built-in templates come only from the gallery shipped with the app. */
export const PublishScope = z.enum(['workspace', 'installation']);

const TemplateName = z.string().trim().min(1, 'Name the template.').max(120);
const TemplateDescription = z.string().max(2000);
const TemplateCategory = z.string().trim().min(1).max(60);

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  scope: TemplateScope,
  slots: z.array(ConnectionSlot),
  secretSlots: SecretSlots,
  graph: Graph,
  /** Node type ids the graph uses, derived from it (once each, in graph order). */
  nodesUsed: z.array(z.string()),
  /** A run input that makes the graph do something useful (`POST /api/bots/:id/runs { input }`). */
  sampleInput: z.unknown().nullable(),
  /** The template's own version: every change of its graph, slots or texts makes a new one. */
  version: z.number().int(),
  /** Workspace templates: their workspace; built-in and installation templates: null. */
  workspaceId: z.string().nullable(),
  /** Built-in templates: the gallery's stable key (e.g. `rss-digest`). */
  builtinKey: z.string().nullable(),
  /** The bot it was published from (null for built-ins, or when that bot is gone). */
  sourceBotId: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const PublishTemplateBody = z.object({
  scope: PublishScope,
  name: TemplateName.optional(),
  description: TemplateDescription.optional(),
  category: TemplateCategory.optional(),
  sampleInput: z.unknown().optional(),
});
/** `fromBot: true` takes the source bot's current graph again (a new template version). */
export const UpdateTemplateBody = z.object({
  name: TemplateName.optional(),
  description: TemplateDescription.optional(),
  category: TemplateCategory.optional(),
  sampleInput: z.unknown().optional(),
  fromBot: z.boolean().optional(),
});

/** Slot key → a connection id the caller may use in the target workspace. */
export const ConnectionBindings = z.record(SlotKey, Id);
/** Secret slot name → a workspace secret id (its name may differ: the references are rewritten). */
export const SecretBindings = z.record(SecretName, Id);

export const InstantiateBody = z.object({
  workspaceId: Id.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  connections: ConnectionBindings.default({}),
  secrets: SecretBindings.optional(),
});

/**
 * One slot that could not be bound (422 SLOTS_UNBOUND `details`): `code` says why —
 * `SLOT_UNBOUND` (no connection given), `CONNECTION_NOT_USABLE` (not one the caller may use in
 * that workspace), `PROVIDER_MISMATCH` (the slot wants `provider`), `SECRET_UNBOUND`, `SECRET_NOT_FOUND`.
 */
export const SlotProblem = z.object({
  code: z.enum(['SLOT_UNBOUND', 'CONNECTION_NOT_USABLE', 'PROVIDER_MISMATCH', 'SECRET_UNBOUND', 'SECRET_NOT_FOUND']),
  message: z.string(),
  slot: z.string(),
  provider: SlotProvider.optional(),
  label: z.string().optional(),
});

/** The exported bot: versioned, self-describing, free of ids that only mean something in one workspace. */
export const BOT_DOCUMENT_FORMAT = 'bot-manager/bot' as const;
export const BotDocument = z.object({
  format: z.literal(BOT_DOCUMENT_FORMAT),
  version: z.literal(1),
  bot: z.object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    graph: Graph,
    slots: z.array(ConnectionSlot).max(1000).default([]),
    secretSlots: SecretSlots.default([]),
    sampleInput: z.unknown().optional(),
  }),
});

/** `document` is checked by the handler (422 INVALID_DOCUMENT with `details`), not as a 400: a bad file is data. */
export const ImportBody = z.object({
  document: z.unknown(),
  workspaceId: Id.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  connections: ConnectionBindings.optional(),
  secrets: SecretBindings.optional(),
});

/** Something of the source that has no counterpart here, and why: nothing is dropped silently. */
export const Unmapped = z.object({
  node: z.string(),
  reason: z.string(),
  param: z.string().optional(),
});

export const ImportN8nBody = z.object({
  workflow: z.unknown(),
  workspaceId: Id.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  connections: ConnectionBindings.optional(),
  secrets: SecretBindings.optional(),
  /** n8n workflow id → the bot of the workspace its Execute Workflow nodes run (flow.subbot); an unbound one is refused at save. */
  bots: z.record(z.string().max(200), Id).optional(),
  dryRun: z.boolean().optional(),
});
/**
 * An n8n trigger the import turned into a manual start: what to set up on the bot instead (a
 * schedule with this cron, or the bot's own webhook). Also said in words in `unmapped`.
 */
export const TriggerHint = z.object({
  node: z.string(),
  nodeId: z.string(),
  kind: z.enum(['schedule', 'webhook', 'chat', 'other']),
  cron: z.string().optional(),
  timezone: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
});
export const ImportN8nPreview = z.object({
  document: BotDocument,
  slots: z.array(ConnectionSlot),
  unmapped: z.array(Unmapped),
  triggers: z.array(TriggerHint),
});
export const ImportN8nResult = z.object({ bot: Bot, unmapped: z.array(Unmapped), triggers: z.array(TriggerHint) });

export const DuplicateBody = z.object({ name: z.string().trim().min(1).max(120).optional() });

export const templates = {
  list: route({
    method: 'GET',
    path: '/api/templates',
    querystring: WorkspaceQuery,
    response: { 200: z.object({ templates: z.array(Template) }), ...errorResponses },
  }),
  get: route({ method: 'GET', path: '/api/templates/:id', params: IdParams, response: { 200: Template, ...errorResponses } }),
  update: route({
    method: 'PATCH',
    path: '/api/templates/:id',
    params: IdParams,
    body: UpdateTemplateBody,
    response: { 200: Template, ...errorResponses },
  }),
  remove: route({ method: 'DELETE', path: '/api/templates/:id', params: IdParams, response: { 204: NoContent, ...errorResponses } }),
  publish: route({
    method: 'POST',
    path: '/api/bots/:id/template',
    params: IdParams,
    body: PublishTemplateBody,
    response: { 201: Template, ...errorResponses },
  }),
  instantiate: route({
    method: 'POST',
    path: '/api/templates/:id/instantiate',
    params: IdParams,
    body: InstantiateBody,
    response: { 201: Bot, ...errorResponses },
  }),
};

export const portability = {
  export: route({ method: 'GET', path: '/api/bots/:id/export', params: IdParams, response: { 200: BotDocument, ...errorResponses } }),
  import: route({ method: 'POST', path: '/api/bots/import', body: ImportBody, response: { 201: Bot, 413: ErrorBody, ...errorResponses } }),
  importN8n: route({
    method: 'POST',
    path: '/api/bots/import-n8n',
    body: ImportN8nBody,
    response: { 200: ImportN8nPreview, 201: ImportN8nResult, 413: ErrorBody, ...errorResponses },
  }),
  duplicate: route({
    method: 'POST',
    path: '/api/bots/:id/duplicate',
    params: IdParams,
    body: DuplicateBody,
    response: { 201: Bot, ...errorResponses },
  }),
};

export type ConnectionSlot = z.output<typeof ConnectionSlot>;
export type ConnectionSlotInput = z.input<typeof ConnectionSlot>;
export type SlotProvider = z.infer<typeof SlotProvider>;
export type TemplateScope = z.infer<typeof TemplateScope>;
export type Template = z.output<typeof Template>;
export type BotDocument = z.output<typeof BotDocument>;
export type BotDocumentInput = z.input<typeof BotDocument>;
export type SlotProblem = z.infer<typeof SlotProblem>;
export type Unmapped = z.infer<typeof Unmapped>;
export type ImportN8nBody = z.input<typeof ImportN8nBody>;
export type ImportN8nPreview = z.output<typeof ImportN8nPreview>;
export type TriggerHint = z.output<typeof TriggerHint>;
