/** Why an input is not an n8n workflow at all (a 422 for the route, never a crash). */
export type N8nImportErrorCode = 'N8N_NOT_A_WORKFLOW' | 'N8N_TOO_LARGE' | 'N8N_DUPLICATE_NODE_NAME';

export class N8nImportError extends Error {
  constructor(
    readonly code: N8nImportErrorCode,
    /** A whole English sentence. */
    message: string,
    /**
     * Just the particular, for a translated sentence around it: the problem (`nodes[0].type:
     * expected string`), the size (`2001 nodes; at most 2000`) or the duplicated node name.
     */
    readonly detail: string,
    /** Where in the file, e.g. `nodes[3].name`. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'N8nImportError';
  }
}
