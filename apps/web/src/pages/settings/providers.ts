import type { LlmProvider } from '@bm/contract';

type ProviderInfo = {
  label: string;
  /** Whether a base URL must be given (OpenAI-compatible servers have no default). */
  baseUrlRequired: boolean;
  baseUrlPlaceholder: string;
  baseUrlHint: string;
  keyRequired: boolean;
  modelPlaceholder: string;
};

export const PROVIDERS: Record<LlmProvider, ProviderInfo> = {
  openai: {
    label: 'OpenAI',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://api.openai.com/v1',
    baseUrlHint: 'Optional: a gateway or proxy in front of OpenAI.',
    keyRequired: true,
    modelPlaceholder: 'gpt-4o-mini',
  },
  anthropic: {
    label: 'Anthropic',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://api.anthropic.com',
    baseUrlHint: 'Optional: a gateway or proxy in front of Anthropic.',
    keyRequired: true,
    modelPlaceholder: 'claude-sonnet-4-5',
  },
  google: {
    label: 'Google Gemini',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://generativelanguage.googleapis.com',
    baseUrlHint: 'Optional: a gateway or proxy in front of the Gemini API.',
    keyRequired: true,
    modelPlaceholder: 'gemini-2.5-flash',
  },
  local: {
    label: 'Local (Ollama, LM Studio…)',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'http://127.0.0.1:11434/v1',
    baseUrlHint: 'The OpenAI-compatible root of your local server.',
    keyRequired: false,
    modelPlaceholder: 'llama3.2',
  },
  other: {
    label: 'Other OpenAI-compatible',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'https://my-gateway.example.com/v1',
    baseUrlHint: 'The OpenAI-compatible root, usually ending in /v1.',
    keyRequired: false,
    modelPlaceholder: 'my-model',
  },
};

export const PROVIDER_ORDER: LlmProvider[] = ['openai', 'anthropic', 'google', 'local', 'other'];
