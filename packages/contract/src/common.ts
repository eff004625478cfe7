import { z } from 'zod';

/**
 * A message's key in @bm/i18n's `errors` catalogue and its ICU arguments (plain values), so a
 * client can show it in its own language; `message` beside it is already in the request's one.
 */
export const MessageKey = z.string().min(1).max(200);
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * One problem of a rejected request: a field (`path`, for 400 VALIDATION_FAILED) or a graph node
 * or edge (`nodeId`/`edgeId`/`param`, for 422 INVALID_GRAPH). `message` is for people.
 */
export const ErrorDetail = z.looseObject({
  message: z.string(),
  path: z.string().optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  param: z.string().optional(),
  code: z.string().optional(),
  key: MessageKey.optional(),
  params: MessageParams.optional(),
});

/** Every error answer: `{ error: { code, message, details? } }`; the message is safe to show. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.union([z.array(ErrorDetail), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** The error statuses any authenticated route may answer with. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
};

/** A 204 answer has no body. */
export const NoContent = z.null();

export const Id = z.string().min(1).max(100);
export const IdParams = z.object({ id: Id });
/** Workspace-scoped lists; default: the caller's personal workspace. */
export const WorkspaceQuery = z.object({ workspaceId: Id.optional() });

/** A timestamp: the database's Date goes out as an ISO 8601 string. */
export const IsoDate = z
  .union([z.date(), z.string()])
  .transform((d) => (d instanceof Date ? d.toISOString() : d))
  .pipe(z.string());
export const IsoDateOrNull = IsoDate.nullable();

/**
 * A run's or node's failure as recorded: a code (when known), the English message for people and,
 * when the error has one, its catalogue key and params (the web renders those in the user's language).
 */
export const Failure = z.looseObject({
  code: z.string().optional(),
  message: z.string(),
  key: MessageKey.optional(),
  params: MessageParams.optional(),
});

export type ErrorDetail = z.infer<typeof ErrorDetail>;
export type ErrorBody = z.infer<typeof ErrorBody>;
export type Failure = z.infer<typeof Failure>;
