import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type Tree = { [key: string]: string | Tree };

/** Every message of a namespace as `key.path → text`. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names a message uses (`{name}`, `{count, plural, …}`), nested ones included. */
export function messageArguments(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return names;
}

/** The <Trans> tags of a message (`<b>`, `<link>`), which every translation must keep. */
export function messageTags(message: string): string[] {
  return [...message.matchAll(/<\/?([\w-]+)\s*\/?>/g)].map((m) => m[0]).sort();
}
