/** Why an input is not an n8n workflow at all (a 422 for the route, never a crash). */
export type N8nImportErrorCode = 'N8N_NOT_A_WORKFLOW' | 'N8N_TOO_LARGE' | 'N8N_DUPLICATE_NODE_NAME';

export class N8nImportError extends Error {
  constructor(
    readonly code: N8nImportErrorCode,
    message: string,
    /** Where in the file, e.g. `nodes[3].name`. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'N8nImportError';
  }
}
