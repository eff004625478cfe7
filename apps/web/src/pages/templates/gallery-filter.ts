import type { Template } from '@bm/contract';

type Filterable = Pick<Template, 'name' | 'description' | 'category' | 'nodesUsed'>;

type Names = { nodeTitle?: (type: string) => string; categoryName?: (category: string) => string };

/** Every word of the query must appear in the name, description, category or a node's title (any order, any case). */
export function filterTemplates<T extends Filterable>(
  templates: readonly T[],
  query: string,
  category: string | null,
  { nodeTitle = (type) => type, categoryName = (c) => c }: Names = {},
): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return templates.filter((tpl) => {
    if (category && tpl.category !== category) return false;
    if (words.length === 0) return true;
    const haystack = [tpl.name, tpl.description, tpl.category, categoryName(tpl.category), ...tpl.nodesUsed.map(nodeTitle)]
      .join('\n')
      .toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The categories present, in the order they first appear (the server lists the gallery in its order). */
export function categoriesOf(templates: readonly Pick<Template, 'category'>[]): string[] {
  return [...new Set(templates.map((t) => t.category))];
}
