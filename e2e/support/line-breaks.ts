import type { Locator } from '@playwright/test';

/**
 * Where the text in `locator` wraps onto a new line, as a person reads it: for each wrap, the
 * characters either side ("bi|n" is a mid-word break). A wrap after a space, "/" or "-" is a
 * sensible one; the rest are returned.
 */
export function midWordBreaks(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let previous: { char: string; top: number; before: string } | undefined;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let index = 0; index < text.length; index += 1) {
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !text[index].trim()) {
          if (text[index]) previous = previous && { ...previous, char: text[index] };
          continue;
        }
        if (previous && rect.top > previous.top + rect.height / 2 && !/[\s/\-=,]/.test(previous.char)) {
          bad.push(`${previous.before}|${text.slice(index, index + 6)}`);
        }
        previous = { char: text[index], top: rect.top, before: (previous?.before ?? '').concat(text[index]).slice(-6) };
      }
    }
    return bad;
  });
}
