import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

// <Trans> tags (`<b>`, `<0>`, `<link/>`) stay as they are: react-i18next turns them into elements;
// so do the canvas summaries' literal `{param|fallback}` placeholders, which the editor fills in.
const TAG = /(<\/?[\w-]+\s*\/?>|\{\w+(?:\|[^{}]*)?\})/;

function accent(text: string): string {
  return text
    .split(TAG)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)))
    .join('');
}

function walk(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: walk(o.value) }]));
      return { ...el, options };
    }
    return el;
  });
}

/**
 * The pseudo-locale's version of an English ICU message: letters accented (placeholders, plural
 * branches' structure and tags kept), padded by about 30 % (translations run longer than English),
 * and bracketed, so cut-off text shows a missing bracket.
 */
export function pseudoLocalize(message: string): string {
  const ast = walk(parse(message, { ignoreTag: true }));
  const letters = message.replace(/\{[^}]*\}|<[^>]*>/g, '').replace(/[^A-Za-z]/g, '').length;
  const pad = '~'.repeat(Math.max(1, Math.round(letters * 0.3)));
  return `⟦${printAST(ast)}${pad}⟧`;
}

type Tree = { [key: string]: string | Tree };

/** A whole namespace through pseudoLocalize. */
export function pseudoLocalizeTree(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? pseudoLocalize(v) : pseudoLocalizeTree(v)]));
}
