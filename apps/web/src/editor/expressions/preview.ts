import { containsTemplate, ExpressionError, parseTemplate, renderTemplate, stringifyValue, type ExpressionScope } from '@bm/graph';

/** What the editor knows about the data an expression can read. */
export type PreviewData = {
  /** The run input (last run's, else the manual source's sample); undefined when there is none. */
  input: unknown;
  /** Sample outputs of upstream nodes, by id (last run, or pinned). */
  outputs: Record<string, unknown>;
  /** Upstream nodes with no sample yet (never ran, nothing pinned): their references cannot be previewed. */
  noData: ReadonlySet<string>;
  /** The workspace's secret names; null when unknown (the list could not be read). */
  secrets: readonly string[] | null;
};

export type Preview =
  | { kind: 'none' }
  | { kind: 'value'; text: string; type: 'text' | 'json' }
  | { kind: 'error'; syntax: boolean; position?: number; message: string }
  | { kind: 'noData'; nodeIds: string[] };

/** How a secret appears in a preview: never its value, which the browser does not have. */
export const secretPlaceholder = (name: string) => `‹secrets.${name}›`;

/**
 * Resolves a param's template against the sample data with packages/graph's own evaluator (so the
 * preview and a run agree). `asText`: the param always becomes text (else a lone `{{ }}` keeps its type).
 */
export function previewTemplate(src: string, data: PreviewData, asText: boolean): Preview {
  if (!containsTemplate(src)) return { kind: 'none' };
  let refs;
  try {
    refs = parseTemplate(src).flatMap((p) => (p.type === 'expr' ? [p.ref] : []));
  } catch (err) {
    if (err instanceof ExpressionError) return { kind: 'error', syntax: true, position: err.position, message: err.detail ?? err.message };
    throw err;
  }
  const waiting = [...new Set(refs.flatMap((r) => (r.root === 'nodes' && r.nodeId && data.noData.has(r.nodeId) ? [r.nodeId] : [])))];
  if (waiting.length > 0) return { kind: 'noData', nodeIds: waiting };
  const secrets: Record<string, string> = {};
  for (const r of refs) {
    if (r.root !== 'secrets' || !r.secretName) continue;
    if (data.secrets === null || data.secrets.includes(r.secretName)) secrets[r.secretName] = secretPlaceholder(r.secretName);
  }
  const scope: ExpressionScope = {
    input: data.input,
    nodes: Object.fromEntries(Object.entries(data.outputs).map(([id, output]) => [id, { output }])),
    secrets,
  };
  try {
    const value = renderTemplate(src, scope, { asText });
    return typeof value === 'string'
      ? { kind: 'value', text: value, type: 'text' }
      : { kind: 'value', text: stringifyValue(value), type: 'json' };
  } catch (err) {
    if (err instanceof ExpressionError)
      return { kind: 'error', syntax: err.kind === 'syntax', position: err.position, message: err.message };
    throw err;
  }
}
