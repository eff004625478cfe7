import { asNumber, asString, locatorValue, obj, type PlanContext } from '../plan';
import type { SlotProvider } from '../types';
import type { N8nNode } from '../workflow';

/** What an LLM call needs from n8n, whichever node described it. */
export interface ModelSettings {
  provider: SlotProvider;
  credentialType: string;
  owner: N8nNode;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
}

interface Vendor {
  provider: SlotProvider;
  credentialType: string;
  /** The model when the parameter is absent (n8n leaves defaults out of the file), by node version. */
  defaultModel?: (version: number) => string;
  modelParam: string;
  maxTokensOption: string;
}

/** LangChain chat-model sub-nodes (attached to a chain or agent through `ai_languageModel`). */
export const CHAT_MODELS: Record<string, Vendor> = {
  '@n8n/n8n-nodes-langchain.lmChatOpenAi': {
    provider: 'openai',
    credentialType: 'openAiApi',
    defaultModel: (v) => (v >= 1.2 ? 'gpt-4.1-mini' : 'gpt-4o-mini'),
    modelParam: 'model',
    maxTokensOption: 'maxTokens',
  },
  '@n8n/n8n-nodes-langchain.lmChatAnthropic': {
    provider: 'anthropic',
    credentialType: 'anthropicApi',
    defaultModel: (v) =>
      v >= 1.3
        ? 'claude-sonnet-4-5-20250929'
        : v >= 1.2
          ? 'claude-3-5-sonnet-20240620'
          : v >= 1.1
            ? 'claude-3-sonnet-20240229'
            : 'claude-2',
    modelParam: 'model',
    maxTokensOption: 'maxTokensToSample',
  },
  '@n8n/n8n-nodes-langchain.lmChatGoogleGemini': {
    provider: 'google',
    credentialType: 'googlePalmApi',
    defaultModel: () => 'gemini-2.5-flash',
    modelParam: 'modelName',
    maxTokensOption: 'maxOutputTokens',
  },
  '@n8n/n8n-nodes-langchain.lmChatOllama': {
    provider: 'local',
    credentialType: 'ollamaApi',
    defaultModel: () => 'llama3.2',
    modelParam: 'model',
    maxTokensOption: 'numPredict',
  },
  '@n8n/n8n-nodes-langchain.lmChatMistralCloud': {
    provider: 'other',
    credentialType: 'mistralCloudApi',
    modelParam: 'model',
    maxTokensOption: 'maxTokens',
  },
  '@n8n/n8n-nodes-langchain.lmChatGroq': {
    provider: 'other',
    credentialType: 'groqApi',
    modelParam: 'model',
    maxTokensOption: 'maxTokensToSample',
  },
  '@n8n/n8n-nodes-langchain.lmChatOpenRouter': {
    provider: 'other',
    credentialType: 'openRouterApi',
    modelParam: 'model',
    maxTokensOption: 'maxTokens',
  },
  '@n8n/n8n-nodes-langchain.lmChatDeepSeek': {
    provider: 'other',
    credentialType: 'deepSeekApi',
    modelParam: 'model',
    maxTokensOption: 'maxTokens',
  },
  '@n8n/n8n-nodes-langchain.lmChatXAiGrok': {
    provider: 'other',
    credentialType: 'xAiApi',
    modelParam: 'model',
    maxTokensOption: 'maxTokens',
  },
};

/** The vendors' own nodes (OpenAI, Anthropic, Gemini "message a model"). */
export const VENDOR_NODES: Record<string, Omit<Vendor, 'maxTokensOption' | 'modelParam'>> = {
  'n8n-nodes-base.openAi': { provider: 'openai', credentialType: 'openAiApi', defaultModel: () => 'gpt-3.5-turbo' },
  '@n8n/n8n-nodes-langchain.openAi': { provider: 'openai', credentialType: 'openAiApi' },
  '@n8n/n8n-nodes-langchain.anthropic': { provider: 'anthropic', credentialType: 'anthropicApi' },
  '@n8n/n8n-nodes-langchain.googleGemini': { provider: 'google', credentialType: 'googlePalmApi' },
};

/** Gemini model ids come as `models/gemini-…`; our Google adapter takes the bare id. */
export function modelId(v: unknown, ctx: PlanContext): string | undefined {
  const raw = locatorValue(v);
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (raw.startsWith('=')) {
    ctx.report(`The model is an expression (${raw.slice(1)}); the connection's default model is used instead.`, 'model');
    return undefined;
  }
  return raw.replace(/^models\//, '').slice(0, 200) || undefined;
}

export function clampTemperature(v: unknown): number | undefined {
  const n = asNumber(v);
  return n === undefined ? undefined : Math.min(2, Math.max(0, n));
}

export function clampMaxTokens(v: unknown): number | undefined {
  const n = asNumber(v);
  return n === undefined || n < 1 ? undefined : Math.min(200_000, Math.round(n));
}

/** The settings of a LangChain chat-model sub-node. */
export function chatModelSettings(sub: N8nNode, ctx: PlanContext): ModelSettings | undefined {
  const vendor = CHAT_MODELS[sub.type];
  if (!vendor) return undefined;
  const options = obj(sub.parameters.options);
  const model = Object.prototype.hasOwnProperty.call(sub.parameters, vendor.modelParam)
    ? modelId(sub.parameters[vendor.modelParam], ctx)
    : vendor.defaultModel?.(sub.typeVersion);
  if (vendor.provider === 'other') {
    ctx.report(`${sub.type.split('.').pop()} has no provider of its own here: bind an OpenAI-compatible connection ("other") to its slot.`);
  }
  const format = asString(options.responseFormat);
  return {
    provider: vendor.provider,
    credentialType: vendor.credentialType,
    owner: sub,
    ...(model ? { model } : {}),
    ...(clampTemperature(options.temperature) !== undefined ? { temperature: clampTemperature(options.temperature) } : {}),
    ...(clampMaxTokens(options[vendor.maxTokensOption]) !== undefined
      ? { maxTokens: clampMaxTokens(options[vendor.maxTokensOption]) }
      : {}),
    ...(format === 'json_object' ? { json: true } : {}),
  };
}
