import type { PathSegment } from '@bm/graph';
import { asString, list, obj, unsupported, type BuildContext, type Mapper, type OutputMap, type PlanContext } from '../plan';
import type { N8nNode } from '../workflow';
import { chatModelSettings, clampMaxTokens, clampTemperature, modelId, VENDOR_NODES, type ModelSettings } from './llm-models';

type Role = 'system' | 'user' | 'assistant';
interface Message {
  role: Role;
  content: unknown;
  param: string;
}

/** Where the answer sits in the n8n node's item: these paths read `text` (or `json` with JSON output). */
function answerAt(prefixes: PathSegment[][], json: boolean): OutputMap {
  return (path, self) => {
    // The whole item: our output object carries the answer as `text` too.
    if (path.length === 0) return { kind: 'node', nodeId: self, path: [] };
    for (const prefix of prefixes) {
      if (prefix.every((seg, i) => path[i] === seg)) {
        const rest = path.slice(prefix.length);
        if (json) return { kind: 'node', nodeId: self, path: ['json', ...rest] };
        if (rest.length === 0) return { kind: 'node', nodeId: self, path: ['text'] };
      }
    }
    return { reason: `reads "${path.join('.')}" of an LLM answer; here the answer is {{ nodes.<id>.output.text }}` };
  };
}

const PLACEHOLDER_PROMPT = '(write the prompt)';

function llmPlan(settings: ModelSettings, messages: () => Message[], output: OutputMap, ctx: PlanContext): ReturnType<Mapper> {
  ctx.llm(settings.owner, settings.credentialType, settings.provider);
  return {
    kind: 'node',
    type: 'llm.chat',
    version: 1,
    output,
    build(b: BuildContext) {
      const all = messages().filter((m) => m.content !== undefined && m.content !== '');
      const system = all.filter((m) => m.role === 'system').map((m) => b.text(m.content, m.param));
      const turns = all.filter((m) => m.role !== 'system');
      let prompt: string;
      if (turns.some((m) => m.role === 'assistant')) {
        b.report('The assistant messages (examples) were folded into the prompt as a transcript (User: … / Assistant: …).', 'messages');
        prompt = turns.map((m) => `${m.role === 'user' ? 'User' : 'Assistant'}: ${b.text(m.content, m.param)}`).join('\n\n');
      } else prompt = turns.map((m) => b.text(m.content, m.param)).join('\n\n');
      if (!prompt.trim()) {
        b.report(`The node has no prompt; "${PLACEHOLDER_PROMPT}" was put in.`, 'prompt');
        prompt = PLACEHOLDER_PROMPT;
      }
      return {
        ...(system.length ? { system: system.join('\n\n') } : {}),
        prompt,
        ...(settings.model ? { model: settings.model } : {}),
        ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
        ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
        ...(settings.json ? { json: true } : {}),
      };
    },
  };
}

const role = (v: unknown, fallback: Role = 'user'): Role => {
  const r = asString(v);
  return r === 'system' ? 'system' : r === 'assistant' || r === 'model' ? 'assistant' : r === 'user' ? 'user' : fallback;
};

function vendorSettings(node: N8nNode, ctx: PlanContext, modelParam: string, extra: Partial<ModelSettings>): ModelSettings {
  const vendor = VENDOR_NODES[node.type]!;
  const hasModel = Object.prototype.hasOwnProperty.call(node.parameters, modelParam);
  const model = hasModel ? modelId(node.parameters[modelParam], ctx) : vendor.defaultModel?.(node.typeVersion);
  return { provider: vendor.provider, credentialType: vendor.credentialType, owner: node, ...(model ? { model } : {}), ...extra };
}

