/** An error that becomes `{ error: { code, message, details? } }` with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message);
export const badRequest = (code: string, message: string, details?: unknown) => new HttpError(400, code, message, details);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
