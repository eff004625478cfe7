export type ExpressionErrorKind = 'syntax' | 'reference';

/**
 * A template that cannot be parsed (kind `syntax`, with the character position) or whose
 * reference does not resolve (kind `reference`). Never rendered as "undefined".
 */
export class ExpressionError extends Error {
  readonly code = 'EXPRESSION_ERROR';
  readonly kind: ExpressionErrorKind;
  /** 0-based offset in the template string (syntax errors). */
  readonly position?: number;
  /** The `{{ … }}` source the error is about, when known. */
  readonly expression?: string;
  /** The param the template came from, set by renderParams (e.g. `headers.Authorization`). */
  readonly paramPath?: string;
  /** Syntax errors: the part of the template shown in the message, and what is wrong there (English). */
  readonly snippet?: string;
  readonly detail?: string;

  constructor(
    kind: ExpressionErrorKind,
    message: string,
    opts: { position?: number; expression?: string; paramPath?: string; snippet?: string; detail?: string } = {},
  ) {
    super(message);
    this.name = 'ExpressionError';
    this.kind = kind;
    this.position = opts.position;
    this.expression = opts.expression;
    this.paramPath = opts.paramPath;
    if (opts.snippet !== undefined) this.snippet = opts.snippet;
    if (opts.detail !== undefined) this.detail = opts.detail;
  }
}