/** n8n-nodes-base.openAi v1/v1.1: `resource: chat` (messages) or the legacy `text` completion. */
export const openAiBase: Mapper = (node, ctx) => {
  const p = node.parameters;
  const resource = asString(p.resource) ?? 'text';
  const operation = asString(p.operation) ?? 'complete';
  if (operation !== 'complete' || (resource !== 'chat' && resource !== 'text')) {
    return unsupported(`OpenAI "${resource} / ${operation}" has no counterpart (only chat and text completion are imported).`);
  }
  const options = obj(p.options);
  const simplify = p.simplifyOutput !== false;
  const extra = { temperature: clampTemperature(options.temperature), maxTokens: clampMaxTokens(options.maxTokens) };
  const clean = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  if (resource === 'text') {
    ctx.report('The legacy text completion became a chat call (completion models are retired).');
    const settings = vendorSettings(node, ctx, 'model', clean);
    if (!Object.prototype.hasOwnProperty.call(p, 'model')) settings.model = 'gpt-3.5-turbo-instruct';
    return llmPlan(
      settings,
      () => [{ role: 'user', content: p.prompt, param: 'prompt' }],
      answerAt(simplify ? [['text']] : [['choices', 0, 'text']], false),
      ctx,
    );
  }
  const settings = vendorSettings(node, ctx, node.typeVersion >= 1.1 ? 'chatModel' : 'model', clean);
  const messages = () =>
    list(obj(p.prompt).messages).map((m, i) => ({ role: role(m.role), content: m.content, param: `prompt.messages[${i}].content` }));
  return llmPlan(settings, messages, answerAt(simplify ? [['message', 'content']] : [['choices', 0, 'message', 'content']], false), ctx);
};

/** @n8n/n8n-nodes-langchain.openAi: v1.x "Message a model" (chat completions), v2 "Generate a response" (responses API). */
export const openAiLangchain: Mapper = (node, ctx) => {
  const p = node.parameters;
  const v2 = node.typeVersion >= 2;
  const resource = asString(p.resource) ?? 'text';
  const operation = asString(p.operation) ?? (v2 ? 'response' : 'message');
  if (resource !== 'text' || (operation !== 'message' && operation !== 'response')) {
    return unsupported(`OpenAI "${resource} / ${operation}" has no counterpart (only text messages are imported).`);
  }
  const options = obj(p.options);
  const json = p.jsonOutput === true;
  const settings = vendorSettings(node, ctx, 'modelId', {
    ...(clampTemperature(options.temperature) !== undefined ? { temperature: clampTemperature(options.temperature) } : {}),
    ...(clampMaxTokens(options.maxTokens) !== undefined ? { maxTokens: clampMaxTokens(options.maxTokens) } : {}),
    ...(json ? { json } : {}),
  });
  const simplify = p.simplify !== false;
  if (v2) {
    const messages = () => [
      ...(options.instructions ? [{ role: 'system' as const, content: options.instructions, param: 'options.instructions' }] : []),
      ...list(obj(p.responses).values).map((m, i) => ({ role: role(m.role), content: m.content, param: `responses.values[${i}].content` })),
    ];
    return llmPlan(settings, messages, answerAt(simplify ? [['output', 0, 'content', 0, 'text']] : [['output_text']], false), ctx);
  }
  const messages = () =>
    list(obj(p.messages).values).map((m, i) => ({ role: role(m.role), content: m.content, param: `messages.values[${i}].content` }));
  return llmPlan(settings, messages, answerAt(simplify ? [['message', 'content']] : [['choices', 0, 'message', 'content']], json), ctx);
};

/** Anthropic and Google Gemini "Message a model". */
export const vendorMessage: Mapper = (node, ctx) => {
  const p = node.parameters;
  const resource = asString(p.resource) ?? 'text';
  const operation = asString(p.operation) ?? 'message';
  const name = node.type.endsWith('anthropic') ? 'Anthropic' : 'Google Gemini';
  if (resource !== 'text' || operation !== 'message')
    return unsupported(`${name} "${resource} / ${operation}" has no counterpart (only text messages are imported).`);
  const options = obj(p.options);
  const gemini = name === 'Google Gemini';
  const json = p.jsonOutput === true;
  const settings = vendorSettings(node, ctx, 'modelId', {
    ...(clampTemperature(options.temperature) !== undefined ? { temperature: clampTemperature(options.temperature) } : {}),
    ...(clampMaxTokens(gemini ? options.maxOutputTokens : options.maxTokens) !== undefined
      ? { maxTokens: clampMaxTokens(gemini ? options.maxOutputTokens : options.maxTokens) }
      : {}),
    ...(json ? { json } : {}),
  });
  const systemKey = gemini ? 'systemMessage' : 'system';
  const messages = () => [
    ...(options[systemKey] ? [{ role: 'system' as const, content: options[systemKey], param: `options.${systemKey}` }] : []),
    ...list(obj(p.messages).values).map((m, i) => ({ role: role(m.role), content: m.content, param: `messages.values[${i}].content` })),
  ];
  const simplify = p.simplify !== false;
  const at: PathSegment[][] = gemini
    ? simplify
      ? [['content', 'parts', 0, 'text']]
      : [['candidates', 0, 'content', 'parts', 0, 'text']]
    : simplify
      ? [['content', 0, 'text'], ['merged_response']]
      : [['content', 0, 'text']];
  return llmPlan(settings, messages, answerAt(at, false), ctx);
};

