import { t } from '../../i18n/i18n';
import type { BotFlowNode } from '../store/flow-types';

/** The default run input: the manual source's `sample`, as JSON text for the run dialog. */
export function sampleInputText(nodes: readonly BotFlowNode[]): string {
  const manual = nodes.find((n) => n.data.type === 'source.manual');
  const sample = manual?.data.params.sample;
  if (sample === undefined || sample === null || sample === '') return '';
  if (typeof sample === 'string') {
    try {
      return JSON.stringify(JSON.parse(sample), null, 2);
    } catch {
      return JSON.stringify(sample);
    }
  }
  return JSON.stringify(sample, null, 2);
}

export type ParsedInput = { ok: true; value: unknown } | { ok: false; error: string };

/** Empty text means "no input"; anything else must be JSON. */
export function parseRunInput(text: string): ParsedInput {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: t('editor:runDialog.invalidJson', { reason: (err as Error).message }) };
  }
}
