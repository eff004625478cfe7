import { listNodeDefinitions } from '@bm/nodes/registry';
import { describe, expect, it } from 'vitest';
import { FALLBACK_NODE_ICON, NODE_ICONS, nodeIconFor } from './node-icon';

describe('node type icons', () => {
  it('maps the icon of every registered node definition', () => {
    const defs = listNodeDefinitions();
    expect(defs.length).toBeGreaterThan(20);
    const unmapped = defs.filter((d) => !Object.hasOwn(NODE_ICONS, d.display.icon)).map((d) => `${d.id}: ${d.display.icon}`);
    expect(unmapped).toEqual([]);
  });

  it('falls back to a neutral icon for a name it does not know', () => {
    expect(nodeIconFor('no-such-icon')).toBe(FALLBACK_NODE_ICON);
    expect(nodeIconFor(undefined)).toBe(FALLBACK_NODE_ICON);
    expect(nodeIconFor('toString')).toBe(FALLBACK_NODE_ICON);
    expect(nodeIconFor('rss')).toBe(NODE_ICONS.rss);
  });
});
