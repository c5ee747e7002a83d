/**
 * The way out of the terminal for keyboard users. Every key goes to the
 * shell (Tab completes, Esc and Ctrl+K belong to programs), except a Tab or
 * Shift+Tab pressed right after Esc: that one is left to the browser, which
 * moves focus out. Returns whether xterm should handle the key.
 */
export function terminalKeyFilter(): (event: KeyboardEvent) => boolean {
  let afterEscape = false;
  return (event) => {
    if (event.type !== 'keydown' || ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return true;
    if (event.key === 'Tab' && afterEscape && !event.ctrlKey && !event.altKey && !event.metaKey) {
      afterEscape = false;
      return false;
    }
    afterEscape = event.key === 'Escape';
    return true;
  };
}
