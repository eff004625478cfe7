import type { ConnectionSlotInput, GraphInput } from '@bm/contract';

/** The gallery's categories (their names: the `templates` catalogue, `categories.<id>`). */
export const GALLERY_CATEGORIES = [
  'digests',
  'monitoring',
  'writing',
  'briefings',
  'extraction',
  'comparison',
  'support',
  'reports',
  'translation',
  'moderation',
] as const;
export type GalleryCategory = (typeof GALLERY_CATEGORIES)[number];
/** English names of the categories (the source of `templates:categories.*`). */
export const GALLERY_CATEGORY_NAMES: Record<GalleryCategory, string> = {
  digests: 'Digests',
  monitoring: 'Monitoring',
  writing: 'Writing',
  briefings: 'Briefings',
  extraction: 'Extraction',
  comparison: 'Comparison',
  support: 'Support',
  reports: 'Reports',
  translation: 'Translation',
  moderation: 'Moderation',
};

/**
 * One built-in template. Its English name and description are the source of the `templates`
 * catalogue (`gallery.<key>.*`; gallery-texts.test.ts keeps the file in step). The graph names no
 * connection: its LLM nodes use the bot's default, the one slot `llm` — unless `slots` says
 * otherwise. Node types used and secret slots are derived from the graph, never typed here.
 */
export interface GalleryTemplate {
  /** Stable forever: seeding finds the row by it (and upgrades it in place). */
  key: string;
  name: string;
  description: string;
  category: GalleryCategory;
  graph: GraphInput;
  /** A run input that shows what the bot does (the URLs are public examples; replace them). */
  sampleInput: Record<string, unknown>;
  slots?: ConnectionSlotInput[];
}

const at = (col: number, row = 0) => ({ x: col * 280, y: row * 160 });

/** A node at grid column `col`, row `row` (the canvas lays templates out left to right). */
export const node = (id: string, type: string, params: Record<string, unknown>, col: number, row = 0, label?: string) => ({
  id,
  type,
  params,
  position: at(col, row),
  ...(label ? { label } : {}),
});
/** An edge; `sourceHandle` names the output it leaves from (flow.if's true/false, a switch case, an approval's outcome). */
export const edge = (source: string, target: string, sourceHandle?: string) => ({
  id: sourceHandle ? `${source}:${sourceHandle}->${target}` : `${source}->${target}`,
  source,
  target,
  ...(sourceHandle ? { sourceHandle } : {}),
});
/** Edges along a chain of node ids. */
export const chain = (...ids: string[]) => ids.slice(1).map((id, i) => edge(ids[i]!, id));
