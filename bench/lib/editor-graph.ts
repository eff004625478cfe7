// The graphs the editor benchmark opens: realistic node types and edges at any size.

const SEGMENT = 10;

type GraphNode = { id: string; type: string; params: Record<string, unknown>; position: { x: number; y: number } };
type GraphEdge = { id: string; source: string; target: string; sourceHandle?: string };

/**
 * A graph of `n` nodes in segments of ten: a start (a manual source every tenth segment, else a
 * template reading the segment before), an llm.chat, a flow.if whose two ways run templates, and a
 * chain of templates. Segments sit in rows, left to right, as a user would lay them out.
 */
export function benchGraph(n: number): { nodes: GraphNode[]; edges: GraphEdge[]; typingNode: string } {
  const perRow = Math.max(1, Math.round(Math.sqrt(n / SEGMENT / 8)));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (source: string, target: string, sourceHandle?: string) =>
    edges.push({ id: `e${edges.length}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
  for (let i = 0; i < n; i++) {
    const seg = Math.floor(i / SEGMENT);
    const k = i % SEGMENT;
    const id = `n${i}`;
    const position = { x: ((seg % perRow) * SEGMENT + k) * 260, y: Math.floor(seg / perRow) * 110 + (k === 3 ? -40 : k === 4 ? 40 : 0) };
    const prev = `n${i - 1}`;
    if (k === 0) {
      if (seg % 10 === 0) nodes.push({ id, type: 'source.manual', params: { sample: { topic: `tea ${seg}` } }, position });
      else {
        nodes.push({ id, type: 'transform.template', params: { template: `segment ${seg}: {{ input }}` }, position });
        edge(prev, id);
      }
    } else if (k === 1) {
      nodes.push({ id, type: 'llm.chat', params: { prompt: `Write one line about {{ input }} (${seg})` }, position });
      edge(prev, id);
    } else if (k === 2) {
      nodes.push({ id, type: 'flow.if', params: { mode: 'condition', field: 'text', operator: 'contains', value: 'tea' }, position });
      edge(prev, id);
    } else if (k === 3 || k === 4) {
      nodes.push({ id, type: 'transform.template', params: { template: `${k === 3 ? 'yes' : 'no'}: {{ input.text }}` }, position });
      edge(`n${i - (k - 2)}`, id, k === 3 ? 'true' : 'false');
    } else {
      nodes.push({ id, type: 'transform.template', params: { template: `step ${k}: {{ input }}` }, position });
      if (k === 5) {
        edge(`n${i - 2}`, id);
        edge(`n${i - 1}`, id);
      } else edge(prev, id);
    }
  }
  // The last segment's last template: the longest way upstream (its data tree lists every node before it).
  return { nodes, edges, typingNode: `n${n - 1}` };
}
