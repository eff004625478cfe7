import type { NodeSettings } from '@bm/contract';

/** Drops unset values (and an empty `retry`) so the stored graph holds only real choices. */
export function cleanSettings(settings: NodeSettings): NodeSettings {
  const out: NodeSettings = {};
  const retry = Object.fromEntries(Object.entries(settings.retry ?? {}).filter(([, v]) => v !== undefined));
  if (Object.keys(retry).length > 0) out.retry = retry;
  if (settings.timeoutMs !== undefined) out.timeoutMs = settings.timeoutMs;
  if (settings.continueOnFailure) out.continueOnFailure = true;
  if (settings.errorOutput) out.errorOutput = true;
  return out;
}
