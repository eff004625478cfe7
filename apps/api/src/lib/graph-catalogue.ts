import { GRAPH_MESSAGES } from '@bm/graph';

type Tree = { [k: string]: string | Tree };

/**
 * The `graph` part of the English `errors` catalogue as @bm/graph says it (GRAPH_MESSAGES is the
 * source; scripts/node-texts.ts writes it into packages/i18n/messages/en/errors.json, and
 * graph-messages.test.ts fails when that part is stale). Keys with a dot become nested messages.
 */
export function englishGraphMessages(): Tree {
  const tree: Tree = {};
  for (const [key, text] of Object.entries(GRAPH_MESSAGES)) {
    const parts = key.split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Tree;
    node[parts.at(-1)!] = text;
  }
  return tree;
}

/** The English `errors` catalogue with its `graph` part replaced (other messages keep their order). */
export function withEnglishGraphMessages(errors: Tree): Tree {
  return { ...errors, graph: englishGraphMessages() };
}
