/** Which field of a connection fixes a provider error, and how the button says it. */
export type ConnectionFocus = 'apiKey' | 'baseUrl' | 'modelDefault';

const FIXES: Record<string, { focus: ConnectionFocus; label: string }> = {
  KEY_REJECTED: { focus: 'apiKey', label: 'Update API key' },
  LLM_AUTH: { focus: 'apiKey', label: 'Update API key' },
  LLM_AUTH_FAILED: { focus: 'apiKey', label: 'Update API key' },
  QUOTA_EXCEEDED: { focus: 'apiKey', label: 'Use another API key' },
  MODEL_NOT_FOUND: { focus: 'modelDefault', label: 'Change the model' },
  NOT_OPENAI_COMPATIBLE: { focus: 'baseUrl', label: 'Check the base URL' },
  PROVIDER_UNAVAILABLE: { focus: 'baseUrl', label: 'Check the base URL' },
  OUTBOUND_BLOCKED: { focus: 'baseUrl', label: 'Check the base URL' },
};

/** The fix for an error code of a connection test or an LLM node, when the connection is at fault. */
export function connectionFix(code: string | undefined): { focus: ConnectionFocus; label: string } | undefined {
  return code ? FIXES[code] : undefined;
}

/** Where the connection's edit dialog opens with the field that needs the change focused. */
export function connectionEditHref(connectionId: string, focus: ConnectionFocus = 'apiKey'): string {
  return `/settings/connections?edit=${encodeURIComponent(connectionId)}&focus=${focus}`;
}
