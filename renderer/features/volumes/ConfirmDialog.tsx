import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BUTTON, DANGER_BUTTON, Dialog, PRIMARY_BUTTON } from '../../components/Dialog';

/** A modal that names what will happen; Escape or Cancel closes it. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  blocked,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** Confirming waits for something in the body (e.g. a box to tick). */
  blocked?: boolean;
  /** Absent for a dialog that only tells: then its one button (confirmLabel) closes it. */
  onConfirm?: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // The title names what the user is asked about, as it was when the dialog opened: the work
  // may rename things under it (a recreate parks the old container as NAME-old-<number>).
  const [openedTitle] = useState(title);
  // While the work runs, the dialog keeps saying what was confirmed.
  const [held, setHeld] = useState({ children, confirmLabel });
  if (!busy && (held.children !== children || held.confirmLabel !== confirmLabel)) setHeld({ children, confirmLabel });
  const shown = busy ? held : { children, confirmLabel };
  return (
    <Dialog title={openedTitle} onClose={onCancel}>
      <div className="space-y-2 text-sm">{shown.children}</div>
      <div className="mt-5 flex justify-end gap-2">
        {onConfirm && (
          <button type="button" onClick={onCancel} className={BUTTON}>
            {t('volumes.cancel')}
          </button>
        )}
        <button type="button" disabled={busy || blocked} onClick={onConfirm ?? onCancel} className={danger ? DANGER_BUTTON : PRIMARY_BUTTON}>
          {shown.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
