import type { Locator } from '@playwright/test';

/** The options of these selects whose text is wider than the select can show (measured with the select's own font). */
export function clippedOptions(selects: Locator): Promise<string[]> {
  return selects.evaluateAll((elements) =>
    (elements as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // 20 px: the select's arrow.
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options].filter((option) => context.measureText(option.text).width > room).map((option) => option.text);
    }),
  );
}
