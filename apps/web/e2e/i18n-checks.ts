import type { Page } from 'playwright-core';

/**
 * Visible text nodes that the pseudo-locale did not reach: runs of plain ASCII letters outside
 * user content (`translate="no"`) and React Flow's attribution. The server's node catalogue is
 * pseudo-localized too (the API answers `Accept-Language: en-XA` in it). Each pseudo message is
 * accented, so plain letters mean a string that did not come from the catalogue.
 */
export function untranslatedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = '[translate="no"], .react-flow__attribution, select, option, datalist, script, style, code, pre, .mono, .node-id';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text || el.closest(skip) || !el.checkVisibility()) continue;
      if (/[A-Za-z]{2,}/.test(text)) out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (el.closest(skip) || !el.checkVisibility()) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v && /[A-Za-z]{2,}/.test(v) && !v.startsWith('⟦')) out.push(`[${attr}] ${v}`);
      }
    }
    return out;
  });
}

/**
 * Controls whose text does not fit: buttons, tabs, badges, nav links and table heads never clip
 * on purpose (only `.truncate` does), so a longer translation must not push text out of them.
 */
export function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.btn, .tab, .badge, .topnav a, .table th, .field-label, .state-title')) {
      if (!el.checkVisibility() || el.closest('.truncate') || el.classList.contains('truncate')) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2)
        out.push(`${el.className}: ${el.textContent?.trim()}`);
    }
    return out;
  });
}

/** Types text the way a Korean IME does: each syllable is composed (ㅈ → 자 …) and then committed. */
export async function typeWithIme(page: Page, text: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const ch of text) {
    if (/[가-힣]/.test(ch)) {
      await cdp.send('Input.imeSetComposition', { text: ch, selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.insertText', { text: ch });
    } else await page.keyboard.type(ch);
  }
  await cdp.detach();
}
