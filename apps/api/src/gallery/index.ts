import { createHash } from 'node:crypto';
import { ConnectionSlot, Graph } from '@bm/contract';
import type { Prisma, Repositories, TemplateContent } from '@bm/db';
import { nodesUsed, toPortable } from '@bm/nodes';
import { feedItemSummaries } from './feed-item-summaries';
import { feedTranslation } from './feed-translation';
import { jsonExtraction } from './json-extraction';
import { moderation } from './moderation';
import { morningBriefing } from './morning-briefing';
import { pageChanges } from './page-changes';
import { replyAfterApproval } from './reply-after-approval';
import { rssDigest } from './rss-digest';
import { sideBySide } from './side-by-side';
import { supportRouting } from './support-routing';
import { ticketTriage } from './ticket-triage';
import { webhookReply } from './webhook-reply';
import { weeklyReport } from './weekly-report';
import type { GalleryTemplate } from './types';

// The gallery lives in the API (not a package of its own): the API is what serves and seeds
// templates; nothing else imports them, and the web gets them through GET /api/templates.

/** The built-in templates, in the order the gallery shows them. */
export const GALLERY: readonly GalleryTemplate[] = [
  rssDigest,
  pageChanges,
  webhookReply,
  morningBriefing,
  jsonExtraction,
  sideBySide,
  ticketTriage,
  weeklyReport,
  feedTranslation,
  moderation,
  supportRouting,
  replyAfterApproval,
  feedItemSummaries,
];

export { GALLERY_CATEGORIES, GALLERY_CATEGORY_NAMES, type GalleryCategory, type GalleryTemplate } from './types';

/**
 * What a gallery entry stores: its graph with defaults applied, its slots (the entry's own, or
 * the one the graph's LLM nodes rely on), the secret names and node types the graph uses.
 */
export function galleryContent(t: GalleryTemplate): TemplateContent {
  const graph = Graph.parse(t.graph);
  const portable = toPortable(graph);
  const slots = (t.slots ?? portable.slots.map((s) => ({ ...s, label: 'LLM connection' }))).map((s) => ConnectionSlot.parse(s));
  return {
    name: t.name,
    description: t.description,
    category: t.category,
    graph: portable.graph as unknown as Prisma.InputJsonValue,
    slots: slots as unknown as Prisma.InputJsonValue,
    secretSlots: portable.secretSlots,
    sampleInput: t.sampleInput as Prisma.InputJsonValue,
    nodesUsed: nodesUsed(graph),
  };
}

/** The definition's fingerprint: seeding writes a new version only when it changes. */
export const galleryHash = (content: TemplateContent) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/**
 * Seeds the built-in templates at start and upgrades changed ones in place (same row, a new
 * version); entries the app no longer ships are removed. Bots made from them are not touched.
 */
export async function seedGallery(repos: Pick<Repositories, 'templates'>) {
  const outcome = { created: 0, upgraded: 0, unchanged: 0 };
  for (const t of GALLERY) {
    const content = galleryContent(t);
    outcome[await repos.templates.upsertBuiltin(t.key, galleryHash(content), content)]++;
  }
  const removed = (await repos.templates.removeBuiltinsExcept(GALLERY.map((t) => t.key))).count;
  return { ...outcome, removed };
}
