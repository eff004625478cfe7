import { z } from 'zod';
import { N8nImportError } from './errors';

/** Far above any real workflow; our graphs allow 500 nodes (validateGraph reports more). */
export const MAX_N8N_NODES = 2000;

const Credential = z.object({ id: z.union([z.string(), z.number()]).nullish(), name: z.string().max(500).default('') });

const N8nNodeSchema = z.object({
  id: z.string().max(200).optional(),
  name: z.string().min(1).max(500),
  type: z.string().min(1).max(500),
  typeVersion: z.number().positive().default(1),
  position: z.array(z.number()).optional(),
  // Objects are kept as parsed (not rebuilt by zod): a "__proto__" key stays an ordinary key.
  parameters: z.custom<Record<string, unknown>>(isObject, 'expected an object').nullish(),
  credentials: z.custom<Record<string, unknown>>(isObject, 'expected an object').nullish(),
  disabled: z.boolean().nullish(),
});

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const Target = z.object({ node: z.string(), type: z.string().default('main'), index: z.number().int().min(0).max(1000).default(0) });
/** `connections[source][type][outputIndex]` → the targets of that output (n8n writes null for an unused output). */
const Outputs = z.array(z.array(Target).nullable()).max(1000);

const WorkflowSchema = z.object({
  name: z.string().max(500).nullish(),
  description: z.string().max(10_000).nullish(),
  nodes: z.array(N8nNodeSchema).max(MAX_N8N_NODES),
  connections: z.custom<Record<string, unknown>>(isObject, 'expected an object').nullish(),
  settings: z
    .object({ timezone: z.string().max(100).optional() })
    .loose()
    .nullish(),
});

export interface N8nNode {
  id?: string;
  name: string;
  type: string;
  typeVersion: number;
  position: { x: number; y: number };
  parameters: Record<string, unknown>;
  credentials: Map<string, { id?: string; name: string }>;
  disabled: boolean;
}

export interface N8nConnection {
  source: string;
  output: number;
  target: string;
  input: number;
  /** `main` carries items; `ai_languageModel`, `ai_tool`, … attach a sub-node to its parent. */
  type: string;
}

export interface N8nWorkflow {
  name: string;
  description?: string;
  timezone?: string;
  nodes: N8nNode[];
  connections: N8nConnection[];
}

function invalid(at: string, issue: { path: PropertyKey[]; message: string }): N8nImportError {
  const path = (at + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')).replace(/^\./, '');
  const detail = `${path ? `${path}: ` : ''}${issue.message}`;
  return new N8nImportError('N8N_NOT_A_WORKFLOW', `This is not a valid n8n workflow (${detail}).`, detail, path);
}

/**
 * Reads an n8n workflow as n8n writes it (`n8n export:workflow`, the editor's "Download", or a
 * copy of the canvas). Throws N8nImportError with a message that says what is wrong.
 */
export function parseN8nWorkflow(input: unknown): N8nWorkflow {
  if (Array.isArray(input)) {
    const detail = `a list of ${input.length} workflows, not one`;
    throw new N8nImportError(
      'N8N_NOT_A_WORKFLOW',
      `This is a list of ${input.length} workflows; import one workflow at a time (n8n export:workflow --separate writes one file each).`,
      detail,
    );
  }
  if (input === null || typeof input !== 'object' || !('nodes' in input)) {
    throw new N8nImportError(
      'N8N_NOT_A_WORKFLOW',
      'This is not an n8n workflow: an n8n workflow is a JSON object with "nodes" and "connections".',
      'no "nodes" list',
    );
  }
  const raw = input as { nodes?: unknown };
  if (Array.isArray(raw.nodes) && raw.nodes.length > MAX_N8N_NODES) {
    throw new N8nImportError(
      'N8N_TOO_LARGE',
      `The workflow has ${raw.nodes.length} nodes; at most ${MAX_N8N_NODES} can be imported.`,
      `${raw.nodes.length} nodes; at most ${MAX_N8N_NODES}`,
      'nodes',
    );
  }
  const parsed = WorkflowSchema.safeParse(input);
  if (!parsed.success) throw invalid('', parsed.error.issues[0]!);
  const wf = parsed.data;
  const names = new Set<string>();
  const nodes: N8nNode[] = wf.nodes.map((n, i) => {
    if (names.has(n.name)) {
      throw new N8nImportError(
        'N8N_DUPLICATE_NODE_NAME',
        `Two nodes are named "${n.name}"; n8n node names are unique.`,
        n.name,
        `nodes[${i}].name`,
      );
    }
    names.add(n.name);
    const credentials = new Map<string, { id?: string; name: string }>();
    for (const [type, raw] of Object.entries(n.credentials ?? {})) {
      const c = Credential.safeParse(raw);
      if (!c.success) throw invalid(`nodes[${i}].credentials.${type}`, c.error.issues[0]!);
      credentials.set(type, { ...(c.data.id != null ? { id: String(c.data.id) } : {}), name: c.data.name });
    }
    const [x, y] = n.position ?? [];
    return {
      ...(n.id ? { id: n.id } : {}),
      name: n.name,
      type: n.type,
      typeVersion: n.typeVersion,
      position: { x: Number.isFinite(x) ? x! : 0, y: Number.isFinite(y) ? y! : 0 },
      parameters: n.parameters ?? {},
      credentials,
      disabled: n.disabled === true,
    };
  });
  const connections: N8nConnection[] = [];
  for (const [source, byType] of Object.entries(wf.connections ?? {})) {
    if (!isObject(byType)) throw invalid(`connections.${source}`, { path: [], message: 'expected an object' });
    for (const [type, raw] of Object.entries(byType)) {
      const outputs = Outputs.safeParse(raw);
      if (!outputs.success) throw invalid(`connections.${source}.${type}`, outputs.error.issues[0]!);
      outputs.data.forEach((targets, output) => {
        for (const t of targets ?? []) connections.push({ source, output, target: t.node, input: t.index, type: t.type || type });
      });
    }
  }
  return {
    name: wf.name?.trim() || 'Imported from n8n',
    ...(wf.description?.trim() ? { description: wf.description.trim() } : {}),
    ...(wf.settings?.timezone ? { timezone: wf.settings.timezone } : {}),
    nodes,
    connections,
  };
}
