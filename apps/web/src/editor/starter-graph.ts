import type { Graph, GraphNode, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { JsonSchema } from './schema-form/json-schema';
import { defaultParams, unwrapSchema } from './schema-form/schema-fields';
import { deriveNodeId, newEdgeId } from './store/ids';

function node(
  type: string,
  x: number,
  catalogue: Record<string, NodeTypeDef>,
  params: Record<string, unknown>,
  taken: Set<string>,
  label?: string,
): GraphNode {
  const def = catalogue[type];
  const id = deriveNodeId(label ?? def?.title ?? '', taken, type);
  taken.add(id);
  return {
    id,
    type,
    version: def?.version ?? 1,
    params: { ...defaultParams(def?.paramsSchema, def), ...params },
    position: { x, y: 120 },
    ...(label ? { label } : {}),
  };
}

function edge(from: GraphNode, to: GraphNode, catalogue: Record<string, NodeTypeDef>) {
  const out = catalogue[from.type]?.outputs[0]?.name;
  const inp = catalogue[to.type]?.inputs[0]?.name;
  return { id: newEdgeId(), source: from.id, target: to.id, ...(out ? { sourceHandle: out } : {}), ...(inp ? { targetHandle: inp } : {}) };
}

const SAMPLE = { topic: 'the history of the bicycle' };

/** The manual source's `sample` (the editor's default run input) in whatever form its schema takes. */
function sampleParam(catalogue: Record<string, NodeTypeDef>, sample: Record<string, unknown> = SAMPLE): Record<string, unknown> {
  const raw = (catalogue['source.manual']?.paramsSchema as JsonSchema | undefined)?.properties?.sample;
  if (!raw) return {};
  const type = unwrapSchema(raw).schema.type;
  if (type === 'string') return { sample: JSON.stringify(sample, null, 2) };
  if (type === 'object' || type === undefined) return { sample };
  return {};
}

/** Left to right, one column per step. */
const X = (step: number) => step * 320;

/** A new bot starts as "manual input → LLM chat → results inbox", ready to run. */
export function starterGraph(catalogue: Record<string, NodeTypeDef>): Graph {
  const taken = new Set<string>();
  const input = node('source.manual', X(0), catalogue, sampleParam(catalogue), taken);
  const chat = node(
    'llm.chat',
    X(1),
    catalogue,
    {
      purpose: 'draft',
      system: 'You are a concise, helpful assistant.',
      prompt: 'Write three short bullet points about {{ input.topic }}.',
    },
    taken,
  );
  const results = node(
    'output.results',
    X(2),
    catalogue,
    {
      title: 'Notes on {{ input.topic }}',
      content: `{{ nodes.${chat.id}.output.text }}`,
    },
    taken,
  );
  return { nodes: [input, chat, results], edges: [edge(input, chat, catalogue), edge(chat, results, catalogue)] };
}

/** "feed → LLM digest → results inbox". */
function rssDigestGraph(catalogue: Record<string, NodeTypeDef>): Graph {
  const taken = new Set<string>();
  const rss = node('source.rss', X(0), catalogue, { url: 'https://example.com/feed.xml', limit: 10, onlyNew: true }, taken);
  const chat = node(
    'llm.chat',
    X(1),
    catalogue,
    {
      purpose: 'report',
      system: 'You write short, scannable news digests.',
      prompt: `Summarise these feed items as a short digest: one line per item with its title and its link.\n\n{{ nodes.${rss.id}.output.items }}`,
    },
    taken,
  );
  const results = node(
    'output.results',
    X(2),
    catalogue,
    {
      title: 'Digest',
      content: `{{ nodes.${chat.id}.output.text }}`,
    },
    taken,
  );
  return { nodes: [rss, chat, results], edges: [edge(rss, chat, catalogue), edge(chat, results, catalogue)] };
}

/** "input { url } → read the page → LLM summary → results inbox". */
function webpageSummaryGraph(catalogue: Record<string, NodeTypeDef>): Graph {
  const taken = new Set<string>();
  const input = node('source.manual', X(0), catalogue, sampleParam(catalogue, { url: 'https://example.com/article' }), taken);
  const page = node('source.webpage', X(1), catalogue, { url: '{{ input.url }}' }, taken);
  const chat = node(
    'llm.chat',
    X(2),
    catalogue,
    {
      purpose: 'analyze',
      system: 'You are a concise, accurate assistant.',
      prompt: `Summarise this web page in 5 bullet points.\n\n{{ nodes.${page.id}.output.text }}`,
    },
    taken,
  );
  const results = node(
    'output.results',
    X(3),
    catalogue,
    {
      title: 'Summary of {{ input.url }}',
      content: `{{ nodes.${chat.id}.output.text }}`,
    },
    taken,
  );
  return {
    nodes: [input, page, chat, results],
    edges: [edge(input, page, catalogue), edge(page, chat, catalogue), edge(chat, results, catalogue)],
  };
}

/** "incoming payload → LLM draft → Slack message". */
function webhookToSlackGraph(catalogue: Record<string, NodeTypeDef>): Graph {
  const taken = new Set<string>();
  const payload = { event: 'order.created', customer: 'Ada Lovelace', total: '42.00 EUR' };
  // The run input is the payload a caller POSTs to the bot's runs endpoint.
  const input = node('source.manual', X(0), catalogue, sampleParam(catalogue, payload), taken, 'Webhook payload');
  const chat = node(
    'llm.chat',
    X(1),
    catalogue,
    {
      purpose: 'draft',
      system: 'You write short, friendly Slack messages (Slack mrkdwn, no headings).',
      prompt: 'Draft a short Slack message (2–3 sentences) about this event:\n\n{{ input }}',
    },
    taken,
  );
  const slack = node(
    'output.slack',
    X(2),
    catalogue,
    {
      webhookUrl: 'https://hooks.slack.com/services/…',
      text: `{{ nodes.${chat.id}.output.text }}`,
    },
    taken,
  );
  return { nodes: [input, chat, slack], edges: [edge(input, chat, catalogue), edge(chat, slack, catalogue)] };
}

/** The starting points the "New bot" dialog offers; the first one is the default. Each has an LLM step. */
export const STARTER_TEMPLATES = [
  { id: 'blank', titleKey: 'pages:templates.blank.title', descriptionKey: 'pages:templates.blank.description', build: starterGraph },
  {
    id: 'rss-digest',
    titleKey: 'pages:templates.rssDigest.title',
    descriptionKey: 'pages:templates.rssDigest.description',
    build: rssDigestGraph,
  },
  {
    id: 'webpage-summary',
    titleKey: 'pages:templates.webpageSummary.title',
    descriptionKey: 'pages:templates.webpageSummary.description',
    build: webpageSummaryGraph,
  },
  {
    id: 'webhook-slack',
    titleKey: 'pages:templates.webhookSlack.title',
    descriptionKey: 'pages:templates.webhookSlack.description',
    build: webhookToSlackGraph,
  },
] as const satisfies readonly {
  id: string;
  titleKey: string;
  descriptionKey: string;
  build: (catalogue: Record<string, NodeTypeDef>) => Graph;
}[];

export type StarterTemplate = (typeof STARTER_TEMPLATES)[number];
