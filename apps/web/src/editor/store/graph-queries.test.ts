import { describe, expect, it } from 'vitest';
import { upstreamNodeIds } from './graph-queries';

const e = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('upstreamNodeIds', () => {
  it('lists ancestors nearest first, each once, never the node itself', () => {
    const edges = [e('a', 'b'), e('b', 'd'), e('c', 'd'), e('a', 'c'), e('d', 'x')];
    expect(upstreamNodeIds({ edges }, 'd')).toEqual(['b', 'c', 'a']);
    expect(upstreamNodeIds({ edges }, 'a')).toEqual([]);
  });
});
