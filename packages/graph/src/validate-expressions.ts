import { ExpressionError } from './expression/errors';
import { containsTemplate, parseTemplate } from './expression/parse';
import { formatPath, type PathSegment } from './paths';
import type { Graph, GraphNode } from './schema';
import { upstreamOf } from './topology';
import { issue, nodeName, type ValidationError } from './validate-types';

/** Every string inside params with its path, skipping top-level literal (non-template) params. */
function* templateStrings(value: unknown, path: PathSegment[], literal: ReadonlySet<string>): Generator<[PathSegment[], string]> {
  if (path.length === 1 && literal.has(String(path[0]))) return;
  if (typeof value === 'string') {
    if (containsTemplate(value)) yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) yield* templateStrings(value[i], [...path, i], literal);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* templateStrings(v, [...path, k], literal);
  }
}

/** Syntax of every template, and that each `nodes.<id>` reference names an upstream node. */
export function checkExpressions(
  graph: Graph,
  byId: Map<string, GraphNode>,
  literalParams: (node: GraphNode) => readonly string[],
): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const node of byId.values()) {
    let upstream: Set<string> | undefined;
    const reported = new Set<string>();
    const literal = new Set(literalParams(node));
    for (const [path, src] of templateStrings(node.params, [], literal)) {
      const param = formatPath(path);
      const at = { node: nodeName(node), param };
      const where = { nodeId: node.id, param };
      let refs;
      try {
        refs = parseTemplate(src).flatMap((p) => (p.type === 'expr' ? [p.ref] : []));
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        const syntax = { position: (err.position ?? 0) + 1, snippet: err.snippet ?? src, detail: err.detail ?? err.message };
        errors.push(issue('EXPRESSION_SYNTAX', 'EXPRESSION_SYNTAX', { ...at, ...syntax }, where));
        continue;
      }
      for (const ref of refs) {
        if (ref.root !== 'nodes' || ref.nodeId === undefined) continue;
        const key = `${param}\u0000${ref.nodeId}`;
        if (reported.has(key)) continue;
        const shown = formatPath(['nodes', ref.nodeId]);
        const other = byId.get(ref.nodeId);
        upstream ??= new Set(upstreamOf(graph, node.id));
        if (!other) {
          reported.add(key);
          errors.push(issue('EXPRESSION_UNKNOWN_NODE', 'EXPRESSION_UNKNOWN_NODE', { ...at, ref: shown, id: ref.nodeId }, where));
        } else if (!upstream.has(ref.nodeId)) {
          reported.add(key);
          const self = ref.nodeId === node.id;
          errors.push(
            self
              ? issue('EXPRESSION_NOT_UPSTREAM', 'EXPRESSION_NOT_UPSTREAM.self', { ...at, ref: shown }, where)
              : issue('EXPRESSION_NOT_UPSTREAM', 'EXPRESSION_NOT_UPSTREAM.other', { ...at, ref: shown, other: nodeName(other) }, where),
          );
        }
      }
    }
  }
  return errors;
}
