import { collectNodeInputs, parseGraph, validateGraph } from '@bm/graph';
import { describe, expect, it } from 'vitest';
import { describeNodeTypes } from '../../../describe';
import { getNodeDefinition, nodeTypeLookup } from '../../../registry';
import { executeNode } from '../../../runtime';
import { rejection, runNode, testContext } from '../../../testing/context';
import { transformSplit } from '../definition';
import { transformSplitV2 } from './definition';

const at = { x: 0, y: 0 };
const upstream = { body: { results: ['r1', 'r2'], text: 'a\nb' } };

/** Runs node `id` of `graph` the way the worker does: its definition at the graph's version. */
async function runStored(graph: ReturnType<typeof parseGraph>, id: string, outputs: Record<string, unknown>) {
  const node = graph.nodes.find((n) => n.id === id)!;
  const def = getNodeDefinition(node.type, node.version)!;
  const nodes = Object.fromEntries(Object.entries(outputs).map(([k, output]) => [k, { output }]));
  const { output } = await executeNode(
    def,
    node.params,
    { input: null, nodes },
    await testContext({ nodeId: id }),
    collectNodeInputs(graph, id, nodes),
  );
  return { version: def.version, output };
}

describe('transform.split v2 beside v1', () => {
  it('is the default for new nodes: the latest version, listed after v1 in the catalogue', () => {
    expect(getNodeDefinition('transform.split')).toBe(transformSplitV2);
    expect(
      describeNodeTypes()
        .filter((d) => d.id === 'transform.split')
        .map((d) => d.version),
    ).toEqual([1, 2]);
    expect(Object.keys(transformSplitV2.params.safeParse({}).data ?? {})).not.toContain('field');
  });

  it('keeps a stored v1 graph (no version, so v1) valid and running with its `field`', async () => {
    const stored = {
      nodes: [
        { id: 'http', type: 'source.http', params: { url: 'https://example.com' }, position: at },
        { id: 'split', type: 'transform.split', params: { field: 'body.results' }, position: at },
      ],
      edges: [{ id: 'e', source: 'http', target: 'split' }],
    };
    const result = validateGraph(stored, nodeTypeLookup);
    expect(result.errors).toEqual([]);
    expect(result.graph!.nodes[1]!.version).toBe(1);
    expect(await runStored(result.graph!, 'split', { http: upstream })).toEqual({ version: 1, output: { items: ['r1', 'r2'] } });
  });

  it('runs v2 nodes with the part to split named by the source expression', async () => {
    const graph = parseGraph({
      nodes: [
        { id: 'http', type: 'source.http', params: { url: 'https://example.com' }, position: at },
        { id: 'split', type: 'transform.split', version: 2, params: { source: '{{ nodes.http.output.body.results }}' }, position: at },
      ],
      edges: [{ id: 'e', source: 'http', target: 'split' }],
    });
    expect(validateGraph(graph, nodeTypeLookup).errors).toEqual([]);
    expect(await runStored(graph, 'split', { http: upstream })).toEqual({ version: 2, output: { items: ['r1', 'r2'] } });
  });

  it('splits text like v1 and no longer knows `field`', async () => {
    expect(await runNode(transformSplitV2, { mode: 'paragraphs' }, await testContext(), [['t', 'one\n\ntwo']])).toEqual({
      items: ['one', 'two'],
    });
    // A v1-style `field` is not a v2 param: the object itself is split, which is not text or a list.
    const err = await rejection(
      runNode(transformSplitV2, { field: 'body.text' }, await testContext(), [['http', { body: { text: 'a' } }]]),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).not.toContain('"field"');
    expect(
      (await runNode(transformSplit, { field: 'body.text' }, await testContext(), [['http', { body: { text: 'a\nb' } }]])).items,
    ).toEqual(['a', 'b']);
  });
});
