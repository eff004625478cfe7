/** Which field of a connection fixes a provider error, and how the button says it (a catalogue key). */
export type ConnectionFocus = 'apiKey' | 'baseUrl' | 'modelDefault';
type FixLabel = 'settings:fix.updateKey' | 'settings:fix.otherKey' | 'settings:fix.changeModel' | 'settings:fix.checkBaseUrl';

const FIXES: Record<string, { focus: ConnectionFocus; label: FixLabel }> = {
  KEY_REJECTED: { focus: 'apiKey', label: 'settings:fix.updateKey' },
  LLM_AUTH: { focus: 'apiKey', label: 'settings:fix.updateKey' },
  LLM_AUTH_FAILED: { focus: 'apiKey', label: 'settings:fix.updateKey' },
  QUOTA_EXCEEDED: { focus: 'apiKey', label: 'settings:fix.otherKey' },
  MODEL_NOT_FOUND: { focus: 'modelDefault', label: 'settings:fix.changeModel' },
  NOT_OPENAI_COMPATIBLE: { focus: 'baseUrl', label: 'settings:fix.checkBaseUrl' },
  PROVIDER_UNAVAILABLE: { focus: 'baseUrl', label: 'settings:fix.checkBaseUrl' },
  OUTBOUND_BLOCKED: { focus: 'baseUrl', label: 'settings:fix.checkBaseUrl' },
};

/** The fix for an error code of a connection test or an LLM node, when the connection is at fault. */
export function connectionFix(code: string | undefined): { focus: ConnectionFocus; label: FixLabel } | undefined {
  return code ? FIXES[code] : undefined;
}

/** Where the connection's edit dialog opens with the field that needs the change focused. */
export function connectionEditHref(connectionId: string, focus: ConnectionFocus = 'apiKey'): string {
  return `/settings/connections?edit=${encodeURIComponent(connectionId)}&focus=${focus}`;
}
