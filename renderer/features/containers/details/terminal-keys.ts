/**
 * The way out of the terminal for keyboard users. Every key goes to the
 * shell (Tab completes, Esc and Ctrl+K belong to programs), except a Tab or
 * Shift+Tab pressed right after Esc: that one is left to the browser, which
 * moves focus out. Returns whether xterm should handle the key.
 * `leaveForward` moves focus itself on Esc then Tab (the browser would drop it on <body> when the
 * terminal is the page's last control); it returns false to leave the move to the browser.
 */
export function terminalKeyFilter(leaveForward?: () => boolean): (event: KeyboardEvent) => boolean {
  let afterEscape = false;
  return (event) => {
    if (event.type !== 'keydown' || ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return true;
    if (event.key === 'Tab' && afterEscape && !event.ctrlKey && !event.altKey && !event.metaKey) {
      afterEscape = false;
      if (!event.shiftKey && leaveForward?.()) event.preventDefault();
      return false;
    }
    afterEscape = event.key === 'Escape';
    return true;
  };
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The first control after `element` in Tab order, wrapping to the window's first (as the desktop window does). */
export function focusNextControl(element: Element): boolean {
  const controls = [...element.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (control) => !element.contains(control) && control.tabIndex >= 0 && control.checkVisibility({ visibilityProperty: true }),
  );
  const next = controls.find((control) => element.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING) ?? controls[0];
  next?.focus();
  return Boolean(next);
}
