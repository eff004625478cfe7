import type { LlmProvider } from '@bm/contract';
import { t } from '../../i18n/i18n';

type ProviderInfo = {
  /** A brand name shown as it is, or a catalogue key for the generic kinds. */
  label: string;
  labelKey?: 'settings:providers.local' | 'settings:providers.other';
  /** Whether a base URL must be given (OpenAI-compatible servers have no default). */
  baseUrlRequired: boolean;
  baseUrlPlaceholder: string;
  baseUrlHint: `settings:providers.hints.${LlmProvider}`;
  keyRequired: boolean;
  modelPlaceholder: string;
};

export const PROVIDERS: Record<LlmProvider, ProviderInfo> = {
  openai: {
    label: 'OpenAI',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://api.openai.com/v1',
    baseUrlHint: 'settings:providers.hints.openai',
    keyRequired: true,
    modelPlaceholder: 'gpt-4o-mini',
  },
  anthropic: {
    label: 'Anthropic',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://api.anthropic.com',
    baseUrlHint: 'settings:providers.hints.anthropic',
    keyRequired: true,
    modelPlaceholder: 'claude-sonnet-4-5',
  },
  google: {
    label: 'Google Gemini',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'https://generativelanguage.googleapis.com',
    baseUrlHint: 'settings:providers.hints.google',
    keyRequired: true,
    modelPlaceholder: 'gemini-2.5-flash',
  },
  local: {
    label: 'Local',
    labelKey: 'settings:providers.local',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'http://127.0.0.1:11434/v1',
    baseUrlHint: 'settings:providers.hints.local',
    keyRequired: false,
    modelPlaceholder: 'llama3.2',
  },
  other: {
    label: 'OpenAI-compatible',
    labelKey: 'settings:providers.other',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'https://my-gateway.example.com/v1',
    baseUrlHint: 'settings:providers.hints.other',
    keyRequired: false,
    modelPlaceholder: 'my-model',
  },
};

export const PROVIDER_ORDER: LlmProvider[] = ['openai', 'anthropic', 'google', 'local', 'other'];

/** How a provider is named in the user's language (brands stay as they are). */
export function providerLabel(provider: string): string {
  const info = (PROVIDERS as Record<string, ProviderInfo | undefined>)[provider];
  if (!info) return provider;
  return info.labelKey ? t(info.labelKey) : info.label;
}
