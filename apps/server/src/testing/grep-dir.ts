import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files under `dir` whose bytes contain `needle` (a leaked key or secret in the data directory). */
export function grepDir(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.size < 200 * 1024 * 1024 && readFileSync(p).toString('latin1').includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}
