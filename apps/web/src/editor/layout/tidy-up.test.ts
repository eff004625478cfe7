import { overlapping } from '@bm/layout';
import { describe, expect, it } from 'vitest';
import type { Graph } from '@bm/contract';
import { createEditorStore } from '../store/editor-store';
import { testCatalogue } from '../store/testing';
import { tidyUp } from './tidy-up';

const meta = { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null };
const at0 = { x: 0, y: 0 };
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: at0 },
    { id: 'chat', type: 'llm.chat', version: 2, params: {}, position: at0 },
    { id: 'out1', type: 'output.results', version: 1, params: { content: 'x' }, position: at0 },
  ],
  edges: [
    { id: 'e1', source: 'in1', target: 'chat', sourceHandle: 'out', targetHandle: 'in' },
    { id: 'e2', source: 'chat', target: 'out1', sourceHandle: 'out', targetHandle: 'in' },
  ],
};

describe('tidy up', () => {
  it('spreads stacked nodes left to right in one undo step', async () => {
    const store = createEditorStore();
    store.getState().setCatalogue(testCatalogue);
    store.getState().load({ id: 'b', graph, meta });
    expect(await tidyUp(store)).toBe(true);
    const s = store.getState();
    const x = (id: string) => s.nodes.find((n) => n.id === id)!.position.x;
    expect(x('in1')).toBeLessThan(x('chat'));
    expect(x('chat')).toBeLessThan(x('out1'));
    expect(overlapping(s.nodes)).toEqual([]);
    expect(s.dirty).toBe(true);
    s.undo();
    expect(store.getState().nodes.every((n) => n.position.x === 0 && n.position.y === 0)).toBe(true);
    // Laid out already: a second tidy-up moves nothing and adds no undo step.
    await tidyUp(store);
    const steps = store.getState().past.length;
    expect(await tidyUp(store)).toBe(false);
    expect(store.getState().past.length).toBe(steps);
  });
});
