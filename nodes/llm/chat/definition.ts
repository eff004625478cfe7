import { checkResponseSchema } from '@bm/llm';
import { z } from 'zod';
import { LLM_RETRY, NODE_TIMEOUT_MS } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { recordParams, run, type ChatOutput } from './run';

/** Empty means "use the default" (the editor stores '' for a cleared field). */
const optionalText = (description: string) => z.string().max(200).optional().describe(description);

export const params = z.object({
  purpose: z
    .enum(['analyze', 'report', 'draft'])
    .default('analyze')
    .describe('What the call is for: analyze (extract, classify), report (summarise), draft (write text). Recorded with the usage.'),
  system: z.string().max(50_000).default('').describe('System instructions (role, rules, output format).').meta({ widget: 'textarea' }),
  prompt: z
    .string()
    .min(1)
    .max(500_000)
    .describe('The message to the model. Use templates to pass data, e.g. {{ nodes.fetch.output.body }}.')
    .meta({ widget: 'textarea' }),
  llmConnectionId: optionalText("The LLM connection to use; empty uses the bot's default connection.").meta({ widget: 'connection' }),
  model: optionalText("Model id; empty uses the connection's default model (or the bot's override).").meta({ widget: 'model' }),
  temperature: z
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe('Sampling temperature (0 = focused, 2 = very random). Empty uses the provider default.'),
  maxTokens: z.number().int().min(1).max(200_000).optional().describe('Upper limit on the length of the answer, in tokens.'),
  json: z.boolean().default(false).describe("Ask for a JSON answer; the parsed value is in the output's `json`."),
  schema: z
    .record(z.string(), z.unknown())
    .optional()
    .superRefine((schema, ctx) => {
      const problem = schema === undefined ? undefined : checkResponseSchema(schema);
      // Reads on from the param name ("must be…", "is not…"): shown as `parameter "schema" must be…`.
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
    })
    .describe("The answer's shape, as a JSON Schema of an object: the model must answer with matching JSON, found in the output's `json`.")
    .meta({ widget: 'jsonSchema' }),
  images: z
    .string()
    .max(100_000)
    .optional()
    .describe(
      'Images for a vision model: an https:// URL (several separated by spaces), or an expression giving a list of URLs, data:image/…;base64 URLs, { url } or { data, mimeType } objects, e.g. {{ nodes.fetch.output.images }}. At most 10.',
    ),
});
export type Params = z.output<typeof params>;

export const llmChat: NodeDefinition<Params, ChatOutput> = {
  id: 'llm.chat',
  version: 1,
  category: 'llm',
  title: 'LLM chat',
  description: 'Sends a prompt to your LLM provider and outputs the answer.',
  docs: [
    'Output: `{ text, json?, model, usage: { inputTokens, outputTokens } }` — reference the answer as `{{ nodes.<id>.output.text }}`.',
    "Uses the node's LLM connection, or the bot's default one. Your own provider key is used; tokens are billed by your provider.",
    'With **json** on, the model is asked for JSON and the parsed answer is in `json` (a fenced ```json block, or a sentence around a single object or array, is accepted). An answer that is not JSON fails the node (INVALID_JSON) and is not retried, since every attempt is billed: say in the prompt exactly which JSON to return.',
    "With a **schema** (edit it as a list of fields, or as raw JSON Schema), the provider is asked for exactly that shape its own way (OpenAI structured outputs, an Anthropic tool, Gemini's response schema) and the answer is checked against it; the matching object is in `json`. An answer that does not match is sent back once with what is wrong; a second mismatch fails the node (SCHEMA_MISMATCH, not retried). Both calls are billed and counted. A schema answer is not streamed.",
    '**images** go to the model with the prompt (a vision-capable model is needed): https:// URLs, which the provider fetches itself, or inline data:image/png|jpeg|gif|webp;base64 data (at most 10 images, 5 MB each). The run records an inline image only as its type and size.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'Context' }],
  outputs: [{ name: 'out', type: 'json', label: 'Answer' }],
  params,
  // A JSON Schema is data, not a template; images usually come whole from upstream ({{ … }} keeps the list).
  literalParams: ['schema'],
  valueParams: ['images'],
  execution: { local: false, retry: LLM_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: ['llmConnectionId'],
  output: {
    description: "The model's answer, the model used and the tokens it took.",
    schema: z.object({
      text: z.string().describe('The answer as text.'),
      json: z.unknown().optional().describe('The parsed answer, when json is on or a schema is set (then it matches the schema).'),
      model: z.string().describe('The model that answered.'),
      usage: z
        .object({ inputTokens: z.number().int(), outputTokens: z.number().int(), cachedTokens: z.number().int().optional() })
        .describe('Tokens billed by your provider.'),
    }),
    primaryPath: 'output.text',
    primaryLabel: 'answer',
  },
  display: {
    icon: 'bot',
    synonyms: [
      'ai',
      'openai',
      'gpt',
      'chatgpt',
      'claude',
      'anthropic',
      'gemini',
      'google',
      'ollama',
      'prompt',
      'summarise',
      'summarize',
      'classify',
      'translate',
      'write',
    ],
    summary: [{ format: '{purpose|analyze} · {model|default model}', show: ['prompt'] }],
  },
  recordParams,
  run,
};
