/** Readable ids from n8n names: "Fetch Hacker News" → `fetch_hacker_news`. */
function slug(name: string, ascii: boolean, max: number): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const cleaned = base.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
  // NFKD took accents apart (and Hangul into jamo): put what is left back together.
  return [...cleaned.normalize('NFC')].slice(0, max).join('').replace(/_+$/, '');
}

/** Hands out unique ids; the first holder of a base id keeps it, later ones get `_2`, `_3`… */
export class IdPool {
  private readonly used = new Set<string>();
  constructor(
    private readonly ascii: boolean,
    private readonly max: number,
  ) {}

  take(name: string, fallback: string): string {
    let base = slug(name, this.ascii, this.max) || fallback;
    // A leading digit would read as an index in `nodes.<id>` paths.
    if (/^\p{N}/u.test(base)) base = `n_${base}`;
    let id = base;
    for (let i = 2; this.used.has(id); i += 1) id = `${base}_${i}`;
    this.used.add(id);
    return id;
  }
}

/** A workspace secret name (`[A-Za-z_][A-Za-z0-9_]{0,63}`) from a description, e.g. "Slack #news" → `SLACK_NEWS`. */
export function secretName(text: string): string {
  const s = slug(text, true, 60).toUpperCase();
  return /^[A-Z_]/.test(s) ? s : `S_${s}`.slice(0, 64);
}
