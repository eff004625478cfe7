import { NAMESPACES, sourceResources } from '@bm/i18n';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sources, visit, where } from './source-files';

/**
 * Guard: every key the code names exists, and every message of the web's namespaces is used. Code
 * always writes full `ns:key` literals (keys chosen at run time come from typed maps of such
 * literals, e.g. STATUS_KEYS, OVERLAP_LABEL), so reading string literals finds them all.
 * `errors` and `nodes` belong to the server and are not checked for use here.
 */
const WEB_NAMESPACES = ['common', 'pages', 'settings', 'teams', 'editor', 'expressions', 'usage', 'gallery', 'versions'] as const;
const KEY = new RegExp(`^(${NAMESPACES.join('|')}):([\\w.-]+)$`);

type Tree = { [k: string]: string | Tree };
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

const defined = new Set(NAMESPACES.flatMap((ns) => keysOf(sourceResources[ns] as Tree).map((k) => `${ns}:${k}`)));
const referenced = new Map<string, string>();
for (const src of sources())
  visit(src.file, (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEY.test(node.text))
      referenced.set(node.text, where(src, node));
  });

describe('catalogue keys in the web app', () => {
  it('finds the keys the code uses', () => {
    expect(referenced.size).toBeGreaterThan(300);
  });

  it('uses no key that is missing from the catalogue', () => {
    expect([...referenced].filter(([k]) => !defined.has(k)).map(([k, at]) => `${at} ${k}`)).toEqual([]);
  });

  it('leaves no message of its namespaces unused', () => {
    const unused = [...defined].filter((k) => WEB_NAMESPACES.some((ns) => k.startsWith(`${ns}:`)) && !referenced.has(k));
    expect(unused).toEqual([]);
  });
});
