import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { flatten, messageArguments, messageTags } from './catalogue';
import { LOCALES, SOURCE_LOCALE } from './locales';
import { NAMESPACES, resources } from './resources';

const source = Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(resources[SOURCE_LOCALE][ns])]));

describe('message catalogues', () => {
  it('have the namespaces the server side will fill, and some messages', () => {
    expect(NAMESPACES).toContain('errors');
    expect(NAMESPACES).toContain('nodes');
    expect([...Object.values(source)].reduce((n, m) => n + m.size, 0)).toBeGreaterThan(300);
  });

  for (const locale of LOCALES) {
    for (const ns of NAMESPACES) {
      const messages = flatten(resources[locale][ns]);
      it(`${locale}:${ns} has exactly the keys of ${SOURCE_LOCALE}`, () => {
        expect([...messages.keys()].sort()).toEqual([...source[ns]!.keys()].sort());
      });
      it(`${locale}:${ns} is valid ICU with the same arguments and tags as ${SOURCE_LOCALE}`, () => {
        const problems: string[] = [];
        for (const [key, text] of messages) {
          try {
            new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
          } catch (err) {
            problems.push(`${key}: ${(err as Error).message}`);
            continue;
          }
          const en = source[ns]!.get(key);
          if (en === undefined) continue;
          if (!text.trim()) problems.push(`${key}: empty`);
          const a = [...messageArguments(text)].sort();
          const b = [...messageArguments(en)].sort();
          if (a.join() !== b.join()) problems.push(`${key}: arguments ${a} ≠ ${b}`);
          if (messageTags(text).join() !== messageTags(en).join()) problems.push(`${key}: tags differ`);
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('uses no void HTML element as a <Trans> tag (react-i18next would drop its text)', () => {
    const VOID = /^<\/?(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b/;
    const bad = [...NAMESPACES].flatMap((ns) =>
      [...flatten(resources.en[ns])].filter(([, text]) => messageTags(text).some((tag) => VOID.test(tag))).map(([key]) => `${ns}:${key}`),
    );
    expect(bad).toEqual([]);
  });

  it('Korean uses 해요체 throughout, never 합니다체', () => {
    const formal = [...NAMESPACES].flatMap((ns) =>
      [...flatten(resources.ko[ns])].filter(([, text]) => /(습니다|십시오|합니까|습니까)/.test(text)).map(([key]) => `${ns}:${key}`),
    );
    expect(formal).toEqual([]);
  });

  it('Korean is written in Korean, not left in English', () => {
    // Messages with words but no Hangul; product and protocol names are the only exceptions.
    const KEEP = /^(Bot Manager|LLM|API|Webhook URL|v\{version\}|\{\w+\}.*)$/;
    // Canvas summary formats (`'{'method|GET'}' '{'url'}'`) may be placeholders only: param names, not words.
    const placeholders = (text: string) => text.replace(/'\{'\w+(\|[^']*)?'\}'/g, '');
    const english = [...NAMESPACES].flatMap((ns) =>
      [...flatten(resources.ko[ns])]
        .filter(([, text]) => /[A-Za-z]{3,}/.test(placeholders(text)) && !/[가-힣]/.test(text) && !KEEP.test(text))
        .map(([key, text]) => `${ns}:${key} = ${text}`),
    );
    expect(english).toEqual([]);
  });
});
