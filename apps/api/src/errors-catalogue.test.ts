import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, resources } from '@bm/i18n';
import { errorMessage, type ErrorKey } from './lib/messages';
import { knownHints } from './lib/validation-messages';

// The catalogue guard: every message key the API can produce exists in every language. Keys given
// as literals are typed (ErrorKey), but a code used as its own key, a notFound() noun or a key in
// a ternary are only strings to the compiler: this reads the sources the way a reviewer would.
const SRC = import.meta.dirname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
const sources = files(SRC).map((p) => ({ file: relative(SRC, p), text: readFileSync(p, 'utf8') }));

type Tree = { [k: string]: string | Tree };
const leaf = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), tree);

function keysUsed(): Set<string> {
  const keys = new Set<string>();
  for (const { text } of sources) {
    // apiError(status, 'CODE') and apiError(status, 'CODE', { params }) use the code as the key.
    for (const m of text.matchAll(/apiError\(\s*\d+,\s*'([A-Z_]+)'\s*(?:\)|,\s*\{((?:[^{}]|\{[^{}]*\})*)\})/g))
      if (!/\bkey:/.test(m[2] ?? '')) keys.add(m[1]!);
    for (const m of text.matchAll(/notFound\('(\w+)'\)/g)) keys.add(`NOT_FOUND.${m[1]}`);
    // Any dotted key literal ('FORBIDDEN.role', 'NOT_FOUND.item', …), ternaries included.
    for (const m of text.matchAll(/'([A-Z][A-Z_]+(?:\.[A-Za-z]+)+)'/g)) keys.add(m[1]!);
    // The error handler's own answers: send(status, 'CODE', 'KEY').
    for (const m of text.matchAll(/send\([\w.]+, '?[\w.]+'?, '([A-Z][A-Z_]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('API error messages', () => {
  const used = keysUsed();

  it('finds the keys the API uses', () => {
    expect(used.size).toBeGreaterThan(30);
    expect(used).toContain('NOT_FOUND.bot');
    expect(used).toContain('INTERNAL');
    expect(used).toContain('VERSION_MISSING');
  });

  it.each(LOCALES)('has every key the API can produce in %s', (locale) => {
    const missing = [...used].filter((k) => typeof leaf(resources[locale].errors as Tree, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('builds every error through apiError: no English string handed to HttpError', () => {
    const raw = sources
      .filter((s) => s.file !== join('lib', 'errors.ts') && /new HttpError\(|\b(badRequest|forbidden|conflict)\(/.test(s.text))
      .map((s) => s.file);
    expect(raw).toEqual([]);
  });

  it('knows every hint the contract gives in its zod schemas, in every language', () => {
    const contract = join(SRC, '../../../packages/contract/src');
    const hints = readdirSync(contract)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        [...readFileSync(join(contract, f), 'utf8').matchAll(/(?:\.(?:min|max|email|regex)\([^'"]*|message: |\}, )'([A-Z][^']+\.)'/g)].map(
          (m) => m[1]!,
        ),
      );
    expect(hints.length).toBeGreaterThan(8);
    expect(hints.filter((h) => !knownHints().includes(h))).toEqual([]);
  });

  it('renders parameters in each language', () => {
    const key: ErrorKey = 'FORBIDDEN.role';
    expect(errorMessage('en', key, { min: 'editor', role: 'viewer' })).toBe('This needs the editor role in the workspace; you are viewer.');
    expect(errorMessage('ko', key, { min: 'editor', role: 'viewer' })).toBe(
      '워크스페이스에서 편집자 역할이 필요해요. 지금 역할은 뷰어예요.',
    );
    expect(errorMessage('en', 'INVALID_GRAPH.problems', { first: 'x', more: 2 })).toBe('The graph has problems: x (and 2 more)');
    expect(errorMessage('en', 'INVALID_GRAPH.problems', { first: 'x', more: 0 })).toBe('The graph has problems: x');
    expect(errorMessage('en-XA', 'NOT_FOUND.bot')).toMatch(/^⟦Ɓóţ ŵáš ñóţ ƒóúñð\.~+⟧$/);
  });
});
