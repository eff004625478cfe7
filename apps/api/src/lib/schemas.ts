import { z } from 'zod';

// Shared response pieces. Every route declares its params, body and responses with zod.
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody };

export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const WorkspaceQuery = z.object({ workspaceId: z.string().max(100).optional() });
// A codec, not a transform: fastify-type-provider-zod 7 serializes responses with zod's encode(),
// which runs codecs backwards (Date → ISO string) and refuses one-way transforms.
export const Iso = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
export const IsoOrNull = Iso.nullable();

export const GraphBody = z.object({
  nodes: z.array(z.object({}).passthrough()),
  edges: z.array(z.object({}).passthrough()),
});
