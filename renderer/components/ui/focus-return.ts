/**
 * Where focus goes back when a dialog closes. <dialog> gives focus back to the element that had it
 * when it opened, but a dialog opened from a menu item opens while that item is being removed with
 * its menu, so focus fell to <body>. A menu records its button when an item is picked; a dialog
 * opened from a menu returns focus there.
 */
let lastMenuButton: HTMLElement | null = null;

export function rememberMenuButton(button: HTMLElement | null): void {
  lastMenuButton = button;
}

/** The control a dialog opening now should give focus back to. */
export function dialogOpener(): HTMLElement | null {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const fromMenu = !active || active === document.body || Boolean(active.closest('[role="menu"]'));
  return fromMenu && lastMenuButton?.isConnected ? lastMenuButton : active;
}
