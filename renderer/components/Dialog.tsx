import { useEffect, useId, useRef, type ReactNode } from 'react';
import { dialogOpener } from './ui/focus-return';

/**
 * A modal built on <dialog>: the browser traps focus, screen readers announce
 * it by its title, and Escape asks the owner to close it (the owner unmounts
 * it, so React state and the dialog never disagree). Focus goes back to the control that opened
 * it, the ⋯ button for a dialog opened from its menu.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = dialogOpener();
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // After React removes the dialog (and, for a menu, after the menu's own focus handling).
      requestAnimationFrame(() => {
        if (opener?.isConnected && (document.activeElement === document.body || !document.activeElement)) opener.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

export const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800';
export const PRIMARY_BUTTON = 'rounded-md bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:opacity-60';
export const DANGER_BUTTON = 'rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60';
