/**
 * One rule of how the canvas summarises a node in one line. The editor tries a node's rules in
 * order and uses the first whose `when` matches (a rule without `when` always matches):
 * - `format`: text with `{param}` placeholders, e.g. "Keep where {field|item} {operator}". After `|`
 *   comes a fallback for an empty or missing param (`{value|}` falls back to nothing). A placeholder
 *   without a fallback whose param is empty leaves the format out. Values of an enum param are
 *   shown as the form shows them ("notContains" → "not contains").
 * - `show`: params tried in order; the first non-empty one (text as it is, anything else as JSON)
 *   follows the format, joined by " — ".
 * When no rule matches the editor shows the node's first non-empty param that is not secret.
 * A format is English text read on the canvas: it is a node text (describe-texts.ts), so it goes
 * through the `nodes` catalogue and is translated like titles; run `i18n:nodes` after changing one.
 */
export interface NodeSummaryRule {
  /** Applies only when the param's value equals (or does not equal) this; a missing param is undefined. */
  when?: { param: string; equals?: string; notEquals?: string };
  format?: string;
  show?: string[];
}

/** How the editor presents a node type. */
export interface NodeDisplay {
  /** A lucide icon name (kebab-case, e.g. "rss", "message-square"). */
  icon: string;
  /** Words people search the palette with, besides the title ("openai", "scrape", "cron"). */
  synonyms: string[];
  summary?: NodeSummaryRule[];
}
