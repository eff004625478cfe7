import { AUDIT_ACTIONS } from '@bm/contract';
import { resources } from '@bm/i18n';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_KEYS } from './audit-texts';

type Tree = { [k: string]: string | Tree };
const lookup = (tree: Tree, path: string) =>
  path.split('.').reduce<string | Tree | undefined>((n, k) => (typeof n === 'object' ? n[k] : undefined), tree);
// Action names contain dots (auth.signIn.newDevice): the catalogue nests them as written.
const text = (lang: 'en' | 'ko', key: string) => lookup(resources[lang].teams as Tree, key.replace(/^teams:/, ''));

describe('audit action texts', () => {
  it('has a key for every action of the contract', () => {
    expect(Object.keys(AUDIT_ACTION_KEYS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each(['en', 'ko'] as const)('says every action in %s', (lang) => {
    const missing = AUDIT_ACTIONS.filter((a) => {
      const s = text(lang, AUDIT_ACTION_KEYS[a]);
      return typeof s !== 'string' || !s.trim();
    });
    expect(missing).toEqual([]);
  });
});
