import type { NodeCategory, NodeTypeDescription } from '@bm/contract';
import { LOCALES } from '@bm/i18n';
import type { i18n as I18n } from 'i18next';
import { CATEGORY_LABEL } from '../canvas/category';
import type { SearchEntry } from './search';

/**
 * Search words a language adds to a type's own synonyms (`display.synonyms`, English, from its
 * definition): 요약 and 번역 find the LLM node in every language the app speaks.
 */
const LOCAL_SYNONYMS = {
  'source.manual': 'editor:palette.synonyms.sourceManual',
  'source.http': 'editor:palette.synonyms.sourceHttp',
  'source.rss': 'editor:palette.synonyms.sourceRss',
  'source.webpage': 'editor:palette.synonyms.sourceWebpage',
  'llm.chat': 'editor:palette.synonyms.llmChat',
  'transform.template': 'editor:palette.synonyms.transformTemplate',
  'transform.jsonata': 'editor:palette.synonyms.transformJsonata',
  'transform.filter': 'editor:palette.synonyms.transformFilter',
  'transform.split': 'editor:palette.synonyms.transformSplit',
  'transform.merge': 'editor:palette.synonyms.transformMerge',
  'flow.if': 'editor:palette.synonyms.flowIf',
  'flow.switch': 'editor:palette.synonyms.flowSwitch',
  'flow.loop': 'editor:palette.synonyms.flowLoop',
  'flow.collect': 'editor:palette.synonyms.flowCollect',
  'flow.wait': 'editor:palette.synonyms.flowWait',
  'flow.approval': 'editor:palette.synonyms.flowApproval',
  'flow.subbot': 'editor:palette.synonyms.flowSubbot',
  'output.email': 'editor:palette.synonyms.outputEmail',
  'output.slack': 'editor:palette.synonyms.outputSlack',
  'output.webhook': 'editor:palette.synonyms.outputWebhook',
  'output.results': 'editor:palette.synonyms.outputResults',
  'output.respond': 'editor:palette.synonyms.outputRespond',
} as const satisfies Record<string, `editor:palette.synonyms.${string}`>;

export interface PaletteEntry extends SearchEntry {
  def: NodeTypeDescription;
}

/** A message in every language, for words a reader may type in any of them. */
type WordsKey = (typeof LOCAL_SYNONYMS)[keyof typeof LOCAL_SYNONYMS] | (typeof CATEGORY_LABEL)[NodeCategory];
function inEveryLanguage(i18n: I18n, key: WordsKey): string[] {
  return LOCALES.map((lng) => i18n.t(key, { lng }));
}

const words = (texts: string[]) => [
  ...new Set(
    texts
      .flatMap((t) => t.split(','))
      .map((w) => w.trim())
      .filter(Boolean),
  ),
];

/** The served catalogue as the palette searches it: each type with its synonyms in every language. */
export function paletteEntries(types: NodeTypeDescription[], i18n: I18n) {
  const entries: PaletteEntry[] = types.map((def) => {
    const key = Object.hasOwn(LOCAL_SYNONYMS, def.id) ? LOCAL_SYNONYMS[def.id as keyof typeof LOCAL_SYNONYMS] : undefined;
    return { def, extraWords: key ? words(inEveryLanguage(i18n, key)) : [] };
  });
  const categoryNames = Object.fromEntries(
    Object.entries(CATEGORY_LABEL).map(([category, key]) => [category, words(inEveryLanguage(i18n, key))]),
  ) as Record<NodeCategory, string[]>;
  return { entries, categoryNames };
}

/** For the test that every registered type has its local synonyms. */
export const localSynonymTypes = (): string[] => Object.keys(LOCAL_SYNONYMS);
