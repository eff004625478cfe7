import { t } from '../../i18n/i18n';

/** What started a run (the API's RunTrigger values), in the user's words; an unknown one as it came. */
export const TRIGGER_KEYS = {
  manual: 'pages:triggers.names.manual',
  api: 'pages:triggers.names.api',
  schedule: 'pages:triggers.names.schedule',
  webhook: 'pages:triggers.names.webhook',
  resume: 'pages:triggers.names.resume',
  subbot: 'pages:triggers.names.subbot',
  onFailure: 'pages:triggers.names.onFailure',
} as const;

export function triggerLabel(trigger: string | null | undefined): string {
  if (!trigger) return '—';
  return trigger in TRIGGER_KEYS ? t(TRIGGER_KEYS[trigger as keyof typeof TRIGGER_KEYS]) : trigger;
}