const SUB_NODE_REASONS: Record<string, string> = {
  ai_memory: 'chat memory does not exist in Bot Manager (each run starts fresh)',
  ai_tool: 'tools do not exist in Bot Manager yet; the agent became one LLM call without them',
  ai_outputParser: 'output parsers do not exist here; turn on the LLM node\'s "json" option and describe the JSON in the prompt',
};

/** The chat model attached to a chain or agent, reporting every other attached sub-node. */
function attachedModel(node: N8nNode, ctx: PlanContext): ModelSettings {
  let settings: ModelSettings | undefined;
  for (const { node: sub, type } of ctx.attachedAll()) {
    ctx.claim(sub);
    if (type === 'ai_languageModel' && !settings) {
      settings = chatModelSettings(sub, ctx);
      if (!settings) ctx.report(`The chat model "${sub.name}" (${sub.type}) has no counterpart; bind any connection to its slot.`);
      else continue;
    } else if (type === 'ai_languageModel') {
      ctx.report(`The fallback model "${sub.name}" was not imported (one model per LLM node).`);
      continue;
    }
    if (type !== 'ai_languageModel') {
      ctx.report(
        `The sub-node "${sub.name}" (${sub.type}) was not imported: ${SUB_NODE_REASONS[type] ?? `"${type}" connections do not exist here`}.`,
      );
    }
  }
  if (!settings) {
    if (!ctx.attached('ai_languageModel').length) ctx.report('No chat model is attached; bind any connection to its slot.');
    return { provider: 'any', credentialType: '', owner: node };
  }
  return settings;
}

/** The prompt of a chain or agent: `promptType: auto` reads the chat message, `define` its own text. */
function chainPrompt(node: N8nNode): unknown {
  const p = node.parameters;
  if (node.typeVersion < 1.4 && node.type.endsWith('chainLlm')) {
    const def =
      node.typeVersion >= 1.3 ? '={{ $json.chatInput }}' : node.typeVersion >= 1.1 ? '={{ $json.chat_input }}' : '={{ $json.input }}';
    return p.prompt ?? def;
  }
  const promptType = asString(p.promptType) ?? 'auto';
  if (promptType === 'define') return p.text;
  return p.text ?? (promptType === 'guardrails' ? '={{ $json.guardrailsInput }}' : '={{ $json.chatInput }}');
}

export const chainLlm: Mapper = (node, ctx) => {
  const settings = attachedModel(node, ctx);
  if (node.parameters.hasOutputParser === true)
    ctx.report(`The output parser is not used; ${SUB_NODE_REASONS.ai_outputParser}.`, 'hasOutputParser');
  const messages = (): Message[] => [
    ...list(obj(node.parameters.messages).messageValues).map((m, i) => {
      const kind = asString(m.type) ?? 'SystemMessagePromptTemplate';
      const r: Role = kind.startsWith('System') ? 'system' : kind.startsWith('AI') ? 'assistant' : 'user';
      return { role: r, content: m.message, param: `messages.messageValues[${i}].message` };
    }),
    { role: 'user', content: chainPrompt(node), param: 'text' },
  ];
  return llmPlan(settings, messages, answerAt([['text']], false), ctx);
};

export const agent: Mapper = (node, ctx) => {
  const settings = attachedModel(node, ctx);
  const options = obj(node.parameters.options);
  const system = options.systemMessage ?? 'You are a helpful assistant';
  const messages = (): Message[] => [
    { role: 'system', content: system, param: 'options.systemMessage' },
    { role: 'user', content: chainPrompt(node), param: 'text' },
  ];
  return llmPlan(settings, messages, answerAt([['output']], false), ctx);
};
