import { z } from 'zod';
import { errorResponses, IdParams, NoContent } from './common';
import { route } from './route';

/** Largest pinned output (JSON text): pins are samples to build with, not data stores. */
export const MAX_PIN_BYTES = 1024 * 1024;

const PinParams = IdParams.extend({ nodeId: z.string().min(1).max(128) });
export const PinBody = z.object({ output: z.unknown() });
export const Pin = z.object({ nodeId: z.string(), output: z.unknown() });

/**
 * Pinned data: a node's output kept beside the bot (outside its versions — pinning makes no version
 * and conflicts with no save); editor runs with `usePinned` use it instead of running the node.
 * Also settable through a save (`graph.nodes[].pinnedOutput`).
 */
export const pins = {
  set: route({
    method: 'PUT',
    path: '/api/bots/:id/pins/:nodeId',
    params: PinParams,
    body: PinBody,
    response: { 200: Pin, ...errorResponses },
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/bots/:id/pins/:nodeId',
    params: PinParams,
    response: { 204: NoContent, ...errorResponses },
  }),
};
