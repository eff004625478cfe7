import { describe, expect, it } from 'vitest';
import { htmlToText, truncate } from './text';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, decodes entities, drops markup', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; <b>bar</b></p><p>line<br>next&#8230;</p>')).toBe('Café & bar\n\nline\nnext…');
  });

  it('leaves out scripts, styles, images and link targets; headings stay as written', () => {
    const html =
      '<style>p{color:red}</style><script>alert(1)</script><h2>Heading</h2><p>See <a href="https://x.test/a">the docs</a>.</p><img src="/p.jpg" alt="photo">';
    expect(htmlToText(html)).toBe('Heading\n\nSee the docs.');
  });

  it('writes list items as bullets, one per line', () => {
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('• one\n• two');
  });

  it('returns plain text unchanged apart from whitespace', () => {
    expect(htmlToText('  just   text  ')).toBe('just text');
  });
});

describe('truncate', () => {
  it('cuts with an ellipsis within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
