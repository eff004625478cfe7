import type { GraphNote } from '@bm/graph';
import { asNumber, asString } from '../plan';
import type { N8nNode } from '../workflow';

/**
 * n8n's sticky-note colours (1–7, 1 the default yellow) on the few our notes have: the nearest one
 * by hue (n8n 2 is an orange-brown, 6 a purple).
 */
const COLOURS: Record<number, NonNullable<GraphNote['color']>> = {
  1: 'yellow',
  2: 'yellow',
  3: 'pink',
  4: 'green',
  5: 'blue',
  6: 'pink',
  7: 'grey',
};

const clampSize = (v: number | undefined) => (v === undefined ? undefined : Math.min(4000, Math.max(40, Math.round(v))));

/**
 * An n8n sticky note (`n8n-nodes-base.stickyNote`: markdown in `content`, a size and a colour) as a
 * note on our canvas. It never runs in either product, so it carries over as it is.
 */
export function stickyNoteOf(node: N8nNode, id: string): GraphNote {
  const p = node.parameters;
  const colour = asNumber(p.color);
  return {
    id,
    text: (asString(p.content) ?? '').slice(0, 10_000),
    position: node.position,
    width: clampSize(asNumber(p.width)),
    height: clampSize(asNumber(p.height)),
    color: colour === undefined ? undefined : COLOURS[colour],
  };
}
