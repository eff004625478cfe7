import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { flatten } from './catalogue';
import { createI18n } from './create-i18n';
import { pseudoLocalize } from './pseudo';
import { NAMESPACES, resources } from './resources';

describe('pseudo-locale', () => {
  it('accents, pads and brackets text but keeps arguments, plural structure and tags', () => {
    const out = pseudoLocalize('Deleted <b>{name}</b>: {count, plural, one {# node} other {# nodes}}');
    const shown = new IntlMessageFormat(out, 'en', undefined, { ignoreTag: true }).format({ count: 2, name: 'Ada' });
    expect(shown).toMatch(/^⟦Ðéļéţéð <b>Ada<\/b>: 2 ñóðéš~+⟧$/);
  });

  it('turns every English message into a valid ICU message', () => {
    for (const ns of NAMESPACES)
      for (const [key, text] of flatten(resources.en[ns]))
        expect(() => new IntlMessageFormat(pseudoLocalize(text), 'en', undefined, { ignoreTag: true }), key).not.toThrow();
  });

  it('is served by createI18n when asked for', () => {
    const i18n = createI18n({ locale: 'en-XA', pseudo: true });
    expect(i18n.t('pages:bots.title')).toMatch(/^⟦Ɓóţš~+⟧$/);
    expect(createI18n({ locale: 'en-XA' }).t('pages:bots.title')).toBe('Bots');
  });
});
