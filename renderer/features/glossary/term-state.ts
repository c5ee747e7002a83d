/** Whether a glossary definition is hidden, previewed (hover or focus) or pinned (clicked). */
export type Shown = 'no' | 'preview' | 'pinned';

/** What the user did to the "?": pointed at it or focused it, left it, clicked it, or moved focus away. */
export type GlossaryEvent = 'preview' | 'leave' | 'click' | 'blur';

/**
 * Hover and focus only preview; a click pins (and a second click unpins), so
 * the click that follows a hover keeps the definition open instead of closing
 * it; leaving with the pointer ends a preview but not a pin; focus leaving
 * ends both.
 */
export function glossaryNext(shown: Shown, event: GlossaryEvent): Shown {
  switch (event) {
    case 'preview':
      return shown === 'no' ? 'preview' : shown;
    case 'leave':
      return shown === 'preview' ? 'no' : shown;
    case 'click':
      return shown === 'pinned' ? 'no' : 'pinned';
    case 'blur':
      return 'no';
  }
}
