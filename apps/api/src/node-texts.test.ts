import { describe, expect, it } from 'vitest';
import { resources } from '@bm/i18n';
import { describeNodeTypes, nodeTextPaths, nodeTextPrefix } from '@bm/nodes';
import { englishNodeTexts, nodeCatalogue } from './lib/node-catalogue';
import { hasMessage, message } from './lib/messages';

// The node definitions are the source of every node text's English; the `nodes` catalogue holds
// it (generated) with its translations. These fail when a definition's text changed without the
// catalogue following: run `pnpm --filter @bm/api run i18n:nodes`, then translate in ko/nodes.json.
describe('node catalogue texts', () => {
  const texts = describeNodeTypes().flatMap((d) =>
    [...nodeTextPaths(d)].map(([path, text]) => ({ key: `${nodeTextPrefix(d)}.${path}`, text })),
  );

  it('has every definition text in the English catalogue, unchanged (the generated file is current)', () => {
    expect(resources.en.nodes).toEqual(englishNodeTexts());
    expect(texts.length).toBeGreaterThan(100);
    const differs = texts.filter(({ key, text }) => message('en', 'nodes', key) !== text).map((t) => t.key);
    expect(differs).toEqual([]);
  });

  it('has a Korean text for every definition text', () => {
    const missing = texts.filter(
      ({ key }) =>
        !hasMessage('nodes', key) ||
        (message('ko', 'nodes', key) === message('en', 'nodes', key) &&
          /[a-z]{4,}/i.test(message('en', 'nodes', key)) &&
          !/^[`{]/.test(message('en', 'nodes', key))),
    );
    expect(missing.map((t) => t.key)).toEqual([]);
  });

  it('keeps the placeholders of every canvas summary format in each language', () => {
    // `{param|fallback}`: the param names are facts (the editor fills them in); fallbacks are words.
    const names = (text: string) => [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();
    const formats = texts.filter(({ key }) => /\.display\.summary\.\d+\.format$/.test(key));
    expect(formats.length).toBeGreaterThan(5);
    for (const locale of ['ko', 'en-XA'] as const) {
      const differ = formats.filter(({ key, text }) => names(message(locale, 'nodes', key)).join() !== names(text).join());
      expect(differ.map((f) => `${locale} ${f.key}`)).toEqual([]);
    }
    expect(nodeCatalogue('ko').find((d) => d.id === 'output.email')!.display.summary![0]!.format).toBe('받는 사람: {to}');
  });

  it('serves each language with the same facts', () => {
    const en = nodeCatalogue('en');
    const ko = nodeCatalogue('ko');
    expect(ko.map((d) => [d.id, d.version, d.category, d.inputs.map((p) => p.name), d.ui])).toEqual(
      en.map((d) => [d.id, d.version, d.category, d.inputs.map((p) => p.name), d.ui]),
    );
    const chat = ko.find((d) => d.id === 'llm.chat')!;
    expect(chat.title).toMatch(/[가-힣]/);
    expect(nodeCatalogue('en-XA').find((d) => d.id === 'llm.chat')!.title).toMatch(/^⟦.*⟧$/);
  });
});
