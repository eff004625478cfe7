import { createI18n, type Resources } from '@bm/i18n';
import { NodeError } from './errors';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A node failure's message in @bm/i18n's `errors` catalogue (`node.*`). */
export type NodeMessageKey = `node.${Leaves<Resources['errors']['node']>}`;
export type NodeMessageParams = Record<string, string | number>;

// The English catalogue is the one source of these texts: a NodeError's `message` (logs, the API)
// is rendered from it, and the web renders the same key in the reader's language.
const english = createI18n({ locale: 'en' });

export function nodeMessage(key: NodeMessageKey, params: NodeMessageParams = {}): string {
  return (english.t as (k: string, o: object) => string)(`errors:${key}`, params);
}

type Options = Omit<ConstructorParameters<typeof NodeError>[2] & object, 'key' | 'params'>;

/** A NodeError whose message comes from the catalogue. Numbers that must not be grouped go in as strings. */
export function nodeError(code: string, key: NodeMessageKey, params: NodeMessageParams = {}, opts: Options = {}): NodeError {
  return new NodeError(code, nodeMessage(key, params), { ...opts, key, params });
}
